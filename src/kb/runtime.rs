//! Which backtrace frames are runtime machinery: the groups of crates (and crate-less symbols)
//! folded in backtraces, and which callers poll futures (so a `f::{{closure}}` they call is the
//! body of `async fn f`). Data, not code: `knowledge-base/backtrace/runtime-frames.toml` is
//! embedded; a project extends it with a `[backtrace]` table in `.async-explain/config.toml`.

use serde::Deserialize;
use toml::Spanned;

use super::error::{KbError, SourceFile};

/// The shipped runtime-frames file.
pub const EMBEDDED_FRAMES: (&str, &str) = (
    "knowledge-base/backtrace/runtime-frames.toml",
    include_str!("../../knowledge-base/backtrace/runtime-frames.toml"),
);

/// The compiled runtime-frames data.
#[derive(Debug, Clone, Default)]
pub struct RuntimeFrames {
    groups: Vec<FrameGroup>,
    pollers: Vec<String>,
    closure_runners: Vec<String>,
}

/// A named set of crates whose frames fold together (`tokio`, `std`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameGroup {
    pub name: String,
    /// Crate names as they start paths (`tokio_util`, not `tokio-util`).
    pub crates: Vec<String>,
    /// Whole names of frames that have no crate path (`_start`, `__rust_try`).
    pub symbols: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFrames {
    #[serde(default, rename = "group")]
    groups: Vec<Spanned<RawGroup>>,
    #[serde(default, rename = "async-body")]
    async_body: RawAsyncBody,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: Spanned<String>,
    #[serde(default)]
    crates: Vec<Spanned<String>>,
    #[serde(default)]
    symbols: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAsyncBody {
    #[serde(default)]
    pollers: Vec<String>,
    #[serde(default, rename = "closure-runners")]
    closure_runners: Vec<String>,
}

/// A project's `config.toml`: only the `[backtrace]` table is read here; other tables belong to
/// other settings.
#[derive(Deserialize)]
struct RawConfig {
    #[serde(default)]
    backtrace: Option<RawFrames>,
}

impl RuntimeFrames {
    /// Parses the runtime-frames file itself.
    pub fn parse(file: &SourceFile) -> Result<RuntimeFrames, KbError> {
        let raw: RawFrames = toml::from_str(&file.text)
            .map_err(|e| file.error(e.span().unwrap_or(0..0), e.message().trim()))?;
        compile(file, raw)
    }

    /// Parses the `[backtrace]` table of a project's `config.toml` (empty when it has none).
    pub fn parse_config(file: &SourceFile) -> Result<RuntimeFrames, KbError> {
        let raw: RawConfig = toml::from_str(&file.text)
            .map_err(|e| file.error(e.span().unwrap_or(0..0), e.message().trim()))?;
        match raw.backtrace {
            Some(raw) => compile(file, raw),
            None => Ok(RuntimeFrames::default()),
        }
    }

    /// Adds another file's data: groups of the same name gain its crates and symbols.
    pub fn extend(&mut self, other: RuntimeFrames) {
        for group in other.groups {
            match self.groups.iter_mut().find(|g| g.name == group.name) {
                Some(mine) => {
                    mine.crates.extend(group.crates);
                    mine.symbols.extend(group.symbols);
                }
                None => self.groups.push(group),
            }
        }
        self.pollers.extend(other.pollers);
        self.closure_runners.extend(other.closure_runners);
    }

    pub fn groups(&self) -> &[FrameGroup] {
        &self.groups
    }

    /// The group a frame belongs to, from the crate its path starts with or, for a frame without
    /// a crate path, its whole name.
    pub fn group_of(&self, krate: Option<&str>, name: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|g| match krate {
                Some(k) => g.crates.iter().any(|c| c == k),
                None => g.symbols.iter().any(|s| s == name),
            })
            .map(|g| g.name.as_str())
    }

    /// Whether a caller whose last path segment is `base` (and whose cleaned name is `name`)
    /// polls the future it calls.
    pub fn polls(&self, base: &str, name: &str) -> bool {
        self.pollers.iter().any(|p| p == base)
            && !self
                .closure_runners
                .iter()
                .any(|r| name.contains(r.as_str()))
    }
}

