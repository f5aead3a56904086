//! The flat event table as Apache Parquet (arrow-rs), for DuckDB, pandas, Spark and R.
//! Kept in the CLI crate: arrow and parquet are heavy to build, and nothing else needs them.

use anyhow::{Context, Result};
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use dyad_store::export::{flat_row, Cell, ColumnType, FLAT_COLUMNS};
use dyad_store::{EventFilter, Store};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::sync::Arc;

/// Rows per record batch (and so per row group at most).
const BATCH: usize = 8192;

fn schema() -> Arc<Schema> {
    Arc::new(Schema::new(
        FLAT_COLUMNS
            .iter()
            .map(|(name, t)| {
                let dt = match t {
                    ColumnType::Int => DataType::Int64,
                    ColumnType::Float => DataType::Float64,
                    ColumnType::Text => DataType::Utf8,
                };
                Field::new(*name, dt, true)
            })
            .collect::<Vec<_>>(),
    ))
}

fn batch(schema: &Arc<Schema>, rows: &[Vec<Cell>]) -> Result<RecordBatch> {
    let columns: Vec<ArrayRef> = FLAT_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (_, t))| -> ArrayRef {
            match t {
                ColumnType::Int => {
                    Arc::new(Int64Array::from_iter(rows.iter().map(|r| match &r[i] {
                        Cell::Int(v) => *v,
                        _ => None,
                    })))
                }
                ColumnType::Float => {
                    Arc::new(Float64Array::from_iter(rows.iter().map(|r| match &r[i] {
                        Cell::Float(v) => *v,
                        _ => None,
                    })))
                }
                ColumnType::Text => {
                    Arc::new(StringArray::from_iter(rows.iter().map(|r| match &r[i] {
                        Cell::Text(v) => v.clone(),
                        _ => None,
                    })))
                }
            }
        })
        .collect();
    RecordBatch::try_new(schema.clone(), columns).context("cannot build a Parquet record batch")
}

/// Writes every event matching `f`; returns how many.
pub fn write_parquet(store: &Store, f: &EventFilter, out: &mut (dyn Write + Send)) -> Result<u64> {
    let schema = schema();
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props))
        .context("cannot start the Parquet file")?;
    let mut rows: Vec<Vec<Cell>> = Vec::with_capacity(BATCH);
    let mut n = 0u64;
    let mut failed: Option<anyhow::Error> = None;
    store
        .for_each_event(f, |e| {
            rows.push(flat_row(e));
            n += 1;
            if rows.len() == BATCH {
                let written = batch(&schema, &rows)
                    .and_then(|b| writer.write(&b).context("cannot write Parquet rows"));
                rows.clear();
                if let Err(e) = written {
                    failed = Some(e);
                    return Err(dyad_store::StoreError::Invalid(
                        "Parquet write failed".into(),
                    ));
                }
            }
            Ok(())
        })
        .map_err(|e| match failed.take() {
            Some(f) => f,
            None => e.into(),
        })?;
    if !rows.is_empty() {
        writer
            .write(&batch(&schema, &rows)?)
            .context("cannot write Parquet rows")?;
    }
    writer.close().context("cannot finish the Parquet file")?;
    Ok(n)
}
