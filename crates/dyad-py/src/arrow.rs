//! The flat, typed Arrow tables of `extract_arrow` (events, facts, documents), and their
//! export to pyarrow through the Arrow PyCapsule interface (`__arrow_c_array__`), so the
//! columns cross into Python without a copy and without a pinned pyarrow version.

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{ArrowError, Field, Schema};
use chrono::NaiveDate;
use dyad_core::record::Evidence;
use dyad_core::{Actor, Extraction};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use std::sync::Arc;

/// One record batch, handed to pyarrow with `pyarrow.record_batch(obj)`.
#[pyclass(frozen, module = "dyad._dyad")]
pub struct ArrowBatch {
    batch: RecordBatch,
}

#[pymethods]
impl ArrowBatch {
    /// The Arrow PyCapsule protocol: (schema capsule, array capsule) of a struct array whose
    /// fields are the columns. A requested schema is ignored (the caller casts if it must).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let data = StructArray::from(self.batch.clone()).into_data();
        let schema = FFI_ArrowSchema::try_from(data.data_type())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let array = FFI_ArrowArray::new(&data);
        // The consumer moves each struct out and marks it released; the capsules' destructors
        // drop what is left, which releases only what was never taken.
        Ok((
            PyCapsule::new_with_value(py, schema, c"arrow_schema")?,
            PyCapsule::new_with_value(py, array, c"arrow_array")?,
        ))
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }
}

