//! A knowledge base loaded on first use: a stream with no diagnostic and no panic (a clean build,
//! an empty input) never parses the entries, so start-up stays a few milliseconds.

use std::sync::OnceLock;

use super::{Kb, KbError};

/// Where the stream gets its knowledge base from.
pub trait KbSource: Sync {
    /// The knowledge base, loading it if needed; `None` when it failed to load (the failure is
    /// reported by whoever owns the source; the stream then passes everything through).
    fn kb(&self) -> Option<&Kb>;
}

impl KbSource for Kb {
    fn kb(&self) -> Option<&Kb> {
        Some(self)
    }
}

type Loader = Box<dyn Fn() -> Result<Kb, Vec<KbError>> + Send + Sync>;

pub struct LazyKb {
    load: Loader,
    cell: OnceLock<Result<Kb, Vec<KbError>>>,
}

impl LazyKb {
    /// Loads with `load` the first time the knowledge base is needed.
    pub fn new(load: impl Fn() -> Result<Kb, Vec<KbError>> + Send + Sync + 'static) -> Self {
        LazyKb {
            load: Box::new(load),
            cell: OnceLock::new(),
        }
    }

    /// A knowledge base loaded already.
    pub fn ready(kb: Kb) -> Self {
        let lazy = LazyKb::new(|| Err(Vec::new()));
        let _ = lazy.cell.set(Ok(kb));
        lazy
    }

    /// The load errors, when it was loaded and failed.
    pub fn errors(&self) -> Option<&[KbError]> {
        self.cell.get()?.as_ref().err().map(Vec::as_slice)
    }
}

impl KbSource for LazyKb {
    fn kb(&self) -> Option<&Kb> {
        self.cell.get_or_init(|| (self.load)()).as_ref().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_once_on_first_use_and_keeps_errors() {
        let lazy = LazyKb::new(Kb::embedded);
        assert!(lazy.cell.get().is_none(), "nothing is loaded before use");
        assert!(lazy.kb().is_some());
        assert!(lazy.errors().is_none());
        let broken = LazyKb::new(|| {
            Err(vec![KbError::NotUtf8 {
                file: "x.toml".into(),
            }])
        });
        assert!(broken.kb().is_none());
        assert_eq!(broken.errors().map(<[KbError]>::len), Some(1));
    }
}
