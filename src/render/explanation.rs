//! Draws an explanation with annotate-snippets, in rustc's own style. By default concise: a
//! titled block with the why in brief and the first fix (its edit as a patch, or its code), one
//! link and a line saying what more there is. With `--verbose` in full: the whole why, one
//! `help:` per fix pointing at the user's code, every link and crate. The knowledge base's
//! comparison with rustc's own help is for maintainers and never drawn.

use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

use super::snippet::SpanSource;
use super::{Relation, Root, Style};
use crate::explain::{Explanation, FixText};
use crate::kb::Link;

/// The note for an error caused by an earlier explained one, ending in a newline.
pub fn render_follows(root: &Root, style: Style) -> String {
    let (title, note, help) = match root.relation {
        Relation::CausedBy => (
            "this error follows from an earlier one",
            format!("the root cause, explained above: {}", root.title),
            "fix that error first; this one should then go away",
        ),
        Relation::SameAs => (
            "the same mistake as explained above",
            format!("see the explanation above: {}", root.title),
            "one fix removes both reports",
        ),
    };
    let report = [Level::NOTE
        .with_name("explain")
        .primary_title(title)
        .id(root.id.as_str())
        .element(Level::NOTE.message(note))
        .element(Level::HELP.message(help))];
    finish(renderer(style).render(&report))
}

fn renderer(style: Style) -> Renderer {
    if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(style.width)
}

/// Trims trailing spaces annotate-snippets leaves on blank lines; ends with a newline.
fn finish(rendered: String) -> String {
    let mut text = String::with_capacity(rendered.len() + 1);
    for line in rendered.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// Whether the reader has already seen, higher up in the same output, an explanation by the
/// same entry (of another diagnostic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    First,
    /// The concise form then leaves out its link and what more there is: both are above.
    Again,
}

/// The explanation as text, ending in a newline: concise unless `style.verbose`.
pub fn render_explanation(explanation: &Explanation<'_>, style: Style) -> String {
    render_explanation_with(explanation, &[], Seen::First, style)
}

/// [`render_explanation`] for an explanation whose entry the reader may have seen above.
pub fn render_explanation_seen(explanation: &Explanation<'_>, seen: Seen, style: Style) -> String {
    render_explanation_with(explanation, &[], seen, style)
}

/// The explanation with extra notes (name, text; paragraphs apart by a blank line) right under
/// its title, before the why: where a panic came from.
pub(super) fn render_explanation_with(
    explanation: &Explanation<'_>,
    notes: &[(&str, String)],
    seen: Seen,
    style: Style,
) -> String {
    if style.verbose {
        render_full(explanation, notes, style)
    } else {
        render_concise(explanation, notes, seen, style)
    }
}

/// The default: the title, the why in brief, the first fix (its edit, or its code), one link
/// and a line saying what more there is and how to see it (those two only the first time the
/// entry explains something in this output).
fn render_concise(
    explanation: &Explanation<'_>,
    notes: &[(&str, String)],
    seen: Seen,
    style: Style,
) -> String {
    let first = explanation.fixes.first();
    let source = first.and_then(|fix| FixPlace::of(fix, explanation.file));
    let mut report: Vec<Group<'_>> = Vec::new();

    let mut head = head(explanation, notes, &explanation.brief, style);
    let mut fix_group = None;
    if let Some(fix) = first {
        match (&source, fix.is_edit(), &fix.code) {
            // An edit of the user's code: drawn as rustc draws its suggestions.
            (Some(source), true, _) | (Some(source), false, None) => {
                fix_group = Some(fix_snippet(
                    Group::with_title(Level::HELP.secondary_title(fix.title.as_str())),
                    fix,
                    source,
                ));
            }
            // Code to write: under the title, where the eye already is.
            (_, _, Some(code)) => {
                head = head.element(Level::HELP.message(format!("{}\n{code}", fix.title)));
            }
            _ => head = head.element(Level::HELP.message(fix.title.as_str())),
        }
    }
    report.push(head);
    report.extend(fix_group);

    if seen == Seen::Again {
        return finish(renderer(style).render(&report));
    }
    let mut tail = Group::with_level(Level::NOTE);
    if let Some(link) = explanation.links.first() {
        tail = tail.element(
            Level::NOTE
                .with_name("read")
                .message(link_text(link, style)),
        );
    }
    if let Some(more) = more_line(explanation, style) {
        tail = tail.element(Level::NOTE.with_name("more").message(more));
    }
    report.push(tail);

    finish(renderer(style).render(&report))
}

