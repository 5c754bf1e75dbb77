//! Input read on a thread of its own (a child's pipe, stdin), so the stream can wait for more
//! with a deadline: a program that panicked and goes on running without printing must not keep
//! its backtrace held back.

use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

const CHUNK: usize = 64 << 10;

pub struct LiveInput {
    rx: Receiver<io::Result<Vec<u8>>>,
    chunk: Vec<u8>,
    pos: usize,
    error: Option<io::Error>,
    ended: bool,
}

impl LiveInput {
    /// Starts reading `input` on a new thread. The thread ends at the end of input, on a read
    /// error, or when this reader is dropped (at its next read).
    pub fn spawn<R: Read + Send + 'static>(mut input: R) -> Self {
        let (tx, rx) = mpsc::sync_channel(8);
        std::thread::spawn(move || {
            let mut buf = vec![0; CHUNK];
            loop {
                match input.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        if tx.send(Ok(buf[..n].to_vec())).is_err() {
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        break;
                    }
                }
            }
        });
        LiveInput {
            rx,
            chunk: Vec::new(),
            pos: 0,
            error: None,
            ended: false,
        }
    }

    /// Waits up to `timeout` for more input; false when none came in that time (true at the end
    /// of input: reading then returns it).
    pub fn wait(&mut self, timeout: Duration) -> bool {
        if self.pos < self.chunk.len() || self.ended || self.error.is_some() {
            return true;
        }
        match self.rx.recv_timeout(timeout) {
            Ok(received) => {
                self.take(received);
                true
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => {
                self.ended = true;
                true
            }
        }
    }

    fn take(&mut self, received: io::Result<Vec<u8>>) {
        match received {
            Ok(chunk) => {
                self.chunk = chunk;
                self.pos = 0;
            }
            Err(e) => self.error = Some(e),
        }
    }
}

impl Read for LiveInput {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.chunk.len() {
            if let Some(e) = self.error.take() {
                return Err(e);
            }
            if self.ended {
                return Ok(0);
            }
            match self.rx.recv() {
                Ok(received) => self.take(received),
                Err(_) => {
                    self.ended = true;
                    return Ok(0);
                }
            }
            if let Some(e) = self.error.take() {
                return Err(e);
            }
        }
        let n = buf.len().min(self.chunk.len() - self.pos);
        buf[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_everything_and_waits_with_a_deadline() {
        let (reader, mut writer) = std::io::pipe().unwrap();
        let mut live = LiveInput::spawn(reader);
        assert!(!live.wait(Duration::from_millis(20)));
        std::io::Write::write_all(&mut writer, b"hello\n").unwrap();
        assert!(live.wait(Duration::from_secs(10)));
        drop(writer);
        let mut all = String::new();
        live.read_to_string(&mut all).unwrap();
        assert_eq!(all, "hello\n");
        assert!(live.wait(Duration::from_millis(1)));
    }
}
