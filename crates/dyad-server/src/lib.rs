//! dyad's HTTP server: a JSON API over the embedded store and the web dashboard that reads it.
//!
//! - [`router`] builds the whole application (API, OpenAPI description, embedded assets) for
//!   an [`App`]; tests drive it in memory, [`serve`] puts it on a socket.
//! - The API only reads unless the [`App`] was made writable: then `POST /api/documents`
//!   extracts and stores new documents.
//! - Every query runs on a blocking thread with a pooled read-only SQLite connection, so a
//!   slow aggregate never stalls the server's other requests.

pub mod api;
mod assets;
mod params;

use dyad_core::Extractor;
use dyad_store::Store;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use api::router;

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Store(#[from] dyad_store::StoreError),
    #[error("cannot listen on {addr}: {source} (is another server using that port? try --port)")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// Read connections kept open between requests; more are opened under load and closed after.
const POOL_SIZE: usize = 8;

/// The server's state: where the store is, the open read connections, and, when writes are
/// allowed, the extractor that turns posted documents into records.
pub struct App {
    db: PathBuf,
    pool: Mutex<Vec<Store>>,
    writer: Option<Writer>,
}

struct Writer {
    extractor: Arc<Extractor>,
    store: Mutex<Option<Store>>,
}

impl App {
    /// A read-only application over the store at `db`, which must exist.
    pub fn read_only(db: &Path) -> Result<App, ServerError> {
        // Opening once up front turns a missing or foreign file into an error at start-up
        // rather than at the first request.
        let first = Store::open_read_only(db)?;
        Ok(App {
            db: db.to_path_buf(),
            pool: Mutex::new(vec![first]),
            writer: None,
        })
    }

    /// An application that also accepts new documents, extracted with `extractor`; the store
    /// is created when missing.
    pub fn writable(db: &Path, extractor: Arc<Extractor>) -> Result<App, ServerError> {
        let store = Store::open(db)?;
        let mut app = App::read_only(db)?;
        app.writer = Some(Writer {
            extractor,
            store: Mutex::new(Some(store)),
        });
        Ok(app)
    }

    pub fn is_writable(&self) -> bool {
        self.writer.is_some()
    }

    /// Runs `f` with a read connection from the pool.
    fn read<T>(&self, f: impl FnOnce(&Store) -> dyad_store::Result<T>) -> dyad_store::Result<T> {
        let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
        let store = match pooled {
            Some(s) => s,
            None => Store::open_read_only(&self.db)?,
        };
        let out = f(&store);
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < POOL_SIZE {
                p.push(store);
            }
        }
        out
    }
}

/// Serves `app` on `listener` until Ctrl-C (or the future `shutdown` completes).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

/// Binds `addr` and serves `app` until Ctrl-C, calling `ready` with the bound address (the
/// port may have been 0) once requests can be made. Blocks the calling thread.
pub fn run(
    app: App,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr) + Send,
) -> Result<(), ServerError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        serve(listener, Arc::new(app), async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    })
}
