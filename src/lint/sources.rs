//! The files a run reads, each at most once per thread: stat first, then the cache's summary
//! when the stat is the one the cache recorded (no read, no parse), or when the contents hash
//! the same (a `touch`); otherwise read, parse with `syn` and summarise. The syntax tree is made
//! only for files whose findings must be found again, and the text read only to parse or to
//! draw a finding. A file that changes under the run is noticed (its hash no longer matches) and
//! never trusted by its stat again in this run.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};

use super::cfg::Cfg;
use super::hash::hash;
use super::summary::{Entry, MacroItems, summarize};

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// What identifies a version of a file without reading it: size, modification and status-change
/// times (nanoseconds) and inode. A stat too close to the run's start is not trusted (a write
/// within the file system's time granularity would not change it), so its file is compared by
/// contents next time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    #[serde(rename = "l")]
    pub len: u64,
    #[serde(rename = "m")]
    pub mtime: i64,
    #[serde(rename = "c")]
    pub ctime: i64,
    #[serde(rename = "i")]
    pub ino: u64,
}

/// How long before the run's start a change must be for its stat to be trusted.
const RACY: Duration = Duration::from_secs(2);

impl Stat {
    pub fn of(meta: &Metadata) -> Stat {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stat {
                len: meta.len(),
                mtime: meta.mtime() * 1_000_000_000 + meta.mtime_nsec(),
                ctime: meta.ctime() * 1_000_000_000 + meta.ctime_nsec(),
                ino: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i64);
            Stat {
                len: meta.len(),
                mtime,
                ctime: 0,
                ino: 0,
            }
        }
    }

    /// True when the file changed at or after `since` (nanoseconds since the epoch).
    fn recent(&self, since: i64) -> bool {
        self.mtime >= since || self.ctime >= since
    }
}

/// What the cache keeps of a file: the stat its contents were read after (`None` when that
/// stat was too recent to trust), the contents' hash, and their summary, or why the file could
/// not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    #[serde(rename = "s")]
    pub stat: Option<Stat>,
    #[serde(rename = "h")]
    pub hash: u64,
    #[serde(rename = "d")]
    pub summary: Result<Vec<Entry>, String>,
}

/// A file's syntax tree, and its item macros' bodies parsed as items.
pub struct Parsed {
    pub ast: syn::File,
    pub macro_items: MacroItems,
}

/// One file as this run knows it.
pub struct Source<'c> {
    pub path: PathBuf,
    /// The name rustc would print: relative to the workspace root when inside it.
    pub display: String,
    /// The stat taken before the contents were read, when it can be trusted.
    stat: Option<Stat>,
    pub hash: u64,
    text: Option<String>,
    summary: Cow<'c, [Entry]>,
    problem: Option<String>,
    parsed: Option<Parsed>,
    /// Different from the cache's entry (new contents, or a new stat for the same contents).
    updated: bool,
}

/// The file changed while the run read it: the unit that met it is checked again.
#[derive(Debug)]
pub struct Changed;

/// Every file read in this run on this thread.
pub struct Sources<'c> {
    root: PathBuf,
    known: Option<&'c HashMap<PathBuf, FileEntry>>,
    /// Changes at or after this time (ns since the epoch) make a stat untrustworthy.
    since: i64,
    pub files: Vec<Source<'c>>,
    by_path: HashMap<PathBuf, Result<FileId, String>>,
    stats: HashMap<PathBuf, Option<Stat>>,
    /// Every path asked about with [`Sources::is_file`] since the last [`Sources::take_probes`].
    probes: Vec<(PathBuf, Option<Stat>)>,
    /// Files that changed during the run: never taken from the cache again.
    distrusted: HashSet<PathBuf>,
    /// How many files were parsed, and the time that took.
    pub parsed: usize,
    pub parse_time: Duration,
}

