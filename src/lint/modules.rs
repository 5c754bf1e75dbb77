//! The module walker: parses a target's root file with `syn`, follows `mod` declarations to their
//! files (`name.rs`, `name/mod.rs`, `#[path]`, inline modules, and modules declared inside
//! item macros such as tokio's `cfg_rt! { mod x; }`), and records what each module defines and
//! imports, for the import resolver. Every file is read and parsed once per run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::{Item, UseTree};

/// Index of a parsed file in [`Sources`].
pub type FileId = usize;
/// Index of a module in a [`Crate`].
pub type ModId = usize;

/// A place in a file: line (1-based) and column (0-based, in characters), as proc-macro2 gives it.
pub type Place = (usize, usize);

/// The position key of an item (its first identifier or macro path) in a file.
pub fn place(span: proc_macro2::Span) -> Place {
    let at = span.start();
    (at.line, at.column)
}

/// One parsed source file.
pub struct Parsed {
    pub path: PathBuf,
    /// The name rustc would print: relative to the workspace root when inside it.
    pub display: String,
    pub text: String,
    pub ast: syn::File,
}

/// Every file read in this run, each parsed once, and the problems met (unreadable or
/// unparsable files, which the compiler reports better than we can).
#[derive(Default)]
pub struct Sources {
    pub files: Vec<Parsed>,
    by_path: HashMap<PathBuf, Option<FileId>>,
    /// Items parsed out of item-macro bodies, by (file, place of the macro's path).
    pub macro_items: HashMap<(FileId, Place), Vec<Item>>,
    pub problems: Vec<String>,
    root: PathBuf,
}

impl Sources {
    pub fn new(workspace_root: &Path) -> Self {
        Sources {
            root: workspace_root.to_owned(),
            ..Sources::default()
        }
    }

    /// Reads and parses a file once; `None` (and a problem noted) when that fails.
    pub fn load(&mut self, path: &Path) -> Option<FileId> {
        if let Some(known) = self.by_path.get(path) {
            return *known;
        }
        let loaded = self.read(path);
        self.by_path.insert(path.to_owned(), loaded);
        loaded
    }

    fn read(&mut self, path: &Path) -> Option<FileId> {
        let display = path
            .strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                self.problems.push(format!("cannot read {display}: {e}"));
                return None;
            }
        };
        match syn::parse_file(&text) {
            Ok(ast) => {
                self.files.push(Parsed {
                    path: path.to_owned(),
                    display,
                    text,
                    ast,
                });
                Some(self.files.len() - 1)
            }
            Err(e) => {
                let at = e.span().start();
                self.problems.push(format!(
                    "{display}:{}:{}: not parsed ({e}); its calls are not checked",
                    at.line,
                    at.column + 1
                ));
                None
            }
        }
    }
}

/// A `use` path as written: `[crate, a, b]`, `[std, fs]`, with or without a leading `::`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsePath {
    pub segments: Vec<String>,
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
    /// The names of a list of items (modules counted as local items; the walker links them).
    pub fn of_items<'i>(items: impl IntoIterator<Item = &'i Item>) -> Names {
        let mut names = Names::default();
        for item in items {
            names.add(item);
        }
        names
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.imports.is_empty() && self.globs.is_empty()
    }

    fn add(&mut self, item: &Item) {
        let name = match item {
            Item::Fn(f) => &f.sig.ident,
            Item::Struct(s) => &s.ident,
            Item::Enum(e) => &e.ident,
            Item::Union(u) => &u.ident,
            Item::Trait(t) => &t.ident,
            Item::TraitAlias(t) => &t.ident,
            Item::Type(t) => &t.ident,
            Item::Const(c) => &c.ident,
            Item::Static(s) => &s.ident,
            Item::Mod(m) => &m.ident,
            Item::ExternCrate(e) => {
                let name = e.rename.as_ref().map_or(&e.ident, |(_, r)| r);
                if name != "_" {
                    self.imports.insert(
                        name.to_string(),
                        UsePath {
                            segments: vec![e.ident.to_string()],
                            leading_colon: true,
                        },
                    );
                }
                return;
            }
            Item::ForeignMod(f) => {
                for item in &f.items {
                    if let syn::ForeignItem::Fn(f) = item {
                        self.items.insert(f.sig.ident.to_string(), ItemKind::Local);
                    }
                }
                return;
            }
            Item::Use(u) => {
                let mut prefix = Vec::new();
                self.add_use(&u.tree, &mut prefix, u.leading_colon.is_some());
                return;
            }
            _ => return,
        };
        self.items.insert(name.to_string(), ItemKind::Local);
    }

    fn add_use(&mut self, tree: &UseTree, prefix: &mut Vec<String>, leading_colon: bool) {
        let path = |segments: Vec<String>| UsePath {
            segments,
            leading_colon,
        };
        match tree {
            UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.add_use(&p.tree, prefix, leading_colon);
                prefix.pop();
            }
            UseTree::Name(n) => {
                let ident = n.ident.to_string();
                if ident == "self" {
                    if let Some(last) = prefix.last() {
                        self.imports.insert(last.clone(), path(prefix.clone()));
                    }
                } else {
                    let mut segments = prefix.clone();
                    segments.push(ident.clone());
                    self.imports.insert(ident, path(segments));
                }
            }
            UseTree::Rename(r) => {
                let rename = r.rename.to_string();
                if rename == "_" {
                    return;
                }
                let mut segments = prefix.clone();
                if r.ident != "self" {
                    segments.push(r.ident.to_string());
                }
                self.imports.insert(rename, path(segments));
            }
            UseTree::Glob(_) => self.globs.push(path(prefix.clone())),
            UseTree::Group(g) => {
                for tree in &g.items {
                    self.add_use(tree, prefix, leading_colon);
                }
            }
        }
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

