//! The JSON stream: every line as it came in, byte for byte, except explained diagnostics,
//! which keep all of rustc's fields and gain `children` shaped for editors (the title and why
//! under rustc's message, one `help` per fix at the user's code, an edit as rustc's own
//! suggestion shape, links; see `children_for` and `docs/editors.md`) and the human explanation
//! appended to `rendered`. The result is still valid cargo/rustc JSON, so editors
//! (rust-analyzer's check command) read it.
//!
//! A program's output passes byte for byte, backtraces unfolded; after an explained panic comes
//! one added line, `{"reason":"async-explain-panic", …}` (a reason cargo_metadata reads as
//! unknown), with the panic, where it came from in the user's code and its explanations.

use serde_json::{Map, Value, json};

use super::explanation::{left_out, reflow};
use super::{
    DiagnosticEvent, Emitter, Event, PanicEvent, Relation, Style, raw_line, render_explanation,
    render_follows, render_panic,
};
use cargo_metadata::diagnostic::{Diagnostic, DiagnosticSpan};

use crate::explain::{Explanation, FixText};
use crate::input::Shape;
use crate::panic::Location;

pub struct Json {
    style: Style,
}

impl Json {
    pub fn new(style: Style) -> Self {
        Json { style }
    }

    fn enriched(&self, d: &DiagnosticEvent<'_>) -> Option<Vec<u8>> {
        let mut root: Value = serde_json::from_slice(d.raw).ok()?;
        let message = match d.shape {
            Shape::Cargo => root.get_mut("message")?,
            Shape::Bare => &mut root,
        }
        .as_object_mut()?;
        let colored = message
            .get("rendered")
            .and_then(Value::as_str)
            .is_some_and(|r| r.contains('\u{1b}'));
        let style = Style {
            color: colored,
            ..self.style
        };
        let mut appended = String::new();
        if let Some(root) = d.follows {
            if let Some(Value::Array(children)) = message.get_mut("children") {
                children.push(child(
                    "note",
                    match root.relation {
                        Relation::CausedBy => format!(
                            "this error follows from an earlier one: {}; fix that error first",
                            root.title
                        ),
                        Relation::SameAs => {
                            format!("the same mistake as explained above: {}", root.title)
                        }
                    },
                    Some(
                        json!({"code": format!("async-explain::{}", root.id), "explanation": null}),
                    ),
                    Vec::new(),
                ));
            }
            appended.push('\n');
            appended.push_str(&render_follows(root, style));
        }
        for explanation in d.explanations {
            if let Some(Value::Array(children)) = message.get_mut("children") {
                children.extend(children_for(explanation, d.diagnostic, self.style));
            }
            appended.push('\n');
            appended.push_str(&render_explanation(explanation, style));
        }
        if let Some(Value::String(rendered)) = message.get_mut("rendered") {
            rendered.push_str(&appended);
        }
        serde_json::to_vec(&root).ok()
    }
}

impl Emitter for Json {
    fn event(&mut self, event: &Event<'_>, out: &mut Vec<u8>) {
        match event {
            Event::Text { raw, newline } | Event::Json { raw, newline, .. } => {
                raw_line(out, raw, *newline)
            }
            Event::Diagnostic(d) if d.explanations.is_empty() && d.follows.is_none() => {
                raw_line(out, d.raw, d.newline)
            }
            Event::Diagnostic(d) => match self.enriched(d) {
                Some(bytes) => raw_line(out, &bytes, d.newline),
                None => raw_line(out, d.raw, d.newline),
            },
        }
    }

