//! `dyad train-syntax` and `dyad parse`: the syntax model's training and its CoNLL-U output.

use anyhow::{bail, Context, Result};
use dyad_core::syntax::conllu::{self, Analysed};
use dyad_core::syntax::train::{self, Options};
use dyad_core::syntax::{ModelInfo, Scores, Syntax};
use dyad_core::text::{sentences, tokenize, Normalized, Span};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The licence and attribution a model trained on UD English carries.
const LICENCE: &str = "CC BY-SA 4.0; trained on Universal Dependencies treebanks \
(see crates/dyad-core/data/syntax/LICENSE)";

fn read_text(path: &Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut buf = String::new();
        std::io::stdin()
            .read_to_string(&mut buf)
            .context("cannot read standard input")?;
        return Ok(buf);
    }
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Read a CoNLL-U file, reporting (and skipping) malformed sentences with their line.
fn read_conllu(path: &Path) -> Result<Vec<conllu::Sentence>> {
    let text = read_text(path)?;
    let (sents, errors) = conllu::read(&text);
    for e in &errors {
        eprintln!(
            "dyad: {}:{}: {}; sentence skipped",
            path.display(),
            e.line,
            e.message
        );
    }
    Ok(sents)
}

/// The model to use: a file, or the built-in one.
pub fn load_model(path: Option<&Path>) -> Result<Syntax> {
    match path {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("cannot read model {}", p.display()))?;
            Syntax::from_bytes(&p.display().to_string(), &bytes)
                .context("the syntax model is unusable; retrain it with `dyad train-syntax`")
        }
        None => Ok(Syntax::builtin()
            .context("the built-in syntax model failed to load (a bug: please report it)")?
            .clone()),
    }
}

fn print_scores(label: &str, s: &Scores) {
    eprintln!(
        "dyad: {label}: {} sentences, {} words: UPOS {:.4}  UAS {:.4}  LAS {:.4}  lemmas {:.4}",
        s.sentences, s.words, s.upos, s.uas, s.las, s.lemma
    );
}

pub struct TrainArgs<'a> {
    pub train: &'a [PathBuf],
    pub dev: Option<&'a Path>,
    pub hold_out: usize,
    /// Instead of writing a model: train this many times, each holding out another slice, and
    /// report each slice's scores and their mean.
    pub cross_validate: usize,
    pub output: &'a Path,
    pub opts: Options,
}

/// Train on the given treebanks, holding out every `hold_out`-th sentence, and write the model.
pub fn train_syntax(a: TrainArgs<'_>) -> Result<()> {
    let mut all = Vec::new();
    let mut sources = Vec::new();
    // Which file each sentence came from, to score the held-out slice of each.
    let mut origin: Vec<usize> = Vec::new();
    for (fi, p) in a.train.iter().enumerate() {
        let sents = read_conllu(p)?;
        eprintln!("dyad: {}: {} sentences", p.display(), sents.len());
        origin.extend(std::iter::repeat_n(fi, sents.len()));
        sources.push(
            p.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("?")
                .to_string(),
        );
        all.extend(sents);
    }
    if all.is_empty() {
        bail!("no annotated sentence in the training files");
    }
    if a.cross_validate > 1 {
        return cross_validate(&all, sources, a.cross_validate, &a.opts);
    }
    let (mut training, mut held) = (Vec::new(), Vec::new());
    let mut held_origin = Vec::new();
    for (i, s) in all.into_iter().enumerate() {
        if a.hold_out > 0 && i % a.hold_out == a.hold_out - 1 {
            held.push(s);
            held_origin.push(origin[i]);
        } else {
            training.push(s);
        }
    }
    let started = std::time::Instant::now();
    let mut model = train::train(&training, sources, &a.opts)
        .context("training failed (a knowledge file is invalid)")?;
    eprintln!(
        "dyad: trained on {} sentences in {:.1} s",
        training.len(),
        started.elapsed().as_secs_f64()
    );
    for (name, (f, w)) in ["tagger", "transitions", "relations"]
        .iter()
        .zip(model.sizes())
    {
        eprintln!("dyad: {name}: {f} features, {w} weights");
    }
    let held_out = (!held.is_empty()).then(|| train::evaluate(&model, &held));
    if let Some(s) = &held_out {
        print_scores(&format!("held out (every {}th sentence)", a.hold_out), s);
        if a.train.len() > 1 {
            for (fi, p) in a.train.iter().enumerate() {
                let part: Vec<conllu::Sentence> = held
                    .iter()
                    .zip(&held_origin)
                    .filter(|(_, &o)| o == fi)
                    .map(|(s, _)| s.clone())
                    .collect();
                if !part.is_empty() {
                    print_scores(
                        &format!("  of which {}", p.display()),
                        &train::evaluate(&model, &part),
                    );
                }
            }
        }
    }
    if let Some(dev) = a.dev {
        let sents = read_conllu(dev)?;
        print_scores(&dev.display().to_string(), &train::evaluate(&model, &sents));
    }
    let info = ModelInfo {
        held_out,
        licence: LICENCE.to_string(),
        ..model.info().clone()
    };
    model.set_info(info);
    std::fs::write(a.output, model.to_bytes())
        .with_context(|| format!("cannot write the model to {}", a.output.display()))?;
    eprintln!("dyad: model written to {}", a.output.display());
    Ok(())
}

