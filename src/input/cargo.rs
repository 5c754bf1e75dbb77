//! Runs cargo as a child process with JSON messages on its stdout, passing the user's arguments
//! through, forwarding interrupt and termination signals, and reporting cargo's exit status.
//! For commands that run a program (`run`, `test`), cargo's stderr (the program's) is piped too.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::PathBuf;
use std::process::{Child, ChildStderr, ChildStdout, Command, ExitStatus, Stdio};

/// How cargo is asked to print messages, from the user's own `--message-format` and colour.
#[derive(Debug, PartialEq, Eq)]
pub struct MessageFormat {
    /// The value passed to cargo: always a JSON flavour.
    pub cargo: String,
    /// What the user asked for (`human`, `short`, `json…`), when they did.
    pub requested: Option<String>,
    /// The user's arguments without their `--message-format`.
    pub args: Vec<OsString>,
}

/// Takes the user's `--message-format` out of the arguments (those after `--` belong to the
/// program and are left alone) and chooses the JSON flavour cargo prints.
pub fn message_format(user_args: &[OsString], color: bool) -> MessageFormat {
    let mut kept = Vec::with_capacity(user_args.len());
    let mut wanted: Option<String> = None;
    let mut args = user_args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            kept.push(arg.clone());
            kept.extend(args.by_ref().cloned());
            break;
        }
        let text = arg.to_string_lossy();
        if text == "--message-format" {
            wanted = args.next().map(|v| v.to_string_lossy().into_owned());
        } else if let Some(value) = text.strip_prefix("--message-format=") {
            wanted = Some(value.to_owned());
        } else {
            kept.push(arg.clone());
        }
    }
    let cargo = match &wanted {
        // The user asked for a JSON flavour: give them exactly that.
        Some(w) if w.starts_with("json") => w.clone(),
        _ if color => "json-diagnostic-rendered-ansi".to_owned(),
        _ => "json".to_owned(),
    };
    MessageFormat {
        cargo,
        requested: wanted,
        args: kept,
    }
}

/// The workspace root cargo reports for the user's arguments (their `--manifest-path` is
/// honoured), from `cargo metadata --no-deps`, which reads only the workspace's manifests; `None`
/// when cargo cannot say (cargo itself then reports the problem when it runs).
pub fn workspace_root(user_args: &[OsString]) -> Option<PathBuf> {
    let mut command = cargo_metadata::MetadataCommand::new();
    command.no_deps();
    if let Some(path) = manifest_path(user_args) {
        command.manifest_path(path);
    }
    command
        .exec()
        .ok()
        .map(|m| m.workspace_root.into_std_path_buf())
}

/// The value of `--manifest-path` among cargo's arguments (not those after `--`).
fn manifest_path(user_args: &[OsString]) -> Option<PathBuf> {
    let mut args = user_args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let text = arg.to_string_lossy();
        if text == "--manifest-path" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = text.strip_prefix("--manifest-path=") {
            return Some(PathBuf::from(value));
        }
    }
    None
}

/// A running cargo whose stdout we read.
/// True for the cargo commands (and their aliases) that run the user's program, whose stderr
/// carries its panics.
pub fn runs_program(command: &str) -> bool {
    matches!(command, "run" | "r" | "test" | "t" | "bench")
}

/// True when the user's arguments (before a `--`) already choose cargo's colour.
fn sets_color(args: &[OsString]) -> bool {
    args.iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--color" || a.to_string_lossy().starts_with("--color="))
}

/// A running cargo whose stdout (and, for `spawn_piped`, stderr) we read.
pub struct CargoChild {
    child: Child,
    #[cfg(unix)]
    forwarder: Option<signal_hook::iterator::Handle>,
}

impl CargoChild {
    /// Starts `cargo <command> --message-format=<format> <args…>`. `CARGO` (set when we run as a
    /// cargo subcommand) names the cargo to use.
    pub fn spawn(command: &str, format: &str, args: &[OsString]) -> io::Result<Self> {
        Self::start(command, format, args, None)
    }

    /// Like `spawn`, with cargo's stderr piped as well (it carries the program's stderr, where
    /// panics go). Cargo no longer sees our terminal there, so it is told whether to use colour
    /// (`--color`), unless the user's arguments say.
    pub fn spawn_piped(
        command: &str,
        format: &str,
        args: &[OsString],
        color: bool,
    ) -> io::Result<Self> {
        Self::start(command, format, args, Some(color))
    }

