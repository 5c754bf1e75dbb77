//! The list of blocking APIs: `lints/blocking.toml` (embedded data) plus a project's additions and
//! exceptions from `.async-explain/config.toml`, and the questions the visitor asks of it (does
//! this path block, does this method block on this type, what type does this call return).

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::LintError;
use super::config::BlockingConfig;
use super::hash;

/// The embedded list (`lints/blocking.toml`).
const EMBEDDED: &str = include_str!("../../lints/blocking.toml");

/// A path as data names it: exact, or everything under a prefix (`reqwest::blocking::*`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum PathPattern {
    Exact(String),
    /// The prefix with its trailing `::`.
    Under(String),
}

impl PathPattern {
    fn new(text: &str) -> Self {
        match text.strip_suffix('*') {
            Some(prefix) if prefix.ends_with("::") => PathPattern::Under(prefix.to_owned()),
            _ => PathPattern::Exact(text.to_owned()),
        }
    }

    fn matches(&self, path: &str) -> bool {
        match self {
            PathPattern::Exact(p) => p == path,
            PathPattern::Under(prefix) => path.starts_with(prefix.as_str()),
        }
    }
}

/// What a call returns: one type, or a tuple of types (`mpsc::channel()`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Returns {
    One(String),
    Tuple(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    function: Vec<RawFunction>,
    #[serde(default)]
    method: Vec<RawMethod>,
    #[serde(default, rename = "type")]
    types: Vec<RawType>,
    #[serde(default)]
    constructor: Vec<RawConstructor>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFunction {
    paths: Vec<String>,
    help: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMethod {
    names: Vec<String>,
    help: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawType {
    path: String,
    #[serde(default)]
    methods: Vec<String>,
    #[serde(default)]
    builders: Vec<String>,
    #[serde(default)]
    returns: HashMap<String, String>,
    #[serde(default)]
    iterate: bool,
    help: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConstructor {
    paths: Vec<String>,
    returns: Returns,
}

/// What the lint knows about one type.
#[derive(Debug, Default, Clone)]
pub struct TypeInfo {
    methods: HashSet<String>,
    builders: HashSet<String>,
    returns: HashMap<String, String>,
    iterate: bool,
    help: Option<String>,
}

/// A blocking API found: how the finding names it, and the data's help for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    /// The path (`std::thread::sleep`), `Type::method` (`std::fs::File::read_to_string`) or, for
    /// a method known by name alone, `.name()`.
    pub api: String,
    pub help: Option<&'a str>,
}

/// The blocking APIs, ready to be asked.
#[derive(Debug, Default, Clone)]
pub struct Blocking {
    /// Blocking functions, with their help and whether they come from the project's settings
    /// (which may name the project's own items; the embedded list names other crates' APIs).
    functions: Vec<(PathPattern, Option<String>, bool)>,
    methods: HashMap<String, Option<String>>,
    types: HashMap<String, TypeInfo>,
    constructors: HashMap<String, Returns>,
    allow: Vec<PathPattern>,
    /// Every path the data names and every prefix of one, for resolving glob imports of
    /// external modules (`use std::fs::*;`).
    known: HashSet<String>,
    /// A hash of the data and the project's settings: the lint cache holds findings made with
    /// one list only.
    fingerprint: u64,
}

impl Blocking {
    /// The embedded list.
    pub fn embedded() -> Result<Blocking, LintError> {
        Blocking::parse(EMBEDDED, "lints/blocking.toml")
    }

    /// Parses a list in the format of `lints/blocking.toml`.
    pub fn parse(text: &str, name: &str) -> Result<Blocking, LintError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| LintError::Data {
            file: name.to_owned(),
            message: e.to_string(),
        })?;
        let mut blocking = Blocking {
            fingerprint: hash::Hasher::default().str(name).str(text).finish(),
            ..Blocking::default()
        };
        for f in raw.function {
            for path in f.paths {
                blocking
                    .functions
                    .push((PathPattern::new(&path), f.help.clone(), false));
            }
        }
        for m in raw.method {
            for name in m.names {
                blocking.methods.insert(name, m.help.clone());
            }
        }
        for t in raw.types {
            let info = TypeInfo {
                methods: t.methods.into_iter().collect(),
                builders: t.builders.into_iter().collect(),
                returns: t.returns,
                iterate: t.iterate,
                help: t.help,
            };
            blocking.types.insert(t.path, info);
        }
        for c in raw.constructor {
            for path in c.paths {
                blocking.constructors.insert(path, c.returns.clone());
            }
        }
        blocking.index();
        Ok(blocking)
    }

    /// Adds a project's own blocking functions and methods, and its exceptions.
    pub fn with_config(mut self, config: &BlockingConfig) -> Blocking {
        let mut fingerprint = hash::Hasher::default();
        fingerprint.u64(self.fingerprint);
        for list in [&config.functions, &config.methods, &config.allow] {
            fingerprint.u64(list.len() as u64);
            for item in list {
                fingerprint.str(item);
            }
        }
        self.fingerprint = fingerprint.finish();
        for path in &config.functions {
            self.functions.push((PathPattern::new(path), None, true));
        }
        for name in &config.methods {
            self.methods.entry(name.clone()).or_insert(None);
        }
        self.allow
            .extend(config.allow.iter().map(|p| PathPattern::new(p)));
        self.index();
        self
    }

    fn index(&mut self) {
        let mut known = HashSet::new();
        let exact = self
            .functions
            .iter()
            .filter_map(|(p, _, _)| match p {
                PathPattern::Exact(p) => Some(p.as_str()),
                PathPattern::Under(_) => None,
            })
            .chain(self.types.keys().map(String::as_str))
            .chain(self.constructors.keys().map(String::as_str));
        for path in exact {
            let mut end = path.len();
            loop {
                known.insert(path[..end].to_owned());
                match path[..end].rfind("::") {
                    Some(at) => end = at,
                    None => break,
                }
            }
        }
        self.known = known;
    }

    /// A hash of the list and the project's settings it was built from.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    fn allowed(&self, api: &str) -> bool {
        self.allow.iter().any(|p| p.matches(api))
    }

    /// The blocking function at this resolved path, if it is one and not allowed. For an item of
    /// the crate being checked (`local`) only the project's own settings count: inside reqwest,
    /// `crate::blocking::…` is reqwest's own machinery, not a user's blocking call.
    pub fn function(&self, path: &str, local: bool) -> Option<Hit<'_>> {
        let (_, help, _) = self
            .functions
            .iter()
            .find(|(p, _, from_config)| (*from_config || !local) && p.matches(path))?;
        (!self.allowed(path)).then(|| Hit {
            api: path.to_owned(),
            help: help.as_deref(),
        })
    }

    /// A method that blocks whatever its receiver (tokio's `blocking_*`, `block_on`).
    pub fn method_by_name(&self, name: &str) -> Option<Hit<'_>> {
        let help = self.methods.get(name)?;
        let api = format!(".{name}()");
        let allowed = self.allowed(&api) || self.allowed(name);
        (!allowed).then_some(Hit {
            api,
            help: help.as_deref(),
        })
    }

    /// A method that blocks on a value of type `ty` (a resolved path).
    pub fn method_of(&self, ty: &str, name: &str) -> Option<Hit<'_>> {
        let info = self.types.get(ty)?;
        if !info.methods.contains(name) {
            return None;
        }
        let api = format!("{ty}::{name}");
        (!self.allowed(&api)).then_some(Hit {
            api,
            help: info.help.as_deref(),
        })
    }

    /// A `for` loop over a value of type `ty` blocks (`for msg in rx`).
    pub fn iteration_of(&self, ty: &str) -> Option<Hit<'_>> {
        let info = self.types.get(ty).filter(|i| i.iterate)?;
        let api = format!("{ty}::into_iter");
        (!self.allowed(&api)).then_some(Hit {
            api,
            help: info.help.as_deref(),
        })
    }

    /// What a call to this resolved path returns, when the data knows.
    pub fn returns(&self, path: &str) -> Option<&Returns> {
        self.constructors.get(path)
    }

    /// The type a method gives on a value of type `ty`: the same type for a builder method,
    /// another for a `returns` entry.
    pub fn method_returns(&self, ty: &str, method: &str) -> Option<&str> {
        let info = self.types.get(ty)?;
        if info.builders.contains(method) {
            return Some(self.types.get_key_value(ty)?.0.as_str());
        }
        info.returns.get(method).map(String::as_str)
    }

    /// True when the data names this path or something under it: a glob import of an external
    /// module (`use std::fs::*;`) is taken to bring in such a name.
    pub fn knows(&self, path: &str) -> bool {
        self.known.contains(path)
            || self.functions.iter().any(|(p, _, _)| match p {
                PathPattern::Under(prefix) => path.starts_with(prefix.as_str()),
                PathPattern::Exact(_) => false,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_loads_and_answers() {
        let b = Blocking::embedded().unwrap();
        assert_eq!(
            b.function("std::thread::sleep", false).unwrap().api,
            "std::thread::sleep"
        );
        assert!(b.function("tokio::time::sleep", false).is_none());
        assert!(b.function("reqwest::blocking::get", false).is_some());
        assert!(b.function("reqwest::get", false).is_none());
        assert_eq!(
            b.method_by_name("blocking_lock").unwrap().api,
            ".blocking_lock()"
        );
        assert!(b.method_by_name("lock").is_none());
        assert!(b.method_of("std::fs::File", "read_to_string").is_some());
        assert!(b.method_of("std::fs::File", "try_clone").is_none());
        assert_eq!(
            b.method_returns("std::process::Command", "arg"),
            Some("std::process::Command")
        );
        assert_eq!(
            b.method_returns("std::process::Command", "spawn"),
            Some("std::process::Child")
        );
        assert!(b.iteration_of("std::sync::mpsc::Receiver").is_some());
        assert!(b.knows("std::fs"));
        assert!(b.knows("std::fs::File"));
        assert!(!b.knows("std::collections"));
    }

    #[test]
    fn a_project_adds_and_allows() {
        let config = BlockingConfig {
            functions: vec!["my_crate::db::*".into()],
            methods: vec!["wait_blocking".into()],
            allow: vec!["std::fs::metadata".into(), ".block_on()".into()],
        };
        let b = Blocking::embedded().unwrap().with_config(&config);
        assert!(b.function("my_crate::db::query", true).is_some());
        assert!(
            b.function("reqwest::blocking::get", true).is_none(),
            "inside reqwest"
        );
        assert!(b.function("std::fs::metadata", false).is_none());
        assert!(b.function("std::fs::read", false).is_some());
        assert!(b.method_by_name("wait_blocking").is_some());
        assert!(b.method_by_name("block_on").is_none());
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err = Blocking::parse("[[function]]\npath = \"x\"\n", "t.toml").unwrap_err();
        assert!(err.to_string().contains("t.toml"), "{err}");
    }
}
