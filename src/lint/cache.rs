//! The lint's cache: one file per workspace, `<target-dir>/async-explain/lint-<hash>.json`,
//! holding each file's summary (keyed by stat and contents hash) and each unit's result (its
//! probes, and per file the findings with the modules they depend on).
//!
//! Format: a header line `async-explain lint cache <format> <version> <checksum> <length>
//! <checksum>`, then two JSON documents: the units (probes, files, findings: all that a run in
//! which nothing changed needs), and the rest (each file's summary, each unit file's
//! dependencies), parsed only when a unit must be walked again. A file whose header is not this
//! build's, whose checksums do not match, whose JSON does not parse, or that was made for
//! another workspace or another blocking list is never trusted: the run starts from nothing
//! and writes a new one. Writes go to a
//! temporary file in the same directory, renamed over the old one, so a killed run never leaves
//! a torn cache and concurrent runs (an editor and a terminal) each leave a whole one (the last
//! rename wins).

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::cfg::Mode;
use super::hash::{Hasher, hash};
use super::snapshot::Snapshot;
use super::sources::{FileEntry, Stat};
use super::visit::Finding;

/// The format of the file; a change to any stored type bumps it.
pub const FORMAT: u32 = 1;

const MAGIC: &str = "async-explain lint cache";

/// What identifies a unit: the target (package, name, root file, edition) and the build.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UnitKey {
    pub package_id: String,
    pub target: String,
    pub src_path: PathBuf,
    pub edition: String,
    pub mode: Mode,
}

/// What the cache keeps of one file of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileResult {
    #[serde(rename = "p")]
    pub path: PathBuf,
    /// The contents' hash the findings were made from.
    #[serde(rename = "h")]
    pub hash: u64,
    /// The key of the module the file defines.
    #[serde(rename = "m")]
    pub module: u64,
    /// What resolution read of the crate's modules: (module key, [`Read`] key), sorted. Kept
    /// in the file's second section.
    ///
    /// [`Read`]: super::resolve::Read
    #[serde(skip)]
    pub deps: Vec<(u64, u64)>,
    /// What those reads gave, as one hash.
    #[serde(rename = "r")]
    pub reads: u64,
    /// The findings in the order the visitor made them, each with whether an allow comment
    /// silences it.
    #[serde(rename = "f", default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<(Finding, bool)>,
}

/// What the cache keeps of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitEntry {
    /// Every path the module walk asked about, with the stat it had (`None`: not a file). When
    /// all still hold, the walk would be the same and so would every finding.
    pub probes: Vec<(PathBuf, Option<Stat>)>,
    /// The unit's files in the order the walk found them.
    pub files: Vec<FileResult>,
    /// Files that could not be read or parsed.
    pub problems: Vec<String>,
}

/// The cache's contents. The files' summaries and the units' dependencies are read when first
/// needed ([`Cache::complete`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cache {
    pub files: HashMap<PathBuf, FileEntry>,
    pub units: HashMap<UnitKey, UnitEntry>,
    /// `cargo metadata`'s last answer.
    pub snapshot: Option<Snapshot>,
    /// The second section, not read yet.
    rest: Option<Rest>,
}

/// The second section's bytes, its checksum, and the order of the units its dependencies
/// follow.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rest {
    bytes: Vec<u8>,
    checksum: u64,
    order: Vec<UnitKey>,
}

/// The first section.
#[derive(Deserialize)]
struct Units {
    root: PathBuf,
    blocking: u64,
    units: Vec<(UnitKey, UnitEntry)>,
    snapshot: Option<Snapshot>,
}

#[derive(Serialize)]
struct UnitsRef<'a> {
    root: &'a Path,
    blocking: u64,
    units: &'a [(&'a UnitKey, &'a UnitEntry)],
    snapshot: Option<&'a Snapshot>,
}

/// The second section: summaries, and the dependencies of each unit's files, in the first
/// section's order.
#[derive(Deserialize)]
struct Files {
    files: HashMap<PathBuf, FileEntry>,
    deps: Vec<Vec<Vec<(u64, u64)>>>,
}

#[derive(Serialize)]
struct FilesRef<'a> {
    files: &'a HashMap<PathBuf, FileEntry>,
    deps: Vec<Vec<&'a [(u64, u64)]>>,
}

