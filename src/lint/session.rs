//! One run of the lint over a workspace: the workspace's targets, the blocking list, the cache
//! (read once, written back once if anything changed), and the units checked so far. Units are
//! checked on as many threads as there are cores, each thread taking all the units of a target
//! (its normal and test builds share their files, parsed once; proc-macro2's spans belong to
//! the thread that parsed them). Findings are drawn in a fixed order whatever the threads did.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use super::blocking::Blocking;
use super::cache::{self, Cache, Rejected, UnitKey};
use super::config::BlockingConfig;
use super::diagnostic::{self, File};
use super::incremental::{self, Unit, UnitResult};
use super::snapshot::{self, Snapshot};
use super::sources::{FileEntry, Sources};
use super::units::{self, Reported};
use super::workspace::{self, Selection, Workspace};
use super::{CONFIG_FILE, LintError, Render, Report};

/// Where the cache is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheDir {
    /// No cache: every file is parsed.
    Off,
    /// Under this target directory, or cargo's (`cargo metadata`'s `target_directory`, which
    /// follows `CARGO_TARGET_DIR` and `build.target-dir`).
    Target(Option<PathBuf>),
}

/// A run of the lint.
pub struct Session {
    pub workspace: Workspace,
    blocking: Blocking,
    cache: Cache,
    /// The cache file, when there is one.
    path: Option<PathBuf>,
    /// Why the cache file was not used, when it was not.
    pub rejected: Option<Rejected>,
    results: BTreeMap<Unit, UnitResult>,
    started: SystemTime,
    dirty: bool,
    /// How many files this session parsed.
    pub parsed: usize,
    /// Whether this session asked `cargo metadata` (rather than using its kept answer).
    pub metadata_ran: bool,
    /// Where the time went.
    pub timings: Timings,
}

/// Where a session's time went (`ASYNC_EXPLAIN_LINT_TIMINGS=1` prints it).
#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// `cargo metadata`, the project's settings and the blocking list.
    pub open: Duration,
    /// Reading and checking the cache file (its second section only when a unit is walked
    /// again).
    pub cache_read: Duration,
    /// Checking units (wall time), and the part of the threads' time spent in `syn`.
    pub check: Duration,
    pub parse: Duration,
    pub units: usize,
    /// Units whose module tree was built again (the others were taken whole from the cache).
    pub walked: usize,
    pub report: Duration,
    pub cache_write: Duration,
}

impl Timings {
    /// The time the lint was busy: every phase, in sequence.
    pub fn busy(&self) -> Duration {
        self.open + self.cache_read + self.check + self.report + self.cache_write
    }
}

impl fmt::Display for Timings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        write!(
            f,
            "busy {:.1} ms: open {:.1} ms, cache read {:.1} ms, {} units checked ({} walked again) in {:.1} ms of which parsing {:.1} ms, report {:.1} ms, cache write {:.1} ms",
            ms(self.busy()),
            ms(self.open),
            ms(self.cache_read),
            self.units,
            self.walked,
            ms(self.check),
            ms(self.parse),
            ms(self.report),
            ms(self.cache_write)
        )
    }
}

impl Session {
    /// Finds the workspace's targets (`cargo metadata`), reads the project's `[lint.blocking]`
    /// settings, and the cache.
    pub fn open(selection: &Selection, cache: &CacheDir) -> Result<Session, LintError> {
        Session::open_with(selection, cache, true)
    }

