//! Checking one unit (a target in a build) with what the cache knows of it.
//!
//! - When every probe of the unit's last module walk still holds (each file's stat is the one
//!   recorded, each absent candidate still absent), the walk would find the same files with the
//!   same contents, and so the same findings: they are taken as they are, a `stat` per file.
//! - Otherwise the module tree is built again from the files' summaries (unchanged files are not
//!   parsed), and a file's findings are kept when its contents, its module, and everything its
//!   resolution read of the crate's modules ([`Read`]: one name of a module, a module's glob
//!   imports, a module's parent) are what they were; only the other files are parsed and
//!   visited. A new import in `lib.rs` re-checks only the files that looked that name up there.
//!
//! A module is identified by its path and, for modules of the same path (`#[cfg(unix)] mod imp;
//! #[cfg(windows)] mod imp;`), its rank among them. What a name reads as covers the item it
//! names (and, for a module, that module's identity) and the import it names.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::blocking::Blocking;
use super::cache::{FileResult, UnitEntry, UnitKey};
use super::cfg::Mode;
use super::diagnostic::is_allowed;
use super::hash::Hasher;
use super::modules::{Crate, ItemKind, ModId, UsePath, walk};
use super::resolve::Read;
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
    /// The same as the cache's entry: nothing to write back.
    pub unchanged: bool,
    /// Taken whole from the cache, its probes all holding (no module walk).
    pub taken_whole: bool,
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
    if let Some(result) = cached.and_then(|cached| reuse(sources, cached)) {
        return Ok(result);
    }
    sources.take_probes();
    let root = target.target.src_path.as_std_path();
    let krate = walk(sources, root, &target.crate_name, target.edition_2015, mode);
    let probes = sources.take_probes();
    let mut modules = Modules::of(&krate);
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
                && modules.reads_as(&f.deps) == Some(f.reads)
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
                let mut deps: Vec<(u64, u64)> = checked
                    .reads
                    .iter()
                    .map(|&(m, read)| (modules.keys[m], read))
                    .collect();
                deps.sort_unstable();
                let reads = modules.reads_as(&deps).unwrap_or_default();
                FileResult {
                    path: path.clone(),
                    hash,
                    module: modules.keys[module],
                    deps,
                    reads,
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
        taken_whole: false,
    })
}

/// The unit's result as the cache has it, when every probe of its last walk still holds (a stat
/// per file) and every file with a finding to draw still has the contents it had.
pub fn reuse(sources: &mut Sources<'_>, cached: &UnitEntry) -> Option<UnitResult> {
    if !sources.probes_hold(&cached.probes) {
        return None;
    }
    let mut texts = HashMap::new();
    for file in cached.files.iter().filter(|f| reportable(f)) {
        let text = sources.verified_text(&file.path, file.hash)?;
        texts.insert(file.path.clone(), text);
    }
    Some(UnitResult {
        entry: cached.clone(),
        texts,
        unchanged: true,
        taken_whole: true,
    })
}

/// True when a file has a finding no comment allows (its text is needed to draw it).
fn reportable(file: &FileResult) -> bool {
    file.findings.iter().any(|(_, allowed)| !allowed)
}

/// The crate's modules by key, and what their reads give.
struct Modules<'k> {
    krate: &'k Crate,
    keys: Vec<u64>,
    by_key: HashMap<u64, ModId>,
    /// Per module, what each of its names reads as, by the name's [`Read`] key (made on first
    /// use).
    names: Vec<Option<HashMap<u64, u64>>>,
}

impl<'k> Modules<'k> {
    fn of(krate: &'k Crate) -> Modules<'k> {
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
        let by_key = keys.iter().enumerate().map(|(m, k)| (*k, m)).collect();
        Modules {
            krate,
            names: vec![None; krate.modules.len()],
            keys,
            by_key,
        }
    }

    /// What these reads (module key, [`Read`] key) give now, as one hash; `None` when a module
    /// read is gone.
    fn reads_as(&mut self, deps: &[(u64, u64)]) -> Option<u64> {
        let mut h = Hasher::default();
        for &(key, read) in deps {
            let module = *self.by_key.get(&key)?;
            h.u64(self.value(module, read));
        }
        Some(h.finish())
    }

    fn value(&mut self, module: ModId, read: u64) -> u64 {
        let m = &self.krate.modules[module];
        if read == Read::parent() {
            return m.parent.map_or(0, |p| self.keys[p]);
        }
        if read == Read::globs() {
            let mut h = Hasher::default();
            h.u64(m.names.globs.len() as u64);
            for glob in &m.names.globs {
                use_path(&mut h, glob);
            }
            return h.finish();
        }
        if self.names[module].is_none() {
            let mut values = HashMap::new();
            for name in m.names.items.keys().chain(m.names.imports.keys()) {
                let mut h = Hasher::default();
                match m.names.items.get(name) {
                    Some(ItemKind::Module(child)) => h.u64(1).u64(self.keys[*child]),
                    Some(ItemKind::Local) => h.u64(2),
                    None => h.u64(0),
                };
                match m.names.imports.get(name) {
                    Some(path) => use_path(h.u64(1), path),
                    None => {
                        h.u64(0);
                    }
                }
                values.insert(Read::name(name), h.finish());
            }
            self.names[module] = Some(values);
        }
        self.names[module]
            .as_ref()
            .and_then(|values| values.get(&read).copied())
            .unwrap_or(0)
    }
}

fn use_path(h: &mut Hasher, path: &UsePath) {
    h.u64(u64::from(path.leading_colon))
        .u64(path.segments.len() as u64);
    for segment in &path.segments {
        h.str(segment);
    }
}
