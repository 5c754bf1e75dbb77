//! Checking one unit (a target in a build) with what the cache knows of it.
//!
//! - When every probe of the unit's last module walk still holds (each file's stat is the one
//!   recorded, each absent candidate still absent), the walk would find the same files with the
//!   same contents, and so the same findings: they are taken as they are, a `stat` per file.
//! - Otherwise the module tree is built again from the files' summaries (unchanged files are not
//!   parsed), and a file's findings are kept when its contents, its module and the names of
//!   every module its resolution read are what they were (the module's *fingerprint*); only the
//!   other files are parsed and visited.
//!
//! A module is identified by its path and, for modules of the same path (`#[cfg(unix)] mod imp;
//! #[cfg(windows)] mod imp;`), its rank among them; its fingerprint covers its names, the kind of
//! each (module or item), and its parent, so that a change to what any name resolves to changes
//! the fingerprint of a module the resolution read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::blocking::Blocking;
use super::cache::{FileResult, UnitEntry, UnitKey};
use super::cfg::Mode;
use super::diagnostic::is_allowed;
use super::hash::Hasher;
use super::modules::{Crate, ItemKind, walk};
use super::sources::{Changed, Sources};
use super::visit::check_file;
use super::workspace::LintTarget;

/// A unit to check: a target of the workspace in a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unit {
    /// The target's index in [`super::Workspace::targets`].
    pub target: usize,
    pub mode: Mode,
}

/// What checking a unit gave.
#[derive(Debug)]
pub struct UnitResult {
    pub entry: UnitEntry,
    /// The text of each file with a finding to draw: (display name, text).
    pub texts: HashMap<PathBuf, (String, String)>,
    /// Taken from the cache as it was: nothing to write back.
    pub unchanged: bool,
}

/// The cache key of a unit.
pub fn key(target: &LintTarget, mode: Mode) -> UnitKey {
    UnitKey {
        package_id: target.package_id.clone(),
        target: target.target.name.clone(),
        src_path: target.target.src_path.clone().into_std_path_buf(),
        edition: target.target.edition.as_str().to_owned(),
        mode,
    }
}

/// Checks a unit, from the cache's entry for it when there is one. A file that changes while it
/// is read makes the unit start again (that file is then read, never taken from the cache).
pub fn check_unit(
    sources: &mut Sources<'_>,
    cached: Option<&UnitEntry>,
    target: &LintTarget,
    mode: Mode,
    blocking: &Blocking,
) -> UnitResult {
    loop {
        if let Ok(result) = attempt(sources, cached, target, mode, blocking) {
            return result;
        }
    }
}

fn attempt(
    sources: &mut Sources<'_>,
    cached: Option<&UnitEntry>,
    target: &LintTarget,
    mode: Mode,
    blocking: &Blocking,
) -> Result<UnitResult, Changed> {
    if let Some(cached) = cached
        && sources.probes_hold(&cached.probes)
    {
        let mut texts = HashMap::new();
        let mut intact = true;
        for file in cached.files.iter().filter(|f| reportable(f)) {
            let id = sources.load(&file.path).map_err(|_| Changed)?;
            if sources.files[id].hash != file.hash {
                intact = false;
                break;
            }
            let text = sources.text(id)?.to_owned();
            texts.insert(file.path.clone(), (sources.files[id].display.clone(), text));
        }
        if intact {
            return Ok(UnitResult {
                entry: cached.clone(),
                texts,
                unchanged: true,
            });
        }
    }
    sources.take_probes();
    let root = target.target.src_path.as_std_path();
    let krate = walk(sources, root, &target.crate_name, target.edition_2015, mode);
    let probes = sources.take_probes();
    let modules = Fingerprints::of(&krate);
    let before: HashMap<&Path, &FileResult> = cached
        .map(|c| c.files.iter().map(|f| (f.path.as_path(), f)).collect())
        .unwrap_or_default();
    let mut files = Vec::with_capacity(krate.files.len());
    let mut texts = HashMap::new();
    for &(file, module) in &krate.files {
        let path = sources.files[file].path.clone();
        let hash = sources.files[file].hash;
        let kept = before.get(path.as_path()).filter(|f| {
            f.hash == hash
                && f.module == modules.keys[module]
                && f.deps
                    .iter()
                    .all(|(k, p)| modules.current.get(k) == Some(p))
        });
        let result = match kept {
            Some(kept) => (*kept).clone(),
            None => {
                let checked = check_file(sources.parsed(file)?, &krate, blocking, file, module);
                let text = sources.text(file)?;
                let findings = checked
                    .findings
                    .into_iter()
                    .map(|f| {
                        let allowed = is_allowed(text, f.call.start.line);
                        (f, allowed)
                    })
                    .collect();
                let deps = checked
                    .touched
                    .iter()
                    .map(|&m| (modules.keys[m], modules.prints[m]))
                    .collect();
                FileResult {
                    path: path.clone(),
                    hash,
                    module: modules.keys[module],
                    deps,
                    findings,
                }
            }
        };
        if reportable(&result) {
            let text = sources.text(file)?.to_owned();
            texts.insert(path, (sources.files[file].display.clone(), text));
        }
        files.push(result);
    }
    let entry = UnitEntry {
        probes,
        files,
        problems: krate.problems,
    };
    let unchanged = cached == Some(&entry);
    Ok(UnitResult {
        entry,
        texts,
        unchanged,
    })
}

/// True when a file has a finding no comment allows (its text is needed to draw it).
fn reportable(file: &FileResult) -> bool {
    file.findings.iter().any(|(_, allowed)| !allowed)
}

/// Each module's key and fingerprint.
struct Fingerprints {
    keys: Vec<u64>,
    prints: Vec<u64>,
    /// Fingerprint by key.
    current: HashMap<u64, u64>,
}

impl Fingerprints {
    fn of(krate: &Crate) -> Fingerprints {
        let mut rank: HashMap<&[String], u64> = HashMap::new();
        let keys: Vec<u64> = krate
            .modules
            .iter()
            .map(|m| {
                let n = rank.entry(m.path.as_slice()).or_insert(0);
                let mut h = Hasher::default();
                h.u64(m.path.len() as u64);
                for segment in &m.path {
                    h.str(segment);
                }
                h.u64(*n);
                *n += 1;
                h.finish()
            })
            .collect();
        let prints: Vec<u64> = krate
            .modules
            .iter()
            .map(|m| {
                let mut h = Hasher::default();
                h.u64(m.parent.map_or(0, |p| keys[p]));
                let mut items: Vec<(&String, &ItemKind)> = m.names.items.iter().collect();
                items.sort_unstable_by_key(|(name, _)| *name);
                h.u64(items.len() as u64);
                for (name, kind) in items {
                    h.str(name).u64(matches!(kind, ItemKind::Module(_)).into());
                }
                let mut imports: Vec<_> = m.names.imports.iter().collect();
                imports.sort_unstable_by_key(|(name, _)| *name);
                h.u64(imports.len() as u64);
                for (name, path) in imports {
                    h.str(name);
                    use_path(&mut h, path);
                }
                h.u64(m.names.globs.len() as u64);
                for glob in &m.names.globs {
                    use_path(&mut h, glob);
                }
                h.finish()
            })
            .collect();
        let current = keys.iter().copied().zip(prints.iter().copied()).collect();
        Fingerprints {
            keys,
            prints,
            current,
        }
    }
}

fn use_path(h: &mut Hasher, path: &super::modules::UsePath) {
    h.u64(u64::from(path.leading_colon))
        .u64(path.segments.len() as u64);
    for segment in &path.segments {
        h.str(segment);
    }
}
