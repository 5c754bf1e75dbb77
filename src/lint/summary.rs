//! What the module walker and the import resolver need from a file, without its syntax tree: the
//! names it declares and imports, its `mod` declarations (inline modules with their own
//! declarations), each with the builds it exists in (`cfg(test)`). A file's summary is taken from
//! its syntax once and kept in the cache, so an unchanged file is never parsed again to build the
//! module tree.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use syn::{Item, UseTree};

use super::cfg::Cfg;
use super::modules::{Place, UsePath, macro_place, parse_items, place};

/// One declaration, with the builds it exists in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry(pub Cfg, pub Decl);

/// What a declaration brings into its module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decl {
    /// A function, type, constant, static… defined here.
    #[serde(rename = "i")]
    Item(String),
    /// `use a::b as name;`, `extern crate a as name;`.
    #[serde(rename = "u")]
    Import(String, UsePath),
    /// `use a::b::*;`.
    #[serde(rename = "g")]
    Glob(UsePath),
    #[serde(rename = "m")]
    Mod(ModDecl),
}

/// `mod name;` or `mod name { … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModDecl {
    #[serde(rename = "n")]
    pub name: String,
    /// Where the name is, which identifies an inline module in its file.
    #[serde(rename = "p")]
    pub place: Place,
    /// `#[path = "…"]`.
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub path_attr: Option<String>,
    /// The declarations of an inline module.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub inline: Option<Vec<Entry>>,
}

/// Item-macro bodies parsed as items, by the place of the macro's path: the visitor walks them.
pub type MacroItems = HashMap<Place, Vec<Item>>;

/// The declarations of a list of items, in order. Item macros (`cfg_rt! { mod x; … }`) are
/// parsed as items when `macro_items` is given (a file's top level and inline modules), and
/// their items kept there; blocks of code pass `None`.
pub fn summarize<'i>(
    items: impl IntoIterator<Item = &'i Item>,
    cfg: Cfg,
    mut macro_items: Option<&mut MacroItems>,
) -> Vec<Entry> {
    let mut out = Vec::new();
    add_items(&mut items.into_iter(), cfg, &mut macro_items, &mut out);
    out
}

fn add_items(
    items: &mut dyn Iterator<Item = &Item>,
    outer: Cfg,
    macro_items: &mut Option<&mut MacroItems>,
    out: &mut Vec<Entry>,
) {
    for item in items {
        let cfg = outer.and_attrs(attrs(item));
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
            Item::Mod(m) => {
                let inline = m
                    .content
                    .as_ref()
                    .map(|(_, items)| summarize(items, Cfg::ALWAYS, macro_items.as_deref_mut()));
                out.push(Entry(
                    cfg,
                    Decl::Mod(ModDecl {
                        name: m.ident.to_string(),
                        place: place(m.ident.span()),
                        path_attr: path_attribute(&m.attrs),
                        inline,
                    }),
                ));
                continue;
            }
            Item::ExternCrate(e) => {
                let name = e.rename.as_ref().map_or(&e.ident, |(_, r)| r);
                if name != "_" {
                    let path = UsePath {
                        segments: vec![e.ident.to_string()],
                        leading_colon: true,
                    };
                    out.push(Entry(cfg, Decl::Import(name.to_string(), path)));
                }
                continue;
            }
            Item::ForeignMod(f) => {
                for item in &f.items {
                    if let syn::ForeignItem::Fn(f) = item {
                        out.push(Entry(cfg, Decl::Item(f.sig.ident.to_string())));
                    }
                }
                continue;
            }
            Item::Use(u) => {
                let leading_colon = u.leading_colon.is_some();
                add_use(&u.tree, &mut Vec::new(), leading_colon, &mut |decl| {
                    out.push(Entry(cfg, decl));
                });
                continue;
            }
            Item::Macro(m) if m.ident.is_none() => {
                if macro_items.is_some()
                    && let Some(expanded) = parse_items(&m.mac.tokens)
                {
                    add_items(&mut expanded.iter(), cfg, macro_items, out);
                    if let Some(macros) = macro_items.as_deref_mut() {
                        macros.insert(place(macro_place(&m.mac)), expanded);
                    }
                }
                continue;
            }
            _ => continue,
        };
        out.push(Entry(cfg, Decl::Item(name.to_string())));
    }
}

fn add_use(
    tree: &UseTree,
    prefix: &mut Vec<String>,
    leading_colon: bool,
    push: &mut dyn FnMut(Decl),
) {
    let path = |segments: Vec<String>| UsePath {
        segments,
        leading_colon,
    };
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            add_use(&p.tree, prefix, leading_colon, push);
            prefix.pop();
        }
        UseTree::Name(n) => {
            let ident = n.ident.to_string();
            if ident == "self" {
                if let Some(last) = prefix.last() {
                    push(Decl::Import(last.clone(), path(prefix.clone())));
                }
            } else {
                let mut segments = prefix.clone();
                segments.push(ident.clone());
                push(Decl::Import(ident, path(segments)));
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
            push(Decl::Import(rename, path(segments)));
        }
        UseTree::Glob(_) => push(Decl::Glob(path(prefix.clone()))),
        UseTree::Group(g) => {
            for tree in &g.items {
                add_use(tree, prefix, leading_colon, push);
            }
        }
    }
}

/// The attributes of an item.
pub fn attrs(item: &Item) -> &[syn::Attribute] {
    match item {
        Item::Const(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::ExternCrate(i) => &i.attrs,
        Item::Fn(i) => &i.attrs,
        Item::ForeignMod(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Macro(i) => &i.attrs,
        Item::Mod(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::TraitAlias(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        _ => &[],
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

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(src: &str) -> (Vec<Entry>, MacroItems) {
        let file = syn::parse_file(src).unwrap();
        let mut macros = MacroItems::new();
        let entries = summarize(&file.items, Cfg::ALWAYS, Some(&mut macros));
        (entries, macros)
    }

    #[test]
    fn declarations_in_order_with_macro_bodies_and_inline_modules() {
        let (entries, macros) = summary(
            "use std::{fs, io::{self, Read as R}};\nfn f() {}\ncfg_rt! { pub mod rt; }\n#[cfg(test)]\nmod tests { use super::*; }\n",
        );
        let decls: Vec<String> = entries.iter().map(|e| format!("{:?}", e.1)).collect();
        assert_eq!(decls.len(), 6, "{decls:#?}");
        assert!(matches!(&entries[0].1, Decl::Import(n, _) if n == "fs"));
        assert!(
            matches!(&entries[1].1, Decl::Import(n, p) if n == "io" && p.segments == ["std", "io"])
        );
        assert!(
            matches!(&entries[2].1, Decl::Import(n, p) if n == "R" && p.segments == ["std", "io", "Read"])
        );
        assert!(matches!(&entries[3].1, Decl::Item(n) if n == "f"));
        assert!(matches!(&entries[4].1, Decl::Mod(m) if m.name == "rt" && m.inline.is_none()));
        let Decl::Mod(tests) = &entries[5].1 else {
            panic!("{decls:#?}")
        };
        assert_eq!(tests.place, (5, 4));
        assert!(matches!(
            tests.inline.as_deref(),
            Some([Entry(_, Decl::Glob(_))])
        ));
        assert_ne!(entries[5].0, Cfg::ALWAYS);
        assert_eq!(macros.len(), 1);
    }

    #[test]
    fn a_summary_survives_the_cache_format() {
        let (entries, _) = summary("#[path = \"x.rs\"] mod a; mod b { extern crate c as d; }");
        let json = serde_json::to_string(&entries).unwrap();
        let back: Vec<Entry> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, entries);
    }
}