/// The module tree of one target (one crate).
pub struct Crate {
    pub name: String,
    pub edition_2015: bool,
    pub modules: Vec<Module>,
    /// The files of this crate, each with the module it defines, in the order they were found.
    pub files: Vec<(FileId, ModId)>,
    /// Inline `mod x { … }` blocks, by (file, place of `x`).
    pub inline: HashMap<(FileId, Place), ModId>,
}

impl Crate {
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

/// Builds a crate's module tree from its root file; `None` when the root cannot be parsed.
pub fn walk(sources: &mut Sources, root: &Path, name: &str, edition_2015: bool) -> Option<Crate> {
    let file = sources.load(root)?;
    let mut krate = Crate {
        name: name.to_owned(),
        edition_2015,
        modules: vec![Module {
            parent: None,
            path: Vec::new(),
            names: Names::default(),
        }],
        files: vec![(file, 0)],
        inline: HashMap::new(),
    };
    let dir = root.parent().unwrap_or(Path::new(".")).to_owned();
    let mut walker = Walker {
        sources,
        krate: &mut krate,
    };
    walker.file(
        file,
        0,
        &Dirs {
            children: dir.clone(),
            path_base: dir,
        },
    );
    Some(krate)
}

/// Where the files of child modules are looked for.
#[derive(Clone)]
struct Dirs {
    /// The directory of `mod x;` without `#[path]`: `x.rs` or `x/mod.rs` in it.
    children: PathBuf,
    /// The directory a `#[path = "…"]` is relative to.
    path_base: PathBuf,
}

struct Walker<'s, 'k> {
    sources: &'s mut Sources,
    krate: &'k mut Crate,
}

impl Walker<'_, '_> {
    fn file(&mut self, file: FileId, module: ModId, dirs: &Dirs) {
        // The items are taken out of `sources` for the walk (files may be loaded meanwhile) and
        // put back afterwards.
        let items = std::mem::take(&mut self.sources.files[file].ast.items);
        self.items(&items, file, module, dirs, false);
        self.sources.files[file].ast.items = items;
    }

    fn items(&mut self, items: &[Item], file: FileId, module: ModId, dirs: &Dirs, inline: bool) {
        for item in items {
            self.krate.modules[module].names.add(item);
            match item {
                Item::Mod(m) => self.module(m, file, module, dirs, inline),
                Item::Macro(m) if m.ident.is_none() => {
                    let key = (file, place(macro_place(&m.mac)));
                    if let Some(expanded) = parse_items(&m.mac.tokens) {
                        self.items(&expanded, file, module, dirs, inline);
                        self.sources.macro_items.insert(key, expanded);
                    }
                }
                _ => {}
            }
        }
    }

    fn module(&mut self, m: &syn::ItemMod, file: FileId, parent: ModId, dirs: &Dirs, inline: bool) {
        let name = m.ident.to_string();
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
        if !matches!(names.items.get(&name), Some(ItemKind::Module(_))) {
            names.items.insert(name.clone(), ItemKind::Module(id));
        }
        let path_attr = path_attribute(&m.attrs);
        if let Some((_, items)) = &m.content {
            self.krate.inline.insert((file, place(m.ident.span())), id);
            let children = dirs.children.join(path_attr.as_deref().unwrap_or(&name));
            let inner = Dirs {
                children: children.clone(),
                path_base: children,
            };
            self.items(items, file, id, &inner, true);
            return;
        }
        let (candidates, mod_rs) = match &path_attr {
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
                    dirs.children.join(&name).join("mod.rs"),
                ],
                false,
            ),
        };
        let Some(found) = candidates.into_iter().find(|p| p.is_file()) else {
            // A module for another platform or configuration whose file is absent, or a
            // broken declaration the compiler reports.
            return;
        };
        let Some(child_file) = self.sources.load(&found) else {
            return;
        };
        if self.krate.files.iter().any(|(f, _)| *f == child_file) {
            return;
        }
        self.krate.files.push((child_file, id));
        let file_dir = found.parent().unwrap_or(Path::new(".")).to_owned();
        let is_mod_rs = mod_rs || found.file_name().is_some_and(|n| n == "mod.rs");
        let children = if is_mod_rs {
            file_dir.clone()
        } else {
            dirs.children.join(&name)
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

/// The `x` of `#[path = "x"]`.
fn path_attribute(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|attr| {
        if !attr.path().is_ident("path") {
            return None;
        }
        match &attr.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        }
    })
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
