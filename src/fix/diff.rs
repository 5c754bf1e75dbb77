//! What `fix` changed in a file, as a short unified diff (two lines of context, `a/` and `b/`
//! headers as `git diff` writes them), coloured like `git diff` when asked. Pure.

use similar::TextDiff;

const RED: &str = "\u{1b}[31m";
const GREEN: &str = "\u{1b}[32m";
const CYAN: &str = "\u{1b}[36m";
const BOLD: &str = "\u{1b}[1m";
const RESET: &str = "\u{1b}[0m";

/// The unified diff from `before` to `after` of the file named `name` (as the workspace names
/// it); empty when they are equal.
pub fn unified(name: &str, before: &str, after: &str, color: bool) -> String {
    if before == after {
        return String::new();
    }
    let diff = TextDiff::from_lines(before, after);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    if !color {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let paint = if body.starts_with("---") || body.starts_with("+++") {
            BOLD
        } else if body.starts_with("@@") {
            CYAN
        } else if body.starts_with('-') {
            RED
        } else if body.starts_with('+') {
            GREEN
        } else {
            ""
        };
        if paint.is_empty() {
            out.push_str(line);
        } else {
            out.push_str(paint);
            out.push_str(body);
            out.push_str(RESET);
            out.push_str(end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_with_two_lines_of_context() {
        let before = "a\nb\nc\nd\ne\nf\ng\n";
        let after = "a\nb\nc\nD\ne\nf\ng\n";
        assert_eq!(
            unified("src/x.rs", before, after, false),
            "--- a/src/x.rs\n+++ b/src/x.rs\n@@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n"
        );
    }

    #[test]
    fn equal_texts_have_no_diff_and_colour_wraps_whole_lines() {
        assert_eq!(unified("x", "a\n", "a\n", true), "");
        let coloured = unified("x", "a\n", "b\n", true);
        assert!(coloured.contains("\u{1b}[31m-a\u{1b}[0m\n"), "{coloured:?}");
        assert!(coloured.contains("\u{1b}[32m+b\u{1b}[0m\n"), "{coloured:?}");
    }
}
