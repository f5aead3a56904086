//! Text primitives: sentence segmentation of news English, normalisation for matching, and
//! tokens.
//!
//! Segmentation runs on the original body so that evidence offsets are exact. Matching runs on a
//! normalised copy of each sentence (lower case, diacritics folded, typographic quotes and dashes
//! made plain) with a byte map back to the original, so a gazetteer entry written "Erdogan"
//! matches "Erdoğan" and still reports the original span.

/// A byte range `[start, end)` into some text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Abbreviations after which a period does not end a sentence ("Gen.", "Nov.", "Mr.").
/// Months are here because a date ("on Nov. 25") is far more common than a sentence ending in an
/// abbreviated month.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "gov", "sen", "rep", "rev", "fr", "st", "jr", "sr", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "v", "inc", "corp", "ltd",
    "co", "mt", "ft", "pres", "sec", "gens", "messrs", "approx", "est", "dept", "univ", "assn",
    "bros", "ave", "blvd", "rd", "hon", "amb", "cf", "e.g", "i.e", "al",
];

/// Words that, capitalised after a dotted acronym ("U.S."), start a new sentence rather than
/// continue a name ("U.S. Secretary").
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "there",
    "a",
    "an",
    "officials",
    "his",
    "her",
    "their",
    "its",
    "according",
    "meanwhile",
    "however",
    "after",
    "before",
    "since",
    "while",
    "as",
    "if",
    "when",
    "last",
    "earlier",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// The default of [`max_sentence_bytes`]: news sentences run to 500 bytes, legal prose to
/// 1,500; longer "sentences" are tables, lists or text without punctuation.
pub const DEFAULT_MAX_SENTENCE_BYTES: usize = 2_000;

/// Pieces are never cut shorter than this, whatever the setting, so a cut keeps a clause.
const MIN_SENTENCE_CAP: usize = 200;

static MAX_SENTENCE_BYTES: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(DEFAULT_MAX_SENTENCE_BYTES);

/// The longest sentence [`sentences`] hands on: the coder's cost grows faster than a sentence's
/// length (a 600 KB run-on sentence took 4 s), so longer ones are cut into pieces.
pub fn max_sentence_bytes() -> usize {
    MAX_SENTENCE_BYTES.load(std::sync::atomic::Ordering::Relaxed)
}

/// Set [`max_sentence_bytes`] for the process (at least 200), before extraction starts: a
/// program-wide setting, because the coder calls [`sentences`] itself.
pub fn set_max_sentence_bytes(n: usize) {
    MAX_SENTENCE_BYTES.store(
        n.max(MIN_SENTENCE_CAP),
        std::sync::atomic::Ordering::Relaxed,
    );
}

/// Split `text` into sentences, none longer than [`max_sentence_bytes`]. Paragraph breaks
/// always end a sentence; a line break ends one unless the next line continues in lower case
/// (hard-wrapped text).
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_within(text, max_sentence_bytes())
}

