//! The import resolver: turns a path as written at a call site (`thread::sleep`, `slurp`,
//! `File::open`, `super::util::wait`) into the full path it names (`std::thread::sleep`,
//! `std::fs::read_to_string`, `std::fs::File::open`, `my_crate::util::wait`), following block and
//! module `use` declarations, renames, `self`/`super`/`crate`, re-exports between the crate's
//! modules and glob imports. Without type information it cannot see through everything; what it
//! cannot resolve is taken to be a path into an external crate as written.
//!
//! It records everything it reads of the crate's modules ([`Read`]): a file's findings depend on
//! those reads and on nothing else of the crate, so the cache keeps them until one of them
//! reads differently.

use std::cell::RefCell;

use super::blocking::Blocking;
use super::hash::hash;
use super::modules::{Crate, ItemKind, ModId, Names, UsePath};

/// How deep re-exports and glob imports are followed before giving up.
const MAX_DEPTH: usize = 16;

pub struct Resolver<'a> {
    krate: &'a Crate,
    blocking: &'a Blocking,
    /// What was read so far: a module and which of its names ([`Read`]).
    reads: RefCell<Vec<(ModId, u64)>>,
}

/// What the resolver reads of a module, as a key: one name (what it stands for: an item, a
/// module, an import), the module's glob imports, or its place in the tree (its parent).
pub struct Read;

impl Read {
    /// The key of a name.
    pub fn name(name: &str) -> u64 {
        hash(name.as_bytes())
    }

    /// The key of the glob imports (`*` is no name).
    pub fn globs() -> u64 {
        hash(b"*")
    }

    /// The key of the module's parent (`..` is no name).
    pub fn parent() -> u64 {
        hash(b"..")
    }
}

/// What a path names: the full path, and whether that is an item of the crate being checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub path: String,
    pub local: bool,
}

/// A resolved path: inside this crate (below its root) or into another crate.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Path {
    Local(Vec<String>),
    External(Vec<String>),
}

impl<'a> Resolver<'a> {
    pub fn new(krate: &'a Crate, blocking: &'a Blocking) -> Self {
        Resolver {
            krate,
            blocking,
            reads: RefCell::new(Vec::new()),
        }
    }

    /// What resolution has read: (module, [`Read`] key), sorted, each once.
    pub fn reads(&self) -> Vec<(ModId, u64)> {
        let mut reads = self.reads.take();
        reads.sort_unstable();
        reads.dedup();
        reads
    }

    fn read(&self, module: ModId, key: u64) {
        self.reads.borrow_mut().push((module, key));
    }

    /// The item a name of a module stands for.
    fn item(&self, module: ModId, name: &str) -> Option<ItemKind> {
        self.read(module, Read::name(name));
        self.krate.modules[module].names.items.get(name).copied()
    }

