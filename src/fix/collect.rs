//! A check's messages, put through the library's pipeline in the json format (the enrichment an
//! editor gets), and what `fix` needs from them: every error and warning counted by key, and for
//! each explained diagnostic the edits that could fix it, best first: the knowledge base's own
//! (`help` children whose spans carry `suggested_replacement`), then rustc's suggestions, unless
//! the explanation says rustc's help is misleading. Edits are `rustfix` solutions; only those
//! marked `MachineApplicable` or `MaybeIncorrect` are taken (never placeholders).

use std::collections::HashSet;

use rustfix::diagnostics::Applicability;
use serde_json::Value;

use super::tally::{Counts, Key};
use crate::kb::KbSource;
use crate::pipeline::{self, Options, Output, StreamError};
use crate::render::{Emitter, Event, Json, Style};

/// What `fix` knows about one check's diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub counts: Counts,
    /// Diagnostics the knowledge base explains, in the order the compiler reported them.
    pub explained: Vec<Explained>,
    /// Diagnostics reported as following from, or repeating, an explained one: they get no
    /// edits of their own (fixing the first often fixes them; a later round sees the rest).
    pub related: usize,
    /// Unused imports rustc can remove with certainty: an edit of ours may leave one behind
    /// (`use std::thread;` once `thread::sleep` is awaited instead), and the look-ahead takes
    /// rustc's own removal of it, as `cargo fix` would.
    pub tidy: Vec<Explained>,
}

/// An explained diagnostic and the edits that could fix it.
#[derive(Debug, Clone)]
pub struct Explained {
    pub key: Key,
    /// The line of its primary span.
    pub line: Option<usize>,
    /// The knowledge-base entries that explain it.
    pub ids: Vec<String>,
    /// Edits, best first: the knowledge base's in the order its fixes are shown, then rustc's.
    pub candidates: Vec<Candidate>,
    /// Whether the first fix the explanation shows is an edit (then it is `candidates[0]`).
    pub first_fix_is_edit: bool,
}

impl Explained {
    pub fn is_error(&self) -> bool {
        self.key.level.starts_with("error")
    }
}

/// One way to fix a diagnostic: one child's replacements, all in one file.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: EditId,
    pub origin: Origin,
    pub applicability: Applicability,
    pub solution: rustfix::Solution,
}

/// An edit as it stays recognisable after other edits moved it: the diagnostic's key, the
/// child's message and the replacement texts (not their offsets).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EditId {
    pub key: Key,
    pub message: String,
    pub replacements: Vec<String>,
}

impl Candidate {
    /// The file the edit changes, as the compiler names it.
    pub fn file(&self) -> &str {
        self.solution
            .replacements
            .first()
            .map_or("", |r| r.snippet.file_name.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    KnowledgeBase,
    Rustc,
}

/// Runs the pipeline on a check's JSON output and collects what `fix` needs.
pub fn analyse(kb: &dyn KbSource, output: &[u8]) -> Result<Analysis, StreamError> {
    let mut seen = Vec::new();
    {
        let collector = Collector {
            json: Json::new(Style {
                color: false,
                width: 100,
                verbose: false,
            }),
            seen: &mut seen,
        };
        let mut outputs = [Output::primary(
            Box::new(collector),
            Box::new(std::io::sink()),
        )];
        pipeline::run_with(
            kb,
            &mut outputs,
            output,
            "cargo check's output",
            &mut std::io::sink(),
            Options::default(),
        )?;
    }
    let mut analysis = Analysis::default();
    for diagnostic in &seen {
        let Some(message) = serde_json::from_slice::<Value>(&diagnostic.raw)
            .ok()
            .and_then(diagnostic_object)
        else {
            continue;
        };
        let Some((key, line)) = key_of(&message) else {
            continue;
        };
        match key.level.as_str() {
            "error" | "error: internal compiler error" => analysis.counts.errors.add(key.clone()),
            "warning" => analysis.counts.warnings.add(key.clone()),
            _ => {}
        }
        if diagnostic.related && diagnostic.ids.is_empty() {
            analysis.related += 1;
        }
        if diagnostic.ids.is_empty() {
            if key.level == "warning" && key.code.as_deref() == Some("unused_imports") {
                let (mut candidates, _) = candidates(&key, &message, &message, diagnostic);
                candidates.retain(|c| c.applicability == Applicability::MachineApplicable);
                if !candidates.is_empty() {
                    analysis.tidy.push(Explained {
                        key,
                        line,
                        ids: Vec::new(),
                        candidates,
                        first_fix_is_edit: false,
                    });
                }
            }
            continue;
        }
        let enriched = diagnostic
            .enriched
            .as_deref()
            .and_then(|bytes| serde_json::from_slice::<Value>(bytes).ok())
            .and_then(diagnostic_object);
        let (candidates, first_fix_is_edit) = match &enriched {
            Some(enriched) => candidates(&key, &message, enriched, diagnostic),
            None => (Vec::new(), false),
        };
        analysis.explained.push(Explained {
            key,
            line,
            ids: diagnostic.ids.clone(),
            candidates,
            first_fix_is_edit,
        });
    }
    Ok(analysis)
}

/// A diagnostic as the pipeline saw it.
struct Seen {
    raw: Vec<u8>,
    /// The json format's line for it, when an entry explains it.
    enriched: Option<Vec<u8>>,
    ids: Vec<String>,
    /// It follows from, or repeats, an explained diagnostic (one child of ours comes first).
    related: bool,
    /// No explanation calls rustc's help misleading.
    trust_rustc: bool,
    /// The replacements of the first fix shown, when it is an edit: (file, bytes, text). The
    /// json format leaves out a child whose edit rustc suggests already, so the first fix may
    /// be rustc's own suggestion there.
    first_edit: Option<Vec<(String, usize, usize, String)>>,
}

/// An emitter that keeps what `fix` needs from each diagnostic (and writes nothing).
struct Collector<'s> {
    json: Json,
    seen: &'s mut Vec<Seen>,
}

impl Emitter for Collector<'_> {
    fn copies_text(&self) -> bool {
        false
    }

