//! `dyad serve` and `dyad demo`: the dashboard and API over a store.

use anyhow::{Context, Result};
use clap::Args;
use dyad_core::Extractor;
use dyad_server::App;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the server listens.
#[derive(Args, Clone)]
pub struct NetArgs {
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Address to listen on. The default keeps the server to this machine; another address
    /// exposes the store to the network.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
}

/// The example reports compiled into the binary, so that `dyad demo` works from anywhere.
#[derive(rust_embed::Embed)]
#[folder = "../../examples/corpus/"]
struct Examples;

pub fn serve(db: &Path, net: &NetArgs, writer: Option<Arc<Extractor>>) -> Result<()> {
    let app = match writer {
        None => App::read_only(db).with_context(|| {
            format!(
                "cannot serve {}: create it with `dyad ingest --db {} PATH...`, or try `dyad demo`",
                db.display(),
                db.display()
            )
        })?,
        Some(ex) => App::writable(db, ex)
            .with_context(|| format!("cannot open or create the store {}", db.display()))?,
    };
    run(app, net, db)
}

fn run(app: App, net: &NetArgs, db: &Path) -> Result<()> {
    let writable = app.is_writable();
    let addr = SocketAddr::new(net.host, net.port);
    let shown = db.display().to_string();
    dyad_server::run(app, addr, move |bound| {
        let host = if bound.ip().is_unspecified() {
            "127.0.0.1".to_string()
        } else {
            bound.ip().to_string()
        };
        println!("dyad: serving {shown} at http://{host}:{}/", bound.port());
        eprintln!(
            "dyad: {}; API description at /openapi.json; Ctrl-C stops",
            if writable {
                "writable (POST /api/documents adds reports)"
            } else {
                "read-only"
            }
        );
        let _ = std::io::stdout().flush();
    })
    .with_context(|| format!("the server on {addr} stopped"))
}

pub fn demo(
    runner: &crate::runner::Runner,
    read: &crate::gate::ReadArgs,
    net: &NetArgs,
    paths: &[PathBuf],
    synthetic: usize,
    keep: Option<&Path>,
) -> Result<()> {
    let dir = tempfile::tempdir().context("cannot create a temporary folder for the demo")?;
    let db = keep
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dir.path().join("demo.db"));
    let mut inputs: Vec<PathBuf> = paths.to_vec();
    if inputs.is_empty() {
        let corpus = dir.path().join("examples");
        std::fs::create_dir_all(&corpus)?;
        for name in Examples::iter() {
            if let Some(file) = Examples::get(&name) {
                std::fs::write(corpus.join(name.as_ref()), file.data.as_ref())
                    .with_context(|| format!("cannot write the example {name}"))?;
            }
        }
        inputs.push(corpus);
    }
    if synthetic > 0 {
        let path = dir.path().join("synthetic.jsonl");
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for d in crate::corpus::generate(runner.extractor().knowledge(), synthetic, 1, 16) {
            serde_json::to_writer(&mut out, &d)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        inputs.push(path);
    }
    crate::store_cmds::ingest(runner, read, &inputs, &db, 256)?;
    let app = App::read_only(&db)?;
    run(app, net, &db)
}
