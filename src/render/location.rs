//! Where a diagnostic points, for the CI formats: span file names made relative to the workspace
//! root, the span chosen as a diagnostic's location (the first one in the user's workspace, so an
//! error reported inside a dependency's source is pinned to the user's code that caused it), the
//! source text a span covers, and file names as URIs. Unlike `crate::span` (which only needs to
//! tell relative names from absolute ones), this knows the workspace root, so an absolute name
//! under it counts as the user's code too.

use std::path::Path;

use cargo_metadata::diagnostic::{Diagnostic, DiagnosticSpan};

/// The directory that report paths are relative to (normally the repository's root, where cargo's
/// workspace is). Built at the edge; rendering only compares strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workspace {
    /// Absolute spellings of the root (as given, and canonical when that differs), each with `/`
    /// separators and a trailing `/`.
    prefixes: Vec<String>,
}

/// A span's file as a report names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePath {
    /// Relative to the workspace root with `/` separators when `in_workspace`; otherwise the name
    /// as rustc gave it (a registry source, the standard library, `<anon>`).
    pub path: String,
    pub in_workspace: bool,
}

/// The span a report pins a diagnostic to, and its file.
#[derive(Debug, Clone)]
pub struct Located<'d> {
    pub span: &'d DiagnosticSpan,
    pub file: FilePath,
}

impl Workspace {
    /// A workspace rooted at `roots` (absolute paths: the root and, for example, its canonical
    /// form). Each is known both as given and with its `.` and `..` segments resolved (the
    /// resolved spelling first: reports name the root by it).
    pub fn new<'p>(roots: impl IntoIterator<Item = &'p Path>) -> Self {
        let mut prefixes: Vec<String> = Vec::new();
        for root in roots {
            let given = slashes(&root.to_string_lossy()).into_owned();
            if !is_absolute(&given) {
                continue;
            }
            for mut prefix in [resolve_dots(&given), given] {
                if !prefix.ends_with('/') {
                    prefix.push('/');
                }
                if !prefixes.contains(&prefix) {
                    prefixes.push(prefix);
                }
            }
        }
        Workspace { prefixes }
    }

    /// The root as a `file://` URI ending in `/`, for SARIF's `originalUriBaseIds`.
    pub fn root_uri(&self) -> Option<String> {
        self.prefixes.first().map(|p| file_uri(p))
    }

    /// How reports name the file `name` of a span.
    pub fn file(&self, name: &str) -> FilePath {
        if name.starts_with('<') || name.is_empty() {
            return outside(name);
        }
        if is_absolute(name) {
            let unified = slashes(name);
            for prefix in &self.prefixes {
                if let Some(rest) = unified.strip_prefix(prefix.as_str())
                    && !rest.is_empty()
                {
                    return inside(rest);
                }
            }
            return outside(name);
        }
        let relative = slashes(name);
        let relative = relative.trim_start_matches("./");
        if relative == ".." || relative.starts_with("../") {
            return outside(name);
        }
        inside(relative)
    }
}

impl FilePath {
    /// The file as a URI: relative (to be resolved against `%SRCROOT%`) inside the workspace,
    /// `file://` outside it. Every byte but unreserved ones and `/` is percent-encoded, so a `:`
    /// in a file name cannot read as a scheme.
    pub fn uri(&self) -> String {
        if self.in_workspace {
            percent_encode(&self.path)
        } else if is_absolute(&self.path) {
            file_uri(&slashes(&self.path))
        } else {
            percent_encode(&self.path)
        }
    }
}

fn inside(relative: &str) -> FilePath {
    FilePath {
        path: relative.to_owned(),
        in_workspace: true,
    }
}

fn outside(name: &str) -> FilePath {
    FilePath {
        path: name.to_owned(),
        in_workspace: false,
    }
}

/// Picks the span a report pins the diagnostic to: the first span in the user's workspace among,
/// in order, the primary spans (and the macro call sites they were expanded from), the other
/// spans, and the children's spans. When none is in the workspace, the first primary span (or the
/// first span at all), even outside it; `None` for a diagnostic without spans.
pub fn locate<'d>(workspace: &Workspace, diagnostic: &'d Diagnostic) -> Option<Located<'d>> {
    let mut fallback: Option<Located<'d>> = None;
    for span in candidates(diagnostic) {
        let file = workspace.file(&span.file_name);
        if file.in_workspace {
            return Some(Located { span, file });
        }
        if fallback.is_none() {
            fallback = Some(Located { span, file });
        }
    }
    fallback
}

fn candidates(diagnostic: &Diagnostic) -> Vec<&DiagnosticSpan> {
    let mut found = Vec::new();
    for span in diagnostic.spans.iter().filter(|s| s.is_primary) {
        let mut at = Some(span);
        while let Some(s) = at {
            found.push(s);
            at = s.expansion.as_deref().map(|e| &e.span);
        }
    }
    found.extend(diagnostic.spans.iter().filter(|s| !s.is_primary));
    for child in &diagnostic.children {
        child_spans(child, &mut found);
    }
    found
}

fn child_spans<'d>(child: &'d Diagnostic, found: &mut Vec<&'d DiagnosticSpan>) {
    found.extend(child.spans.iter().filter(|s| s.is_primary));
    found.extend(child.spans.iter().filter(|s| !s.is_primary));
    for grandchild in &child.children {
        child_spans(grandchild, found);
    }
}