    /// [`Session::open`]; `snapshot`: whether `cargo metadata`'s kept answer may be used.
    pub fn open_with(
        selection: &Selection,
        cache: &CacheDir,
        snapshot: bool,
    ) -> Result<Session, LintError> {
        let started = SystemTime::now();
        let clock = Instant::now();
        let embedded = Blocking::embedded()?;
        if let (CacheDir::Target(explicit), true) = (cache, snapshot)
            && let Some(mut session) =
                Session::from_snapshot(selection, explicit.as_deref(), &embedded, started)
        {
            session.timings.open = clock.elapsed().saturating_sub(session.timings.cache_read);
            return Ok(session);
        }
        let asked = SystemTime::now();
        let (metadata, json) = workspace::run_metadata(selection)?;
        let workspace = workspace::from_metadata(&metadata, selection)?;
        let config = BlockingConfig::load(&workspace.root.join(CONFIG_FILE))?;
        let blocking = embedded.with_config(&config);
        let path = match cache {
            CacheDir::Off => None,
            CacheDir::Target(dir) => {
                let dir = absolute(dir.as_deref()).unwrap_or_else(|| workspace.target_dir.clone());
                Some(cache::path_for(&dir, &workspace.root))
            }
        };
        let open = clock.elapsed();
        let mut session = Session::with(workspace, blocking, path, started);
        session.timings.open = open;
        session.metadata_ran = true;
        if session.path.is_some()
            && let Some(snapshot) = Snapshot::take(selection, &metadata, json, asked)
        {
            session.cache.snapshot = Some(snapshot);
            session.dirty = true;
        }
        Ok(session)
    }

    /// A session from the cache's snapshot of `cargo metadata`, when it still holds. The cache
    /// is looked for where cargo would put it for each directory from the start manifest's up
    /// that holds a `Cargo.toml` (each a possible workspace root).
    fn from_snapshot(
        selection: &Selection,
        explicit: Option<&Path>,
        embedded: &Blocking,
        started: SystemTime,
    ) -> Option<Session> {
        let start = workspace::start(selection).ok()?;
        let start = absolute(Some(&start))?;
        let target_dir = absolute(explicit)
            .or_else(|| {
                ["CARGO_TARGET_DIR", "CARGO_BUILD_TARGET_DIR"]
                    .iter()
                    .find_map(std::env::var_os)
                    .and_then(|d| absolute(Some(Path::new(&d))))
            })
            .or_else(|| snapshot::configured_target_dir(&std::env::current_dir().ok()?));
        for root in start.ancestors().skip(1).take(8) {
            if !root.join("Cargo.toml").is_file() {
                continue;
            }
            let dir = target_dir.clone().unwrap_or_else(|| root.join("target"));
            let path = cache::path_for(&dir, root);
            if !path.is_file() {
                continue;
            }
            let clock = Instant::now();
            let config = BlockingConfig::load(&root.join(CONFIG_FILE)).ok()?;
            let blocking = embedded.clone().with_config(&config);
            let cache = cache::load(&path, root, blocking.fingerprint()).ok()?;
            let cache_read = clock.elapsed();
            let snapshot = cache.snapshot.as_ref().filter(|s| s.holds(selection))?;
            let workspace = snapshot.workspace(selection).ok()?;
            let actual = target_dir
                .clone()
                .unwrap_or_else(|| workspace.target_dir.clone());
            if workspace.root != root || cache::path_for(&actual, &workspace.root) != path {
                return None;
            }
            let mut session =
                Session::assemble(workspace, blocking, Some(path), Ok(cache), started);
            session.timings.cache_read = cache_read;
            return Some(session);
        }
        None
    }

    /// A session on a known workspace and list, with the cache file at `path` (or none).
    pub fn with(
        workspace: Workspace,
        blocking: Blocking,
        path: Option<PathBuf>,
        started: SystemTime,
    ) -> Session {
        let clock = Instant::now();
        let cache = match &path {
            Some(path) => cache::load(path, &workspace.root, blocking.fingerprint()),
            None => Ok(Cache::default()),
        };
        let mut session = Session::assemble(workspace, blocking, path, cache, started);
        session.timings.cache_read = clock.elapsed();
        session
    }

    fn assemble(
        workspace: Workspace,
        blocking: Blocking,
        path: Option<PathBuf>,
        cache: Result<Cache, Rejected>,
        started: SystemTime,
    ) -> Session {
        let (cache, rejected) = match cache {
            Ok(cache) => (cache, None),
            Err(rejected) => (Cache::default(), Some(rejected)),
        };
        Session {
            workspace,
            blocking,
            cache,
            path,
            rejected,
            results: BTreeMap::new(),
            started,
            dirty: false,
            parsed: 0,
            metadata_ran: false,
            timings: Timings::default(),
        }
    }

