//! The user's own code around a diagnostic, read from disk: the files its spans point into
//! (`file.rs`), what encloses a span (`scope.rs`: the `async fn`, closure or async block around
//! it), the syntax at a span (`find.rs`: the expression rustc points at, a trait's definition).
//!
//! Everything here is optional: when a file is missing or changed since the compiler ran, the
//! facts from rustc's text are all there is, and explanations fall back to them.

pub mod file;
pub mod find;
pub mod scope;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use cargo_metadata::diagnostic::DiagnosticSpan;

pub use file::SourceFile;
pub use scope::{Scope, ScopeKind};

/// The user's files, read on first use and kept for the run.
///
/// rustc names the user's files relative to cargo's workspace root. That root is the one given
/// (`--workspace-root`, the tests' fixture folder); otherwise it is found from the compilation's
/// crate root (`target.src_path` in cargo's message, an absolute path): the nearest folder above
/// it in which the span's file exists. Bare rustc output names files relative to the current
/// directory, tried last.
#[derive(Default)]
pub struct Sources {
    root: Option<PathBuf>,
    /// Off: explanations use rustc's text alone.
    off: bool,
    /// Files given with their text, by the name spans write.
    given: HashMap<String, Rc<SourceFile>>,
    files: RefCell<HashMap<PathBuf, Option<Rc<SourceFile>>>>,
}

/// A span of the user's code, with the file it is in and what encloses it.
#[derive(Clone)]
pub struct Place {
    /// The file's name as rustc wrote it (relative to the workspace root).
    pub name: String,
    pub file: Rc<SourceFile>,
    pub range: Range<usize>,
    /// Innermost first.
    pub scopes: Vec<Scope>,
}

impl Sources {
    /// Sources whose relative file names start at `root`, when given (else found as above).
    pub fn new(root: Option<PathBuf>) -> Sources {
        Sources {
            root,
            ..Sources::default()
        }
    }

    /// Adds files given with their text (by the name spans write), read before the disk.
    pub fn with_files(mut self, files: &[(&str, &str)]) -> Sources {
        for (name, text) in files {
            let mut file = SourceFile::new((*text).to_owned());
            file.path = PathBuf::from(name);
            self.given.insert((*name).to_owned(), Rc::new(file));
        }
        self
    }

    /// No sources: explanations use rustc's text alone.
    pub fn none() -> Sources {
        Sources {
            off: true,
            ..Sources::default()
        }
    }

    /// The file a span points into, when it is the user's (a relative name) and readable;
    /// `crate_root` is the compilation's crate root file, when known.
    pub fn file(&self, name: &str, crate_root: Option<&Path>) -> Option<Rc<SourceFile>> {
        if self.off || name.starts_with('<') || Path::new(name).is_absolute() {
            return None;
        }
        if let Some(file) = self.given.get(name) {
            return Some(Rc::clone(file));
        }
        let path = self.locate(name, crate_root)?;
        self.files
            .borrow_mut()
            .entry(path)
            .or_insert_with_key(|path| SourceFile::read(path).map(Rc::new))
            .clone()
    }

    fn locate(&self, name: &str, crate_root: Option<&Path>) -> Option<PathBuf> {
        if let Some(root) = &self.root {
            return Some(root.join(name));
        }
        let above_crate = crate_root
            .and_then(Path::parent)
            .into_iter()
            .flat_map(Path::ancestors);
        let cwd = std::env::current_dir().ok();
        above_crate
            .chain(cwd.as_deref())
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    }

    /// The place a span points at, with the scopes around it; `None` when the file cannot be
    /// read, has changed since the compiler ran, or does not parse.
    pub fn place(&self, span: &DiagnosticSpan, crate_root: Option<&Path>) -> Option<Place> {
        self.place_in_text(span, crate_root)
            .filter(|place| place.file.syntax().is_some())
    }

    /// The place a span points at, also in a file that does not parse (then without scopes):
    /// for rustc's own suggestions, which may be what makes it parse (`await fut`).
    pub fn place_in_text(&self, span: &DiagnosticSpan, crate_root: Option<&Path>) -> Option<Place> {
        let span = crate::span::user_span(span);
        let file = self.file(&span.file_name, crate_root)?;
        let range = file.range_of(span)?;
        let scopes = file.scopes_at(range.clone());
        Some(Place {
            name: span.file_name.clone(),
            file,
            range,
            scopes,
        })
    }
}

impl Sources {
    /// The manifest of the package a place's file belongs to (the nearest `Cargo.toml` above
    /// it), with its name written as rustc would write it (relative like the place's).
    pub fn manifest_of(&self, place: &Place) -> Option<(String, Rc<SourceFile>)> {
        let path = &place.file.path;
        let depth = Path::new(&place.name).components().count();
        let root = path.ancestors().nth(depth)?;
        let manifest = path
            .ancestors()
            .skip(1)
            .take_while(|dir| dir.starts_with(root))
            .map(|dir| dir.join("Cargo.toml"))
            .find(|m| m.is_file())?;
        let name = manifest
            .strip_prefix(root)
            .ok()?
            .to_string_lossy()
            .into_owned();
        let file = self
            .files
            .borrow_mut()
            .entry(manifest.clone())
            .or_insert_with_key(|path| SourceFile::read(path).map(Rc::new))
            .clone()?;
        Some((name, file))
    }
}

impl Place {
    /// The innermost function, closure or async block.
    pub fn innermost(&self) -> Option<&Scope> {
        self.scopes.first()
    }

    /// The innermost function (not a closure or async block).
    pub fn function(&self) -> Option<&Scope> {
        self.scopes.iter().find(|s| s.kind.is_fn())
    }

    /// The text the span covers.
    pub fn text(&self) -> &str {
        self.file.slice(self.range.clone())
    }
}
