//! Turns the edits of explained diagnostics into new file contents with `rustfix` (the crate
//! `cargo fix` uses): at most one edit per diagnostic, the first that applies; an edit that
//! overlaps one already made is skipped, an identical one counts as made. Only files under the
//! workspace root (and outside its target directory) are edited, and only where the file still
//! holds what the compiler saw: each replaced range must sit at the line and column rustc gave
//! (a file changed since the check is left alone).
//! Reads files; writes nothing.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use rustfix::{CodeFix, Replacement, Solution};

use super::collect::{Candidate, EditId, Explained};
use super::error::FixError;

/// Where the edited files live.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    pub target_dir: PathBuf,
}

impl Workspace {
    /// The file a compiler path names (relative to the workspace root, or absolute), when `fix`
    /// may edit it.
    pub fn editable(&self, name: &str) -> Option<PathBuf> {
        let path = self.root.join(name);
        let path = path.canonicalize().ok()?;
        let root = self.root.canonicalize().ok()?;
        let target = self
            .target_dir
            .canonicalize()
            .unwrap_or_else(|_| self.target_dir.clone());
        (path.starts_with(&root) && !path.starts_with(&target) && path.is_file()).then_some(path)
    }
}

/// Which edits to plan.
#[derive(Debug, Clone, Copy)]
pub enum Pick<'a> {
    /// For every diagnostic, its first edit that applies and is not among `skip` (edits that
    /// made things worse before).
    FirstThatApplies { skip: &'a HashSet<EditId> },
    /// Only this candidate of this diagnostic (indices into the analysis).
    Only { diagnostic: usize, candidate: usize },
    /// Only the first edit with this id.
    Id(&'a EditId),
}

/// New contents for the files the edits touch.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub files: Vec<FileEdit>,
}

impl Plan {
    pub fn edits(&self) -> usize {
        self.files.iter().map(FileEdit::edits).sum()
    }

    /// Only the files among `paths`.
    pub fn restricted_to(mut self, paths: &[PathBuf]) -> Plan {
        self.files.retain(|f| paths.contains(&f.path));
        self
    }
}

/// One file's edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEdit {
    pub path: PathBuf,
    /// The file as the compiler names it (relative to the workspace root).
    pub name: String,
    pub before: String,
    pub after: String,
    /// The edits it holds, one per diagnostic.
    pub ids: Vec<EditId>,
}

impl FileEdit {
    pub fn edits(&self) -> usize {
        self.ids.len()
    }
}

/// Plans the edits of `explained` (see [`Pick`]).
pub fn plan(
    workspace: &Workspace,
    explained: &[Explained],
    pick: Pick<'_>,
) -> Result<Plan, FixError> {
    let mut files: BTreeMap<PathBuf, Open> = BTreeMap::new();
    for (d, diagnostic) in explained.iter().enumerate() {
        let chosen: Vec<&Candidate> = match pick {
            Pick::FirstThatApplies { skip } => diagnostic
                .candidates
                .iter()
                .filter(|c| !skip.contains(&c.id))
                .collect(),
            Pick::Only {
                diagnostic: wanted,
                candidate,
            } if wanted == d => diagnostic.candidates.get(candidate).into_iter().collect(),
            Pick::Only { .. } => Vec::new(),
            Pick::Id(_) if files.values().any(|f| !f.ids.is_empty()) => Vec::new(),
            Pick::Id(id) => diagnostic
                .candidates
                .iter()
                .filter(|c| c.id == *id)
                .collect(),
        };
        for candidate in chosen {
            let Some(path) = workspace.editable(candidate.file()) else {
                continue;
            };
            let open = match files.entry(path.clone()) {
                std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::btree_map::Entry::Vacant(e) => {
                    let Some(open) = Open::read(&path, candidate.file())? else {
                        continue;
                    };
                    e.insert(open)
                }
            };
            if open.apply(candidate) {
                break;
            }
        }
    }
    let mut plan = Plan::default();
    for (path, open) in files {
        if open.ids.is_empty() {
            continue;
        }
        let Ok(after) = open.fix.finish() else {
            continue;
        };
        if after != open.before {
            plan.files.push(FileEdit {
                path,
                name: open.name,
                before: open.before,
                after,
                ids: open.ids,
            });
        }
    }
    Ok(plan)
}

/// A file being edited.
struct Open {
    name: String,
    before: String,
    fix: CodeFix,
    ids: Vec<EditId>,
}

