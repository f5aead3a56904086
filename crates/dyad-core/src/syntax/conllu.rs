//! CoNLL-U, the file format of Universal Dependencies: reading treebanks (for training and for
//! measuring the parser) and writing dyad's own analyses.
//!
//! A sentence is a block of lines ended by a blank line. Word lines have ten tab-separated
//! columns; multiword-token lines (`3-4`) and comments are kept so they can be written back;
//! empty nodes (`8.1`, enhanced graphs only) are not words of the basic tree and are dropped.
//! A malformed line makes its whole sentence unusable: it is reported with its line number and
//! the reader goes on with the next sentence.

use super::tags::{Dep, Upos};
use std::fmt::Write as _;

/// One word line.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    /// `None` when the column is `_`.
    pub upos: Option<Upos>,
    /// 0 is the root; `None` when the column is `_`.
    pub head: Option<usize>,
    pub dep: Option<Dep>,
    /// The relation as written (with a subtype `Dep` may not know).
    pub deprel: String,
    pub misc: String,
}

/// A line that is not a word but is written back in place: a comment or a multiword token,
/// kept with the index of the word it precedes.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub before_word: usize,
    pub line: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sentence {
    pub words: Vec<Word>,
    pub kept: Vec<Kept>,
    /// Line number (1-based) of the sentence's first line.
    pub line: usize,
}

impl Sentence {
    /// Does every word carry a tag, a head and a relation (a gold tree to train or score on)?
    pub fn is_annotated(&self) -> bool {
        self.words
            .iter()
            .all(|w| w.upos.is_some() && w.head.is_some() && w.dep.is_some())
    }
}

/// A problem found while reading, with its 1-based line number.
#[derive(Debug, Clone, PartialEq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// Read every sentence of a CoNLL-U text. Sentences with a malformed line are skipped and
/// their first error returned.
pub fn read(text: &str) -> (Vec<Sentence>, Vec<LineError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut cur = Sentence::default();
    let mut bad: Option<LineError> = None;
    let mut finish = |cur: &mut Sentence, bad: &mut Option<LineError>| {
        let s = std::mem::take(cur);
        match bad.take() {
            Some(e) => errors.push(e),
            None if !s.words.is_empty() => out.push(s),
            None => {}
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut cur, &mut bad);
            continue;
        }
        if cur.words.is_empty() && cur.kept.is_empty() {
            cur.line = n;
        }
        if line.starts_with('#') {
            cur.kept.push(Kept {
                before_word: cur.words.len(),
                line: line.to_string(),
            });
            continue;
        }
        if bad.is_some() {
            continue;
        }
        match parse_line(line, cur.words.len()) {
            Ok(Parsed::Word(w)) => cur.words.push(w),
            Ok(Parsed::Multiword) => cur.kept.push(Kept {
                before_word: cur.words.len(),
                line: line.to_string(),
            }),
            Ok(Parsed::Empty) => {}
            Err(message) => bad = Some(LineError { line: n, message }),
        }
    }
    finish(&mut cur, &mut bad);
    // Heads must point inside the sentence.
    let mut checked = Vec::with_capacity(out.len());
    for s in out {
        let n = s.words.len();
        match s.words.iter().position(|w| w.head.is_some_and(|h| h > n)) {
            Some(i) => errors.push(LineError {
                line: s.line,
                message: format!("word {} has a head outside its sentence", i + 1),
            }),
            None => checked.push(s),
        }
    }
    errors.sort_by_key(|e| e.line);
    (checked, errors)
}

enum Parsed {
    Word(Word),
    Multiword,
    Empty,
}

fn parse_line(line: &str, words_so_far: usize) -> Result<Parsed, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let id = cols[0];
    if id.contains('-') {
        return Ok(Parsed::Multiword);
    }
    if id.contains('.') {
        return Ok(Parsed::Empty);
    }
    let id: usize = id
        .parse()
        .map_err(|_| format!("the ID column `{id}` is not a number"))?;
    if id != words_so_far + 1 {
        return Err(format!(
            "word ID {id} out of order (expected {})",
            words_so_far + 1
        ));
    }
    let upos = match cols[3] {
        "_" => None,
        t => Some(Upos::parse(t).ok_or_else(|| format!("unknown UPOS tag `{t}`"))?),
    };
    let head = match cols[6] {
        "_" => None,
        h => Some(
            h.parse::<usize>()
                .map_err(|_| format!("the HEAD column `{h}` is not a number"))?,
        ),
    };
    if head == Some(id) {
        return Err(format!("word {id} is its own head"));
    }
    let dep = match cols[7] {
        "_" => None,
        d => Some(Dep::parse(d)),
    };
    Ok(Parsed::Word(Word {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos,
        head,
        dep,
        deprel: cols[7].to_string(),
        misc: cols[9].to_string(),
    }))
}

/// A word as dyad annotates it, to be written out.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysed<'a> {
    pub form: &'a str,
    pub lemma: &'a str,
    pub upos: Upos,
    pub head: usize,
    pub dep: Dep,
    pub misc: &'a str,
}

