//! `--format sarif` and `--sarif PATH`: a SARIF 2.1.0 log for code scanning (GitHub's
//! `upload-sarif`), written as a stream. The opening of the log and each result are written as
//! they come; the rules, the tool and the invocation follow the results array at the end (JSON
//! object keys are unordered). What is kept between results is bounded: the rules seen so far,
//! at most the knowledge-base entries plus the distinct compiler codes (and a capped number of
//! rules derived from messages of errors without a code).
//!
//! One result per diagnostic: the span it is pinned to in `locations` (relative to `%SRCROOT%`),
//! the other spans and the children in `relatedLocations`, rustc's machine-applicable suggestions
//! as `fixes`, and a `partialFingerprints` entry that survives lines shifting.

use std::borrow::Cow;
use std::collections::HashMap;

use cargo_metadata::diagnostic::{Applicability, Diagnostic, DiagnosticSpan};
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::finding::{Finding, Rule, Severity, code_help_uri};
use super::location::{FilePath, Workspace, span_text};
use super::{Emitter, Event, Relation, Summary};
use crate::explain::Explanation;
use crate::kb::{Captures, Entry, Template};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base id relative artifact URIs are resolved against.
pub const SRCROOT: &str = "%SRCROOT%";
/// The key of our fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "asyncExplainHash/v1";
/// Rules derived from messages kept at most; later ones share a catch-all rule.
const MAX_DERIVED_RULES: usize = 256;
const CATCH_ALL_RULE: &str = "rustc::error-without-code";

pub struct Sarif {
    workspace: Workspace,
    command_line: String,
    opened: bool,
    results: u64,
    /// Rules in the order first used (`ruleIndex` points here), with their ids' positions.
    rules: Vec<Value>,
    index: HashMap<String, usize>,
    derived: usize,
}

impl Sarif {
    /// `command_line` is recorded in the log's `invocations`.
    pub fn new(workspace: Workspace, command_line: String) -> Self {
        Sarif {
            workspace,
            command_line,
            opened: false,
            results: 0,
            rules: Vec::new(),
            index: HashMap::new(),
            derived: 0,
        }
    }

    /// Writes the log up to the opening of the results array, once.
    fn open(&mut self, out: &mut Vec<u8>) {
        if std::mem::replace(&mut self.opened, true) {
            return;
        }
        let mut base = Map::new();
        if let Some(uri) = self.workspace.root_uri() {
            base.insert("uri".into(), Value::String(uri));
        }
        base.insert(
            "description".into(),
            json!({"text": "the workspace root; result paths are relative to it"}),
        );
        let head = format!(
            "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{{\"columnKind\":\"unicodeCodePoints\",\
             \"originalUriBaseIds\":{{{}:{}}},\"results\":[",
            Value::from(SCHEMA),
            Value::from(SRCROOT),
            Value::Object(base)
        );
        out.extend_from_slice(head.as_bytes());
    }