/// `title <url>`, or the URL alone when both would not fit on one line.
fn link_text(link: &Link, style: Style) -> String {
    let both = format!("{} <{}>", link.title, link.url);
    // `   = read: ` stands before it.
    if both.chars().count() + 11 <= style.width {
        both
    } else {
        format!("<{}>", link.url)
    }
}

/// What the concise form leaves out, and how to see it; `None` when it leaves nothing out. On
/// one line whenever it fits the width (without the `-v` alternative if need be), else the
/// command on a line of its own.
fn more_line(explanation: &Explanation<'_>, style: Style) -> Option<String> {
    let what = left_out(explanation, true)?;
    let command = format!("`cargo async-explain --explain {}`", explanation.id);
    // `   = more: ` stands before it; the command is never broken.
    let room = style.width.saturating_sub(11);
    let fits = |text: &str| text.chars().count() <= room;
    let with_verbose = format!("{what}: {command} or `-v`");
    if fits(&with_verbose) {
        return Some(with_verbose);
    }
    let plain = format!("{what}: {command}");
    if fits(&plain) {
        return Some(plain);
    }
    Some(format!("{what}:\n{command} or `-v`"))
}

/// What the concise form of an explanation leaves out (`+2 fixes, +1 link, 2 crates`; the
/// other fixes only when `fixes_left_out`), or `None` when nothing is.
pub(super) fn left_out(explanation: &Explanation<'_>, fixes_left_out: bool) -> Option<String> {
    let mut parts = Vec::new();
    let fixes = explanation.fixes.len().saturating_sub(1);
    if fixes > 0 && fixes_left_out {
        parts.push(format!("+{}", count(fixes, "fix", "fixes")));
    }
    let links = explanation.links.len().saturating_sub(1);
    if links > 0 {
        parts.push(format!("+{}", count(links, "link", "links")));
    }
    if !explanation.crates.is_empty() {
        parts.push(count(explanation.crates.len(), "crate", "crates"));
    }
    let code_left_out = fixes_left_out
        && explanation
            .fixes
            .first()
            .is_some_and(|f| f.code.is_some() && f.is_edit());
    let why_left_out = explanation.why != explanation.brief || explanation.sync.is_some();
    if parts.is_empty() {
        if !why_left_out && !code_left_out {
            return None;
        }
        parts.push("the whole explanation".to_owned());
    }
    Some(parts.join(", "))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The explanation's first group: `explain[id]: title`, the notes given, and the why (the brief
/// one, or the whole).
fn head<'a>(
    explanation: &'a Explanation<'_>,
    notes: &'a [(&str, String)],
    why: &'a str,
    style: Style,
) -> Group<'a> {
    Level::NOTE
        .with_name("explain")
        .primary_title(explanation.title.as_str())
        .id(explanation.id)
        .elements(
            notes
                .iter()
                .flat_map(|(name, text)| paragraphs(name, text, style)),
        )
        .elements(paragraphs("why", why, style))
}

/// `--verbose`: the whole why, rustc's comparison left out, every fix with where it applies,
/// every link and crate.
fn render_full(explanation: &Explanation<'_>, notes: &[(&str, String)], style: Style) -> String {
    let sources: Vec<Option<FixPlace>> = explanation
        .fixes
        .iter()
        .map(|fix| FixPlace::of(fix, explanation.file))
        .collect();
    let mut report: Vec<Group<'_>> = Vec::new();

    let mut head = head(explanation, notes, &explanation.why, style);
    if let Some(sync) = &explanation.sync {
        head = head.elements(paragraphs("note", sync, style));
    }
    report.push(head);

    let count = explanation.fixes.len();
    for (i, (fix, source)) in explanation.fixes.iter().zip(&sources).enumerate() {
        let title = if count > 1 {
            format!("fix {} of {count}: {}", i + 1, fix.title)
        } else {
            format!("fix: {}", fix.title)
        };
        let mut group = Group::with_title(Level::HELP.secondary_title(title));
        if let Some(source) = source {
            group = fix_snippet(group, fix, source);
        }
        if let Some(code) = &fix.code {
            group = group.element(Level::NOTE.no_name().message(code.as_str()));
        }
        report.push(group);
    }

    if !explanation.links.is_empty() || !explanation.crates.is_empty() {
        let mut tail = Group::with_level(Level::NOTE);
        for link in explanation.links {
            tail = tail.element(
                Level::NOTE
                    .with_name("read")
                    .message(format!("{} <{}>", link.title, link.url)),
            );
        }
        for krate in explanation.crates {
            let what = match &krate.item {
                Some(item) => format!("`{item}` from `{}`", krate.name),
                None => format!("`{}`", krate.name),
            };
            tail = tail.element(
                Level::HELP
                    .with_name("crate")
                    .message(format!("{what}: {} <{}>", krate.when, krate.url)),
            );
        }
        report.push(tail);
    }

    finish(renderer(style).render(&report))
}