    /// True when every local unit cargo reported is one the workspace knows: a target of a
    /// selected package, a member not selected, or a path dependency from outside it.
    pub fn knows(&self, reported: &Reported) -> bool {
        let outsiders: &[String] = self
            .cache
            .snapshot
            .as_ref()
            .map_or(&[], |s| s.outsiders.as_slice());
        units::known(&self.workspace, outsiders, reported)
    }

    /// Records the local packages cargo reported that are not members, so that a later run
    /// from the snapshot knows them.
    pub fn note_outsiders(&mut self, reported: &Reported) {
        let outsiders = units::outsiders(&self.workspace, reported);
        if let Some(snapshot) = &mut self.cache.snapshot
            && snapshot.outsiders != outsiders
        {
            snapshot.outsiders = outsiders;
            self.dirty = true;
        }
    }

    /// Checks the units not checked yet in this session.
    pub fn check(&mut self, units: &[Unit]) {
        let clock = Instant::now();
        // Units whose last walk still holds are taken here, from the cache's first section;
        // the others are walked again, on worker threads, with the whole cache.
        let mut here = Sources::new(&self.workspace.root, None, self.started);
        let mut groups: BTreeMap<usize, Vec<Unit>> = BTreeMap::new();
        for unit in units {
            if self.results.contains_key(unit) {
                continue;
            }
            let key = incremental::key(&self.workspace.targets[unit.target], unit.mode);
            let reused = match self.cache.units.get(&key) {
                Some(cached) if self.path.is_some() => incremental::reuse(&mut here, cached),
                _ => None,
            };
            match reused {
                Some(result) => {
                    self.timings.units += 1;
                    self.results.insert(*unit, result);
                }
                None => groups.entry(unit.target).or_default().push(*unit),
            }
        }
        if groups.is_empty() {
            self.timings.check += clock.elapsed();
            return;
        }
        let rest = Instant::now();
        if let Err(rejected) = self.cache.complete() {
            self.rejected = Some(rejected);
        }
        let rest = rest.elapsed();
        self.timings.cache_read += rest;
        let groups: Vec<Vec<Unit>> = groups.into_values().collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(groups.len());
        let next = Mutex::new(groups.into_iter());
        let outputs: Vec<Output> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| scope.spawn(|| self.worker(&next)))
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        for output in outputs {
            self.parsed += output.parsed;
            self.timings.parse += output.parse_time;
            for (unit, key, result) in output.results {
                self.timings.units += 1;
                self.timings.walked += usize::from(!result.taken_whole);
                if !result.unchanged {
                    self.dirty = true;
                    self.cache.units.insert(key, result.entry.clone());
                }
                self.results.insert(unit, result);
            }
            for (path, entry) in output.updates {
                self.dirty = true;
                self.cache.files.insert(path, entry);
            }
        }
        self.timings.check += clock.elapsed().saturating_sub(rest);
    }

    /// Takes targets off the shared list until none are left.
    fn worker(&self, next: &Mutex<std::vec::IntoIter<Vec<Unit>>>) -> Output {
        let known = self.path.is_some().then_some(&self.cache.files);
        let mut sources = Sources::new(&self.workspace.root, known, self.started);
        let mut results = Vec::new();
        while let Some(group) = next.lock().map_or(None, |mut n| n.next()) {
            for unit in group {
                let target = &self.workspace.targets[unit.target];
                let key = incremental::key(target, unit.mode);
                let cached = self.cache.units.get(&key);
                let result = incremental::check_unit(
                    &mut sources,
                    cached,
                    target,
                    unit.mode,
                    &self.blocking,
                );
                results.push((unit, key, result));
            }
        }
        let output = Output {
            results,
            updates: sources.updates(),
            parsed: sources.parsed,
            parse_time: sources.parse_time,
        };
        drop(sources);
        // The parsed files are gone; free proc-macro2's record of this thread's spans too.
        proc_macro2::extra::invalidate_current_thread_spans();
        output
    }

    /// The findings of these units (checked before), as cargo JSON lines in a fixed order: by
    /// target, build, the file's place in the module walk, line and column. A call that several
    /// units check is reported once, for the first of them.
    pub fn report(&mut self, units: &[Unit], render: Render) -> Report {
        let clock = Instant::now();
        let mut report = self.draw(units, render);
        self.timings.report += clock.elapsed();
        report.timings = self.timings.clone();
        report
    }

    fn draw(&self, units: &[Unit], render: Render) -> Report {
        let mut units: Vec<Unit> = units.to_vec();
        units.sort();
        units.dedup();
        let mut report = Report::default();
        let mut found = Vec::new();
        for (rank, unit) in units.iter().enumerate() {
            let Some(result) = self.results.get(unit) else {
                continue;
            };
            let target = &self.workspace.targets[unit.target];
            report
                .problems
                .extend(result.entry.problems.iter().cloned());
            for (place, file) in result.entry.files.iter().enumerate() {
                report.files.push(file.path.clone());
                for (finding, allowed) in &file.findings {
                    let at = finding.call.start;
                    found.push((
                        (rank, place, at.line, at.column),
                        file,
                        finding,
                        *allowed,
                        target,
                    ));
                }
            }
        }
        found.sort_by_key(|f| f.0);
        let mut seen = HashSet::new();
        for (_, file, finding, allowed, target) in found {
            let at = finding.call.start;
            if !seen.insert((&file.path, at.line, at.column, &finding.api)) {
                continue;
            }
            if allowed {
                report.allowed += 1;
                continue;
            }
            let text = units
                .iter()
                .find_map(|u| self.results.get(u)?.texts.get(&file.path));
            let Some((display, text)) = text else {
                continue;
            };
            let file = File { display, text };
            report.findings += 1;
            let line = diagnostic::json_line(finding, file, target, render);
            report.json.extend_from_slice(line.as_bytes());
            report.json.push(b'\n');
        }
        report.files.sort();
        report.files.dedup();
        report.problems.sort();
        report.problems.dedup();
        report
    }

    /// Writes the cache back if this session changed it. Units of targets whose root file is
    /// gone are dropped, and files no unit refers to.
    pub fn save(&mut self) -> std::io::Result<()> {
        let clock = Instant::now();
        let Some(path) = &self.path else {
            return Ok(());
        };
        if !self.dirty {
            return Ok(());
        }
        // Units taken whole were read without their dependencies: read them now (a damaged
        // second section empties the cache, and the units of this session go back in).
        if self.cache.complete().is_err() {
            for (unit, result) in &self.results {
                let key = incremental::key(&self.workspace.targets[unit.target], unit.mode);
                if !result.taken_whole {
                    self.cache.units.insert(key, result.entry.clone());
                }
            }
        }
        self.cache.units.retain(|key, _| key.src_path.is_file());
        let used: HashSet<&Path> = self
            .cache
            .units
            .values()
            .flat_map(|u| u.probes.iter().map(|(p, _)| p.as_path()))
            .collect();
        self.cache.files.retain(|p, _| used.contains(p.as_path()));
        let bytes = cache::encode(
            &self.cache,
            &self.workspace.root,
            self.blocking.fingerprint(),
        )
        .map_err(std::io::Error::other)?;
        let stored = cache::store(path, &bytes);
        self.timings.cache_write += clock.elapsed();
        stored?;
        self.dirty = false;
        Ok(())
    }

    /// The cache as this session knows it (for tests).
    pub fn cache(&self) -> &Cache {
        &self.cache
    }

    /// The cache file's path, when there is one.
    pub fn cache_path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

/// A path made absolute against the current directory.
fn absolute(path: Option<&Path>) -> Option<PathBuf> {
    let path = path?;
    if path.is_absolute() {
        return Some(path.to_owned());
    }
    Some(std::env::current_dir().ok()?.join(path))
}

/// What one worker thread did.
struct Output {
    results: Vec<(Unit, UnitKey, UnitResult)>,
    updates: Vec<(PathBuf, FileEntry)>,
    parsed: usize,
    parse_time: Duration,
}
