//! A knowledge base loaded on first use: a filtered stream with no diagnostic and no panic (an
//! empty input, a clean build's log) never parses the entries, so start-up stays a few
//! milliseconds. The wrapper warms it on a thread of its own while cargo works.

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

    /// Starts loading on a thread of its own, for a caller that has time to spare now (the
    /// wrapper, while cargo compiles): the first diagnostic then finds the entries loaded, or
    /// waits for the load already under way rather than starting another.
    pub fn warm(&'static self) {
        std::thread::spawn(move || {
            self.kb();
        });
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

    #[test]
    fn warming_loads_on_another_thread() {
        let lazy: &'static LazyKb = Box::leak(Box::new(LazyKb::new(Kb::embedded)));
        lazy.warm();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while lazy.cell.get().is_none() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(
            lazy.cell.get().is_some(),
            "the entries were loaded without being asked for"
        );
        assert!(lazy.kb().is_some());
    }
}
