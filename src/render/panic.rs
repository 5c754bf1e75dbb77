//! Draws the explanation of a runtime panic: the knowledge-base explanation, headed by where the
//! panic came from in the user's code (the innermost user frame of the backtrace, the API it
//! called and the user frames that led there; or the panic's own location).

use super::explanation::{Seen, render_explanation_with};
use super::{PanicEvent, Style};

/// Every explanation of the panic, ending in a newline; empty when nothing explains it.
pub fn render_panic(event: &PanicEvent<'_>, style: Style) -> String {
    let notes = site_notes(event);
    let mut out = String::new();
    for explanation in event.explanations {
        out.push_str(&render_explanation_with(
            explanation,
            &notes,
            Seen::First,
            style,
        ));
        out.push('\n');
    }
    out
}

/// The "where" notes: `panicked in`, `called from` (one caller per paragraph), or how to find
/// out.
pub fn site_notes(event: &PanicEvent<'_>) -> Vec<(&'static str, String)> {
    let mut notes = Vec::new();
    match event.site {
        Some(site) => match &site.function {
            Some(function) => {
                let mut text = format!("`{function}` at {}", site.location);
                if let Some(api) = &site.calls {
                    text.push_str(&format!(", calling `{api}`"));
                }
                notes.push(("panicked in your code", text));
                if !site.callers.is_empty() {
                    let chain: Vec<String> = site
                        .callers
                        .iter()
                        .map(|(name, location)| match location {
                            Some(l) => format!("`{name}` at {l}"),
                            None => format!("`{name}`"),
                        })
                        .collect();
                    notes.push(("called from", chain.join("\n\n")));
                }
            }
            None => {
                notes.push(("panicked in your code", format!("at {}", site.location)));
                notes.push((
                    "backtrace",
                    "run with `RUST_BACKTRACE=1` to see the functions that led there".to_owned(),
                ));
            }
        },
        None if event.panic.frames.is_empty() => notes.push((
            "backtrace",
            "the panic was raised inside a dependency; run with `RUST_BACKTRACE=1` to see which of your functions called it"
                .to_owned(),
        )),
        None => {}
    }
    notes
}
