//! The errors and warnings of a check, counted by what they say and where (code, message, file;
//! not line numbers, which edits move), and the rule that decides whether edits made things
//! better: fewer errors and no new one (or, with the errors unchanged, fewer warnings and no new
//! one).

use std::collections::BTreeMap;
use std::fmt;

/// What identifies a diagnostic across edits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub level: String,
    pub code: Option<String>,
    pub message: String,
    /// The file of the primary span, as the compiler names it.
    pub file: Option<String>,
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.level)?;
        if let Some(code) = &self.code {
            write!(f, "[{code}]")?;
        }
        // The first line: rustc's messages rarely have more, and a status line must stay one.
        let message = self.message.lines().next().unwrap_or_default();
        write!(f, ": {message}")?;
        if let Some(file) = &self.file {
            write!(f, " ({file})")?;
        }
        Ok(())
    }
}

/// How many diagnostics of each key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally(BTreeMap<Key, usize>);

impl Tally {
    pub fn add(&mut self, key: Key) {
        *self.0.entry(key).or_default() += 1;
    }

    pub fn total(&self) -> usize {
        self.0.values().sum()
    }

    pub fn count(&self, key: &Key) -> usize {
        self.0.get(key).copied().unwrap_or(0)
    }

    /// Keys there are more of in `self` than in `before`.
    pub fn new_since(&self, before: &Tally) -> Vec<Key> {
        self.0
            .iter()
            .filter(|(key, n)| **n > before.count(key))
            .map(|(key, _)| key.clone())
            .collect()
    }

    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.0.keys()
    }
}

/// The errors and warnings of one check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: Tally,
    pub warnings: Tally,
}

/// Whether a check after edits is better than the one before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    Better,
    /// Errors (or, with the same errors, warnings) that were not there before.
    NewDiagnostics(Vec<Key>),
    /// Nothing new, but nothing fewer either.
    NoFewer {
        before: usize,
        after: usize,
    },
}

/// Fewer errors and no new one; with the same errors, fewer warnings and no new warning.
pub fn judge(before: &Counts, after: &Counts) -> Judgement {
    let new_errors = after.errors.new_since(&before.errors);
    if !new_errors.is_empty() {
        return Judgement::NewDiagnostics(new_errors);
    }
    let (b, a) = (before.errors.total(), after.errors.total());
    if a < b {
        return Judgement::Better;
    }
    if a == b {
        let new_warnings = after.warnings.new_since(&before.warnings);
        if !new_warnings.is_empty() {
            return Judgement::NewDiagnostics(new_warnings);
        }
        if after.warnings.total() < before.warnings.total() {
            return Judgement::Better;
        }
    }
    Judgement::NoFewer {
        before: b,
        after: a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(level: &str, code: &str, file: &str) -> Key {
        Key {
            level: level.into(),
            code: Some(code.into()),
            message: "m".into(),
            file: Some(file.into()),
        }
    }

    fn counts(errors: &[&Key], warnings: &[&Key]) -> Counts {
        let mut c = Counts::default();
        errors.iter().for_each(|k| c.errors.add((*k).clone()));
        warnings.iter().for_each(|k| c.warnings.add((*k).clone()));
        c
    }

    #[test]
    fn fewer_errors_without_a_new_one_is_better() {
        let a = key("error", "E0308", "a.rs");
        let b = key("error", "E0382", "a.rs");
        let before = counts(&[&a, &b], &[]);
        assert_eq!(judge(&before, &counts(&[&b], &[])), Judgement::Better);
        // One gone, one new: not better, and the new one is named.
        let c = key("error", "E0425", "a.rs");
        assert_eq!(
            judge(&before, &counts(&[&b, &c], &[])),
            Judgement::NewDiagnostics(vec![c])
        );
        // A second error of a key seen once before is new too.
        assert_eq!(
            judge(&before, &counts(&[&a, &a], &[])),
            Judgement::NewDiagnostics(vec![a.clone()])
        );
        assert_eq!(
            judge(&before, &before.clone()),
            Judgement::NoFewer {
                before: 2,
                after: 2
            }
        );
    }

    #[test]
    fn warnings_count_only_when_the_errors_are_the_same() {
        let e = key("error", "E0308", "a.rs");
        let w = key("warning", "unused_must_use", "a.rs");
        let before = counts(&[&e], &[&w]);
        assert_eq!(judge(&before, &counts(&[&e], &[])), Judgement::Better);
        // An error fixed at the price of a new warning is still better.
        let w2 = key("warning", "unused_variables", "a.rs");
        assert_eq!(judge(&before, &counts(&[], &[&w, &w2])), Judgement::Better);
        assert_eq!(
            judge(&before, &counts(&[&e], &[&w2])),
            Judgement::NewDiagnostics(vec![w2])
        );
    }

    #[test]
    fn a_key_reads_like_a_diagnostic() {
        assert_eq!(
            key("error", "E0425", "src/bad.rs").to_string(),
            "error[E0425]: m (src/bad.rs)"
        );
    }
}