/// Where a fix is drawn: the lines of the user's code it edits (with each replacement), or the
/// span it is about (no replacements).
struct FixPlace {
    source: SpanSource,
    patches: Vec<(std::ops::Range<usize>, String)>,
}

impl FixPlace {
    /// `file`: the diagnostic's own file, which an edit there does not repeat.
    fn of(fix: &FixText<'_>, file: Option<&str>) -> Option<FixPlace> {
        if let Some(edit) = &fix.edit {
            let excerpt = edit.excerpt();
            return Some(FixPlace {
                source: SpanSource {
                    path: if file == Some(excerpt.path.as_str()) {
                        String::new()
                    } else {
                        excerpt.path
                    },
                    line_start: excerpt.line_start,
                    range: excerpt.patches.first().map_or(0..0, |(r, _)| r.clone()),
                    text: excerpt.text,
                },
                patches: excerpt.patches,
            });
        }
        let mut source = SpanSource::new(fix.span?)?;
        let patches = match &fix.replacement {
            Some(text) => vec![(source.range.clone(), text.clone())],
            None => Vec::new(),
        };
        if !patches.is_empty() && file == Some(source.path.as_str()) {
            source.path.clear();
        }
        Some(FixPlace { source, patches })
    }
}

/// The fix's place in the user's code: the edit as patches, or the span it is about.
fn fix_snippet<'a>(group: Group<'a>, _fix: &'a FixText<'_>, place: &'a FixPlace) -> Group<'a> {
    if place.patches.is_empty() {
        return group.element(
            snippet_of(&place.source)
                .annotation(AnnotationKind::Context.span(place.source.range.clone())),
        );
    }
    let mut snippet = snippet_of(&place.source);
    for (range, text) in &place.patches {
        snippet = snippet.patch(Patch::new(range.clone(), text.as_str()));
    }
    group.element(snippet)
}

fn snippet_of<'a, T: Clone>(source: &'a SpanSource) -> Snippet<'a, T> {
    let snippet = Snippet::source(source.text.as_str()).line_start(source.line_start);
    if source.path.is_empty() {
        snippet
    } else {
        snippet.path(source.path.as_str())
    }
}

/// A text of several paragraphs as consecutive notes (the first named, the rest unnamed), each
/// reflowed to the layout width so authors need not wrap for a particular indentation.
fn paragraphs<'a>(name: &'a str, text: &str, style: Style) -> Vec<annotate_snippets::Message<'a>> {
    let width = style.width.clamp(40, 100) - 11;
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
        .map(|(i, p)| {
            let level = if i == 0 {
                Level::NOTE.with_name(name)
            } else {
                Level::NOTE.no_name()
            };
            level.message(reflow(p, width))
        })
        .collect()
}

/// Joins a paragraph's lines and wraps it at `width` columns. Lines that start a list item
/// (`- `, `* `, `1. `) start a new line; indented lines (code) are kept as they are.
pub fn reflow(paragraph: &str, width: usize) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut verbatim: Vec<bool> = Vec::new();
    for line in paragraph.lines() {
        let trimmed = line.trim_start();
        let indented = line.len() - trimmed.len() >= 4;
        let item = trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if indented || item || blocks.is_empty() || verbatim.last() == Some(&true) {
            blocks.push(if indented {
                line.to_owned()
            } else {
                trimmed.to_owned()
            });
            verbatim.push(indented);
        } else if let Some(last) = blocks.last_mut() {
            last.push(' ');
            last.push_str(trimmed);
        }
    }
    let mut out = String::new();
    for (block, keep) in blocks.iter().zip(verbatim) {
        if !out.is_empty() {
            out.push('\n');
        }
        if keep {
            out.push_str(block);
            continue;
        }
        let mut column = 0;
        for word in block.split_whitespace() {
            let len = word.chars().count();
            if column > 0 && column + 1 + len > width {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::reflow;

    #[test]
    fn reflow_joins_and_wraps_prose_but_keeps_items_and_code() {
        let text = "one two\nthree four five\n- item one\n- item\n  two\n    let x = 1;";
        assert_eq!(
            reflow(text, 9),
            "one two\nthree\nfour five\n- item\none\n- item\ntwo\n    let x = 1;"
        );
    }
}