    fn event(&mut self, event: &Event<'_>, _out: &mut Vec<u8>) {
        let Event::Diagnostic(d) = event else {
            return;
        };
        let enriched = (!d.explanations.is_empty()).then(|| {
            let mut line = Vec::new();
            self.json.event(event, &mut line);
            line
        });
        self.seen.push(Seen {
            raw: d.raw.to_vec(),
            enriched,
            ids: d.explanations.iter().map(|e| e.id.to_owned()).collect(),
            related: d.follows.is_some(),
            trust_rustc: d
                .explanations
                .iter()
                .all(|e| e.entry.rustc.as_ref().is_none_or(|r| r.apply)),
            first_edit: d
                .explanations
                .first()
                .and_then(|e| e.fixes.first())
                .and_then(first_edit),
        });
    }
}

/// A fix's replacements, when it is an edit.
fn first_edit(fix: &crate::explain::FixText<'_>) -> Option<Vec<(String, usize, usize, String)>> {
    if let Some(edit) = &fix.edit {
        return Some(
            edit.replacements
                .iter()
                .map(|r| {
                    (
                        edit.file_name.clone(),
                        r.range.start,
                        r.range.end,
                        r.text.clone(),
                    )
                })
                .collect(),
        );
    }
    let (span, text) = fix.span.zip(fix.replacement.as_ref())?;
    Some(vec![(
        span.file_name.clone(),
        span.byte_start as usize,
        span.byte_end as usize,
        text.clone(),
    )])
}

/// The diagnostic object of a cargo message or a bare rustc diagnostic.
fn diagnostic_object(value: Value) -> Option<Value> {
    match value {
        Value::Object(mut map) if map.get("reason").is_some() => (map.get("reason")?.as_str()?
            == "compiler-message")
            .then(|| map.remove("message"))
            .flatten(),
        Value::Object(map) if map.contains_key("spans") => Some(Value::Object(map)),
        _ => None,
    }
}

