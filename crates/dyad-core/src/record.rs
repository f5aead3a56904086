//! Output records of the records contract (`event`, `fact`, and dyad's own `document`).

use crate::actors::Actor;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub text: String,
    /// Code-point offsets into the document body.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    pub name: String,
    pub country: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecord {
    pub record: &'static str,
    pub doc: String,
    pub date: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub cameo: Option<String>,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    pub location: Option<Location>,
    pub evidence: Evidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    pub goldstein: Option<f64>,
    pub rule: String,
    pub confidence: f64,
    /// How many sentences of the document report this event.
    pub mentions: usize,
    #[serde(skip_serializing_if = "is_false")]
    pub negated: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub hypothetical: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factor: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub over_years: Option<f64>,
    pub qualifier: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRecord {
    pub record: &'static str,
    pub doc: String,
    pub date: Option<String>,
    pub kind: String,
    pub countries: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub value: f64,
    /// Upper bound when the report gives a range ("between 40 and 60").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    pub unit: String,
    pub qualifier: String,
    pub change: Option<Change>,
    pub claimant: Option<Actor>,
    pub evidence: Evidence,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRecord {
    pub record: &'static str,
    pub doc: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub dateline: Option<String>,
    pub sentences: usize,
    /// The text every evidence offset of this document points into.
    pub body: String,
}

/// Any record `dyad extract` writes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    Document(DocumentRecord),
    Event(EventRecord),
    Fact(FactRecord),
}