impl Cache {
    /// Reads the second section, if it was not: `Err` (and an empty cache) when it cannot be
    /// trusted.
    pub fn complete(&mut self) -> Result<(), Rejected> {
        let Some(rest) = self.rest.take() else {
            return Ok(());
        };
        let read = || -> Result<Files, Rejected> {
            if hash(&rest.bytes) != rest.checksum {
                return Err(Rejected::Checksum);
            }
            serde_json::from_slice(&rest.bytes).map_err(|e| Rejected::Corrupt(e.to_string()))
        };
        let outcome = read().and_then(|files| {
            if files.deps.len() != rest.order.len() {
                return Err(Rejected::Corrupt("dependencies out of step".into()));
            }
            for (key, deps) in rest.order.iter().zip(files.deps) {
                let unit = self.units.get_mut(key).ok_or(Rejected::OtherVersion)?;
                if unit.files.len() != deps.len() {
                    return Err(Rejected::Corrupt("dependencies out of step".into()));
                }
                for (file, deps) in unit.files.iter_mut().zip(deps) {
                    file.deps = deps;
                }
            }
            self.files = files.files;
            Ok(())
        });
        if outcome.is_err() {
            *self = Cache::default();
        }
        outcome
    }
}

/// Why a cache file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// There is none yet.
    Missing,
    /// Made by another build (format or version), or not a cache at all.
    OtherVersion,
    /// The checksum does not match: torn or corrupted.
    Checksum,
    /// The body is not the expected JSON.
    Corrupt(String),
    /// Made for another workspace root or another blocking list.
    OtherInputs,
    /// It could not be read.
    Unreadable(String),
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::Missing => write!(f, "no cache yet"),
            Rejected::OtherVersion => write!(f, "made by another version"),
            Rejected::Checksum => write!(f, "checksum mismatch"),
            Rejected::Corrupt(e) => write!(f, "corrupt: {e}"),
            Rejected::OtherInputs => write!(f, "made for another workspace or blocking list"),
            Rejected::Unreadable(e) => write!(f, "unreadable: {e}"),
        }
    }
}

/// Where a workspace's cache lives under a target directory.
pub fn path_for(target_dir: &Path, workspace_root: &Path) -> PathBuf {
    let key = Hasher::default()
        .str(&workspace_root.to_string_lossy())
        .finish();
    target_dir
        .join("async-explain")
        .join(format!("lint-{key:016x}.json"))
}

fn header_prefix() -> String {
    format!("{MAGIC} {FORMAT} {} ", env!("CARGO_PKG_VERSION"))
}

/// Reads a cache file made for this workspace root and blocking list (its fingerprint).
pub fn load(path: &Path, root: &Path, blocking: u64) -> Result<Cache, Rejected> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Rejected::Missing),
        Err(e) => return Err(Rejected::Unreadable(e.to_string())),
    };
    decode(&bytes, root, blocking)
}

/// The contents of a cache file's bytes, if they can be trusted (the second section is checked
/// when it is read).
pub fn decode(bytes: &[u8], root: &Path, blocking: u64) -> Result<Cache, Rejected> {
    let newline = memchr::memchr(b'\n', bytes).ok_or(Rejected::OtherVersion)?;
    let (header, body) = (&bytes[..newline], &bytes[newline + 1..]);
    let header = std::str::from_utf8(header).map_err(|_| Rejected::OtherVersion)?;
    let fields = header
        .strip_prefix(&header_prefix())
        .ok_or(Rejected::OtherVersion)?;
    let fields: Vec<u64> = fields
        .split(' ')
        .enumerate()
        .map(|(i, f)| {
            if i == 1 {
                f.parse().ok()
            } else {
                u64::from_str_radix(f, 16).ok()
            }
        })
        .collect::<Option<_>>()
        .ok_or(Rejected::OtherVersion)?;
    let [units_sum, units_len, rest_sum] = fields[..] else {
        return Err(Rejected::OtherVersion);
    };
    let units_len = usize::try_from(units_len).map_err(|_| Rejected::OtherVersion)?;
    if units_len > body.len() {
        return Err(Rejected::Checksum);
    }
    let (units, rest) = body.split_at(units_len);
    if hash(units) != units_sum {
        return Err(Rejected::Checksum);
    }
    let stored: Units =
        serde_json::from_slice(units).map_err(|e| Rejected::Corrupt(e.to_string()))?;
    if stored.root != root || stored.blocking != blocking {
        return Err(Rejected::OtherInputs);
    }
    let order = stored.units.iter().map(|(k, _)| k.clone()).collect();
    Ok(Cache {
        files: HashMap::new(),
        units: stored.units.into_iter().collect(),
        snapshot: stored.snapshot,
        rest: Some(Rest {
            bytes: rest.to_vec(),
            checksum: rest_sum,
            order,
        }),
    })
}