/// [`sentences`] with an explicit cap: a sentence longer than `max` bytes is cut at the last
/// space (or comma or semicolon) before `max`, or at `max` if it has none.
pub fn sentences_within(text: &str, max: usize) -> Vec<Span> {
    let max = max.max(MIN_SENTENCE_CAP);
    let spans = split_sentences(text);
    if spans.iter().all(|s| s.len() <= max) {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        if s.len() <= max {
            out.push(s);
            continue;
        }
        let mut start = s.start;
        while s.end - start > max {
            let mut hard = start + max;
            while !text.is_char_boundary(hard) {
                hard -= 1;
            }
            // Look back at most half the cap for a gap, so pieces stay long.
            let window = &text[start + max / 2..hard];
            let cut = window
                .rfind(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .map(|i| start + max / 2 + i + 1)
                .unwrap_or(hard);
            push(&mut out, text, start, cut);
            start = skip_space(text, cut).min(s.end);
        }
        push(&mut out, text, start, s.end);
    }
    out
}

/// How many sentences of `text` [`sentences_within`] would cut at `max` bytes, for a reader
/// that wants to say so.
pub fn overlong_sentences(text: &str, max: usize) -> usize {
    let max = max.max(MIN_SENTENCE_CAP);
    split_sentences(text)
        .iter()
        .filter(|s| s.len() > max)
        .count()
}

fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = skip_space(text, 0);
    let mut i = start;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' {
            let next = skip_space(text, i);
            let para = text[i..next].matches('\n').count() >= 2;
            let continues = text[next..]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_lowercase());
            if para || !continues {
                push(&mut out, text, start, i);
                start = next;
                i = next;
                continue;
            }
        } else if matches!(c, b'.' | b'!' | b'?') {
            // Take the whole run of terminal punctuation and closing quotes.
            let mut end = i + 1;
            while end < bytes.len() {
                let ch = text[end..].chars().next().unwrap_or(' ');
                if matches!(ch, '.' | '!' | '?') || is_closing(ch) {
                    end += ch.len_utf8();
                } else {
                    break;
                }
            }
            let next = skip_space(text, end);
            if next == end && end < bytes.len() {
                // "1.2", "U.S", "example.com": no space, no boundary.
                i = end;
                continue;
            }
            if c != b'.' || period_ends_sentence(text, start, i, next) {
                push(&mut out, text, start, end);
                start = next;
                i = next;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push(&mut out, text, start, bytes.len());
    out
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(ch) = text[i..].chars().next() {
        if ch.is_whitespace() {
            i += ch.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn push(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let trimmed = text[start..end].trim_end();
    if !trimmed.trim().is_empty() {
        out.push(Span::new(start, start + trimmed.len()));
    }
}

/// Decide whether the period at `dot` ends the sentence, given the word before it and the text
/// after it (`next` is the first non-space byte after the punctuation).
fn period_ends_sentence(text: &str, sent_start: usize, dot: usize, next: usize) -> bool {
    let Some(following) = text[next..].chars().next() else {
        return true;
    };
    // A sentence never starts in lower case or with a continuing punctuation mark.
    if following.is_lowercase() || matches!(following, ',' | ';' | ':' | ')' | '-') {
        return false;
    }
    let before = &text[sent_start..dot];
    let word_start = before
        .rfind(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '“')
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let next_word: String = text[next..]
        .chars()
        .take_while(|ch| ch.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    // Initials ("George W. Bush") and dotted acronyms ("U.S.", "U.N.").
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    if word.contains('.') && letters <= 4 && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "Nov. 25" and "Gen. Smith" continue; an abbreviation can still end a sentence when a
        // clear sentence starter follows ("... of Smith Inc. The company").
        return SENTENCE_STARTERS.contains(&next_word.as_str()) && !following.is_ascii_digit();
    }
    true
}

/// A sentence prepared for matching: its normalised text and the way back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// Lower-case, ASCII-folded text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original that produced it; one extra
    /// entry at the end maps the end of the text.
    map: Vec<u32>,
    /// For each byte of `text`: did the original character start with an upper-case letter.
    upper: Vec<bool>,
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len() + 8);
        let mut map = Vec::with_capacity(original.len() + 9);
        let mut upper = Vec::with_capacity(original.len() + 8);
        for (pos, ch) in original.char_indices() {
            let before = text.len();
            if ch.is_ascii() {
                text.push(ch.to_ascii_lowercase());
            } else {
                match ch {
                    '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' | '\u{00b4}' => text.push('\''),
                    '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => text.push('"'),
                    '\u{2010}'..='\u{2015}' | '\u{2212}' => text.push('-'),
                    '\u{00a0}' | '\u{2009}' | '\u{202f}' => text.push(' '),
                    // Currency signs become their codes, apart from the figure ("€1.5bn").
                    '€' => text.push_str("eur "),
                    '£' => text.push_str("gbp "),
                    '¥' => text.push_str("jpy "),
                    _ => match deunicode::deunicode_char(ch) {
                        Some(s) if !s.is_empty() && s.is_ascii() => {
                            for b in s.trim_end().chars() {
                                text.push(b.to_ascii_lowercase());
                            }
                            if text.len() == before {
                                text.push(' ');
                            }
                        }
                        _ => text.push(' '),
                    },
                }
            }
            let is_upper = ch.is_uppercase();
            for _ in before..text.len() {
                map.push(pos as u32);
                upper.push(is_upper);
            }
        }
        map.push(original.len() as u32);
        Normalized { text, map, upper }
    }

    /// Original byte range of a normalised range.
    pub fn original(&self, span: Span) -> Span {
        let start = self.map[span.start] as usize;
        // The end maps through the last byte: find where the next original char starts.
        let end = if span.end >= self.text.len() {
            self.map[self.text.len()] as usize
        } else {
            self.map[span.end] as usize
        };
        Span::new(start, end.max(start))
    }

    /// Was the character at normalised byte `i` upper case in the original?
    pub fn is_upper(&self, i: usize) -> bool {
        self.upper.get(i).copied().unwrap_or(false)
    }
}

/// "GRAND FENWICK" → "Grand Fenwick": each word with a capital and the rest in lower case.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Token classes the coder cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token of a normalised sentence.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// First letter upper case in the original.
    pub cap: bool,
}

