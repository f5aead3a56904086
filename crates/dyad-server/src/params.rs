//! Query-string parameters: parsed strictly, so a typo or a bad value is a 400 that says
//! what was expected instead of a silently unfiltered answer.

use crate::api::ApiError;
use dyad_core::knowledge::PLOVER_TYPES;
use dyad_store::query::Period;
use dyad_store::{EventFilter, FactFilter};
use serde::Deserialize;

/// The largest page any list endpoint returns.
pub const MAX_PAGE: u64 = 500;
/// Deeper pages than this are refused: page with `after` or export instead.
pub const MAX_OFFSET: u64 = 1_000_000;

/// Filters shared by the event endpoints.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventParams {
    pub actor: Option<String>,
    pub dyad: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub country: Option<String>,
    pub text: Option<String>,
    pub flagged: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub order: Option<String>,
    pub by: Option<String>,
}

impl EventParams {
    /// The store filter these parameters ask for, without paging.
    pub fn filter(&self) -> Result<EventFilter, ApiError> {
        let kind = match non_empty(&self.kind) {
            None => None,
            Some(k) => {
                let k = k.to_uppercase();
                if !PLOVER_TYPES.contains(&k.as_str()) {
                    return Err(ApiError::bad(format!(
                        "type must be a PLOVER event type ({}), got {k:?}",
                        PLOVER_TYPES.join(", ")
                    )));
                }
                Some(k)
            }
        };
        let actor = non_empty(&self.actor).map(|a| a.to_string());
        if let Some(a) = &actor {
            if a.chars().count() > 100 {
                return Err(ApiError::bad("actor is longer than 100 characters"));
            }
        }
        Ok(EventFilter {
            actor,
            dyad: dyad(&self.dyad)?,
            kind,
            from: date(&self.from, "from")?,
            to: date(&self.to, "to")?,
            country: code(&self.country, "country")?,
            text: non_empty(&self.text).map(|t| t.to_string()),
            flagged: boolean(&self.flagged, "flagged")?,
            ..Default::default()
        })
    }

    /// The filter with this page's limit, offset and order.
    pub fn page(&self, default: u64) -> Result<EventFilter, ApiError> {
        let mut f = self.filter()?;
        f.limit = Some(limit(&self.limit, default, MAX_PAGE)?);
        f.offset = offset(&self.offset)?;
        f.newest_first = match non_empty(&self.order) {
            None | Some("newest") => true,
            Some("oldest") => false,
            Some(o) => {
                return Err(ApiError::bad(format!(
                    "order must be newest or oldest, got {o:?}"
                )))
            }
        };
        Ok(f)
    }

    pub fn period(&self) -> Result<Period, ApiError> {
        match non_empty(&self.by) {
            None => Ok(Period::Month),
            Some(b) => Period::parse(b).ok_or_else(|| {
                ApiError::bad(format!("by must be day, week, month or year, got {b:?}"))
            }),
        }
    }
}

/// Parameters of `/api/facts`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactParams {
    pub kind: Option<String>,
    pub country: Option<String>,
    pub dyad: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
}

impl FactParams {
    pub fn filter(&self) -> Result<FactFilter, ApiError> {
        let kind = non_empty(&self.kind).map(|k| k.to_lowercase());
        if let Some(k) = &kind {
            if k.len() > 40 || !k.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return Err(ApiError::bad(format!(
                    "kind must be a fact kind such as trade or investment, got {k:?}"
                )));
            }
        }
        Ok(FactFilter {
            kind,
            country: code(&self.country, "country")?,
            dyad: dyad(&self.dyad)?,
            from: date(&self.from, "from")?,
            to: date(&self.to, "to")?,
            limit: Some(limit(&self.limit, 50, MAX_PAGE)?),
            offset: offset(&self.offset)?,
        })
    }
}

/// Parameters of `/api/figures`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureParams {
    pub dyad: Option<String>,
    pub actor: Option<String>,
    pub kind: Option<String>,
}

/// Parameters of the searches (`/api/actors`, `/api/documents`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    pub q: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
}