impl Open {
    /// The file's text; `None` when it is not UTF-8 (rustc would not have compiled it either).
    fn read(path: &Path, name: &str) -> Result<Option<Open>, FixError> {
        let bytes = std::fs::read(path).map_err(|source| FixError::Read {
            path: path.to_owned(),
            source,
        })?;
        let Ok(before) = String::from_utf8(bytes) else {
            return Ok(None);
        };
        Ok(Some(Open {
            name: name.to_owned(),
            fix: CodeFix::new(&before),
            before,
            ids: Vec::new(),
        }))
    }

    /// Applies a solution when its ranges are where the compiler saw them and free; true when
    /// the diagnostic is taken care of (applied now, or the same edit was made already).
    fn apply(&mut self, candidate: &Candidate) -> bool {
        let solution: &Solution = &candidate.solution;
        if !solution
            .replacements
            .iter()
            .all(|r| in_place(&self.before, r))
        {
            return false;
        }
        let before = self.fix.clone();
        match self.fix.apply_solution(solution) {
            Ok(()) if !self.still_parses() => {
                // An edit that leaves the file unreadable (rustc's suggestions are not checked)
                // is no fix: undone, and the next candidate is tried.
                self.fix = before;
                false
            }
            Ok(()) => {
                self.ids.push(candidate.id.clone());
                true
            }
            Err(rustfix::Error::AlreadyReplaced {
                is_identical: true, ..
            }) => true,
            Err(_) => false,
        }
    }
}

impl Open {
    /// Whether the file, with the edits so far, parses as Rust (a manifest as TOML).
    fn still_parses(&self) -> bool {
        let Ok(after) = self.fix.finish() else {
            return false;
        };
        if self.name.ends_with(".toml") {
            after.parse::<toml::Table>().is_ok()
        } else if self.name.ends_with(".rs") {
            syn::parse_file(&after).is_ok()
        } else {
            true
        }
    }
}

/// Whether a replacement's byte range starts and ends at the line and column (1-based, in
/// characters) the compiler gave for it, in `text`.
fn in_place(text: &str, replacement: &Replacement) -> bool {
    let snippet = &replacement.snippet;
    let lines = snippet.line_range;
    offset_of(text, lines.start.line, lines.start.column) == Some(snippet.range.start)
        && offset_of(text, lines.end.line, lines.end.column) == Some(snippet.range.end)
}

/// The byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[start..];
    let line_text = &rest[..rest.find('\n').map_or(rest.len(), |i| i + 1)];
    let chars = column.checked_sub(1)?;
    let within = match line_text.char_indices().nth(chars) {
        Some((i, _)) => i,
        // Just past the last character of the line (or of the file).
        None if line_text.chars().count() == chars => line_text.len(),
        None => return None,
    };
    Some(start + within)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "fn main() {\n    let é = \"7\";\n}\n";
        // Line 2, column 13 is the opening quote (`é` is two bytes, one character).
        let quote = text.find('"').unwrap();
        assert_eq!(offset_of(text, 2, 13), Some(quote));
        assert_eq!(offset_of(text, 1, 1), Some(0));
        // The end of a line, and the end of the file.
        assert_eq!(offset_of(text, 1, 12), Some(11));
        assert_eq!(offset_of(text, 4, 1), Some(text.len()));
        assert_eq!(offset_of(text, 2, 40), None);
        assert_eq!(offset_of(text, 9, 1), None);
    }

    #[test]
    fn a_range_that_moved_since_the_check_is_not_in_place() {
        let seen = "a\nlet x = 1;\n";
        let changed = "a\n\nlet x = 1;\n";
        // `1` on line 2, as the compiler saw it.
        let replacement = Replacement {
            snippet: rustfix::Snippet {
                file_name: "x.rs".into(),
                line_range: rustfix::LineRange {
                    start: rustfix::LinePosition { line: 2, column: 9 },
                    end: rustfix::LinePosition {
                        line: 2,
                        column: 10,
                    },
                },
                range: 10..11,
            },
            replacement: "2".into(),
        };
        assert!(in_place(seen, &replacement));
        assert!(!in_place(changed, &replacement));
        // With `\r\n` line ends, rustc's byte offsets count the `\r`s: still in place.
        let crlf = Replacement {
            snippet: rustfix::Snippet {
                range: 11..12,
                ..replacement.snippet.clone()
            },
            ..replacement.clone()
        };
        assert!(in_place("a\r\nlet x = 1;\r\n", &crlf));
    }
}
