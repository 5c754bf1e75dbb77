//! The module walker: builds a target's module tree from its files' summaries (`summary.rs`),
//! following `mod` declarations to their files (`name.rs`, `name/mod.rs`, `#[path]`, inline
//! modules, and modules declared inside item macros such as tokio's `cfg_rt! { mod x; }`), and
//! records what each module defines and imports, for the import resolver. It needs no syntax
//! tree: a file the cache knows is not parsed to build the tree.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use serde::{Deserialize, Serialize};
use syn::Item;

use super::cfg::{Cfg, Mode};
use super::sources::{FileId, Sources};
use super::summary::{Decl, Entry, ModDecl, summarize};

/// Index of a module in a [`Crate`].
pub type ModId = usize;

/// A place in a file: line (1-based) and column (0-based, in characters), as proc-macro2 gives it.
pub type Place = (usize, usize);

/// The position key of an item (its first identifier or macro path) in a file.
pub fn place(span: proc_macro2::Span) -> Place {
    let at = span.start();
    (at.line, at.column)
}

/// A `use` path as written: `[crate, a, b]`, `[std, fs]`, with or without a leading `::`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsePath {
    #[serde(rename = "s")]
    pub segments: Vec<String>,
    #[serde(rename = "c", default, skip_serializing_if = "std::ops::Not::not")]
    pub leading_colon: bool,
}

/// What a name in a module (or block) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Module(ModId),
    /// A function, type, constant, static… defined right here.
    Local,
}

/// The names a module or a block declares: items, imports, glob imports.
#[derive(Debug, Default, Clone)]
pub struct Names {
    pub items: HashMap<String, ItemKind>,
    pub imports: HashMap<String, UsePath>,
    pub globs: Vec<UsePath>,
}

impl Names {
    /// The names of a list of items in a build (modules counted as local items; the walker
    /// links them). Item macros are not expanded: this is for blocks of code.
    pub fn of_items<'i>(items: impl IntoIterator<Item = &'i Item>, mode: Mode) -> Names {
        Names::of_entries(&summarize(items, Cfg::ALWAYS, None), mode)
    }

    /// The names declared by a summary's entries that exist in a build, later ones replacing
    /// earlier ones of the same name.
    pub fn of_entries(entries: &[Entry], mode: Mode) -> Names {
        let mut names = Names::default();
        for Entry(cfg, decl) in entries {
            if !cfg.holds(mode) {
                continue;
            }
            match decl {
                Decl::Item(name) => {
                    names.items.insert(name.clone(), ItemKind::Local);
                }
                Decl::Mod(m) => {
                    names.items.insert(m.name.clone(), ItemKind::Local);
                }
                Decl::Import(name, path) => {
                    names.imports.insert(name.clone(), path.clone());
                }
                Decl::Glob(path) => names.globs.push(path.clone()),
            }
        }
        names
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.imports.is_empty() && self.globs.is_empty()
    }
}

/// One module of a crate.
#[derive(Debug)]
pub struct Module {
    pub parent: Option<ModId>,
    /// The path below the crate root (`["net", "tcp"]`).
    pub path: Vec<String>,
    pub names: Names,
}

/// The module tree of one target (one crate) in one build.
pub struct Crate {
    pub name: String,
    pub edition_2015: bool,
    pub mode: Mode,
    pub modules: Vec<Module>,
    /// The files of this crate, each with the module it defines, in the order they were found.
    pub files: Vec<(FileId, ModId)>,
    /// Inline `mod x { … }` blocks, by (file, place of `x`).
    pub inline: HashMap<(FileId, Place), ModId>,
    /// Files that could not be read or parsed (the compiler reports those better).
    pub problems: Vec<String>,
}

impl Crate {
    pub fn new(name: &str, edition_2015: bool, mode: Mode) -> Crate {
        Crate {
            name: name.to_owned(),
            edition_2015,
            mode,
            modules: vec![Module {
                parent: None,
                path: Vec::new(),
                names: Names::default(),
            }],
            files: Vec::new(),
            inline: HashMap::new(),
            problems: Vec::new(),
        }
    }

    /// The module at a path below the root, if the crate has it.
    pub fn module_at(&self, path: &[String]) -> Option<ModId> {
        let mut at = 0;
        for segment in path {
            match self.modules[at].names.items.get(segment) {
                Some(ItemKind::Module(child)) => at = *child,
                _ => return None,
            }
        }
        Some(at)
    }
}

/// Builds a crate's module tree from its root file, in one build (`mode`). A root that cannot be
/// read or parsed gives a crate without files, and a problem.
pub fn walk(
    sources: &mut Sources<'_>,
    root: &Path,
    name: &str,
    edition_2015: bool,
    mode: Mode,
) -> Crate {
    let mut krate = Crate::new(name, edition_2015, mode);
    // The root is probed like every other file (a missing one is reported by `load`).
    sources.is_file(root);
    let file = match sources.load(root) {
        Ok(file) => file,
        Err(problem) => {
            krate.problems.push(problem);
            return krate;
        }
    };
    krate.files.push((file, 0));
    let dir = root.parent().unwrap_or(Path::new(".")).to_owned();
    let mut walker = Walker {
        sources,
        krate: &mut krate,
        seen: HashSet::from([file]),
    };
    walker.file(
        file,
        0,
        &Dirs {
            children: dir.clone(),
            path_base: dir,
        },
    );
    krate
}