    fn panic(&mut self, event: &PanicEvent<'_>, out: &mut Vec<u8>) {
        if event.explanations.is_empty() {
            return;
        }
        let site = event.site.map(|site| {
            json!({
                "function": site.function,
                "location": location(&site.location),
                "calls": site.calls,
                "callers": site.callers.iter().map(|(name, l)| json!({
                    "function": name,
                    "location": l.as_ref().map(location),
                })).collect::<Vec<_>>(),
            })
        });
        let explanations: Vec<Value> = event
            .explanations
            .iter()
            .map(|e| {
                json!({
                    "code": format!("async-explain::{}", e.id),
                    "title": e.title,
                    "brief": e.brief,
                    "why": e.why,
                    "fixes": e.fixes.iter().map(|f| json!({"title": f.title, "code": f.code})).collect::<Vec<_>>(),
                    "links": e.links.iter().map(|l| json!({"title": l.title, "url": l.url})).collect::<Vec<_>>(),
                    "crates": e.crates.iter().map(|c| json!({"name": c.name, "item": c.item, "when": c.when, "url": c.url})).collect::<Vec<_>>(),
                })
            })
            .collect();
        let line = json!({
            "reason": "async-explain-panic",
            "thread": event.panic.thread,
            "message": event.panic.message,
            "location": event.panic.location.as_ref().map(location),
            "backtrace_frames": event.panic.frames.len(),
            "site": site,
            "explanations": explanations,
            "rendered": render_panic(event, Style { color: false, ..self.style }),
        });
        if let Ok(bytes) = serde_json::to_vec(&line) {
            raw_line(out, &bytes, true);
        }
    }
}

fn location(l: &Location) -> Value {
    json!({"file": l.file, "line": l.line, "column": l.column})
}

/// The children added for one explanation, shaped for editors. rust-analyzer (like other
/// clients of cargo's JSON) appends the message of each child without a primary span to the
/// diagnostic's own message, and turns each child with one into related information and a hint
/// at that span, with a quick fix when the span carries a `suggested_replacement`. So:
///
/// - the title and the why (in brief; whole with `--verbose`) are a child without spans, and
///   carry the `async-explain::<id>` code: they read under rustc's message;
/// - each fix is a `help` child at the user's code: its edit (rustc's own suggestion shape,
///   which rust-analyzer offers as a quick fix and `rustfix` applies), or the place it is about
///   (the diagnostic's primary span in the user's code when the fix names none) with its code;
///   an edit that rustc's own children already suggest is not repeated;
/// - links (one, or all with `--verbose`), crates (with `--verbose`) and what more there is are
///   lines without spans.
fn children_for(e: &Explanation<'_>, diagnostic: Option<&Diagnostic>, style: Style) -> Vec<Value> {
    let mut children = Vec::new();
    let mut head = format!("explain[{}]: {}", e.id, e.title);
    if style.verbose {
        for text in std::iter::once(&e.why).chain(&e.sync) {
            for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                head.push('\n');
                head.push_str(&reflow(paragraph, usize::MAX));
            }
        }
    } else {
        head.push('\n');
        head.push_str(&e.brief);
    }
    children.push(child(
        "note",
        head,
        Some(json!({"code": format!("async-explain::{}", e.id), "explanation": null})),
        Vec::new(),
    ));
    let fallback = diagnostic.and_then(crate::span::primary_user_span);
    let offered = diagnostic.map(suggestions).unwrap_or_default();
    for fix in &e.fixes {
        // An edit rustc suggests itself is there already, and an editor would offer it twice.
        if !is_offered(fix, &offered) {
            children.push(fix_child(fix, fallback));
        }
    }
    let shown = if style.verbose { e.links.len() } else { 1 };
    if !e.links.is_empty() {
        let list: Vec<String> = e
            .links
            .iter()
            .take(shown)
            .map(|l| format!("{} <{}>", l.title, l.url))
            .collect();
        children.push(child(
            "note",
            format!("read: {}", list.join("; ")),
            None,
            Vec::new(),
        ));
    }
    if style.verbose && !e.crates.is_empty() {
        let list: Vec<String> = e
            .crates
            .iter()
            .map(|c| match &c.item {
                Some(item) => format!("`{item}` ({}): {}", c.name, c.when),
                None => format!("`{}`: {}", c.name, c.when),
            })
            .collect();
        children.push(child(
            "help",
            format!("crates that help: {}", list.join("; ")),
            None,
            Vec::new(),
        ));
    }
    if !style.verbose
        && let Some(what) = left_out(e, false)
    {
        children.push(child(
            "note",
            format!("more: {what}: `cargo async-explain --explain {}`", e.id),
            None,
            Vec::new(),
        ));
    }
    children
}