/// Parse plain text (sentences and tokens found by dyad) or CoNLL-U (its tokenisation kept),
/// writing CoNLL-U; with `score`, also compare with the input's own annotation.
pub fn parse(model: &Syntax, path: &Path, input_conllu: bool, score: bool) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut buf = String::new();
    if input_conllu {
        let sents = read_conllu(path)?;
        for s in &sents {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let a = model.analyse(&forms);
            let words: Vec<Analysed> = s
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| Analysed {
                    form: &w.form,
                    lemma: &a.lemmas[i],
                    upos: a.upos[i],
                    head: a.heads[i],
                    dep: a.deps[i],
                    misc: &w.misc,
                })
                .collect();
            buf.clear();
            conllu::write_sentence(&mut buf, &words, &s.kept);
            out.write_all(buf.as_bytes())?;
        }
        out.flush()?;
        if score {
            print_scores(&path.display().to_string(), &train::evaluate(model, &sents));
        }
        return Ok(());
    }
    if score {
        bail!("--score needs CoNLL-U input with its own annotation (add --conllu)");
    }
    let text = read_text(path)?;
    for (n, sent) in sentences(&text).into_iter().enumerate() {
        let raw = &text[sent.start..sent.end];
        let norm = Normalized::new(raw);
        let spans: Vec<Span> = tokenize(&norm)
            .iter()
            .map(|t| norm.original(t.span))
            .collect();
        if spans.is_empty() {
            continue;
        }
        let forms: Vec<&str> = spans.iter().map(|s| &raw[s.start..s.end]).collect();
        let a = model.analyse(&forms);
        let misc: Vec<&str> = spans
            .iter()
            .enumerate()
            .map(|(i, s)| match spans.get(i + 1) {
                Some(next) if next.start == s.end => "SpaceAfter=No",
                _ => "_",
            })
            .collect();
        let words: Vec<Analysed> = forms
            .iter()
            .enumerate()
            .map(|(i, f)| Analysed {
                form: f,
                lemma: &a.lemmas[i],
                upos: a.upos[i],
                head: a.heads[i],
                dep: a.deps[i],
                misc: misc[i],
            })
            .collect();
        let kept = vec![
            conllu::Kept {
                before_word: 0,
                line: format!("# sent_id = {}", n + 1),
            },
            conllu::Kept {
                before_word: 0,
                line: format!(
                    "# text = {}",
                    raw.split_whitespace().collect::<Vec<_>>().join(" ")
                ),
            },
        ];
        buf.clear();
        conllu::write_sentence(&mut buf, &words, &kept);
        out.write_all(buf.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// Train `k` models, each without one k-th of the sentences, and score each on its slice.
fn cross_validate(
    all: &[conllu::Sentence],
    sources: Vec<String>,
    k: usize,
    opts: &Options,
) -> Result<()> {
    let mut sum = Scores::default();
    for fold in 0..k {
        let (mut training, mut held) = (Vec::new(), Vec::new());
        for (i, s) in all.iter().enumerate() {
            if i % k == fold {
                held.push(s.clone());
            } else {
                training.push(s.clone());
            }
        }
        let model = train::train(&training, sources.clone(), opts)
            .context("training failed (a knowledge file is invalid)")?;
        let s = train::evaluate(&model, &held);
        print_scores(&format!("fold {}/{k}", fold + 1), &s);
        sum.sentences += s.sentences;
        sum.words += s.words;
        sum.upos += s.upos / k as f64;
        sum.uas += s.uas / k as f64;
        sum.las += s.las / k as f64;
        sum.lemma += s.lemma / k as f64;
    }
    print_scores("mean", &sum);
    Ok(())
}