    /// The finding's rule id and its index in `rules`, adding the rule on first use.
    fn rule_index<'f>(&mut self, finding: &'f Finding<'_>) -> (Cow<'f, str>, usize) {
        let mut id = finding.rule.id();
        if let Some(&i) = self.index.get(id.as_ref()) {
            return (id, i);
        }
        let rule = match &finding.rule {
            Rule::Entry(entry) => entry_rule(&id, entry),
            // Its entry's rule came with the explained diagnostic it repeats; should that one not
            // be in this log, a rule named after the misconception stands in.
            Rule::Repeat(_) => {
                let title = finding.misconception().unwrap_or_default();
                let full = format!(
                    "{title}: the same mistake as a diagnostic explained earlier in the build."
                );
                json!({
                    "id": id,
                    "shortDescription": { "text": title },
                    "fullDescription": { "text": full },
                    "help": { "text": full, "markdown": full },
                })
            }
            Rule::Code(code) => code_rule(code),
            Rule::Message(_) if self.derived >= MAX_DERIVED_RULES => {
                id = Cow::Borrowed(CATCH_ALL_RULE);
                if let Some(&i) = self.index.get(CATCH_ALL_RULE) {
                    return (id, i);
                }
                message_rule(&id, "an error without a code")
            }
            Rule::Message(_) => {
                self.derived += 1;
                message_rule(&id, finding.diagnostic.message.lines().next().unwrap_or(""))
            }
        };
        let i = self.rules.len();
        self.rules.push(rule);
        self.index.insert(id.clone().into_owned(), i);
        (id, i)
    }

    fn result<'f>(&mut self, finding: &'f Finding<'_>) -> SarifResult<'f> {
        let (rule_id, rule_index) = self.rule_index(finding);
        let d = finding.diagnostic;
        let primary = finding.location.as_ref().map(|l| l.span);
        let locations = match (&finding.location, &finding.manifest) {
            (Some(loc), _) => vec![Location::physical(&loc.file, Some(loc.span))],
            (None, Some(manifest)) => vec![Location::physical(manifest, None)],
            (None, None) => Vec::new(),
        };
        SarifResult {
            rule_id,
            rule_index,
            level: match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            },
            message: Text::new(message(finding)),
            locations,
            related_locations: self.related(d, primary),
            partial_fingerprints: OneEntry(
                FINGERPRINT_KEY,
                format!("{:016x}", finding.fingerprint()),
            ),
            fixes: self.fixes(d, finding.explanations),
            properties: finding.follows.map(|root| {
                let key = match root.relation {
                    Relation::CausedBy => "followsFrom",
                    Relation::SameAs => "sameAs",
                };
                OneEntry(key, format!("async-explain::{}", root.id))
            }),
        }
    }

    /// Every span but the one the result is pinned to, then every child (with its spans, or
    /// without a physical location when it has none).
    fn related<'d>(
        &self,
        d: &'d Diagnostic,
        primary: Option<&DiagnosticSpan>,
    ) -> Vec<Location<'d>> {
        let mut related = Vec::new();
        let mut add = |mut location: Location<'d>| {
            location.id = Some(related.len() + 1);
            related.push(location);
        };
        for span in &d.spans {
            if primary.is_some_and(|p| std::ptr::eq(p, span)) {
                continue;
            }
            let mut location =
                Location::physical(&self.workspace.file(&span.file_name), Some(span));
            if let Some(label) = span.label.as_deref().filter(|l| !l.is_empty()) {
                location.message = Some(Text::new(Cow::Borrowed(label)));
            }
            add(location);
        }
        let mut children: Vec<&Diagnostic> = Vec::new();
        collect_children(d, &mut children);
        for child in children {
            let text = format!("{}: {}", crate::kb::level_name(&child.level), child.message);
            if child.spans.is_empty() {
                add(Location {
                    physical_location: None,
                    message: Some(Text::new(Cow::Owned(text.clone()))),
                    id: None,
                });
            }
            for span in &child.spans {
                if primary.is_some_and(|p| std::ptr::eq(p, span)) {
                    continue;
                }
                let mut location =
                    Location::physical(&self.workspace.file(&span.file_name), Some(span));
                let text = match span.label.as_deref().filter(|l| !l.is_empty()) {
                    Some(label) => format!("{text} ({label})"),
                    None => text.clone(),
                };
                location.message = Some(Text::new(Cow::Owned(text)));
                add(location);
            }
        }
        related
    }

    /// The explanations' edits of the user's code (their first fix first), then rustc's
    /// machine-applicable suggestions: one fix per suggesting child, its replacements grouped by
    /// file.
    fn fixes<'d>(&self, d: &'d Diagnostic, explanations: &'d [Explanation<'d>]) -> Vec<Fix<'d>> {
        let mut ours: Vec<Fix<'d>> = Vec::new();
        for fix in explanations.iter().flat_map(|e| &e.fixes) {
            let Some(edit) = &fix.edit else { continue };
            let replacements = edit
                .spans(fix.machine_applicable)
                .iter()
                .zip(&edit.replacements)
                .map(|(span, r)| Replacement {
                    deleted_region: Region::of(span),
                    inserted_content: Text::new(r.text.as_str()),
                })
                .collect();
            ours.push(Fix {
                description: Text::new(fix.title.as_str()),
                artifact_changes: vec![ArtifactChange {
                    artifact_location: Artifact::of(&self.workspace.file(&edit.file_name)),
                    replacements,
                }],
            });
        }
        // rustc's suggestion is often the very edit an explanation makes, and two explanations
        // may make the same one: SARIF wants each fix once (the first, with its title).
        let mut fixes: Vec<Fix<'d>> = Vec::new();
        for fix in ours.into_iter().chain(self.rustc_fixes(d)) {
            if !fixes
                .iter()
                .any(|f| f.artifact_changes == fix.artifact_changes)
            {
                fixes.push(fix);
            }
        }
        fixes
    }

    fn rustc_fixes<'d>(&self, d: &'d Diagnostic) -> Vec<Fix<'d>> {
        let mut nodes: Vec<&Diagnostic> = vec![d];
        collect_children(d, &mut nodes);
        let mut fixes = Vec::new();
        for node in nodes {
            let mut changes: Vec<(&str, Vec<Replacement<'d>>)> = Vec::new();
            for span in &node.spans {
                let Some(inserted) = span.suggested_replacement.as_deref() else {
                    continue;
                };
                if span.suggestion_applicability != Some(Applicability::MachineApplicable) {
                    continue;
                }
                let replacement = Replacement {
                    deleted_region: Region::of(span),
                    inserted_content: Text::new(inserted),
                };
                match changes.iter_mut().find(|(f, _)| *f == span.file_name) {
                    Some((_, list)) => list.push(replacement),
                    None => changes.push((&span.file_name, vec![replacement])),
                }
            }
            if changes.is_empty() {
                continue;
            }
            fixes.push(Fix {
                description: Text::new(&node.message),
                artifact_changes: changes
                    .into_iter()
                    .map(|(file, replacements)| ArtifactChange {
                        artifact_location: Artifact::of(&self.workspace.file(file)),
                        replacements,
                    })
                    .collect(),
            });
        }
        fixes
    }
}