/// Days since 1970-01-01 of a record's `YYYY-MM-DD` date.
fn days(date: Option<&str>) -> Option<i32> {
    let d = NaiveDate::parse_from_str(date?, "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(d.signed_duration_since(epoch).num_days()).ok()
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The four columns of an actor (`text`, `code`, `sector`, `name`) under a prefix.
#[derive(Default)]
struct ActorCols {
    text: StringBuilder,
    code: StringBuilder,
    sector: StringBuilder,
    name: StringBuilder,
}

impl ActorCols {
    fn push(&mut self, a: Option<&Actor>) {
        self.text.append_option(a.map(|a| a.text.as_str()));
        self.code.append_option(a.and_then(|a| a.code.as_deref()));
        self.sector
            .append_option(a.and_then(|a| a.sector.as_deref()));
        self.name.append_option(a.and_then(|a| a.name.as_deref()));
    }
    fn finish(&mut self, prefix: &str, cols: &mut Cols) {
        cols.string(&format!("{prefix}_text"), &mut self.text);
        cols.string(&format!("{prefix}_code"), &mut self.code);
        cols.string(&format!("{prefix}_sector"), &mut self.sector);
        cols.string(&format!("{prefix}_name"), &mut self.name);
    }
}

#[derive(Default)]
struct EvidenceCols {
    text: StringBuilder,
    start: Int64Builder,
    end: Int64Builder,
}

impl EvidenceCols {
    fn push(&mut self, e: &Evidence) {
        self.text.append_value(&e.text);
        self.start.append_value(int(e.start));
        self.end.append_value(int(e.end));
    }
    fn finish(&mut self, cols: &mut Cols) {
        cols.string("evidence_text", &mut self.text);
        cols.push("evidence_start", Arc::new(self.start.finish()));
        cols.push("evidence_end", Arc::new(self.end.finish()));
    }
}

/// Named columns in order, turned into a record batch (every column nullable).
#[derive(Default)]
struct Cols(Vec<(String, ArrayRef)>);

impl Cols {
    fn push(&mut self, name: &str, a: ArrayRef) {
        self.0.push((name.to_string(), a));
    }
    fn string(&mut self, name: &str, b: &mut StringBuilder) {
        self.push(name, Arc::new(b.finish()));
    }
    fn batch(self) -> Result<RecordBatch, ArrowError> {
        let fields: Vec<Field> = self
            .0
            .iter()
            .map(|(n, a)| Field::new(n, a.data_type().clone(), true))
            .collect();
        let arrays = self.0.into_iter().map(|(_, a)| a).collect();
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
    }
}

fn strings(list: &mut ListBuilder<StringBuilder>, v: &[String]) {
    for s in v {
        list.values().append_value(s);
    }
    list.append(true);
}

fn events(xs: &[Extraction]) -> Result<RecordBatch, ArrowError> {
    let mut doc = StringBuilder::new();
    let mut date = Date32Builder::new();
    let mut kind = StringBuilder::new();
    let mut mode = StringBuilder::new();
    let mut cameo = StringBuilder::new();
    let mut source = ActorCols::default();
    let mut target = ActorCols::default();
    let mut loc_name = StringBuilder::new();
    let mut loc_country = StringBuilder::new();
    let mut lat = Float64Builder::new();
    let mut lon = Float64Builder::new();
    let mut evidence = EvidenceCols::default();
    let mut count = Int64Builder::new();
    let mut topics = ListBuilder::new(StringBuilder::new());
    let mut context = ListBuilder::new(StringBuilder::new());
    let mut goldstein = Float64Builder::new();
    let mut rule = StringBuilder::new();
    let mut confidence = Float64Builder::new();
    let mut mentions = Int64Builder::new();
    let mut negated = BooleanBuilder::new();
    let mut hypothetical = BooleanBuilder::new();
    for e in xs.iter().flat_map(|x| &x.events) {
        doc.append_value(&e.doc);
        date.append_option(days(e.date.as_deref()));
        kind.append_value(&e.kind);
        mode.append_option(e.mode.as_deref());
        cameo.append_option(e.cameo.as_deref());
        source.push(e.source.as_ref());
        target.push(e.target.as_ref());
        let l = e.location.as_ref();
        loc_name.append_option(l.map(|l| l.name.as_str()));
        loc_country.append_option(l.map(|l| l.country.as_str()));
        lat.append_option(l.and_then(|l| l.lat));
        lon.append_option(l.and_then(|l| l.lon));
        evidence.push(&e.evidence);
        count.append_option(e.count.map(|c| i64::try_from(c).unwrap_or(i64::MAX)));
        strings(&mut topics, &e.topics);
        strings(&mut context, &e.context);
        goldstein.append_option(e.goldstein);
        rule.append_value(&e.rule);
        confidence.append_value(e.confidence);
        mentions.append_value(int(e.mentions));
        negated.append_value(e.negated);
        hypothetical.append_value(e.hypothetical);
    }
    let mut c = Cols::default();
    c.string("doc", &mut doc);
    c.push("date", Arc::new(date.finish()));
    c.string("type", &mut kind);
    c.string("mode", &mut mode);
    c.string("cameo", &mut cameo);
    source.finish("source", &mut c);
    target.finish("target", &mut c);
    c.string("location_name", &mut loc_name);
    c.string("location_country", &mut loc_country);
    c.push("location_lat", Arc::new(lat.finish()));
    c.push("location_lon", Arc::new(lon.finish()));
    evidence.finish(&mut c);
    c.push("count", Arc::new(count.finish()));
    c.push("topics", Arc::new(topics.finish()));
    c.push("context", Arc::new(context.finish()));
    c.push("goldstein", Arc::new(goldstein.finish()));
    c.string("rule", &mut rule);
    c.push("confidence", Arc::new(confidence.finish()));
    c.push("mentions", Arc::new(mentions.finish()));
    c.push("negated", Arc::new(negated.finish()));
    c.push("hypothetical", Arc::new(hypothetical.finish()));
    c.batch()
}

fn facts(xs: &[Extraction]) -> Result<RecordBatch, ArrowError> {
    let mut doc = StringBuilder::new();
    let mut date = Date32Builder::new();
    let mut kind = StringBuilder::new();
    let mut countries = ListBuilder::new(StringBuilder::new());
    let mut from = StringBuilder::new();
    let mut to = StringBuilder::new();
    let mut value = Float64Builder::new();
    let mut value_max = Float64Builder::new();
    let mut unit = StringBuilder::new();
    let mut qualifier = StringBuilder::new();
    let mut factor = Float64Builder::new();
    let mut percent = Float64Builder::new();
    let mut over_years = Float64Builder::new();
    let mut change_q = StringBuilder::new();
    let mut claimant = ActorCols::default();
    let mut evidence = EvidenceCols::default();
    let mut rule = StringBuilder::new();
    for f in xs.iter().flat_map(|x| &x.facts) {
        doc.append_value(&f.doc);
        date.append_option(days(f.date.as_deref()));
        kind.append_value(&f.kind);
        strings(&mut countries, &f.countries);
        from.append_option(f.from.as_deref());
        to.append_option(f.to.as_deref());
        value.append_value(f.value);
        value_max.append_option(f.value_max);
        unit.append_value(&f.unit);
        qualifier.append_value(&f.qualifier);
        let ch = f.change.as_ref();
        factor.append_option(ch.and_then(|c| c.factor));
        percent.append_option(ch.and_then(|c| c.percent));
        over_years.append_option(ch.and_then(|c| c.over_years));
        change_q.append_option(ch.map(|c| c.qualifier.as_str()));
        claimant.push(f.claimant.as_ref());
        evidence.push(&f.evidence);
        rule.append_value(&f.rule);
    }
    let mut c = Cols::default();
    c.string("doc", &mut doc);
    c.push("date", Arc::new(date.finish()));
    c.string("kind", &mut kind);
    c.push("countries", Arc::new(countries.finish()));
    c.string("from", &mut from);
    c.string("to", &mut to);
    c.push("value", Arc::new(value.finish()));
    c.push("value_max", Arc::new(value_max.finish()));
    c.string("unit", &mut unit);
    c.string("qualifier", &mut qualifier);
    c.push("change_factor", Arc::new(factor.finish()));
    c.push("change_percent", Arc::new(percent.finish()));
    c.push("change_over_years", Arc::new(over_years.finish()));
    c.string("change_qualifier", &mut change_q);
    claimant.finish("claimant", &mut c);
    evidence.finish(&mut c);
    c.string("rule", &mut rule);
    c.batch()
}

fn documents(xs: &[Extraction], bodies: bool) -> Result<RecordBatch, ArrowError> {
    let mut doc = StringBuilder::new();
    let mut date = Date32Builder::new();
    let mut title = StringBuilder::new();
    let mut url = StringBuilder::new();
    let mut source = StringBuilder::new();
    let mut dateline = StringBuilder::new();
    let mut sentences = Int64Builder::new();
    let mut n_events = Int64Builder::new();
    let mut n_facts = Int64Builder::new();
    let mut body = StringBuilder::new();
    for x in xs {
        let d = &x.document;
        doc.append_value(&d.doc);
        date.append_option(days(d.date.as_deref()));
        title.append_option(d.title.as_deref());
        url.append_option(d.url.as_deref());
        source.append_option(d.source.as_deref());
        dateline.append_option(d.dateline.as_deref());
        sentences.append_value(int(d.sentences));
        n_events.append_value(int(x.events.len()));
        n_facts.append_value(int(x.facts.len()));
        // Without bodies the column is kept (all null) so the schema never changes.
        body.append_option(bodies.then_some(d.body.as_str()));
    }
    let mut c = Cols::default();
    c.string("doc", &mut doc);
    c.push("date", Arc::new(date.finish()));
    c.string("title", &mut title);
    c.string("url", &mut url);
    c.string("source", &mut source);
    c.string("dateline", &mut dateline);
    c.push("sentences", Arc::new(sentences.finish()));
    c.push("events", Arc::new(n_events.finish()));
    c.push("facts", Arc::new(n_facts.finish()));
    c.string("body", &mut body);
    c.batch()
}

/// The events, facts and documents record batches of some extractions.
pub type Tables = (ArrowBatch, ArrowBatch, ArrowBatch);

/// The events, facts and documents tables of a batch of extractions.
pub fn tables(xs: &[Extraction], bodies: bool) -> Result<Tables, ArrowError> {
    Ok((
        ArrowBatch { batch: events(xs)? },
        ArrowBatch { batch: facts(xs)? },
        ArrowBatch {
            batch: documents(xs, bodies)?,
        },
    ))
}