pub fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub fn limit(v: &Option<String>, default: u64, max: u64) -> Result<u64, ApiError> {
    match non_empty(v) {
        None => Ok(default),
        Some(s) => match s.parse::<u64>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad(format!(
                "limit must be a whole number from 1 to {max}, got {s:?}"
            ))),
        },
    }
}

pub fn offset(v: &Option<String>) -> Result<u64, ApiError> {
    match non_empty(v) {
        None => Ok(0),
        Some(s) => match s.parse::<u64>() {
            Ok(n) if n <= MAX_OFFSET => Ok(n),
            _ => Err(ApiError::bad(format!(
                "offset must be a whole number from 0 to {MAX_OFFSET}, got {s:?}"
            ))),
        },
    }
}

fn boolean(v: &Option<String>, name: &str) -> Result<bool, ApiError> {
    match non_empty(v) {
        None | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") => Ok(true),
        Some(s) => Err(ApiError::bad(format!(
            "{name} must be true or false, got {s:?}"
        ))),
    }
}

fn date(v: &Option<String>, name: &str) -> Result<Option<String>, ApiError> {
    match non_empty(v) {
        None => Ok(None),
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|_| Some(d.to_string()))
            .map_err(|_| ApiError::bad(format!("{name} must be a date YYYY-MM-DD, got {d:?}"))),
    }
}

/// An actor or country code: letters and digits, as the knowledge files write them.
pub fn code(v: &Option<String>, name: &str) -> Result<Option<String>, ApiError> {
    match non_empty(v) {
        None => Ok(None),
        Some(c) if is_code(c) => Ok(Some(c.to_uppercase())),
        Some(c) => Err(ApiError::bad(format!(
            "{name} must be a code such as KAZ or UN, got {c:?}"
        ))),
    }
}

fn is_code(c: &str) -> bool {
    (2..=12).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_alphanumeric())
}

pub fn dyad(v: &Option<String>) -> Result<Option<(String, String)>, ApiError> {
    match non_empty(v) {
        None => Ok(None),
        Some(d) => match d.split_once(',') {
            Some((a, b)) if is_code(a.trim()) && is_code(b.trim()) => {
                Ok(Some((a.trim().to_uppercase(), b.trim().to_uppercase())))
            }
            _ => Err(ApiError::bad(format!(
                "dyad must be two actor codes separated by a comma, such as KAZ,TKM, got {d:?}"
            ))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn limits_are_bounded_and_default_when_absent() {
        assert_eq!(limit(&None, 50, 500).ok(), Some(50));
        assert_eq!(limit(&some("500"), 50, 500).ok(), Some(500));
        assert!(limit(&some("501"), 50, 500).is_err());
        assert!(limit(&some("0"), 50, 500).is_err());
        assert!(limit(&some("-3"), 50, 500).is_err());
        assert!(offset(&some("1000001")).is_err());
    }

    #[test]
    fn a_dyad_needs_two_codes_and_is_upper_cased() {
        assert_eq!(
            dyad(&some("kaz, tkm")).ok().flatten(),
            Some(("KAZ".to_string(), "TKM".to_string()))
        );
        assert!(dyad(&some("KAZ")).is_err());
        assert!(dyad(&some("KAZ,")).is_err());
        assert!(dyad(&some("KAZ,T M")).is_err());
    }

    #[test]
    fn event_filters_check_type_and_dates() {
        let p = EventParams {
            kind: some("consult"),
            from: some("2025-11-01"),
            ..Default::default()
        };
        let f = p.filter().ok();
        assert_eq!(f.as_ref().and_then(|f| f.kind.clone()), some("CONSULT"));
        let bad_type = EventParams {
            kind: some("HUG"),
            ..Default::default()
        };
        assert!(bad_type.filter().is_err());
        let bad_date = EventParams {
            to: some("2025-13-01"),
            ..Default::default()
        };
        assert!(bad_date.filter().is_err());
        let bad_order = EventParams {
            order: some("sideways"),
            ..Default::default()
        };
        assert!(bad_order.page(50).is_err());
    }
}
