//! `cargo async-explain clippy` turns on the async lints clippy leaves off by default
//! (`large_futures`, `future_not_send`, `unused_async`) with `-W` flags after `--`, unless the
//! user's own configuration sets them. The default-on async lints (`await_holding_lock`, …) stay
//! as they are. Precedence (docs/lints.md): clippy appends the flags after `--` to rustc's
//! command line, after those cargo derives from `[lints]` and RUSTFLAGS, so a `-W` there would
//! override the user's `[lints.clippy]` entry: lints the user configured anywhere are left out.
//! Attributes in the source (`#![allow(clippy::unused_async)]`) win over any command-line flag.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::PathBuf;

use super::workspace::Selection;

/// The async lints clippy has off by default, with the group each belongs to: a user who sets the
/// group (`pedantic = "allow"`) has decided about the lint too.
pub const OFF_BY_DEFAULT: &[(&str, &str)] = &[
    ("large_futures", "pedantic"),
    ("future_not_send", "nursery"),
    ("unused_async", "pedantic"),
];

/// The async lints clippy has on by default; `cargo async-explain clippy` keeps them as they are.
pub const ON_BY_DEFAULT: &[&str] = &[
    "await_holding_lock",
    "await_holding_refcell_ref",
    "await_holding_invalid_type",
    "async_yields_async",
    "let_underscore_future",
];

/// The user's arguments for `cargo clippy` with `-W clippy::<lint>` put right after `--` (so the
/// user's own flags after `--` still come later and win) for each off-by-default async lint that
/// `configured` does not name.
pub fn with_async_lints(args: &[OsString], configured: &BTreeSet<String>) -> Vec<OsString> {
    let added: Vec<OsString> = OFF_BY_DEFAULT
        .iter()
        .filter(|(lint, group)| !configured.contains(*lint) && !configured.contains(*group))
        .flat_map(|(lint, _)| {
            [
                OsString::from("-W"),
                OsString::from(format!("clippy::{lint}")),
            ]
        })
        .collect();
    if added.is_empty() {
        return args.to_vec();
    }
    let mut out = Vec::with_capacity(args.len() + added.len() + 1);
    match args.iter().position(|a| a == "--") {
        Some(at) => {
            out.extend_from_slice(&args[..=at]);
            out.extend(added);
            out.extend_from_slice(&args[at + 1..]);
        }
        None => {
            out.extend_from_slice(args);
            out.push(OsString::from("--"));
            out.extend(added);
        }
    }
    out
}

/// The clippy lints and groups (without `clippy::`) that the user's configuration sets: lint flags
/// after `--` (`-A`, `-W`, `-D`, `-F`, `--allow=`, …), the same in RUSTFLAGS, and the keys of
/// `[lints.clippy]` and `[workspace.lints.clippy]` in the given manifests.
pub fn configured_lints(
    args: &[OsString],
    rustflags: &str,
    manifests: &[String],
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let after_dashes = args
        .iter()
        .skip_while(|a| *a != "--")
        .map(|a| a.to_string_lossy().into_owned());
    for flag in after_dashes.chain(rustflags.split_whitespace().map(str::to_owned)) {
        for part in flag.split([',', '=', ' ']) {
            if let Some(name) = part.strip_prefix("clippy::") {
                found.insert(name.replace('-', "_"));
            }
            for short in ["-A", "-W", "-D", "-F"] {
                if let Some(name) = part
                    .strip_prefix(short)
                    .and_then(|p| p.strip_prefix("clippy::"))
                {
                    found.insert(name.replace('-', "_"));
                }
            }
        }
    }
    for text in manifests {
        let Ok(manifest) = text.parse::<toml::Table>() else {
            continue;
        };
        let tables = [
            manifest.get("lints").and_then(|l| l.get("clippy")),
            manifest
                .get("workspace")
                .and_then(|w| w.get("lints"))
                .and_then(|l| l.get("clippy")),
        ];
        for table in tables.into_iter().flatten() {
            if let Some(table) = table.as_table() {
                found.extend(table.keys().map(|k| k.replace('-', "_")));
            }
        }
    }
    found
}

/// The texts of the workspace's manifests (root and members), for [`configured_lints`]; empty when
/// `cargo metadata` fails (cargo itself will then say why).
pub fn manifests(selection: &Selection) -> Vec<String> {
    let mut command = cargo_metadata::MetadataCommand::new();
    command.no_deps();
    if let Some(cargo) = std::env::var_os("CARGO") {
        command.cargo_path(cargo);
    }
    if let Some(path) = &selection.manifest_path {
        command.manifest_path(path);
    }
    let Ok(metadata) = command.exec() else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = vec![metadata.workspace_root.join("Cargo.toml").into()];
    paths.extend(
        metadata
            .workspace_packages()
            .iter()
            .map(|p| p.manifest_path.clone().into_std_path_buf()),
    );
    paths.sort();
    paths.dedup();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// RUSTFLAGS as cargo reads them (`CARGO_ENCODED_RUSTFLAGS` first, split on 0x1f).
pub fn rustflags_from_env() -> String {
    if let Some(encoded) = std::env::var_os("CARGO_ENCODED_RUSTFLAGS") {
        return encoded.to_string_lossy().replace('\u{1f}', " ");
    }
    std::env::var("RUSTFLAGS").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn adds_the_off_by_default_lints_before_the_users_own_flags() {
        let args = with_async_lints(
            &os(&["--all-targets", "--", "-D", "warnings"]),
            &BTreeSet::new(),
        );
        assert_eq!(
            args,
            os(&[
                "--all-targets",
                "--",
                "-W",
                "clippy::large_futures",
                "-W",
                "clippy::future_not_send",
                "-W",
                "clippy::unused_async",
                "-D",
                "warnings"
            ])
        );
        let args = with_async_lints(&os(&["-p", "x"]), &BTreeSet::new());
        assert_eq!(args[2], "--");
    }

    #[test]
    fn leaves_out_what_the_user_configured() {
        let manifest = "[package]\nname = \"x\"\n\n[lints.clippy]\nunused_async = \"allow\"\n\n[workspace.lints.clippy]\nnursery = { level = \"allow\", priority = -1 }\n";
        let configured = configured_lints(
            &os(&["--", "-Aclippy::large-futures"]),
            "",
            &[manifest.to_owned()],
        );
        assert!(configured.contains("unused_async"));
        assert!(configured.contains("nursery"));
        assert!(configured.contains("large_futures"));
        assert_eq!(with_async_lints(&os(&[]), &configured), os(&[]));
        let from_rustflags = configured_lints(
            &[],
            "-W clippy::unused_async --allow=clippy::large_futures",
            &[],
        );
        assert!(from_rustflags.contains("unused_async"));
        assert!(from_rustflags.contains("large_futures"));
    }
}
