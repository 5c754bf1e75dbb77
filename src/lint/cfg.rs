//! Which code a unit compiles, as far as `#[cfg(test)]` decides it: cargo checks a library once
//! without `--test` (`cargo check`) and once with it (`cargo check --tests`), and the code under
//! `#[cfg(test)]` (a `mod tests`) exists only in the second. Every other `cfg` (features,
//! platforms) is unknown here and keeps its item: the lint checks code for every configuration.

use serde::{Deserialize, Serialize};
use syn::parse::ParseStream;
use syn::{Attribute, Token};

/// How a unit is compiled, for `cfg(test)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Mode {
    /// `cfg(test)` not evaluated: every item is checked (`cargo async-explain lint`).
    Any,
    /// A test build (`--tests`, test and bench targets): `cfg(test)` holds.
    Test,
    /// A normal build (`cargo check`, `build`): `cfg(test)` does not hold.
    NotTest,
}

/// In which builds an item exists: a set of two bits, without and with `cfg(test)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cfg(u8);

const NOT_TEST: u8 = 1;
const TEST: u8 = 2;

impl Cfg {
    /// In every build.
    pub const ALWAYS: Cfg = Cfg(NOT_TEST | TEST);

    /// True when the item is compiled in this mode (`Any`: always).
    pub fn holds(self, mode: Mode) -> bool {
        match mode {
            Mode::Any => true,
            Mode::Test => self.0 & TEST != 0,
            Mode::NotTest => self.0 & NOT_TEST != 0,
        }
    }

    /// The builds where an item with these attributes exists, inside code that exists in `self`.
    pub fn and_attrs(self, attrs: &[Attribute]) -> Cfg {
        let mut cfg = self;
        for attr in attrs {
            if !attr.path().is_ident("cfg") {
                continue;
            }
            let Ok(predicate) = attr.parse_args_with(predicate) else {
                continue;
            };
            if predicate.eval(false) == Tri::False {
                cfg.0 &= !NOT_TEST;
            }
            if predicate.eval(true) == Tri::False {
                cfg.0 &= !TEST;
            }
        }
        cfg
    }
}

impl Default for Cfg {
    fn default() -> Self {
        Cfg::ALWAYS
    }
}

/// True, false, or unknown (a feature, a platform).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    True,
    False,
    Unknown,
}

/// A `cfg` predicate, with every option other than `test` left opaque.
#[derive(Debug)]
enum Predicate {
    Test,
    Other,
    All(Vec<Predicate>),
    Any(Vec<Predicate>),
    Not(Box<Predicate>),
}

impl Predicate {
    fn eval(&self, test: bool) -> Tri {
        match self {
            Predicate::Test if test => Tri::True,
            Predicate::Test => Tri::False,
            Predicate::Other => Tri::Unknown,
            Predicate::All(list) => {
                list.iter()
                    .fold(Tri::True, |acc, p| match (acc, p.eval(test)) {
                        (Tri::False, _) | (_, Tri::False) => Tri::False,
                        (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
                        _ => Tri::True,
                    })
            }
            Predicate::Any(list) => {
                list.iter()
                    .fold(Tri::False, |acc, p| match (acc, p.eval(test)) {
                        (Tri::True, _) | (_, Tri::True) => Tri::True,
                        (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
                        _ => Tri::False,
                    })
            }
            Predicate::Not(p) => match p.eval(test) {
                Tri::True => Tri::False,
                Tri::False => Tri::True,
                Tri::Unknown => Tri::Unknown,
            },
        }
    }
}

/// `test`, `unix`, `feature = "x"`, `all(…)`, `any(…)`, `not(…)`.
fn predicate(input: ParseStream<'_>) -> syn::Result<Predicate> {
    let name: syn::Ident = input.call(syn::ext::IdentExt::parse_any)?;
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        input.parse::<syn::Lit>()?;
        return Ok(Predicate::Other);
    }
    if input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in input);
        let list = content.parse_terminated(predicate, Token![,])?;
        let mut list: Vec<Predicate> = list.into_iter().collect();
        return Ok(match name.to_string().as_str() {
            "all" => Predicate::All(list),
            "any" => Predicate::Any(list),
            "not" if list.len() == 1 => Predicate::Not(Box::new(list.remove(0))),
            _ => Predicate::Other,
        });
    }
    Ok(if name == "test" {
        Predicate::Test
    } else {
        Predicate::Other
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse::Parser;

    fn parse(text: &str) -> Predicate {
        predicate.parse_str(text).unwrap()
    }

    fn cfg_of(item: &str) -> Cfg {
        let item: syn::ItemFn = syn::parse_str(item).unwrap();
        Cfg::ALWAYS.and_attrs(&item.attrs)
    }

    #[test]
    fn test_is_known_and_every_other_option_is_not() {
        assert_eq!(parse("test").eval(true), Tri::True);
        assert_eq!(parse("test").eval(false), Tri::False);
        assert_eq!(parse("unix").eval(true), Tri::Unknown);
        assert_eq!(parse("all(test, unix)").eval(false), Tri::False);
        assert_eq!(parse("all(test, unix)").eval(true), Tri::Unknown);
        assert_eq!(parse("any(test, feature = \"x\")").eval(true), Tri::True);
        assert_eq!(
            parse("any(test, feature = \"x\")").eval(false),
            Tri::Unknown
        );
        assert_eq!(parse("not(test)").eval(true), Tri::False);
    }

    #[test]
    fn items_exist_in_the_builds_their_cfg_allows() {
        let tests = cfg_of("#[cfg(test)] fn f() {}");
        assert!(tests.holds(Mode::Test) && !tests.holds(Mode::NotTest) && tests.holds(Mode::Any));
        let normal = cfg_of("#[cfg(not(test))] #[inline] fn f() {}");
        assert!(!normal.holds(Mode::Test) && normal.holds(Mode::NotTest));
        let unix = cfg_of("#[cfg(unix)] fn f() {}");
        assert_eq!(unix, Cfg::ALWAYS);
        let both = cfg_of("#[cfg(test)] #[cfg(not(test))] fn f() {}");
        assert!(!both.holds(Mode::Test) && !both.holds(Mode::NotTest) && both.holds(Mode::Any));
        let odd = cfg_of("#[cfg(what::ever)] fn f() {}");
        assert_eq!(odd, Cfg::ALWAYS, "an unparsable predicate keeps the item");
    }
}