    fn start(
        command: &str,
        format: &str,
        args: &[OsString],
        piped_stderr_color: Option<bool>,
    ) -> io::Result<Self> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        let mut cmd = Command::new(&cargo);
        cmd.arg(command).arg(format!("--message-format={format}"));
        if let Some(color) = piped_stderr_color
            && !sets_color(args)
        {
            cmd.arg(if color {
                "--color=always"
            } else {
                "--color=never"
            });
        }
        let stderr = match piped_stderr_color {
            Some(_) => Stdio::piped(),
            None => Stdio::inherit(),
        };
        let child = cmd
            .args(args)
            .stdin(Stdio::inherit())
            .stderr(stderr)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot run `{}`: {e}", OsStr::new(&cargo).to_string_lossy()),
                )
            })?;
        #[cfg(unix)]
        let forwarder = forward_signals(child.id());
        Ok(CargoChild {
            child,
            #[cfg(unix)]
            forwarder,
        })
    }

    pub fn take_stdout(&mut self) -> Option<ChildStdout> {
        self.child.stdout.take()
    }

    /// Cargo's stderr, when it was piped (`spawn_piped`).
    pub fn take_stderr(&mut self) -> Option<ChildStderr> {
        self.child.stderr.take()
    }

    /// Waits for cargo and returns its exit status as our exit code (128 + signal when killed).
    pub fn wait(mut self) -> io::Result<i32> {
        let status = self.child.wait()?;
        #[cfg(unix)]
        if let Some(handle) = self.forwarder.take() {
            handle.close();
        }
        Ok(exit_code(status))
    }
}

fn exit_code(status: ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return 128 + signal;
        }
    }
    1
}

/// Catches SIGINT, SIGTERM and SIGHUP for the life of the child and passes them on to it, so we
/// live to drain cargo's last messages and exit with its status. (A Ctrl-C in a terminal reaches
/// cargo directly as well; a second SIGINT does no harm.)
#[cfg(unix)]
fn forward_signals(pid: u32) -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]).ok()?;
    let handle = signals.handle();
    let pid = libc::pid_t::try_from(pid).ok()?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            // SAFETY: kill(2) has no memory-safety preconditions; a stale pid only fails.
            unsafe {
                libc::kill(pid, signal);
            }
        }
    });
    Some(handle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn user_message_format_is_replaced_but_arguments_after_double_dash_are_kept() {
        let format = message_format(
            &args(&[
                "--workspace",
                "--message-format",
                "short",
                "--",
                "--message-format=x",
            ]),
            false,
        );
        assert_eq!(format.cargo, "json");
        assert_eq!(format.requested.as_deref(), Some("short"));
        assert_eq!(
            format.args,
            args(&["--workspace", "--", "--message-format=x"])
        );
    }

    #[test]
    fn manifest_path_is_found_before_double_dash_only() {
        assert_eq!(
            manifest_path(&args(&["--manifest-path", "a/Cargo.toml"])),
            Some(PathBuf::from("a/Cargo.toml"))
        );
        assert_eq!(
            manifest_path(&args(&["-p", "x", "--manifest-path=b/Cargo.toml"])),
            Some(PathBuf::from("b/Cargo.toml"))
        );
        assert_eq!(manifest_path(&args(&["--", "--manifest-path=c"])), None);
    }

    #[test]
    fn commands_that_run_a_program_and_colour_arguments_are_recognised() {
        assert!(runs_program("run") && runs_program("t") && !runs_program("check"));
        assert!(sets_color(&args(&["--release", "--color=always"])));
        assert!(sets_color(&args(&["--color", "never"])));
        assert!(!sets_color(&args(&["--", "--color=always"])));
    }

    #[test]
    fn a_json_flavour_asked_for_is_kept_and_colour_selects_ansi() {
        let format = message_format(&args(&["--message-format=json-diagnostic-short"]), true);
        assert_eq!(format.cargo, "json-diagnostic-short");
        let format = message_format(&[], true);
        assert_eq!(format.cargo, "json-diagnostic-rendered-ansi");
    }
}