/// Where the files of child modules are looked for.
#[derive(Clone)]
struct Dirs {
    /// The directory of `mod x;` without `#[path]`: `x.rs` or `x/mod.rs` in it.
    children: PathBuf,
    /// The directory a `#[path = "…"]` is relative to.
    path_base: PathBuf,
}

struct Walker<'s, 'c, 'k> {
    sources: &'s mut Sources<'c>,
    krate: &'k mut Crate,
    seen: HashSet<FileId>,
}

impl Walker<'_, '_, '_> {
    fn file(&mut self, file: FileId, module: ModId, dirs: &Dirs) {
        // The summary is taken out of `sources` for the walk (files may be loaded meanwhile) and
        // put back afterwards.
        let entries = self.sources.take_summary(file);
        self.entries(&entries, file, module, dirs, false);
        self.sources.put_summary(file, entries);
    }

    fn entries(
        &mut self,
        entries: &[Entry],
        file: FileId,
        module: ModId,
        dirs: &Dirs,
        inline: bool,
    ) {
        let mode = self.krate.mode;
        self.krate.modules[module].names = Names::of_entries(entries, mode);
        for Entry(cfg, decl) in entries {
            if let Decl::Mod(m) = decl
                && cfg.holds(mode)
            {
                self.module(m, file, module, dirs, inline);
            }
        }
    }

    fn module(&mut self, m: &ModDecl, file: FileId, parent: ModId, dirs: &Dirs, inline: bool) {
        let name = &m.name;
        let mut path = self.krate.modules[parent].path.clone();
        path.push(name.clone());
        let id = self.krate.modules.len();
        self.krate.modules.push(Module {
            parent: Some(parent),
            path,
            names: Names::default(),
        });
        // The first module of a name wins (`#[cfg(unix)] mod imp; #[cfg(windows)] mod imp;`).
        let names = &mut self.krate.modules[parent].names;
        if !matches!(names.items.get(name), Some(ItemKind::Module(_))) {
            names.items.insert(name.clone(), ItemKind::Module(id));
        }
        if let Some(items) = &m.inline {
            self.krate.inline.insert((file, m.place), id);
            let children = dirs.children.join(m.path_attr.as_deref().unwrap_or(name));
            let inner = Dirs {
                children: children.clone(),
                path_base: children,
            };
            self.entries(items, file, id, &inner, true);
            return;
        }
        let (candidates, mod_rs) = match &m.path_attr {
            Some(p) => {
                let base = if inline {
                    &dirs.children
                } else {
                    &dirs.path_base
                };
                (vec![base.join(p)], true)
            }
            None => (
                vec![
                    dirs.children.join(format!("{name}.rs")),
                    dirs.children.join(name).join("mod.rs"),
                ],
                false,
            ),
        };
        let Some(found) = candidates.into_iter().find(|p| self.sources.is_file(p)) else {
            // A module for another platform or configuration whose file is absent, or a
            // broken declaration the compiler reports.
            return;
        };
        let child_file = match self.sources.load(&found) {
            Ok(file) => file,
            Err(problem) => {
                self.krate.problems.push(problem);
                return;
            }
        };
        if !self.seen.insert(child_file) {
            return;
        }
        self.krate.files.push((child_file, id));
        let file_dir = found.parent().unwrap_or(Path::new(".")).to_owned();
        let is_mod_rs = mod_rs || found.file_name().is_some_and(|n| n == "mod.rs");
        let children = if is_mod_rs {
            file_dir.clone()
        } else {
            dirs.children.join(name)
        };
        self.file(
            child_file,
            id,
            &Dirs {
                children,
                path_base: file_dir,
            },
        );
    }
}

/// Where a macro invocation starts (its path's first identifier).
pub fn macro_place(mac: &syn::Macro) -> proc_macro2::Span {
    match (&mac.path.leading_colon, mac.path.segments.first()) {
        (Some(colon), _) => colon.spans[0],
        (None, Some(segment)) => segment.ident.span(),
        (None, None) => mac.delimiter.span().open(),
    }
}

/// The items of an item macro's body (`cfg_rt! { pub mod task; … }`), or of the brace groups
/// inside it when the body as a whole is not a list of items (`cfg_if! { if … { … } }`).
pub fn parse_items(tokens: &TokenStream) -> Option<Vec<Item>> {
    if let Ok(file) = syn::parse2::<syn::File>(tokens.clone()) {
        return Some(file.items);
    }
    let mut found = Vec::new();
    brace_groups(
        tokens,
        &mut |group| match syn::parse2::<syn::File>(group.clone()) {
            Ok(file) => {
                found.extend(file.items);
                true
            }
            Err(_) => false,
        },
    );
    (!found.is_empty()).then_some(found)
}

/// Calls `accept` on the contents of each brace group, descending into groups it rejects.
pub fn brace_groups(tokens: &TokenStream, accept: &mut dyn FnMut(&TokenStream) -> bool) {
    for tree in tokens.clone() {
        if let TokenTree::Group(group) = tree {
            let inner = group.stream();
            if group.delimiter() == Delimiter::Brace && accept(&inner) {
                continue;
            }
            brace_groups(&inner, accept);
        }
    }
}
