//! Helpers shared by the end-to-end tests (each test file is its own crate and uses a part).
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// The `dyad` binary built for these tests.
pub fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// A fresh scratch folder, named after the test file, `name` and the process.
pub fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "dyad-{}-{name}-{}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The standard output of a run that must succeed (its standard error shown if not).
pub fn stdout_ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}