/// The source text a span covers (the highlighted part of each line, trimmed, joined with `\n`);
/// for an empty span, the trimmed line it sits on. Independent of line numbers, so it identifies
/// the code even after lines above it moved.
pub fn span_source(span: &DiagnosticSpan) -> String {
    let parts: Vec<&str> = span.text.iter().map(highlighted).map(str::trim).collect();
    let joined = parts.join("\n");
    if joined.trim().is_empty() {
        return span
            .text
            .first()
            .map(|l| l.text.trim().to_owned())
            .unwrap_or_default();
    }
    joined
}

/// The exact text a span covers (untrimmed), for a SARIF region's `snippet`.
pub fn span_text(span: &DiagnosticSpan) -> String {
    let parts: Vec<&str> = span.text.iter().map(highlighted).collect();
    parts.join("\n")
}

fn highlighted(line: &cargo_metadata::diagnostic::DiagnosticSpanLine) -> &str {
    let text = line.text.as_str();
    let ascii = text.is_ascii();
    let char_to_byte = |column: usize| {
        if ascii {
            // Characters are bytes: no need to walk them.
            return column.saturating_sub(1).min(text.len());
        }
        text.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| i)
    };
    let start = char_to_byte(line.highlight_start);
    let end = char_to_byte(line.highlight_end).max(start);
    &text[start..end]
}

fn is_absolute(name: &str) -> bool {
    let bytes = name.as_bytes();
    name.starts_with('/')
        || name.starts_with('\\')
        || (bytes.len() >= 3
            && bytes[0].is_ascii_alphabetic()
            && bytes[1] == b':'
            && (bytes[2] == b'/' || bytes[2] == b'\\'))
}

/// An absolute `/`-separated path with its `.` segments dropped and each `..` taking away the
/// segment before it (never the root or a drive), read as written: SARIF consumers reject a base
/// URI with `..` in it, since links may make it mean something else on another machine.
fn resolve_dots(path: &str) -> String {
    let (root, rest) = match path.as_bytes() {
        [d, b':', ..] if d.is_ascii_alphabetic() => path.split_at(2),
        _ => ("", path),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in rest.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            _ => segments.push(segment),
        }
    }
    format!("{root}/{}", segments.join("/"))
}

/// Windows separators as `/`, so paths compare and read the same on every runner.
fn slashes(path: &str) -> std::borrow::Cow<'_, str> {
    if path.contains('\\') {
        std::borrow::Cow::Owned(path.replace('\\', "/"))
    } else {
        std::borrow::Cow::Borrowed(path)
    }
}

fn file_uri(absolute: &str) -> String {
    // `/abs/path` → `file:///abs/path`; `C:/dir` → `file:///C:/dir` (the drive's colon kept).
    let (drive, rest) = match absolute.as_bytes() {
        [d, b':', ..] if d.is_ascii_alphabetic() => absolute.split_at(2),
        _ => ("", absolute),
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if drive.is_empty() {
        format!("file:///{}", percent_encode(rest))
    } else {
        format!("file:///{drive}/{}", percent_encode(rest))
    }
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(root: &str) -> Workspace {
        Workspace::new([Path::new(root)])
    }

    #[test]
    fn relative_names_stay_relative_and_absolute_ones_under_the_root_become_relative() {
        let w = ws("/home/ci/project");
        assert_eq!(w.file("src/main.rs"), inside("src/main.rs"));
        assert_eq!(w.file("./src/main.rs"), inside("src/main.rs"));
        assert_eq!(
            w.file("/home/ci/project/crates/a/src/lib.rs"),
            inside("crates/a/src/lib.rs")
        );
        assert_eq!(
            w.file("/home/ci/project-other/src/lib.rs"),
            outside("/home/ci/project-other/src/lib.rs")
        );
        let registry = "/cargo/registry/src/index.crates.io/tokio-1.54.1/src/task/spawn.rs";
        assert_eq!(w.file(registry), outside(registry));
        assert!(!w.file("../sibling/src/lib.rs").in_workspace);
        assert!(!w.file("<anon>").in_workspace);
    }

    #[test]
    fn windows_paths_are_compared_with_forward_slashes() {
        let w = ws("C:\\work\\project");
        assert_eq!(
            w.file("C:\\work\\project\\src\\main.rs"),
            inside("src/main.rs")
        );
        assert_eq!(w.file("src\\main.rs"), inside("src/main.rs"));
        assert_eq!(w.root_uri().as_deref(), Some("file:///C:/work/project/"));
    }

    #[test]
    fn a_root_with_dot_segments_is_named_without_them() {
        let w = ws("/home/ci/app/../project");
        assert_eq!(w.root_uri().as_deref(), Some("file:///home/ci/project/"));
        assert_eq!(
            w.file("/home/ci/project/src/main.rs"),
            inside("src/main.rs")
        );
        assert_eq!(
            w.file("/home/ci/app/../project/src/main.rs"),
            inside("src/main.rs")
        );
        assert_eq!(resolve_dots("/../a/.."), "/");
        assert_eq!(resolve_dots("C:/w/x/../y"), "C:/w/y");
        assert_eq!(
            ws("C:\\w\\..\\p").root_uri().as_deref(),
            Some("file:///C:/p/")
        );
    }

    #[test]
    fn uris_encode_everything_that_is_not_plainly_a_path() {
        assert_eq!(inside("src/a b:c%.rs").uri(), "src/a%20b%3Ac%25.rs");
        assert_eq!(
            outside("/cargo/registry/x y.rs").uri(),
            "file:///cargo/registry/x%20y.rs"
        );
        assert_eq!(ws("/w").root_uri().as_deref(), Some("file:///w/"));
    }
}