fn compile(file: &SourceFile, raw: RawFrames) -> Result<RuntimeFrames, KbError> {
    let mut frames = RuntimeFrames::default();
    for group in raw.groups {
        let span = group.span();
        let group = group.into_inner();
        if group.name.get_ref().trim().is_empty() {
            return Err(file.error(group.name.span(), "a group needs a name"));
        }
        if group.crates.is_empty() && group.symbols.is_empty() {
            return Err(file.error(span, "a group needs `crates` or `symbols`"));
        }
        let mut crates = Vec::new();
        for krate in group.crates {
            let name = krate.get_ref();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(file.error(
                    krate.span(),
                    format!(
                        "`{name}` is no crate name as paths spell it (write `tokio_util`, not `tokio-util`)"
                    ),
                ));
            }
            crates.push(krate.into_inner());
        }
        frames.extend(RuntimeFrames {
            groups: vec![FrameGroup {
                name: group.name.into_inner(),
                crates,
                symbols: group.symbols,
            }],
            ..RuntimeFrames::default()
        });
    }
    frames.pollers = raw.async_body.pollers;
    frames.closure_runners = raw.async_body.closure_runners;
    Ok(frames)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            name: "config.toml".into(),
            text: text.into(),
        }
    }

    #[test]
    fn the_shipped_file_loads_and_groups_frames() {
        let (name, text) = EMBEDDED_FRAMES;
        let frames = RuntimeFrames::parse(&SourceFile {
            name: name.into(),
            text: text.into(),
        })
        .unwrap();
        assert_eq!(frames.group_of(Some("tokio"), ""), Some("tokio"));
        assert_eq!(frames.group_of(Some("core"), ""), Some("std"));
        assert_eq!(frames.group_of(None, "_start"), Some("libc"));
        assert_eq!(frames.group_of(Some("my_app"), ""), None);
        assert!(frames.polls(
            "poll",
            "<core::pin::Pin<P> as core::future::future::Future>::poll"
        ));
        assert!(!frames.polls(
            "poll",
            "<tokio::runtime::blocking::task::BlockingTask<T> as core::future::future::Future>::poll"
        ));
    }

    #[test]
    fn a_project_config_adds_groups_and_ignores_other_tables() {
        let extra = RuntimeFrames::parse_config(&file(
            "[lint.blocking]\nfunctions = [\"a::b\"]\n\n[[backtrace.group]]\nname = \"tokio\"\ncrates = [\"my_executor\"]\n\n[[backtrace.group]]\nname = \"actix\"\ncrates = [\"actix_rt\"]\n",
        ))
        .unwrap();
        let mut frames = RuntimeFrames::parse(&file(EMBEDDED_FRAMES.1)).unwrap();
        frames.extend(extra);
        assert_eq!(frames.group_of(Some("my_executor"), ""), Some("tokio"));
        assert_eq!(frames.group_of(Some("actix_rt"), ""), Some("actix"));
        assert!(
            RuntimeFrames::parse_config(&file("[lint]\nx = 1\n"))
                .unwrap()
                .groups()
                .is_empty()
        );
    }

    #[test]
    fn errors_name_the_line() {
        let err = RuntimeFrames::parse_config(&file(
            "[[backtrace.group]]\nname = \"x\"\ncrates = [\"tokio-util\"]\n",
        ))
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("config.toml:3:11: `tokio-util` is no crate name"),
            "{err}"
        );
        let err = RuntimeFrames::parse_config(&file("[backtrace]\ngroups = []\n")).unwrap_err();
        assert!(err.to_string().contains("unknown field `groups`"), "{err}");
    }
}
