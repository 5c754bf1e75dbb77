//! Draws an explanation with annotate-snippets, in rustc's own style: a titled block with the
//! why, then one `help:` per fix pointing at the user's code, then links and crates.

use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

use super::snippet::SpanSource;
use super::{Root, Style};
use crate::explain::Explanation;
use crate::kb::Verdict;

/// The note for an error caused by an earlier explained one, ending in a newline.
pub fn render_follows(root: &Root, style: Style) -> String {
    let report = [Level::NOTE
        .with_name("explain")
        .primary_title("this error follows from an earlier one")
        .id(root.id.as_str())
        .element(Level::NOTE.message(format!("the root cause, explained above: {}", root.title)))
        .element(Level::HELP.message("fix that error first; this one should then go away"))];
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

/// The explanation with extra notes (name, text) right under its title, before the why: where a
/// panic came from.
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
                .map(|(name, text)| Level::NOTE.with_name(*name).message(text.as_str())),
        )
        .elements(paragraphs("why", &explanation.why));
    if let Some(sync) = &explanation.sync {
        head = head.element(Level::NOTE.with_name("in sync Rust").message(sync.as_str()));
    }
    if let Some((verdict, note)) = &explanation.rustc {
        let name = match verdict {
            Verdict::Good => "rustc's help is right",
            Verdict::Partial => "rustc's help is incomplete",
            Verdict::Misleading => "rustc's help is misleading",
        };
        head = head.element(Level::NOTE.with_name(name).message(note.as_str()));
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

/// A text of several paragraphs as consecutive notes: the first named, the rest unnamed.
fn paragraphs<'a>(name: &'a str, text: &'a str) -> Vec<annotate_snippets::Message<'a>> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
        .map(|(i, p)| match i {
            0 => Level::NOTE.with_name(name).message(p),
            _ => Level::NOTE.no_name().message(p),
        })
        .collect()
}
