//! A checked, compiled knowledge-base entry: one misconception, how to recognise it and what to say.

use std::ops::Range;

use toml::Spanned;

use super::condition::{ContextTest, FactCondition};
use super::error::{KbError, SourceFile};
use super::matcher::Matcher;
use super::pattern::{Captures, Pattern};
use super::raw::{RawAt, RawEntry, RawMatcher, RawPattern};
use super::template::Template;

/// The id prefix of family explanations, so every output marks them (`explain[family-…]`).
pub const FAMILY_PREFIX: &str = "family-";

#[derive(Debug)]
pub struct Entry {
    pub id: String,
    pub title: Template,
    pub summary: String,
    /// The why in at most three lines (one paragraph), shown by default; `explanation` with
    /// `--verbose` and `--explain`. Optional for a project's own entries.
    pub brief: Option<Template>,
    /// A family explanation (`general = true`, id `family-…`): the general case of a kind of
    /// async error, for diagnostics no specific entry explains.
    pub general: bool,
    pub matchers: Vec<Matcher>,
    /// Later diagnostics of the same crate that this entry's root error causes.
    pub cascades: Vec<Matcher>,
    pub supersedes: Vec<String>,
    pub explanation: Template,
    pub sync: Option<Template>,
    pub rustc: Option<RustcVerdict>,
    pub defaults: Captures,
    pub fixes: Vec<Fix>,
    pub links: Vec<Link>,
    pub crates: Vec<CrateHint>,
    /// Where the entry was read from (`knowledge-base/<id>.toml` or a `--kb` path), for messages.
    pub origin: String,
}

/// What the entry says about rustc's own help for this diagnostic.
#[derive(Debug, Clone)]
pub struct RustcVerdict {
    pub verdict: Verdict,
    pub note: Template,
    /// Whether `fix` may apply rustc's own suggestions.
    pub apply: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// rustc's suggestion is the right fix.
    Good,
    /// rustc finds the cause but gives no fix, or half of one.
    Partial,
    /// rustc's help points the wrong way, or its code does not compile.
    Misleading,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Good => "good",
            Verdict::Partial => "partial",
            Verdict::Misleading => "misleading",
        }
    }
}

#[derive(Debug)]
pub struct Fix {
    pub title: Template,
    /// The conditions under which the fix applies to the code at hand.
    pub when: Option<Matcher>,
    pub code: Option<Template>,
    pub at: Option<SpanSelector>,
    /// An edit of the user's code, built at `at`.
    pub edit: Option<EditSpec>,
    /// The edit certainly compiles to the intended meaning (`MachineApplicable`).
    pub machine_applicable: bool,
}

/// The edit a fix names: an operation of `src/edit` and its argument.
#[derive(Debug)]
pub struct EditSpec {
    /// The operations, made together (their replacements merged into one edit).
    pub ops: Vec<String>,
    pub text: Option<Template>,
}

/// Which span of the diagnostic a fix points at.
#[derive(Debug)]
pub enum SpanSelector {
    Primary,
    /// The fact the matcher is about (`${subject}`).
    Subject,
    /// The first fact of a role that rustc said at a span.
    Role(crate::facts::Role),
    Label(Pattern),
    Child(Pattern),
    /// The first span carrying a replacement in the first child that has one and whose message
    /// matches: rustc's suggestion.
    Suggestion(Pattern),
}

#[derive(Debug, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct CrateHint {
    pub name: String,
    pub item: Option<String>,
    pub when: String,
    pub url: String,
}

impl Entry {
    /// Parses and checks one entry; `file` names it in errors, `expected_id` is its file stem.
    pub fn parse(file: &SourceFile, expected_id: &str) -> Result<Entry, KbError> {
        let raw: RawEntry = toml::from_str(&file.text)
            .map_err(|e| file.error(e.span().unwrap_or(0..0), e.message().trim()))?;
        Compiler { file }.entry(raw, expected_id)
    }

    /// All captures any matcher of the entry can produce, plus the defaults.
    pub fn known_placeholders(&self) -> Vec<String> {
        let mut names: Vec<String> = self.defaults.keys().cloned().collect();
        for m in &self.matchers {
            names.extend(m.captures_possible());
        }
        names.sort();
        names.dedup();
        names
    }

    /// Error and lint codes named by the entry's matchers.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.matchers
            .iter()
            .flat_map(|m| m.codes.iter().map(String::as_str))
    }

    /// The documentation link shown first, when the entry has one.
    pub fn first_link(&self) -> Option<&Link> {
        self.links.first()
    }
}

struct Compiler<'f> {
    file: &'f SourceFile,
}

