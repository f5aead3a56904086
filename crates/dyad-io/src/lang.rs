//! The language gate: dyad's lexicon and knowledge are English, and a report in another
//! language coded with them gives nonsense, so such reports are set aside before extraction.
//!
//! `whatlang` (trigram profiles of 69 languages, pure Rust, no model files) reads a sample of
//! the start of the text; a report is refused only when it is confidently another language, so
//! short or name-heavy English texts pass.

/// Bytes of the start of a body that decide its language: enough for a confident guess, and a
/// fixed cost per document.
const SAMPLE: usize = 2_000;

/// The verdict on one text.
#[derive(Debug, Clone, PartialEq)]
pub enum Language {
    English,
    /// Confidently another language: its English name and ISO 639-3 code.
    Other {
        name: String,
        code: String,
    },
    /// Too little text, or no confident guess: given the benefit of the doubt.
    Unsure,
}

/// The language of a body, from its first [`SAMPLE`] bytes.
pub fn detect(body: &str) -> Language {
    let mut end = body.len().min(SAMPLE);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &body[..end];
    let Some(info) = whatlang::detect(sample) else {
        return Language::Unsure;
    };
    if info.lang() == whatlang::Lang::Eng {
        return Language::English;
    }
    // A text in a script English does not use is not English, however short.
    let foreign_script = !matches!(info.script(), whatlang::Script::Latin);
    if info.is_reliable() || (foreign_script && info.confidence() > 0.5) {
        Language::Other {
            name: info.lang().eng_name().to_string(),
            code: info.lang().code().to_string(),
        }
    } else {
        Language::Unsure
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_news_passes() {
        let t = "ASTANA — The presidents of Kazakhstan and Uzbekistan held talks on Tuesday \
                 and signed agreements on water, energy and transport, officials said.";
        assert_eq!(detect(t), Language::English);
    }

    #[test]
    fn other_languages_are_named() {
        let fr = "Les ministres des affaires étrangères se sont réunis mardi à Genève pour \
                  discuter de la frontière et ont convenu de se revoir le mois prochain.";
        assert!(matches!(detect(fr), Language::Other { ref code, .. } if code == "fra"));
        let ru = "Министры иностранных дел двух стран провели переговоры во вторник в Женеве \
                  и договорились встретиться снова в следующем месяце.";
        assert!(matches!(detect(ru), Language::Other { ref code, .. } if code == "rus"));
    }

    #[test]
    fn too_little_text_is_not_refused() {
        assert_ne!(
            std::mem::discriminant(&detect("Tokayev, Mirziyoyev")),
            std::mem::discriminant(&Language::Other {
                name: String::new(),
                code: String::new()
            })
        );
    }
}
