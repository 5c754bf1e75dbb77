//! While `fix` has files in an edited state, an interrupt (Ctrl-C, SIGTERM, SIGHUP) must not kill
//! it before it restores them: the signals only raise a flag, which `fix` reads after each
//! check (a Ctrl-C in a terminal stops cargo too, so the check ends at once).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::error::FixError;

/// The flag, and the handlers that raise it (removed on drop).
pub struct Interrupt {
    flag: Arc<AtomicBool>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
}

impl Interrupt {
    pub fn register() -> Interrupt {
        let flag = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let ids = [SIGINT, SIGTERM, SIGHUP]
                .into_iter()
                .filter_map(|signal| signal_hook::flag::register(signal, Arc::clone(&flag)).ok())
                .collect();
            Interrupt { flag, ids }
        }
        #[cfg(not(unix))]
        Interrupt { flag }
    }

    /// An error once a signal came.
    pub fn check(&self) -> Result<(), FixError> {
        if self.flag.load(Ordering::SeqCst) {
            Err(FixError::Interrupted)
        } else {
            Ok(())
        }
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        #[cfg(unix)]
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