/// The edits rustc itself suggests in the diagnostic: (file, byte range, replacement).
fn suggestions(d: &Diagnostic) -> Vec<(&str, usize, usize, &str)> {
    let mut found = Vec::new();
    let mut stack: Vec<&Diagnostic> = d.children.iter().collect();
    while let Some(child) = stack.pop() {
        for span in &child.spans {
            // Editors offer only these as quick fixes: where rustc's is not one, ours stays.
            use cargo_metadata::diagnostic::Applicability::{MachineApplicable, MaybeIncorrect};
            if !matches!(
                span.suggestion_applicability,
                None | Some(MachineApplicable | MaybeIncorrect)
            ) {
                continue;
            }
            if let Some(replacement) = &span.suggested_replacement {
                let (start, end) = (span.byte_start as usize, span.byte_end as usize);
                found.push((span.file_name.as_str(), start, end, replacement.as_str()));
            }
        }
        stack.extend(&child.children);
    }
    found
}

/// Whether rustc's own children already suggest the fix's edit.
fn is_offered(fix: &FixText<'_>, offered: &[(&str, usize, usize, &str)]) -> bool {
    let edits: Vec<(&str, usize, usize, &str)> = match (&fix.edit, fix.span, &fix.replacement) {
        (Some(edit), _, _) => edit
            .replacements
            .iter()
            .map(|r| {
                (
                    edit.file_name.as_str(),
                    r.range.start,
                    r.range.end,
                    r.text.as_str(),
                )
            })
            .collect(),
        (None, Some(span), Some(text)) => vec![(
            span.file_name.as_str(),
            span.byte_start as usize,
            span.byte_end as usize,
            text.as_str(),
        )],
        _ => return false,
    };
    edits.iter().all(|edit| offered.contains(edit))
}

/// One fix as a `help` child. Its spans are the edit (rustc's suggestion shape:
/// `suggested_replacement`, `MachineApplicable` only when the entry says the edit certainly
/// compiles to what it means, else `MaybeIncorrect`) or the place the fix is about; the message
/// is the title, then the code to write for a fix that is not an edit.
fn fix_child(fix: &FixText<'_>, fallback: Option<&DiagnosticSpan>) -> Value {
    let mut message = fix.title.clone();
    if let Some(code) = fix.code.as_ref().filter(|_| !fix.is_edit()) {
        message.push('\n');
        message.push_str(code);
    }
    let applicability = if fix.machine_applicable {
        "MachineApplicable"
    } else {
        "MaybeIncorrect"
    };
    let spans: Vec<Value> = match &fix.edit {
        Some(edit) => edit
            .spans(fix.machine_applicable)
            .iter()
            .filter_map(|span| serde_json::to_value(span).ok())
            .collect(),
        None => fix
            .span
            .or(fallback)
            .and_then(|span| serde_json::to_value(span).ok())
            .map(|mut span| {
                if let Some(obj) = span.as_object_mut() {
                    obj.insert("is_primary".into(), Value::Bool(true));
                    obj.insert("label".into(), Value::Null);
                    obj.insert("expansion".into(), Value::Null);
                    let (replacement, applicability) =
                        match fix.replacement.as_ref().filter(|_| fix.is_edit()) {
                            Some(r) => (
                                Value::String(r.clone()),
                                Value::String(applicability.into()),
                            ),
                            None => (Value::Null, Value::Null),
                        };
                    obj.insert("suggested_replacement".into(), replacement);
                    obj.insert("suggestion_applicability".into(), applicability);
                }
                span
            })
            .into_iter()
            .collect(),
    };
    child("help", message, None, spans)
}

fn child(level: &str, message: String, code: Option<Value>, spans: Vec<Value>) -> Value {
    let mut obj = Map::new();
    obj.insert("message".into(), Value::String(message));
    obj.insert("code".into(), code.unwrap_or(Value::Null));
    obj.insert("level".into(), Value::String(level.into()));
    obj.insert("spans".into(), Value::Array(spans));
    obj.insert("children".into(), Value::Array(Vec::new()));
    obj.insert("rendered".into(), Value::Null);
    Value::Object(obj)
}