/// The bytes of a cache file (of a complete cache: see [`Cache::complete`]).
pub fn encode(cache: &Cache, root: &Path, blocking: u64) -> Result<Vec<u8>, serde_json::Error> {
    let mut units: Vec<(&UnitKey, &UnitEntry)> = cache.units.iter().collect();
    units.sort_by(|a, b| a.0.cmp(b.0));
    let first = serde_json::to_vec(&UnitsRef {
        root,
        blocking,
        units: &units,
        snapshot: cache.snapshot.as_ref(),
    })?;
    let deps = units
        .iter()
        .map(|(_, unit)| unit.files.iter().map(|f| f.deps.as_slice()).collect())
        .collect();
    let second = serde_json::to_vec(&FilesRef {
        files: &cache.files,
        deps,
    })?;
    let mut bytes = format!(
        "{}{:016x} {} {:016x}\n",
        header_prefix(),
        hash(&first),
        first.len(),
        hash(&second)
    )
    .into_bytes();
    bytes.extend_from_slice(&first);
    bytes.extend_from_slice(&second);
    Ok(bytes)
}

/// Writes a cache file atomically: a temporary file beside it, renamed over it.
pub fn store(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    sweep(dir);
    // Unique among processes (pid) and among writers of one process (counter).
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(
        ".{name}.{}.{}.{nanos}.tmp",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::File::create(&temp)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Removes temporary files that killed runs left behind (older than ten minutes).
fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(600));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::summary::{Decl, Entry};

    fn sample() -> Cache {
        let mut cache = Cache::default();
        cache.files.insert(
            PathBuf::from("/w/src/lib.rs"),
            FileEntry {
                stat: None,
                hash: 7,
                summary: Ok(vec![Entry(
                    crate::lint::cfg::Cfg::ALWAYS,
                    Decl::Item("f".into()),
                )]),
            },
        );
        cache.units.insert(
            UnitKey {
                package_id: "p".into(),
                target: "t".into(),
                src_path: PathBuf::from("/w/src/lib.rs"),
                edition: "2024".into(),
                mode: Mode::NotTest,
            },
            UnitEntry {
                probes: vec![(PathBuf::from("/w/src/lib.rs"), None)],
                files: vec![FileResult {
                    path: PathBuf::from("/w/src/lib.rs"),
                    hash: 7,
                    module: 3,
                    deps: vec![(3, 4), (5, 6)],
                    reads: 8,
                    findings: Vec::new(),
                }],
                problems: Vec::new(),
            },
        );
        cache
    }

    #[test]
    fn what_is_written_is_read_back() {
        let cache = sample();
        let bytes = encode(&cache, Path::new("/w"), 1).unwrap();
        let mut read = decode(&bytes, Path::new("/w"), 1).unwrap();
        assert!(read.files.is_empty(), "the second section waits");
        read.complete().unwrap();
        assert_eq!(read, cache);
    }

    #[test]
    fn a_damaged_foreign_or_stale_file_is_rejected() {
        let bytes = encode(&sample(), Path::new("/w"), 1).unwrap();
        let decode = |bytes: &[u8]| decode(bytes, Path::new("/w"), 1);
        let body_at = memchr::memchr(b'\n', &bytes).unwrap() + 1;
        let mut flipped = bytes.clone();
        flipped[body_at + 10] ^= 0x20;
        assert_eq!(decode(&flipped), Err(Rejected::Checksum));
        // Damage to the second section shows when it is read, and empties the cache.
        for damaged in [bytes[..bytes.len() - 5].to_vec(), {
            let mut b = bytes.clone();
            let last = b.len() - 3;
            b[last] ^= 0x01;
            b
        }] {
            let mut cache = decode(&damaged).unwrap();
            assert_eq!(cache.complete(), Err(Rejected::Checksum));
            assert_eq!(cache, Cache::default());
        }
        assert_eq!(decode(&bytes[..body_at + 3]), Err(Rejected::Checksum));
        let other = String::from_utf8(bytes.clone()).unwrap().replacen(
            env!("CARGO_PKG_VERSION"),
            "0.0.0-other",
            1,
        );
        assert_eq!(decode(other.as_bytes()), Err(Rejected::OtherVersion));
        assert_eq!(decode(b""), Err(Rejected::OtherVersion));
        assert_eq!(
            super::decode(&bytes, Path::new("/elsewhere"), 1),
            Err(Rejected::OtherInputs)
        );
        assert_eq!(
            super::decode(&bytes, Path::new("/w"), 2),
            Err(Rejected::OtherInputs)
        );
        // A section that matches its checksum but is not the cache's JSON.
        let body = b"{\"root\":1}";
        let mut forged = format!(
            "{}{:016x} {} {:016x}\n",
            header_prefix(),
            hash(body),
            body.len(),
            hash(b"")
        )
        .into_bytes();
        forged.extend_from_slice(body);
        assert!(matches!(decode(&forged), Err(Rejected::Corrupt(_))));
    }
}
