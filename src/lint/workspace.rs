//! Which sources to lint: the workspace's packages as `cargo metadata --no-deps` lists them,
//! selected as cargo selects them (`-p`, `--workspace`, `--exclude`, or the package of the
//! current directory, or the default members), and their lib, bin, test, example and bench
//! targets (build scripts are not async code).

use std::path::{Path, PathBuf};

use cargo_metadata::{Edition, Metadata, MetadataCommand, Package, Target};

use super::LintError;

/// Which packages to lint, from the command line (cargo's own flags).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Selection {
    pub manifest_path: Option<PathBuf>,
    pub packages: Vec<String>,
    pub workspace: bool,
    pub exclude: Vec<String>,
}

/// One target to lint: its root file and what a cargo message about it carries.
#[derive(Debug, Clone)]
pub struct LintTarget {
    pub package_id: String,
    pub manifest_path: PathBuf,
    pub target: Target,
    /// The crate's name in paths (`my-crate` → `my_crate`).
    pub crate_name: String,
    /// Edition 2015 resolves `use` paths from the crate root.
    pub edition_2015: bool,
}

/// The selected targets of a workspace.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    /// Cargo's target directory, where the lint keeps its cache.
    pub target_dir: PathBuf,
    pub targets: Vec<LintTarget>,
    /// The package ids of every member, selected or not.
    pub members: Vec<String>,
}

/// Runs `cargo metadata --no-deps` (the `cargo` of `CARGO`, as cargo sets it for subcommands) and
/// selects the targets.
pub fn discover(selection: &Selection) -> Result<Workspace, LintError> {
    let (metadata, _) = run_metadata(selection)?;
    from_metadata(&metadata, selection)
}

/// `cargo metadata --no-deps` for the selection's manifest: the answer, and its JSON.
pub fn run_metadata(selection: &Selection) -> Result<(Metadata, String), LintError> {
    let mut command = MetadataCommand::new();
    command.no_deps();
    if let Some(cargo) = std::env::var_os("CARGO") {
        command.cargo_path(cargo);
    }
    if let Some(path) = &selection.manifest_path {
        command.manifest_path(path);
    }
    let output = command
        .cargo_command()
        .stderr(std::process::Stdio::piped())
        .output()
        .map_err(|e| LintError::Metadata(e.to_string()))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(LintError::Metadata(format!(
            "`cargo metadata` failed: {}",
            stderr.trim()
        )));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = stdout
        .lines()
        .find(|line| line.starts_with('{'))
        .ok_or_else(|| LintError::Metadata("`cargo metadata` printed no JSON".into()))?;
    let metadata = MetadataCommand::parse(json).map_err(|e| LintError::Metadata(e.to_string()))?;
    Ok((metadata, json.to_owned()))
}

/// The manifest cargo starts from: `--manifest-path`, or `Cargo.toml` in the current directory
/// (cargo looks upwards from there).
pub fn start(selection: &Selection) -> Result<PathBuf, LintError> {
    match &selection.manifest_path {
        Some(path) => Ok(path.clone()),
        None => std::env::current_dir()
            .map(|d| d.join("Cargo.toml"))
            .map_err(|source| LintError::Io {
                path: ".".into(),
                source,
            }),
    }
}

/// The selected targets, from `cargo metadata`'s answer.
pub fn from_metadata(metadata: &Metadata, selection: &Selection) -> Result<Workspace, LintError> {
    let start = start(selection)?;
    let packages = select(metadata, selection, &start)?;
    let targets = packages
        .into_iter()
        .flat_map(|p| {
            p.targets
                .iter()
                .filter(|t| !t.is_custom_build())
                .map(move |t| LintTarget {
                    package_id: p.id.repr.clone(),
                    manifest_path: p.manifest_path.clone().into_std_path_buf(),
                    crate_name: t.name.replace('-', "_"),
                    edition_2015: t.edition == Edition::E2015,
                    target: t.clone(),
                })
        })
        .collect();
    Ok(Workspace {
        root: metadata.workspace_root.clone().into_std_path_buf(),
        target_dir: metadata.target_directory.clone().into_std_path_buf(),
        targets,
        members: metadata
            .workspace_members
            .iter()
            .map(|id| id.repr.clone())
            .collect(),
    })
}

/// The packages cargo would build: named ones, the whole workspace, the package whose manifest is
/// nearest to `start`, or the default members.
fn select<'m>(
    metadata: &'m Metadata,
    selection: &Selection,
    start: &Path,
) -> Result<Vec<&'m Package>, LintError> {
    let members = metadata.workspace_packages();
    if !selection.packages.is_empty() {
        let mut chosen = Vec::new();
        for spec in &selection.packages {
            let name = spec.split('@').next().unwrap_or(spec);
            let found: Vec<&Package> = members
                .iter()
                .copied()
                .filter(|p| p.name.as_str() == name)
                .collect();
            if found.is_empty() {
                return Err(LintError::NoPackage(spec.clone()));
            }
            chosen.extend(found);
        }
        return Ok(chosen);
    }
    if selection.workspace {
        return Ok(members
            .into_iter()
            .filter(|p| !selection.exclude.iter().any(|x| x == p.name.as_str()))
            .collect());
    }
    let nearest = start
        .ancestors()
        .map(|d| {
            if d.ends_with("Cargo.toml") {
                d.to_owned()
            } else {
                d.join("Cargo.toml")
            }
        })
        .find(|m| m.is_file());
    if let Some(manifest) = nearest {
        let manifest = manifest.canonicalize().unwrap_or(manifest);
        if let Some(own) = members.iter().copied().find(|p| {
            p.manifest_path
                .as_std_path()
                .canonicalize()
                .is_ok_and(|m| m == manifest)
        }) {
            return Ok(vec![own]);
        }
    }
    if metadata.workspace_default_members.is_available() {
        Ok(metadata.workspace_default_packages())
    } else {
        Ok(members)
    }
}
