//! Typed errors of the extraction library.

use thiserror::Error;

/// Everything that can go wrong inside `dyad-core`. Extraction itself never fails on odd text:
/// only knowledge files can be malformed, and those errors name the file and line.
#[derive(Debug, Error)]
pub enum CoreError {
    /// A knowledge file has a line that does not fit its schema.
    #[error("{file}:{line}: {message}")]
    Knowledge {
        file: String,
        line: usize,
        message: String,
    },
    /// A knowledge file lacks a column the loader needs.
    #[error("{file}: missing column `{column}` in the header")]
    MissingColumn { file: String, column: String },
    /// A syntax model file that dyad cannot read.
    #[error("syntax model {file}: {message}")]
    Model { file: String, message: String },
}

pub type Result<T> = std::result::Result<T, CoreError>;