/// Tokenise normalised text: words (letters, digits, inner apostrophes and dots of acronyms),
/// numbers (with separators and decimals) and single punctuation marks. Hyphens split words
/// so that "Kazakh-Turkmen" and "Russian-backed" expose their parts.
pub fn tokenize(norm: &Normalized) -> Vec<Token> {
    let s = norm.text.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            while i < s.len()
                && (s[i].is_ascii_digit()
                    || ((s[i] == b',' || s[i] == b'.')
                        && i + 1 < s.len()
                        && s[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            // "5th", "1990s"
            while i < s.len() && s[i].is_ascii_alphabetic() {
                i += 1;
            }
            kind = TokenKind::Number;
        } else if c == b'n' && negative_clitic_at(s, i) {
            i += 3;
            kind = TokenKind::Word;
        } else if c.is_ascii_alphabetic() {
            i += 1;
            while i < s.len() {
                let b = s[i];
                if b == b'n' && negative_clitic_at(s, i) {
                    break; // "didn't" is "did" and "n't", as Universal Dependencies writes it
                } else if b.is_ascii_alphanumeric() {
                    i += 1;
                } else if b == b'\'' && clitic_at(s, i).is_some() {
                    break; // "they're", "Ghana's": the clitic is its own word
                } else if (b == b'\'' || b == b'.')
                    && i + 1 < s.len()
                    && s[i + 1].is_ascii_alphabetic()
                    && (b == b'\'' || i + 2 >= s.len() || s[i + 2] == b'.' || i - start == 1)
                {
                    // "o'brien", "u.s", "u.n"; not "end.next"
                    i += 1;
                } else {
                    break;
                }
            }
            // Keep the final dot of an acronym written with dots ("u.s.").
            if i < s.len() && s[i] == b'.' && norm.text[start..i].contains('.') {
                i += 1;
            }
            kind = TokenKind::Word;
        } else if let Some(len) = clitic_at(s, i) {
            i += len;
            kind = TokenKind::Word;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        // "cannot" is "can" and "not".
        if kind == TokenKind::Word && &norm.text[start..i] == "cannot" {
            out.push(Token {
                span: Span::new(start, start + 3),
                kind,
                cap: norm.is_upper(start),
            });
            out.push(Token {
                span: Span::new(start + 3, i),
                kind,
                cap: false,
            });
            continue;
        }
        out.push(Token {
            span: Span::new(start, i),
            kind,
            cap: norm.is_upper(start),
        });
    }
    out
}

/// The length of an English clitic starting with the apostrophe at `i` ("'s", "'re", "'ve",
/// "'ll", "'m", "'d"), when a word boundary follows it.
fn clitic_at(s: &[u8], i: usize) -> Option<usize> {
    if s.get(i) != Some(&b'\'') {
        return None;
    }
    let mut j = i + 1;
    while j < s.len() && s[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j < s.len() && s[j].is_ascii_digit() {
        return None;
    }
    matches!(&s[i + 1..j], b"s" | b"re" | b"ve" | b"ll" | b"m" | b"d").then_some(j - i)
}

/// Does "n't" start at `i`, ending a word?
fn negative_clitic_at(s: &[u8], i: usize) -> bool {
    s.get(i..i + 3) == Some(b"n't") && s.get(i + 3).is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// Convert a byte offset of `text` into a count of Unicode code points, the unit of the
/// records contract's `start`/`end`.
pub struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    /// The last (byte, chars) answered: evidence offsets come in document order, so counting
    /// on from there keeps a long document linear.
    cursor: std::cell::Cell<(usize, usize)>,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> CharIndex<'a> {
        CharIndex {
            text,
            ascii: text.is_ascii(),
            cursor: std::cell::Cell::new((0, 0)),
        }
    }
    pub fn chars(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let (b0, c0) = self.cursor.get();
        let n = if byte >= b0 {
            c0 + self.text[b0..byte].chars().count()
        } else {
            self.text[..byte].chars().count()
        };
        self.cursor.set((byte, n));
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn month_abbreviation_and_money_do_not_split() {
        let t = "The ministers met on Nov. 25 in Baku. Trade reached $1.2 billion last year.";
        assert_eq!(
            split(t),
            vec![
                "The ministers met on Nov. 25 in Baku.",
                "Trade reached $1.2 billion last year."
            ]
        );
    }

    #[test]
    fn titles_initials_and_acronyms_do_not_split() {
        let t = "Gen. Mark A. Milley spoke to U.S. Secretary Blinken. He left.";
        assert_eq!(
            split(t),
            vec![
                "Gen. Mark A. Milley spoke to U.S. Secretary Blinken.",
                "He left."
            ]
        );
    }

    #[test]
    fn acronym_followed_by_a_sentence_starter_splits() {
        let t = "The envoy flew to the U.S. The talks begin Monday.";
        assert_eq!(
            split(t),
            vec!["The envoy flew to the U.S.", "The talks begin Monday."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let t = "\"We are ready,\" she said. \"Are you?\" He nodded.";
        assert_eq!(
            split(t),
            vec!["\"We are ready,\" she said.", "\"Are you?\"", "He nodded."]
        );
    }

    #[test]
    fn headlines_and_paragraphs_are_sentences() {
        let t = "Leaders sign pact\n\nThe two leaders signed it. It was\nlate.";
        assert_eq!(
            split(t),
            vec![
                "Leaders sign pact",
                "The two leaders signed it.",
                "It was\nlate."
            ]
        );
    }

    #[test]
    fn normalisation_folds_and_maps_back() {
        let orig = "Erdoğan’s “visit”";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "erdogan's \"visit\"");
        let at = n.text.find("visit").unwrap();
        let span = n.original(Span::new(at, at + 5));
        assert_eq!(&orig[span.start..span.end], "visit");
        let e = n.original(Span::new(0, 7));
        assert_eq!(&orig[e.start..e.end], "Erdoğan");
        assert!(n.is_upper(0));
    }

    #[test]
    fn tokens_split_hyphens_possessives_and_keep_acronyms_and_decimals() {
        let n = Normalized::new("Kazakh-Turkmen trade of $1.2 billion, U.S. and Kazakhstan's");
        let toks: Vec<&str> = tokenize(&n)
            .iter()
            .map(|t| &n.text[t.span.start..t.span.end])
            .collect();
        assert_eq!(
            toks,
            vec![
                "kazakh",
                "-",
                "turkmen",
                "trade",
                "of",
                "$",
                "1.2",
                "billion",
                ",",
                "u.s.",
                "and",
                "kazakhstan",
                "'s"
            ]
        );
    }

    #[test]
    fn char_offsets_count_code_points() {
        let t = "ASTANA — Talks";
        let ix = CharIndex::new(t);
        assert_eq!(ix.chars(t.find("Talks").unwrap()), 9);
    }

    #[test]
    fn an_overlong_sentence_is_cut_into_pieces_at_spaces() {
        let run_on = "and the talks went on ".repeat(200);
        let text = format!("Short one. The {run_on}end.");
        let spans = sentences_within(&text, 500);
        assert_eq!(&text[spans[0].start..spans[0].end], "Short one.");
        assert!(spans.len() > 8);
        for s in &spans {
            assert!(s.len() <= 500, "{}", s.len());
            let piece = &text[s.start..s.end];
            assert_eq!(piece, piece.trim());
        }
        // Nothing is lost: the pieces cover the words in order.
        let joined: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            joined.join(" ").split_whitespace().count(),
            text.split_whitespace().count()
        );
        assert_eq!(overlong_sentences(&text, 500), 1);
    }

    #[test]
    fn an_overlong_sentence_without_spaces_is_cut_at_char_boundaries() {
        let text = "é".repeat(1000);
        let spans = sentences_within(&text, 301);
        assert!(spans.iter().all(|s| s.len() <= 301));
        assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), text.len());
    }
}
