//! The HTTP routes: the JSON API under `/api`, its OpenAPI description, and the dashboard.

use crate::params::{self, EventParams, FactParams, FigureParams, SearchParams};
use crate::{assets, App};
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dyad_store::{content_hash, Ingested, Store};
use serde::Serialize;
use serde_json::{json, Value};
use std::sync::Arc;

/// An API failure: a status and a message the caller can act on, sent as `{"error": ...}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub fn bad(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl From<dyad_store::StoreError> for ApiError {
    fn from(e: dyad_store::StoreError) -> ApiError {
        eprintln!("dyad serve: {e}");
        ApiError::internal(e.to_string())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> ApiError {
        ApiError::bad(r.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> ApiError {
        ApiError::bad(r.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

type ApiResult = Result<Response, ApiError>;
type Shared = State<Arc<App>>;

/// The routes the API serves, as the OpenAPI file lists them (tested to agree).
pub const API_PATHS: &[&str] = &[
    "/api/summary",
    "/api/events",
    "/api/events/{id}",
    "/api/series",
    "/api/dyads",
    "/api/agreements",
    "/api/figures",
    "/api/facts",
    "/api/documents",
    "/api/documents/{doc}",
    "/api/actors",
    "/api/locations",
];

/// The whole application: API, OpenAPI description and dashboard.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/summary", get(summary))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/series", get(series))
        .route("/api/dyads", get(dyads))
        .route("/api/agreements", get(agreements))
        .route("/api/figures", get(figures))
        .route("/api/facts", get(facts))
        .route("/api/documents", get(documents).post(add_documents))
        .route("/api/documents/{*doc}", get(document))
        .route("/api/actors", get(actors))
        .route("/api/locations", get(locations))
        .route("/api/{*rest}", get(no_such_endpoint))
        .route("/openapi.json", get(openapi))
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::file))
        .fallback(assets::not_found)
        .with_state(app)
}

/// Runs a store read on a blocking thread and sends its result as JSON.
async fn read<T: Serialize + Send + 'static>(
    app: Arc<App>,
    f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> ApiResult {
    let out = tokio::task::spawn_blocking(move || {
        let mut inner = None;
        let r = app.read(|s| {
            inner = Some(f(s));
            Ok(())
        });
        match (r, inner) {
            (Err(e), _) => Err(ApiError::from(e)),
            (Ok(()), Some(v)) => v,
            (Ok(()), None) => Err(ApiError::internal("query did not run")),
        }
    })
    .await
    .map_err(|e| ApiError::internal(format!("query failed: {e}")))??;
    Ok(Json(out).into_response())
}

fn items(t: dyad_store::query::Table) -> Value {
    json!({ "items": t.objects() })
}

async fn summary(State(app): Shared) -> ApiResult {
    let writable = app.is_writable();
    read(app, move |s| {
        let counts = s.counts()?;
        let types = s.summary()?.objects();
        let first = types
            .iter()
            .filter_map(|t| t.get("first").and_then(Value::as_str))
            .min()
            .map(str::to_string);
        let last = types
            .iter()
            .filter_map(|t| t.get("last").and_then(Value::as_str))
            .max()
            .map(str::to_string);
        Ok(json!({
            "counts": counts,
            "types": types,
            "first": first,
            "last": last,
            "writable": writable,
        }))
    })
    .await
}

async fn events(State(app): Shared, q: Result<Query<EventParams>, QueryRejection>) -> ApiResult {
    let Query(p) = q?;
    let f = p.page(50)?;
    read(app, move |s| {
        let total = s.count_events(&f)?;
        let rows = s.events(&f)?;
        Ok(json!({
            "total": total,
            "limit": f.limit,
            "offset": f.offset,
            "items": rows,
        }))
    })
    .await
}

async fn event(State(app): Shared, id: Result<Path<String>, PathRejection>) -> ApiResult {
    let Path(id) = id?;
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad(format!("an event id is a whole number, got {id:?}")))?;
    read(app, move |s| {
        s.event(id)?
            .ok_or_else(|| ApiError::not_found(format!("no event {id} in the store")))
    })
    .await
}

async fn series(State(app): Shared, q: Result<Query<EventParams>, QueryRejection>) -> ApiResult {
    let Query(p) = q?;
    reject_paging(&p)?;
    let f = p.filter()?;
    let by = p.period()?;
    read(app, move |s| Ok(items(s.series(&f, by)?))).await
}

async fn dyads(State(app): Shared, q: Result<Query<EventParams>, QueryRejection>) -> ApiResult {
    let Query(p) = q?;
    let f = p.filter()?;
    let n = params::limit(&p.limit, 30, 200)?;
    read(app, move |s| Ok(items(s.top_dyads(&f, n)?))).await
}

async fn agreements(
    State(app): Shared,
    q: Result<Query<EventParams>, QueryRejection>,
) -> ApiResult {
    let Query(p) = q?;
    let mut f = p.filter()?;
    f.limit = Some(params::limit(&p.limit, 100, params::MAX_PAGE)?);
    read(app, move |s| {
        let mut t = s.agreements(&f)?;
        // Topics are stored as JSON text; callers want the list.
        if let Some(i) = t.columns.iter().position(|c| c == "topics") {
            for row in &mut t.rows {
                if let Some(Value::String(text)) = row.get(i) {
                    row[i] = serde_json::from_str(text).unwrap_or(Value::Null);
                }
            }
        }
        let n = f.limit.unwrap_or(params::MAX_PAGE) as usize;
        t.rows.truncate(n);
        Ok(items(t))
    })
    .await
}

async fn figures(State(app): Shared, q: Result<Query<FigureParams>, QueryRejection>) -> ApiResult {
    let Query(p) = q?;
    let dyad = params::dyad(&p.dyad)?;
    let actor = params::code(&p.actor, "actor")?;
    let kind = params::non_empty(&p.kind).map(str::to_lowercase);
    let (a, b) = match (dyad, actor) {
        (Some((a, b)), None) => (a, Some(b)),
        (None, Some(a)) => (a, None),
        _ => {
            return Err(ApiError::bad(
                "figures needs either dyad=A,B or actor=CODE (not both)",
            ))
        }
    };
    read(app, move |s| {
        Ok(items(s.figures(&a, b.as_deref(), kind.as_deref())?))
    })
    .await
}

async fn facts(State(app): Shared, q: Result<Query<FactParams>, QueryRejection>) -> ApiResult {
    let Query(p) = q?;
    let f = p.filter()?;
    read(app, move |s| {
        let total = s.count_facts(&f)?;
        let t = s.facts(&f)?;
        Ok(json!({
            "total": total,
            "limit": f.limit,
            "offset": f.offset,
            "items": t.objects(),
        }))
    })
    .await
}

async fn documents(
    State(app): Shared,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> ApiResult {
    let Query(p) = q?;
    let n = params::limit(&p.limit, 50, params::MAX_PAGE)?;
    let offset = params::offset(&p.offset)?;
    let text = params::non_empty(&p.q).map(str::to_string);
    read(app, move |s| {
        let total = s.count_documents(text.as_deref())?;
        let t = s.documents(text.as_deref(), n, offset)?;
        Ok(json!({ "total": total, "limit": n, "offset": offset, "items": t.objects() }))
    })
    .await
}

async fn document(State(app): Shared, doc: Result<Path<String>, PathRejection>) -> ApiResult {
    let Path(doc) = doc?;
    read(app, move |s| {
        s.document(&doc)?
            .ok_or_else(|| ApiError::not_found(format!("no document {doc:?} in the store")))
    })
    .await
}

async fn actors(State(app): Shared, q: Result<Query<SearchParams>, QueryRejection>) -> ApiResult {
    let Query(p) = q?;
    if params::non_empty(&p.offset).is_some() {
        return Err(ApiError::bad("actors does not page; narrow q instead"));
    }
    let text = match params::non_empty(&p.q) {
        Some(t) if t.chars().count() <= 100 => t.to_string(),
        Some(_) => return Err(ApiError::bad("q is longer than 100 characters")),
        None => {
            return Err(ApiError::bad(
                "q is required: part of an actor's code or name",
            ))
        }
    };
    let n = params::limit(&p.limit, 20, 100)?;
    read(app, move |s| Ok(items(s.actors(&text, n)?))).await
}

async fn locations(State(app): Shared, q: Result<Query<EventParams>, QueryRejection>) -> ApiResult {
    let Query(p) = q?;
    let f = p.filter()?;
    let n = params::limit(&p.limit, 500, 5000)?;
    read(app, move |s| Ok(items(s.locations(&f, n)?))).await
}

/// `POST /api/documents`: JSON Lines (one document per line, as `dyad ingest` reads them)
/// or one plain-text report; extracted and stored when the server is writable.
async fn add_documents(State(app): Shared, headers: HeaderMap, body: Bytes) -> ApiResult {
    let Some(writer) = app.writer.as_ref() else {
        return Err(ApiError {
            status: StatusCode::FORBIDDEN,
            message: "this server is read-only; start it with `dyad serve --writable` to add \
                      documents"
                .into(),
        });
    };
    let extractor = writer.extractor.clone();
    let is_text = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/plain"));
    let app2 = app.clone();
    let out = tokio::task::spawn_blocking(move || -> Result<Value, ApiError> {
        let format = if is_text {
            dyad_io::Format::Text
        } else {
            dyad_io::Format::JsonLines
        };
        let id = format!(
            "posted-{}",
            &content_hash(&String::from_utf8_lossy(&body))[..16]
        );
        let read = dyad_io::read_bytes("request body", &id, &body, format);
        let errors: Vec<String> = read.errors.iter().map(|e| e.to_string()).collect();
        if read.documents.is_empty() {
            return Err(ApiError::bad(format!(
                "no document in the request body: {}",
                if errors.is_empty() {
                    "send JSON Lines ({\"id\":..., \"text\":...} per line) or text/plain".into()
                } else {
                    errors.join("; ")
                }
            )));
        }
        let batch: Vec<Ingested> = read
            .documents
            .iter()
            .map(|d| Ingested::new(extractor.extract(d)))
            .collect();
        let writer = app2
            .writer
            .as_ref()
            .ok_or_else(|| ApiError::internal("no writer"))?;
        let mut guard = writer
            .store
            .lock()
            .map_err(|_| ApiError::internal("the store writer failed earlier; restart"))?;
        let store = guard
            .as_mut()
            .ok_or_else(|| ApiError::internal("the store writer is closed"))?;
        let o = store.ingest(&batch)?;
        Ok(json!({
            "stored": o.stored,
            "skipped": o.skipped,
            "events_new": o.events_new,
            "events_merged": o.events_merged,
            "facts": o.facts,
            "documents": read.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>(),
            "errors": errors,
        }))
    })
    .await
    .map_err(|e| ApiError::internal(format!("ingest failed: {e}")))??;
    Ok((StatusCode::CREATED, Json(out)).into_response())
}

async fn no_such_endpoint(Path(rest): Path<String>) -> ApiError {
    ApiError::not_found(format!(
        "no endpoint /api/{rest}; the endpoints are listed at /openapi.json"
    ))
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        assets::OPENAPI,
    )
        .into_response()
}

/// Paging parameters mean nothing to an aggregate; say so rather than ignore them.
fn reject_paging(p: &EventParams) -> Result<(), ApiError> {
    if params::non_empty(&p.limit).is_some() || params::non_empty(&p.offset).is_some() {
        return Err(ApiError::bad("series takes no limit or offset"));
    }
    Ok(())
}