    /// The import a name of a module stands for.
    fn import(&self, module: ModId, name: &str) -> Option<&'a UsePath> {
        self.read(module, Read::name(name));
        self.krate.modules[module].names.imports.get(name)
    }

    fn globs(&self, module: ModId) -> &'a [UsePath] {
        self.read(module, Read::globs());
        &self.krate.modules[module].names.globs
    }

    /// A module's parent and its path (which is part of its identity).
    fn place(&self, module: ModId) -> (Option<ModId>, &'a [String]) {
        self.read(module, Read::parent());
        let m = &self.krate.modules[module];
        (m.parent, &m.path)
    }

    /// [`Crate::module_at`], recording what it reads.
    fn module_at(&self, path: &[String]) -> Option<ModId> {
        let mut at = 0;
        for segment in path {
            match self.item(at, segment) {
                Some(ItemKind::Module(child)) => at = child,
                _ => return None,
            }
        }
        self.place(at);
        Some(at)
    }

    /// The full path that `segments`, written in `module` inside the given blocks (outermost
    /// first), names; items of this crate start with the crate's name, items defined in a block
    /// with `{local}`.
    pub fn resolve(
        &self,
        module: ModId,
        blocks: &[Names],
        segments: &[String],
        leading_colon: bool,
    ) -> Option<Resolved> {
        let first = segments.first()?;
        if leading_colon {
            return Some(Resolved {
                path: segments.join("::"),
                local: false,
            });
        }
        for names in blocks.iter().rev() {
            if names.items.contains_key(first) {
                return Some(Resolved {
                    path: format!("{{local}}::{}", segments.join("::")),
                    local: true,
                });
            }
            if let Some(import) = names.imports.get(first) {
                return self
                    .through_use(module, import, &segments[1..], 0)
                    .map(|p| self.render(p));
            }
            for glob in &names.globs {
                if let Some(found) = self.through_glob(module, glob, segments, 0) {
                    return Some(self.render(found));
                }
            }
        }
        let found = self
            .lexical(module, segments, 0)
            .unwrap_or_else(|| Path::External(segments.to_vec()));
        Some(self.render(found))
    }

    fn render(&self, path: Path) -> Resolved {
        match path {
            Path::Local(segments) if segments.is_empty() => Resolved {
                path: self.krate.name.clone(),
                local: true,
            },
            Path::Local(segments) => Resolved {
                path: format!("{}::{}", self.krate.name, segments.join("::")),
                local: true,
            },
            Path::External(segments) => Resolved {
                path: segments.join("::"),
                local: false,
            },
        }
    }

    /// A path written in code (or in a `use` in edition 2018+): `crate`, `self`, `super`, a name
    /// in scope of the module, or `None` for a path into another crate.
    fn lexical(&self, module: ModId, segments: &[String], depth: usize) -> Option<Path> {
        match segments.first()?.as_str() {
            "crate" => self.in_module(0, &segments[1..], depth),
            "self" | "super" => self.in_module(module, segments, depth),
            _ => self.in_module(module, segments, depth),
        }
    }

    /// `segments` looked up in module `module`: its items, then its imports, then its globs.
    fn in_module(&self, module: ModId, segments: &[String], depth: usize) -> Option<Path> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (parent, here) = self.place(module);
        let Some(first) = segments.first() else {
            return Some(Path::Local(here.to_vec()));
        };
        let rest = &segments[1..];
        match first.as_str() {
            "self" => return self.in_module(module, rest, depth + 1),
            "super" => return self.in_module(parent.unwrap_or(0), rest, depth + 1),
            "crate" => return self.in_module(0, rest, depth + 1),
            _ => {}
        }
        match self.item(module, first) {
            Some(ItemKind::Module(child)) => return self.in_module(child, rest, depth + 1),
            Some(ItemKind::Local) => {
                let mut path = here.to_vec();
                path.extend_from_slice(segments);
                return Some(Path::Local(path));
            }
            None => {}
        }
        if let Some(import) = self.import(module, first) {
            return self.through_use(module, import, rest, depth + 1);
        }
        self.globs(module)
            .iter()
            .find_map(|glob| self.through_glob(module, glob, segments, depth + 1))
    }

    /// Follows an import of module `module`, then looks `rest` up in what it names.
    fn through_use(
        &self,
        module: ModId,
        import: &UsePath,
        rest: &[String],
        depth: usize,
    ) -> Option<Path> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.use_target(module, import, depth + 1)? {
            Path::Local(target) => self.descend_local(&target, rest, depth + 1),
            Path::External(mut target) => {
                target.extend_from_slice(rest);
                Some(Path::External(target))
            }
        }
    }

    /// A local path followed by more segments: continue inside the module it names, so that
    /// re-exports (`pub use std::fs::read as load;` in `util`) are followed.
    fn descend_local(&self, target: &[String], rest: &[String], depth: usize) -> Option<Path> {
        if let Some(module) = self.module_at(target) {
            return self.in_module(module, rest, depth);
        }
        let (last, parent) = target.split_last()?;
        let module = self.module_at(parent)?;
        let mut segments = vec![last.clone()];
        segments.extend_from_slice(rest);
        match self.item(module, last) {
            Some(ItemKind::Local) => {
                let mut path = target.to_vec();
                path.extend_from_slice(rest);
                Some(Path::Local(path))
            }
            _ => self.in_module(module, &segments, depth),
        }
    }

    /// What a `use` path of module `module` names.
    fn use_target(&self, module: ModId, import: &UsePath, depth: usize) -> Option<Path> {
        let segments = &import.segments;
        let first = segments.first()?;
        if import.leading_colon {
            return Some(Path::External(segments.clone()));
        }
        if matches!(first.as_str(), "crate" | "self" | "super") {
            return self.lexical(module, segments, depth);
        }
        // `use tokio;` or `use tokio::{self}` names the crate itself, not this import again.
        let own = self.import(module, first);
        if own.is_some_and(|u| u.segments.len() == 1 && u.segments[0] == *first) {
            return Some(Path::External(segments.clone()));
        }
        let scope = if self.krate.edition_2015 { 0 } else { module };
        Some(
            self.in_module(scope, segments, depth)
                .unwrap_or_else(|| Path::External(segments.clone())),
        )
    }

    /// `segments` looked up through a glob import: in a module of this crate, or, for an external
    /// module, only names the blocking list knows (`use std::fs::*;` then `read_to_string`).
    fn through_glob(
        &self,
        module: ModId,
        glob: &UsePath,
        segments: &[String],
        depth: usize,
    ) -> Option<Path> {
        if depth > MAX_DEPTH {
            return None;
        }
        let first = segments.first()?;
        match self.use_target(module, glob, depth + 1)? {
            Path::Local(target) => {
                let target_module = self.module_at(&target)?;
                if target_module == module {
                    return None;
                }
                let has = self.item(target_module, first).is_some()
                    || self.import(target_module, first).is_some()
                    || !self.globs(target_module).is_empty();
                if has {
                    self.in_module(target_module, segments, depth + 1)
                } else {
                    None
                }
            }
            Path::External(mut target) => {
                target.push(first.clone());
                if self.blocking.knows(&target.join("::")) {
                    target.extend_from_slice(&segments[1..]);
                    Some(Path::External(target))
                } else {
                    None
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::cfg::Mode;
    use crate::lint::modules::Module;

    fn names(src: &str) -> Names {
        Names::of_items(&syn::parse_file(src).unwrap().items, Mode::Any)
    }

    /// A crate of `(module path, source)` pairs; the first is the root.
    fn krate(modules: &[(&str, &str)]) -> Crate {
        let mut krate = Crate::new("demo", false, Mode::Any);
        krate.modules.clear();
        for (path, src) in modules {
            let path: Vec<String> = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let parent = if path.is_empty() {
                None
            } else {
                krate.module_at(&path[..path.len() - 1])
            };
            let id = krate.modules.len();
            krate.modules.push(Module {
                parent,
                path: path.clone(),
                names: names(src),
            });
            if let Some(parent) = parent {
                krate.modules[parent]
                    .names
                    .items
                    .insert(path.last().unwrap().clone(), ItemKind::Module(id));
            }
        }
        krate
    }

    fn resolve(krate: &Crate, module: &str, path: &str) -> String {
        let blocking = Blocking::embedded().unwrap();
        let module_path: Vec<String> = module
            .split("::")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let id = krate.module_at(&module_path).unwrap();
        let segments: Vec<String> = path.split("::").map(String::from).collect();
        Resolver::new(krate, &blocking)
            .resolve(id, &[], &segments, false)
            .unwrap()
            .path
    }

    #[test]
    fn imports_renames_and_module_paths() {
        let k = krate(&[(
            "",
            "use std::thread; use std::fs::read_to_string as slurp; use std::{io::{self, Read}, fs::File};",
        )]);
        assert_eq!(resolve(&k, "", "thread::sleep"), "std::thread::sleep");
        assert_eq!(resolve(&k, "", "slurp"), "std::fs::read_to_string");
        assert_eq!(resolve(&k, "", "File::open"), "std::fs::File::open");
        assert_eq!(resolve(&k, "", "io::stdin"), "std::io::stdin");
        assert_eq!(resolve(&k, "", "std::thread::sleep"), "std::thread::sleep");
    }

    #[test]
    fn local_items_shadow_and_imports_of_tokio_are_tokio() {
        let k = krate(&[
            ("", "use tokio::time::sleep; mod util;"),
            ("util", "pub async fn sleep() {} use std::thread::*;"),
        ]);
        assert_eq!(resolve(&k, "", "sleep"), "tokio::time::sleep");
        assert_eq!(resolve(&k, "util", "sleep"), "demo::util::sleep");
        assert_eq!(resolve(&k, "", "util::sleep"), "demo::util::sleep");
    }

    #[test]
    fn globs_of_external_modules_bring_known_names_only() {
        let k = krate(&[("", "use std::fs::*; use std::collections::*;")]);
        assert_eq!(resolve(&k, "", "read_to_string"), "std::fs::read_to_string");
        assert_eq!(resolve(&k, "", "File::open"), "std::fs::File::open");
        assert_eq!(resolve(&k, "", "HashMap::new"), "HashMap::new");
    }

    #[test]
    fn super_globs_and_reexports_between_modules() {
        let k = krate(&[
            ("", "use std::thread; pub mod util; mod tests;"),
            (
                "util",
                "pub use std::fs::read as load; pub use self::inner::wait;",
            ),
            ("util::inner", "pub use std::sync::mpsc::Receiver as wait;"),
            ("tests", "use super::*; use crate::util::load as l;"),
        ]);
        assert_eq!(resolve(&k, "tests", "thread::sleep"), "std::thread::sleep");
        assert_eq!(resolve(&k, "tests", "l"), "std::fs::read");
        assert_eq!(resolve(&k, "tests", "util::load"), "std::fs::read");
        assert_eq!(resolve(&k, "", "util::wait"), "std::sync::mpsc::Receiver");
        assert_eq!(
            resolve(&k, "util", "super::thread::sleep"),
            "std::thread::sleep"
        );
    }

    #[test]
    fn a_crate_importing_itself_by_name_stays_external() {
        let k = krate(&[("", "use tokio; use futures::executor;")]);
        assert_eq!(resolve(&k, "", "tokio::spawn"), "tokio::spawn");
        assert_eq!(
            resolve(&k, "", "executor::block_on"),
            "futures::executor::block_on"
        );
    }
}