impl<'c> Sources<'c> {
    /// Sources for a run that started at `started`, with the cache's files when there is one.
    pub fn new(
        workspace_root: &Path,
        known: Option<&'c HashMap<PathBuf, FileEntry>>,
        started: SystemTime,
    ) -> Self {
        let since = (started - RACY)
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i64);
        Sources {
            root: workspace_root.to_owned(),
            known,
            since,
            files: Vec::new(),
            by_path: HashMap::new(),
            stats: HashMap::new(),
            probes: Vec::new(),
            distrusted: HashSet::new(),
            parsed: 0,
            parse_time: Duration::ZERO,
        }
    }

    /// The stat of a path (`None`: not a regular file), taken once per run.
    fn stat(&mut self, path: &Path) -> Option<Stat> {
        if let Some(stat) = self.stats.get(path) {
            return *stat;
        }
        let stat = std::fs::metadata(path)
            .ok()
            .filter(Metadata::is_file)
            .map(|m| Stat::of(&m));
        self.stats.insert(path.to_owned(), stat);
        stat
    }

    /// True when `path` is a regular file; the answer is recorded as a probe.
    pub fn is_file(&mut self, path: &Path) -> bool {
        let stat = self.stat(path);
        let trusted = stat.filter(|s| !s.recent(self.since) && !self.distrusted.contains(path));
        // An untrusted stat is recorded as a missing one: the probe can never match again.
        let recorded = if stat.is_some() && trusted.is_none() {
            Some(Stat {
                len: u64::MAX,
                mtime: i64::MIN,
                ctime: i64::MIN,
                ino: 0,
            })
        } else {
            trusted
        };
        self.probes.push((path.to_owned(), recorded));
        stat.is_some()
    }

    /// The probes recorded since the last call.
    pub fn take_probes(&mut self) -> Vec<(PathBuf, Option<Stat>)> {
        std::mem::take(&mut self.probes)
    }

    /// True when every probe gives the answer it gave before (a stat each, nothing read).
    pub fn probes_hold(&mut self, probes: &[(PathBuf, Option<Stat>)]) -> bool {
        probes.iter().all(|(path, before)| {
            let now = self.stat(path);
            let trusted = now.filter(|s| !s.recent(self.since) && !self.distrusted.contains(path));
            match (before, now) {
                (None, None) => true,
                (Some(before), Some(_)) => trusted == Some(*before),
                _ => false,
            }
        })
    }

    /// The file at `path`, from the cache or read and parsed; the problem when it cannot be
    /// read or parsed (the same text whether or not the cache knew the file).
    pub fn load(&mut self, path: &Path) -> Result<FileId, String> {
        if let Some(known) = self.by_path.get(path) {
            return known.clone();
        }
        let loaded = self.read(path);
        self.by_path.insert(path.to_owned(), loaded.clone());
        loaded
    }

    fn read(&mut self, path: &Path) -> Result<FileId, String> {
        let display = path
            .strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string();
        let stat = self.stat(path);
        let distrusted = self.distrusted.contains(path);
        let trusted = stat.filter(|s| !s.recent(self.since) && !distrusted);
        let known = self.known.and_then(|k| k.get(path)).filter(|_| !distrusted);
        let mut source = Source {
            path: path.to_owned(),
            display,
            stat: trusted,
            hash: 0,
            text: None,
            summary: Cow::Owned(Vec::new()),
            problem: None,
            parsed: None,
            updated: true,
        };
        match known {
            Some(entry) if trusted.is_some() && entry.stat == trusted => {
                source.hash = entry.hash;
                source.updated = false;
                source.use_entry(entry);
            }
            _ => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", source.display))?;
                source.hash = hash(text.as_bytes());
                match known {
                    Some(entry) if entry.hash == source.hash => {
                        source.updated = entry.stat != trusted;
                        source.use_entry(entry);
                        source.text = Some(text);
                    }
                    _ => {
                        self.parsed += 1;
                        let clock = Instant::now();
                        let parsed = parse(&text, &source.display);
                        self.parse_time += clock.elapsed();
                        match parsed {
                            Ok((parsed, summary)) => {
                                source.summary = Cow::Owned(summary);
                                source.parsed = Some(parsed);
                            }
                            Err(problem) => source.problem = Some(problem),
                        }
                        source.text = Some(text);
                    }
                }
            }
        }
        let problem = source.problem.clone();
        self.files.push(source);
        match problem {
            Some(problem) => Err(problem),
            None => Ok(self.files.len() - 1),
        }
    }

    /// The summary of a loaded file, taken out for a walk (see [`Sources::put_summary`]).
    pub fn take_summary(&mut self, file: FileId) -> Cow<'c, [Entry]> {
        std::mem::take(&mut self.files[file].summary)
    }

    pub fn put_summary(&mut self, file: FileId, summary: Cow<'c, [Entry]>) {
        self.files[file].summary = summary;
    }

    /// The text of a loaded file, read now if it was not; [`Changed`] when it is no longer the
    /// version the cache knew (the file is then distrusted and forgotten).
    pub fn text(&mut self, file: FileId) -> Result<&str, Changed> {
        if self.files[file].text.is_none() {
            let path = self.files[file].path.clone();
            let text = std::fs::read_to_string(&path).ok();
            match text {
                Some(text) if hash(text.as_bytes()) == self.files[file].hash => {
                    self.files[file].text = Some(text);
                }
                _ => {
                    self.forget(&path);
                    return Err(Changed);
                }
            }
        }
        Ok(self.files[file].text.as_deref().unwrap_or_default())
    }

    /// A file's display name and text, when its contents still hash to `hash`.
    pub fn verified_text(&self, path: &Path, hash_was: u64) -> Option<(String, String)> {
        let text = std::fs::read_to_string(path).ok()?;
        if hash(text.as_bytes()) != hash_was {
            return None;
        }
        let display = path
            .strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string();
        Some((display, text))
    }

    /// The syntax tree of a loaded file, parsed now if it was not.
    pub fn parsed(&mut self, file: FileId) -> Result<&Parsed, Changed> {
        if self.files[file].parsed.is_none() {
            let text = self.text(file)?;
            let clock = Instant::now();
            let parsed = parse(text, "");
            self.parse_time += clock.elapsed();
            self.parsed += 1;
            match parsed {
                Ok((parsed, _)) => self.files[file].parsed = Some(parsed),
                Err(_) => {
                    let path = self.files[file].path.clone();
                    self.forget(&path);
                    return Err(Changed);
                }
            }
        }
        self.files[file].parsed.as_ref().ok_or(Changed)
    }

    fn forget(&mut self, path: &Path) {
        self.distrusted.insert(path.to_owned());
        self.by_path.remove(path);
        self.stats.remove(path);
    }

    /// The files whose cache entries this run changed or made, with their new entries.
    pub fn updates(&self) -> Vec<(PathBuf, FileEntry)> {
        self.files
            .iter()
            .filter(|f| f.updated && !self.distrusted.contains(&f.path))
            .map(|f| {
                let summary = match &f.problem {
                    Some(problem) => Err(problem.clone()),
                    None => Ok(f.summary.to_vec()),
                };
                let entry = FileEntry {
                    stat: f.stat,
                    hash: f.hash,
                    summary,
                };
                (f.path.clone(), entry)
            })
            .collect()
    }
}

impl<'c> Source<'c> {
    fn use_entry(&mut self, entry: &'c FileEntry) {
        match &entry.summary {
            Ok(summary) => self.summary = Cow::Borrowed(summary),
            Err(problem) => self.problem = Some(problem.clone()),
        }
    }
}

/// Parses a file's text and summarises it; the problem names the file and the place.
fn parse(text: &str, display: &str) -> Result<(Parsed, Vec<Entry>), String> {
    match syn::parse_file(text) {
        Ok(ast) => {
            let mut macro_items = MacroItems::new();
            let summary = summarize(&ast.items, Cfg::ALWAYS, Some(&mut macro_items));
            Ok((Parsed { ast, macro_items }, summary))
        }
        Err(e) => {
            let at = e.span().start();
            Err(format!(
                "{display}:{}:{}: not parsed ({e}); its calls are not checked",
                at.line,
                at.column + 1
            ))
        }
    }
}