/// The key of a diagnostic and the line of its primary span; `None` for the compiler's summary
/// lines (no code, no span: "aborting due to …", "2 warnings emitted").
fn key_of(message: &Value) -> Option<(Key, Option<usize>)> {
    let spans = message.get("spans")?.as_array()?;
    let code = message
        .get("code")
        .and_then(|c| c.get("code"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    if spans.is_empty() && code.is_none() {
        return None;
    }
    let primary = spans
        .iter()
        .find(|s| s.get("is_primary").and_then(Value::as_bool) == Some(true))
        .or(spans.first());
    let key = Key {
        level: message.get("level")?.as_str()?.to_owned(),
        code,
        message: message.get("message")?.as_str()?.to_owned(),
        file: primary
            .and_then(|s| s.get("file_name"))
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    let line = primary
        .and_then(|s| s.get("line_start"))
        .and_then(Value::as_u64)
        .and_then(|l| usize::try_from(l).ok());
    Some((key, line))
}

/// The edits of an explained diagnostic, best first, and whether the first fix shown is one.
/// `raw` is the diagnostic as rustc wrote it, `enriched` as the json format writes it: the
/// children beyond rustc's are ours.
fn candidates(key: &Key, raw: &Value, enriched: &Value, seen: &Seen) -> (Vec<Candidate>, bool) {
    let rustc_children = raw
        .get("children")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let Some(children) = enriched.get("children").and_then(Value::as_array) else {
        return (Vec::new(), false);
    };
    let Ok(parsed) = serde_json::from_value::<rustfix::diagnostics::Diagnostic>(enriched.clone())
    else {
        return (Vec::new(), false);
    };
    let solutions = rustfix::collect_suggestions(
        &parsed,
        &HashSet::<String>::new(),
        rustfix::Filter::Everything,
    )
    .map(|s| s.solutions)
    .unwrap_or_default();
    // rustfix makes one solution of each child with at least one replacement, in order.
    let with_edits: Vec<usize> = (0..children.len())
        .filter(|&i| replacement_spans(&children[i]).next().is_some())
        .collect();
    if with_edits.len() != solutions.len() {
        return (Vec::new(), false);
    }
    let mut ours = Vec::new();
    let mut rustc = Vec::new();
    for (index, solution) in with_edits.into_iter().zip(solutions) {
        let Some(applicability) = applicability(&children[index]) else {
            continue;
        };
        let one_file = solution
            .replacements
            .windows(2)
            .all(|w| w[0].snippet.file_name == w[1].snippet.file_name);
        if !one_file || solution.replacements.is_empty() {
            continue;
        }
        let candidate = Candidate {
            id: EditId {
                key: key.clone(),
                message: solution.message.clone(),
                replacements: solution
                    .replacements
                    .iter()
                    .map(|r| r.replacement.clone())
                    .collect(),
            },
            origin: if index < rustc_children {
                Origin::Rustc
            } else {
                Origin::KnowledgeBase
            },
            applicability,
            solution,
        };
        match candidate.origin {
            Origin::KnowledgeBase => ours.push((index, candidate)),
            // Not one rustc says needs a bound that does not hold.
            Origin::Rustc
                if seen.trust_rustc
                    && !crate::facts::suggestion_is_conditional(&candidate.solution.message) =>
            {
                rustc.push((index, candidate))
            }
            Origin::Rustc => {}
        }
    }
    let mut candidates: Vec<Candidate> = ours
        .into_iter()
        .chain(rustc)
        .map(|(_, candidate)| candidate)
        .collect();
    // The first fix shown, when it is an edit, goes first (it may be rustc's own suggestion,
    // which our child does not repeat).
    // The same replacements, in any order (rustc lists a suggestion's parts as it made them).
    let first = seen.first_edit.as_ref().and_then(|edit| {
        let mut edit = edit.clone();
        edit.sort();
        candidates.iter().position(|c| {
            let mut parts: Vec<(String, usize, usize, String)> = c
                .solution
                .replacements
                .iter()
                .map(|r| {
                    (
                        r.snippet.file_name.clone(),
                        r.snippet.range.start,
                        r.snippet.range.end,
                        r.replacement.clone(),
                    )
                })
                .collect();
            parts.sort();
            parts == edit
        })
    });
    if let Some(index) = first {
        let candidate = candidates.remove(index);
        candidates.insert(0, candidate);
    }
    (candidates, first.is_some())
}

fn replacement_spans(child: &Value) -> impl Iterator<Item = &Value> {
    child
        .get("spans")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|s| s.get("suggested_replacement").is_some_and(|r| !r.is_null()))
}

/// The least certain applicability among a child's replacements, when it is one `fix` applies.
fn applicability(child: &Value) -> Option<Applicability> {
    let mut worst = Applicability::MachineApplicable;
    for span in replacement_spans(child) {
        match span.get("suggestion_applicability").and_then(Value::as_str) {
            Some("MachineApplicable") => {}
            Some("MaybeIncorrect") => worst = Applicability::MaybeIncorrect,
            _ => return None,
        }
    }
    Some(worst)
}