// The SARIF objects written per result, typed and borrowing from the diagnostic: each result is
// serialised straight into the output, without building a JSON tree first. Field order follows
// the SARIF specification's examples.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: Cow<'a, str>,
    rule_index: usize,
    level: &'static str,
    message: Text<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: OneEntry<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<OneEntry<String>>,
}

/// `{"text": …}`: SARIF's message object.
#[derive(Serialize, PartialEq)]
struct Text<T> {
    text: T,
}

impl<T> Text<T> {
    fn new(text: T) -> Self {
        Text { text }
    }
}

/// An object with one entry whose key is not a Rust identifier.
struct OneEntry<V>(&'static str, V);

impl<V: Serialize> Serialize for OneEntry<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, &self.1)?;
        map.end()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<Cow<'a, str>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
}

impl<'a> Location<'a> {
    /// A location in `file`, at `span` (with the text it covers) when there is one.
    fn physical(file: &FilePath, span: Option<&'a DiagnosticSpan>) -> Self {
        let region = span.map(|span| {
            let mut region = Region::of(span);
            let text = span_text(span);
            if !text.is_empty() {
                region.snippet = Some(Text::new(text));
            }
            region
        });
        Location {
            physical_location: Some(PhysicalLocation {
                artifact_location: Artifact::of(file),
                region,
            }),
            message: None,
            id: None,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: Artifact,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Artifact {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

impl Artifact {
    fn of(file: &FilePath) -> Self {
        Artifact {
            uri: file.uri(),
            uri_base_id: file.in_workspace.then_some(SRCROOT),
        }
    }
}

/// A span as a SARIF region: rustc's lines and columns are 1-based, its columns count characters
/// (`columnKind: unicodeCodePoints`) and its end column is exclusive, as SARIF's is.
#[derive(Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text<String>>,
}

impl Region {
    fn of(span: &DiagnosticSpan) -> Self {
        Region {
            start_line: span.line_start.max(1),
            start_column: span.column_start.max(1),
            end_line: span.line_end.max(span.line_start).max(1),
            end_column: span.column_end.max(1),
            snippet: None,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    description: Text<&'a str>,
    artifact_changes: Vec<ArtifactChange<'a>>,
}

#[derive(Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: Artifact,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Text<&'a str>,
}

impl Emitter for Sarif {
    fn wants_full_diagnostics(&self) -> bool {
        true
    }

    fn copies_text(&self) -> bool {
        false
    }

    fn event(&mut self, event: &Event<'_>, out: &mut Vec<u8>) {
        let Some(finding) = Finding::new(event, &self.workspace) else {
            return;
        };
        self.open(out);
        let result = self.result(&finding);
        out.extend_from_slice(if self.results == 0 { b"\n" } else { b",\n" });
        // Serialising these types into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &result);
        self.results += 1;
    }

    fn finish(&mut self, summary: &Summary, out: &mut Vec<u8>) {
        self.open(out);
        let rules = std::mem::take(&mut self.rules);
        let tool = json!({
            "driver": {
                "name": env!("CARGO_PKG_NAME"),
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": information_uri(),
                "rules": rules,
            }
        });
        let mut invocation = Map::new();
        invocation.insert("commandLine".into(), self.command_line.clone().into());
        // The compiler ran and said what it found; a build that failed without saying why
        // (cargo could not start rustc, for example) is an incomplete analysis.
        let successful = !(summary.build_failed && summary.errors == 0);
        invocation.insert("executionSuccessful".into(), successful.into());
        if summary.malformed_lines > 0 {
            invocation.insert(
                "toolExecutionNotifications".into(),
                json!([{
                    "level": "warning",
                    "message": { "text": format!(
                        "{} input line(s) were not understood as compiler messages and are not in this log",
                        summary.malformed_lines
                    )},
                }]),
            );
        }
        let tail = format!(
            "{}],\"tool\":{},\"invocations\":[{}]}}]}}\n",
            if self.results == 0 { "" } else { "\n" },
            tool,
            Value::Object(invocation)
        );
        out.extend_from_slice(tail.as_bytes());
    }
}

fn collect_children<'d>(d: &'d Diagnostic, out: &mut Vec<&'d Diagnostic>) {
    for child in &d.children {
        out.push(child);
        collect_children(child, out);
    }
}

/// The result's text: rustc's message, then what explains it.
fn message(finding: &Finding<'_>) -> String {
    let mut text = finding.diagnostic.message.clone();
    if let Some(relation) = finding.relation() {
        text.push_str(&format!("\n\n{relation}"));
    }
    for e in finding.explanations {
        text.push_str(&format!("\n\n{}\n{}", e.title, e.why));
        if let Some(fix) = e.first_fix() {
            text.push_str(&format!("\n\nFix: {fix}"));
        }
    }
    text
}

fn information_uri() -> String {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
        .map_or_else(
            || format!("https://crates.io/crates/{}", env!("CARGO_PKG_NAME")),
            str::to_owned,
        )
}

/// A knowledge-base entry as a rule: its summary, its explanation with placeholders shown as
/// `<name>` (or the entry's default), its fixes and links.
fn entry_rule(id: &str, entry: &Entry) -> Value {
    let mut generic = Captures::new();
    for name in entry.known_placeholders() {
        let value = entry
            .defaults
            .get(&name)
            .cloned()
            .unwrap_or_else(|| format!("<{name}>"));
        generic.insert(name, value);
    }
    let fill = |t: &Template| t.fill(&generic, &entry.defaults).trim_end().to_owned();
    let title = fill(&entry.title);
    let why = fill(&entry.explanation);
    let mut text = format!("{title}\n\n{why}");
    let mut markdown = format!("**{title}**\n\n{why}");
    if !entry.fixes.is_empty() {
        text.push_str("\n\nFixes, best first:");
        markdown.push_str("\n\n#### Fixes, best first\n");
        for (i, fix) in entry.fixes.iter().enumerate() {
            let fix_title = fill(&fix.title);
            text.push_str(&format!("\n{}. {fix_title}", i + 1));
            markdown.push_str(&format!("\n{}. {fix_title}", i + 1));
            if let Some(code) = &fix.code {
                let code = fill(code);
                for line in code.lines() {
                    text.push_str(&format!("\n       {line}"));
                }
                markdown.push_str(&format!(
                    "\n\n   ```rust\n{}\n   ```\n",
                    indent(&code, "   ")
                ));
            }
        }
    }
    if !entry.links.is_empty() {
        text.push_str("\n\nRead more:");
        markdown.push_str("\n\n#### Read more\n");
        for link in &entry.links {
            text.push_str(&format!("\n- {}: {}", link.title, link.url));
            markdown.push_str(&format!("\n- [{}]({})", link.title, link.url));
        }
    }
    let mut rule = Map::new();
    rule.insert("id".into(), id.into());
    rule.insert("shortDescription".into(), json!({ "text": entry.summary }));
    rule.insert("fullDescription".into(), json!({ "text": why }));
    if let Some(link) = entry.first_link() {
        rule.insert("helpUri".into(), link.url.clone().into());
    }
    rule.insert("help".into(), json!({ "text": text, "markdown": markdown }));
    rule.insert(
        "properties".into(),
        json!({ "tags": ["async", "async-explain"] }),
    );
    Value::Object(rule)
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{by}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A compiler code as a rule, linked to its documentation. No entry explains it, so its
/// descriptions say what it is and where rustc's or clippy's documentation of it is (GitHub's
/// code scanning requires a `fullDescription` and a `help` on every rule).
fn code_rule(code: &str) -> Value {
    let (what, docs) = if let Some(lint) = code.strip_prefix("clippy::") {
        (format!("clippy lint `{lint}`"), "clippy's lint list")
    } else if code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit()) {
        (format!("rustc error {code}"), "the Rust error index")
    } else {
        (format!("rustc lint `{code}`"), "rustc's lint listing")
    };
    let uri = code_help_uri(code);
    let full = format!(
        "The compiler's {what}: the result's message says what is wrong and where. \
         No async-explain knowledge-base entry explains it."
    );
    json!({
        "id": code,
        "shortDescription": { "text": what },
        "fullDescription": { "text": full },
        "helpUri": uri,
        "help": {
            "text": format!("{full} The {what} is documented in {docs}: {uri}"),
            "markdown": format!("{full} The {what} is documented in [{docs}]({uri})."),
        },
    })
}

/// An error without a code, as the rule named after its message.
fn message_rule(id: &str, message: &str) -> Value {
    let full = "rustc reports this error without an error code; the rule is named after its \
                message. The result's message says what is wrong and where.";
    json!({
        "id": id,
        "shortDescription": { "text": message },
        "fullDescription": { "text": full },
        "help": {
            "text": format!("{full} Without a code there is no error-index page; the compiler's own notes under the message are the documentation."),
            "markdown": format!("{full} Without a code there is no error-index page; the compiler's own notes under the message are the documentation."),
        },
    })
}
