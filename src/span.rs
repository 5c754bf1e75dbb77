//! Which span of a diagnostic lies in the user's own code. rustc reports spans inside macros
//! (tokio's `select!`, `#[tokio::main]`) at the macro's source; the user's code is the call site,
//! reached through `expansion`.

use std::path::Path;

use cargo_metadata::diagnostic::{Diagnostic, DiagnosticSpan};

/// True for a span in the workspace: cargo gives those as relative paths, while dependencies,
/// the standard library and macro pseudo-files (`<…>`) are absolute or bracketed.
pub fn in_workspace(span: &DiagnosticSpan) -> bool {
    !span.file_name.starts_with('<') && !Path::new(&span.file_name).is_absolute()
}

/// The span itself when it is in the workspace, else the nearest macro call site that is.
/// Falls back to the span given when no call site is in the workspace.
pub fn user_span(span: &DiagnosticSpan) -> &DiagnosticSpan {
    let mut current = span;
    while !in_workspace(current) {
        match &current.expansion {
            Some(expansion) => current = &expansion.span,
            None => return span,
        }
    }
    current
}

/// The primary span of the diagnostic, moved to the user's code.
pub fn primary_user_span(diagnostic: &Diagnostic) -> Option<&DiagnosticSpan> {
    diagnostic
        .spans
        .iter()
        .find(|s| s.is_primary)
        .or(diagnostic.spans.first())
        .map(user_span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(file: &str, expansion: Option<serde_json::Value>) -> serde_json::Value {
        serde_json::json!({
            "file_name": file, "byte_start": 0, "byte_end": 1, "line_start": 3, "line_end": 3,
            "column_start": 1, "column_end": 2, "is_primary": true, "text": [], "label": null,
            "suggested_replacement": null, "suggestion_applicability": null,
            "expansion": expansion.map(|s| serde_json::json!({"span": s, "macro_decl_name": "select!", "def_site_span": null}))
        })
    }

    #[test]
    fn a_span_inside_a_dependency_macro_moves_to_the_call_site() {
        let inner = span(
            "/cargo/registry/src/index.crates.io/tokio-1.54.1/src/macros/select.rs",
            Some(span("app/src/main.rs", None)),
        );
        let inner: DiagnosticSpan = serde_json::from_value(inner).unwrap();
        assert_eq!(user_span(&inner).file_name, "app/src/main.rs");
        let std_only: DiagnosticSpan =
            serde_json::from_value(span("/rustc/x/library/core/src/lib.rs", None)).unwrap();
        assert_eq!(
            user_span(&std_only).file_name,
            "/rustc/x/library/core/src/lib.rs"
        );
    }
}