impl Compiler<'_> {
    fn entry(&self, raw: RawEntry, expected_id: &str) -> Result<Entry, KbError> {
        let id = raw.id.get_ref();
        if id != expected_id {
            return Err(self.at(
                &raw.id,
                format!("id `{id}` must equal the file name `{expected_id}`"),
            ));
        }
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(self.at(&raw.id, "an id uses only a-z, 0-9 and `-`"));
        }
        let general = raw.general;
        if general != id.starts_with(FAMILY_PREFIX) {
            return Err(self.at(
                &raw.id,
                format!("an entry is a family explanation (`general = true`) exactly when its id starts with `{FAMILY_PREFIX}`"),
            ));
        }
        if raw.matchers.is_empty() {
            return Err(self
                .file
                .error(0..0, "an entry needs at least one `[[matcher]]`"));
        }
        let matchers = raw
            .matchers
            .iter()
            .map(|m| self.matcher(m))
            .collect::<Result<Vec<_>, _>>()?;
        let cascades = raw
            .cascades
            .iter()
            .map(|m| self.matcher(m))
            .collect::<Result<Vec<_>, _>>()?;
        let mut entry = Entry {
            id: id.clone(),
            title: self.template(&raw.title)?,
            summary: raw.summary,
            brief: raw.brief.as_ref().map(|b| self.brief(b)).transpose()?,
            general,
            matchers,
            cascades,
            supersedes: raw.supersedes.iter().map(|s| s.get_ref().clone()).collect(),
            explanation: self.template(&raw.explanation)?,
            sync: raw.sync.as_ref().map(|s| self.template(s)).transpose()?,
            rustc: None,
            defaults: raw.defaults,
            fixes: Vec::new(),
            links: Vec::new(),
            crates: Vec::new(),
            origin: self.file.name.clone(),
        };
        if let Some(rustc) = &raw.rustc {
            let verdict = match rustc.verdict.get_ref().as_str() {
                "good" => Verdict::Good,
                "partial" => Verdict::Partial,
                "misleading" => Verdict::Misleading,
                other => {
                    return Err(self.at(
                        &rustc.verdict,
                        format!("verdict `{other}` is not one of `good`, `partial`, `misleading`"),
                    ));
                }
            };
            entry.rustc = Some(RustcVerdict {
                verdict,
                note: self.template(&rustc.note)?,
                apply: rustc.apply.unwrap_or(verdict != Verdict::Misleading),
            });
        }
        for fix in &raw.fixes {
            let at = match &fix.at {
                None => None,
                Some(at) => Some(match at.get_ref() {
                    RawAt::Named(name) if name == "primary" => SpanSelector::Primary,
                    RawAt::Named(name) if name == "subject" => SpanSelector::Subject,
                    RawAt::Named(other) => match crate::facts::Role::from_name(other) {
                        Some(role) => SpanSelector::Role(role),
                        None => {
                            return Err(self.at(
                                at,
                                format!("`at = \"{other}\"` is unknown: use \"primary\", \"subject\", a role (\"held\", \"binding\"…), {{ label = … }} {{ child = … }} or {{ suggestion = … }}"),
                            ));
                        }
                    },
                    RawAt::Label { label } => SpanSelector::Label(self.pattern(label, at.span())?),
                    RawAt::Child { child } => SpanSelector::Child(self.pattern(child, at.span())?),
                    RawAt::Suggestion { suggestion } => {
                        SpanSelector::Suggestion(self.pattern(suggestion, at.span())?)
                    }
                }),
            };
            if (fix.replace.is_some() || fix.edit.is_some()) && at.is_none() {
                return Err(self.at(
                    &fix.title,
                    "a fix with `replace` or `edit` needs `at` to say where it edits",
                ));
            }
            let edit = match (&fix.edit, &fix.replace) {
                (Some(_), Some(replace)) => {
                    return Err(self.at(
                        replace,
                        "`replace` is `edit = \"replace\"`: give one of them",
                    ));
                }
                (None, Some(replace)) => Some(EditSpec {
                    ops: vec!["replace".to_owned()],
                    text: Some(self.template(replace)?),
                }),
                (Some(ops), None) => {
                    let names = ops.get_ref().items();
                    if let Some(name) = names
                        .iter()
                        .find(|n| !crate::edit::Op::NAMES.contains(&n.as_str()))
                    {
                        return Err(self.at(
                            ops,
                            format!(
                                "`{name}` is not an edit (one of: {})",
                                crate::edit::Op::NAMES.join(", ")
                            ),
                        ));
                    }
                    let takes = names
                        .iter()
                        .filter(|n| crate::edit::Op::takes_text(n))
                        .count();
                    if takes > 1 || (takes == 1) != fix.text.is_some() {
                        return Err(self.at(
                            ops,
                            if takes == 0 {
                                "this `edit` takes no `text`"
                            } else {
                                "one operation of the `edit` (and only one) takes the `text`"
                            },
                        ));
                    }
                    Some(EditSpec {
                        ops: names,
                        text: fix.text.as_ref().map(|t| self.template(t)).transpose()?,
                    })
                }
                (None, None) => {
                    if let Some(text) = &fix.text {
                        return Err(self.at(text, "`text` is the argument of an `edit`"));
                    }
                    None
                }
            };
            let machine_applicable = match fix.applicability.as_ref().map(|a| a.get_ref().as_str())
            {
                None | Some("maybe") => false,
                Some("machine") => true,
                Some(other) => {
                    return Err(self.at(
                        fix.applicability.as_ref().unwrap_or(&fix.title),
                        format!("applicability `{other}` is not `machine` or `maybe`"),
                    ));
                }
            };
            let when = fix.when.as_ref().map(|w| self.condition(w)).transpose()?;
            entry.fixes.push(super::entry::Fix {
                title: self.template(&fix.title)?,
                when,
                code: fix.code.as_ref().map(|c| self.template(c)).transpose()?,
                at,
                edit,
                machine_applicable,
            });
        }
        for link in raw.links {
            self.https(&link.url)?;
            entry.links.push(Link {
                title: link.title,
                url: link.url.into_inner(),
            });
        }
        for krate in raw.crates {
            let url = match &krate.url {
                Some(url) => {
                    self.https(url)?;
                    url.get_ref().clone()
                }
                None => format!("https://docs.rs/{}", krate.name),
            };
            entry.crates.push(CrateHint {
                name: krate.name,
                item: krate.item,
                when: krate.when,
                url,
            });
        }
        self.check_placeholders(&entry, &raw.title, raw.brief.as_ref(), &raw.explanation)?;
        Ok(entry)
    }

    /// A fix's `when`: a matcher that needs no pre-filter literal (it is only tested on a
    /// diagnostic its entry already explains) and never matches panics.
    fn condition(&self, raw: &Spanned<RawMatcher>) -> Result<Matcher, KbError> {
        if raw.get_ref().panic.is_some() {
            return Err(self.at(raw, "a fix's `when` cannot test a `panic`"));
        }
        self.compile_matcher(raw)
    }

    fn matcher(&self, raw: &Spanned<RawMatcher>) -> Result<Matcher, KbError> {
        let matcher = self.compile_matcher(raw)?;
        if matcher.panic.is_none()
            && matcher.codes.is_empty()
            && matcher.message.is_none()
            && matcher.children.is_empty()
            && matcher.labels.is_empty()
        {
            return Err(self.at(
                raw,
                "a matcher needs a `code`, `message`, `child` or `label` condition (or `panic`, for a panic message); otherwise it matches every diagnostic",
            ));
        }
        Ok(matcher)
    }

    fn compile_matcher(&self, raw: &Spanned<RawMatcher>) -> Result<Matcher, KbError> {
        let m = raw.get_ref();
        let list = |items: &[Spanned<RawPattern>]| -> Result<Vec<Pattern>, KbError> {
            items
                .iter()
                .map(|p| self.pattern(p.get_ref(), p.span()))
                .collect()
        };
        let matcher = Matcher {
            levels: m.level.clone(),
            codes: m.code.clone(),
            no_code: m.no_code,
            message: m
                .message
                .as_ref()
                .map(|p| self.pattern(p.get_ref(), p.span()))
                .transpose()?,
            children: list(&m.child)?,
            labels: list(&m.label)?,
            types: list(&m.types)?,
            sources: list(&m.source)?,
            not: list(&m.not)?,
            panic: m
                .panic
                .as_ref()
                .map(|p| self.pattern(p.get_ref(), p.span()))
                .transpose()?,
            facts: m
                .facts()
                .into_iter()
                .map(|(key, values)| {
                    FactCondition::parse(key, &values.get_ref().items())
                        .map_err(|e| self.at(values, e))
                })
                .collect::<Result<_, _>>()?,
            context: match &m.context {
                Some(values) => values
                    .get_ref()
                    .items()
                    .iter()
                    .map(|v| ContextTest::parse(v).map_err(|e| self.at(values, e)))
                    .collect::<Result<_, _>>()?,
                None => Vec::new(),
            },
            callee: m
                .callee
                .as_ref()
                .map(|v| v.get_ref().items())
                .unwrap_or_default(),
            dependency: m
                .dependency
                .as_ref()
                .map(|v| v.get_ref().items())
                .unwrap_or_default(),
        };
        if matcher.panic.is_some() {
            let diagnostic_only = !matcher.levels.is_empty()
                || !matcher.codes.is_empty()
                || matcher.no_code
                || matcher.message.is_some()
                || !matcher.children.is_empty()
                || !matcher.labels.is_empty()
                || !matcher.types.is_empty()
                || !matcher.sources.is_empty()
                || !matcher.facts.is_empty()
                || !matcher.context.is_empty()
                || !matcher.callee.is_empty()
                || !matcher.dependency.is_empty();
            if diagnostic_only {
                return Err(self.at(
                    raw,
                    "a `panic` matcher matches a panic message only: it takes no `level`, `code`, `no_code`, `message`, `child`, `label`, `type` or `source` (write a second `[[matcher]]` for diagnostics)",
                ));
            }
            return Ok(matcher);
        }
        Ok(matcher)
    }

    fn pattern(&self, raw: &RawPattern, span: Range<usize>) -> Result<Pattern, KbError> {
        match raw {
            RawPattern::Literal(text) if text.is_empty() => {
                Err(self.file.error(span, "an empty pattern matches everything"))
            }
            RawPattern::Literal(text) => Ok(Pattern::Literal(text.clone())),
            RawPattern::Regex { regex } => Pattern::regex(regex).map_err(|e| {
                let detail = e.lines().last().unwrap_or_default().trim().to_owned();
                self.file.error(span, format!("invalid regex: {detail}"))
            }),
        }
    }

    fn template(&self, raw: &Spanned<String>) -> Result<Template, KbError> {
        Template::parse(raw.get_ref()).map_err(|_| self.at(raw, "`${` without a closing `}`"))
    }

    /// `brief`: a template of one paragraph (it is reflowed into at most three lines).
    fn brief(&self, raw: &Spanned<String>) -> Result<Template, KbError> {
        let text = raw.get_ref().trim();
        if text.is_empty() {
            return Err(self.at(raw, "`brief` is empty"));
        }
        if text.lines().any(|l| l.trim().is_empty()) {
            return Err(self.at(
                raw,
                "`brief` is one paragraph (at most three lines in the output): no blank lines",
            ));
        }
        self.template(raw)
    }

    fn https(&self, url: &Spanned<String>) -> Result<(), KbError> {
        let text = url.get_ref();
        if !text.starts_with("https://") || text.contains(char::is_whitespace) {
            return Err(self.at(url, format!("`{text}` is not an https URL")));
        }
        Ok(())
    }

    fn check_placeholders(
        &self,
        entry: &Entry,
        title: &Spanned<String>,
        brief: Option<&Spanned<String>>,
        explanation: &Spanned<String>,
    ) -> Result<(), KbError> {
        // A placeholder must be captured by every match of every matcher (or have a default):
        // whichever matcher fires, the text must read well. A group inside an optional or
        // alternative part of a regex may stay empty, so it does not count.
        let always: Vec<String> = {
            let mut names: Option<Vec<String>> = None;
            for m in &entry.matchers {
                let mine = m.captures_always();
                names = Some(match names {
                    None => mine,
                    Some(prev) => prev.into_iter().filter(|n| mine.contains(n)).collect(),
                });
            }
            let mut names = names.unwrap_or_default();
            names.extend(entry.defaults.keys().cloned());
            names
        };
        let mut templates: Vec<&Template> = vec![&entry.title, &entry.explanation];
        templates.extend(&entry.brief);
        templates.extend(&entry.sync);
        templates.extend(entry.rustc.iter().map(|r| &r.note));
        for fix in &entry.fixes {
            templates.push(&fix.title);
            templates.extend(&fix.code);
            templates.extend(fix.edit.as_ref().and_then(|e| e.text.as_ref()));
        }
        for template in templates {
            for name in template.placeholders() {
                if !always.iter().any(|n| n == name) {
                    let span = if title.get_ref().contains(name) {
                        title.span()
                    } else if let Some(brief) = brief.filter(|b| b.get_ref().contains(name)) {
                        brief.span()
                    } else {
                        explanation.span()
                    };
                    let mut message = format!(
                        "placeholder `${{{name}}}` is not captured by every matcher and has no default"
                    );
                    if !always.is_empty() {
                        message.push_str(&format!(" (known: {})", always.join(", ")));
                    }
                    return Err(self.file.error(span, message));
                }
            }
        }
        Ok(())
    }

    fn at<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> KbError {
        self.file.error(spanned.span(), message)
    }
}
