//! Draws an explanation with annotate-snippets, in rustc's own style: a titled block with the
//! why, then one `help:` per fix pointing at the user's code, then links and crates.

use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

use super::snippet::SpanSource;
use super::{Relation, Root, Style};
use crate::explain::Explanation;

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

/// The explanation as text, ending in a newline.
pub fn render_explanation(explanation: &Explanation<'_>, style: Style) -> String {
    render_explanation_with(explanation, &[], style)
}

/// The explanation with extra notes (name, text; paragraphs apart by a blank line) right under
/// its title, before the why: where a panic came from.
pub(super) fn render_explanation_with(
    explanation: &Explanation<'_>,
    notes: &[(&str, String)],
    style: Style,
) -> String {
    let sources: Vec<Option<SpanSource>> = explanation
        .fixes
        .iter()
        .map(|f| f.span.and_then(SpanSource::new))
        .collect();
    let mut report: Vec<Group<'_>> = Vec::new();

    let mut head = Level::NOTE
        .with_name("explain")
        .primary_title(explanation.title.as_str())
        .id(explanation.id)
        .elements(
            notes
                .iter()
                .flat_map(|(name, text)| paragraphs(name, text, style)),
        )
        .elements(paragraphs("why", &explanation.why, style));
    if let Some(sync) = &explanation.sync {
        head = head.elements(paragraphs("note", sync, style));
    }
    if let Some((_, note)) = &explanation.rustc {
        head = head.elements(paragraphs("note", note, style));
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
            group = match &fix.replacement {
                Some(replacement) => group.element(
                    snippet_of(source)
                        .patch(Patch::new(source.range.clone(), replacement.as_str())),
                ),
                None => group.element(
                    snippet_of(source)
                        .annotation(AnnotationKind::Context.span(source.range.clone())),
                ),
            };
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

fn snippet_of<'a, T: Clone>(source: &'a SpanSource) -> Snippet<'a, T> {
    Snippet::source(source.text.as_str())
        .line_start(source.line_start)
        .path(source.path.as_str())
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
