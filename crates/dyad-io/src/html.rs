//! HTML pages: the article's text, title and date through a readability-style extractor, with
//! a linear path for pages too deep or too large for it.

use crate::markup::{html_to_text, nesting};
use crate::Limits;
use dyad_core::dates::parse_document_date;
use dyad_core::Document;

/// A page read, and what the reader had to do to read it.
#[derive(Debug)]
pub struct Page {
    pub document: Document,
    /// Set when the page was read by the linear path: why.
    pub fallback: Option<String>,
}

/// Main text, title and publication date of an HTML page. Pages that nest deeper, or would
/// cost the extractor more ancestor walks, or are larger than `limits` allow are read by the
/// linear path instead (all visible text, no boilerplate removal), and `fallback` says why.
pub fn read_page(id: &str, html: &str, limits: &Limits) -> Result<Page, String> {
    let shape = nesting(html.as_bytes());
    let why = if shape.max_depth > limits.max_html_depth {
        Some(format!(
            "elements nest {} deep (limit {}, --max-html-depth)",
            shape.max_depth, limits.max_html_depth
        ))
    } else if shape.ancestor_sum > limits.max_html_work {
        Some(format!(
            "{} nested element levels in all (limit {})",
            shape.ancestor_sum, limits.max_html_work
        ))
    } else if html.len() > limits.max_html_bytes {
        Some(format!(
            "{} bytes of markup (limit {}, --max-html-bytes)",
            html.len(),
            limits.max_html_bytes
        ))
    } else {
        None
    };
    if let Some(why) = why {
        let body = html_to_text(html);
        if body.split_whitespace().count() < 8 {
            return Err(format!("no article text found in this page ({why})"));
        }
        let mut doc = Document::new(id, body, None);
        doc.title = head_title(html);
        return Ok(Page {
            document: doc,
            fallback: Some(format!(
                "{why}: read as plain text, without separating the article from the page"
            )),
        });
    }
    read_html(id, html).map(|document| Page {
        document,
        fallback: None,
    })
}

/// The `<title>` of a page, found without parsing it.
fn head_title(html: &str) -> Option<String> {
    let head = &html.as_bytes()[..html.len().min(64 * 1024)];
    let lower = head.to_ascii_lowercase();
    let start = lower.windows(6).position(|w| w == b"<title")?;
    let open_end = start + lower[start..].iter().position(|&b| b == b'>')? + 1;
    let len = lower[open_end..]
        .windows(8)
        .position(|w| w == b"</title>")?;
    let raw = std::str::from_utf8(&head[open_end..open_end + len]).ok()?;
    let t = html_to_text(raw);
    (!t.is_empty()).then_some(t)
}

/// Main text, title and publication date of an HTML page, via a readability-style extractor.
/// No guard: see [`read_page`] for pages from outside.
pub fn read_html(id: &str, html: &str) -> Result<Document, String> {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: 0,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg))
        .map_err(|e| format!("cannot parse HTML: {e}"))?;
    let article = r
        .parse()
        .map_err(|e| format!("no article text found in this page ({e})"))?;
    let text = article.text_content.to_string();
    // Readability leaves runs of blank lines and indentation: keep paragraphs, drop the rest.
    let mut body = String::with_capacity(text.len());
    for para in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(para);
    }
    // Navigation crumbs or a cookie notice are not an article.
    if body.split_whitespace().count() < 8 {
        return Err("no article text found in this page".into());
    }
    let date = article
        .published_time
        .as_deref()
        .and_then(parse_document_date);
    let mut doc = Document::new(id, body, date);
    let title = article.title.trim();
    doc.title = (!title.is_empty()).then(|| title.to_string());
    doc.url = article.url.map(|u| u.to_string());
    doc.source = article.site_name.map(|s| s.to_string());
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep_page(depth: usize) -> String {
        let mut html = String::from("<html><head><title>Deep page</title></head><body>");
        for _ in 0..depth {
            html.push_str("<div>");
        }
        html.push_str("<p>Delegates from both capitals met at the border crossing on Tuesday.</p>");
        for _ in 0..depth {
            html.push_str("</div>");
        }
        html.push_str("</body></html>");
        html
    }

    #[test]
    fn a_page_nested_too_deep_takes_the_linear_path_fast() {
        let html = deep_page(100_000);
        let t = std::time::Instant::now();
        let page = read_page("deep.html", &html, &Limits::default()).unwrap();
        assert!(t.elapsed().as_secs_f64() < 5.0, "took {:?}", t.elapsed());
        let why = page.fallback.unwrap();
        assert!(why.contains("nest 100002 deep"), "{why}");
        assert_eq!(
            page.document.body,
            "Delegates from both capitals met at the border crossing on Tuesday."
        );
        assert_eq!(page.document.title.as_deref(), Some("Deep page"));
    }

    #[test]
    fn an_ordinary_page_goes_through_the_article_extractor() {
        let page = read_page("ok.html", &deep_page(20), &Limits::default()).unwrap();
        assert!(page.fallback.is_none());
    }
}
