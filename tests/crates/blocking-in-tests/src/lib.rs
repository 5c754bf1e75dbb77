//! A library whose async code does not block; its unit tests do.

use std::time::Duration;

/// Waits without blocking: the future is handed to whoever polls it.
pub async fn pause(d: Duration) -> Duration {
    d
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    async fn slow() {
        std::thread::sleep(Duration::from_millis(1));
    }

    #[test]
    fn makes_a_future() {
        drop(slow());
    }
}