/// Write one sentence: the kept lines in place, then word lines with dyad's columns
/// (XPOS, FEATS and DEPS are not predicted and stay `_`).
pub fn write_sentence(out: &mut String, words: &[Analysed<'_>], kept: &[Kept]) {
    let mut k = 0;
    for (i, w) in words.iter().enumerate() {
        while k < kept.len() && kept[k].before_word <= i {
            out.push_str(&kept[k].line);
            out.push('\n');
            k += 1;
        }
        let misc = if w.misc.is_empty() { "_" } else { w.misc };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t_\t_\t{}\t{}\t_\t{}",
            i + 1,
            clean(w.form),
            clean(w.lemma),
            w.upos,
            w.head,
            w.dep,
            misc
        );
    }
    for kl in &kept[k..] {
        out.push_str(&kl.line);
        out.push('\n');
    }
    out.push('\n');
}

/// A form written in a column may hold no tab or newline.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        std::borrow::Cow::Owned(s.replace(['\t', '\n', '\r'], " "))
    } else if s.is_empty() {
        std::borrow::Cow::Borrowed("_")
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "# sent_id = a\n# text = Ghana signed it.\n\
1\tGhana\tGhana\tPROPN\tNNP\t_\t2\tnsubj\t2:nsubj\t_\n\
2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t0:root\t_\n\
3\tit\tit\tPRON\tPRP\t_\t2\tobj\t2:obj\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_\n\
\n\
# sent_id = b\n\
1-2\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tdid\tdo\tAUX\tVBD\t_\t3\taux\t_\t_\n\
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
2.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n\
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\n";

    #[test]
    fn reads_words_comments_and_multiword_tokens() {
        let (sents, errors) = read(TWO);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(sents.len(), 2);
        assert_eq!(sents[0].words.len(), 4);
        assert_eq!(sents[0].kept.len(), 2);
        assert_eq!(sents[0].words[1].head, Some(0));
        assert_eq!(sents[0].words[2].dep, Some(Dep::Obj));
        // The empty node 2.1 is dropped, the multiword token kept before word 0.
        assert_eq!(sents[1].words.len(), 3);
        assert_eq!(sents[1].kept[1].line.split('\t').next(), Some("1-2"));
        assert_eq!(sents[1].kept[1].before_word, 0);
        assert_eq!(sents[1].line, 8);
    }

    #[test]
    fn a_malformed_line_skips_its_sentence_and_names_the_line() {
        let text = TWO.replace("3\tit\tit\tPRON", "x\tit\tit\tPRON");
        let (sents, errors) = read(&text);
        assert_eq!(sents.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 5);
        assert!(errors[0].message.contains("not a number"));
        let text = TWO.replace("\tsign\tVERB\tVBD\t_\t0", "\tsign\tVERB\tVBD\t_\t9");
        let (sents, errors) = read(&text);
        assert_eq!((sents.len(), errors.len()), (1, 1));
        assert!(errors[0].message.contains("outside"));
    }

    #[test]
    fn writes_back_kept_lines_in_place() {
        let (sents, _) = read(TWO);
        let s = &sents[1];
        let words: Vec<Analysed> = s
            .words
            .iter()
            .map(|w| Analysed {
                form: &w.form,
                lemma: &w.lemma,
                upos: w.upos.unwrap_or(Upos::X),
                head: w.head.unwrap_or(0),
                dep: w.dep.unwrap_or(Dep::Dep),
                misc: &w.misc,
            })
            .collect();
        let mut out = String::new();
        write_sentence(&mut out, &words, &s.kept);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "# sent_id = b");
        assert!(lines[1].starts_with("1-2\tdidn't"));
        assert_eq!(lines[2], "1\tdid\tdo\tAUX\t_\t_\t3\taux\t_\t_");
        let (again, errors) = read(&out);
        assert!(errors.is_empty());
        assert_eq!(again[0].words.len(), 3);
    }

    /// dyad's own treebanks are data it ships: each is read without a malformed line, every
    /// sentence a tree (one root, heads in range, no cycle).
    #[test]
    fn the_shipped_treebanks_are_well_formed_trees() {
        for (name, text, sentences) in [
            (
                "news-own",
                include_str!("../../data/syntax/news-own.conllu"),
                400,
            ),
            (
                "news-own-2",
                include_str!("../../data/syntax/news-own-2.conllu"),
                400,
            ),
            (
                "news-own-3",
                include_str!("../../data/syntax/news-own-3.conllu"),
                200,
            ),
        ] {
            let (read_sentences, errors) = read(text);
            assert!(errors.is_empty(), "{name}: {errors:?}");
            assert_eq!(read_sentences.len(), sentences, "{name}");
            for s in &read_sentences {
                assert!(s.is_annotated(), "{name}:{}", s.line);
                let n = s.words.len();
                let heads: Vec<usize> = s.words.iter().filter_map(|w| w.head).collect();
                assert_eq!(
                    heads.iter().filter(|&&h| h == 0).count(),
                    1,
                    "{name}:{}",
                    s.line
                );
                assert!(heads.iter().all(|&h| h <= n), "{name}:{}", s.line);
                for start in 1..=n {
                    let (mut k, mut steps) = (start, 0);
                    while k != 0 && steps <= n {
                        k = heads[k - 1];
                        steps += 1;
                    }
                    assert_eq!(k, 0, "{name}:{}: a cycle through word {start}", s.line);
                }
            }
        }
    }
}
