//! Quantities in news English: "$120 million", "half a billion dollars", "11 agreements",
//! "approximately 140", "25%", "eleven", "thousands", with the qualifier that hedges them
//! ("more than", "exceeded", "about", "at least", "up to").

use crate::text::{Normalized, Token, TokenKind};

/// What a quantity counts.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// ISO 4217 code
    Currency(&'static str),
    Percent,
    /// A plain count; the noun that follows is kept by the caller.
    Count,
}

impl Unit {
    pub fn code(&self) -> &'static str {
        match self {
            Unit::Currency(c) => c,
            Unit::Percent => "percent",
            Unit::Count => "count",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    About,
    MoreThan,
    LessThan,
    AtLeast,
    UpTo,
}

impl Qualifier {
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
        }
    }
}

/// A quantity found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Token range `[start, end)` of the number itself (with its unit words).
    pub tokens: (usize, usize),
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// A word amount ("thousands", "dozens") rather than a figure.
    pub vague: bool,
    /// The upper end of a range ("between 40 and 60", "10 to 15 percent", "3-4 billion").
    pub max: Option<f64>,
}

const SMALL: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("a dozen", 12.0),
    ("dozen", 12.0),
    ("half", 0.5),
    ("a quarter", 0.25),
    ("quarter", 0.25),
];

const VAGUE: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("tens of thousands", 20000.0),
    ("hundreds of thousands", 200000.0),
    ("millions", 2e6),
];

fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mln" | "mn" | "m" => 1e6,
        "billion" | "billions" | "bn" | "bln" | "b" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn currency_symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "us$" | "usd" => "USD",
        "€" | "eur" => "EUR",
        "£" | "gbp" => "GBP",
        "¥" | "jpy" => "JPY",
        "rub" => "RUB",
        "cny" | "rmb" => "CNY",
        "kzt" => "KZT",
        "inr" => "INR",
        _ => return None,
    })
}

fn currency_name(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rubles" | "roubles" | "ruble" | "rouble" => "RUB",
        "tenge" => "KZT",
        "manat" | "manats" => "TMT",
        "rupees" | "rupee" => "INR",
        "hryvnias" | "hryvnia" => "UAH",
        "lira" | "liras" => "TRY",
        "riyals" | "riyal" => "SAR",
        "dirhams" | "dirham" => "AED",
        "won" => "KRW",
        "som" | "soms" => "UZS",
        "francs" | "franc" => "CHF",
        _ => return None,
    })
}

fn qualifier_before(words: &[&str]) -> Qualifier {
    // `words` are the (up to three) words before the number, nearest last.
    let n = words.len();
    let last = |k: usize| if n >= k { words[n - k] } else { "" };
    match (last(2), last(1)) {
        ("more", "than") | ("over", _) | (_, "over") | ("above", _) | (_, "above") => {
            Qualifier::MoreThan
        }
        ("less", "than") | ("fewer", "than") | (_, "under") | (_, "below") => Qualifier::LessThan,
        ("at", "least") => Qualifier::AtLeast,
        ("up", "to") | ("as", "many") => Qualifier::UpTo,
        (_, "about" | "approximately" | "around" | "roughly" | "nearly" | "almost" | "some")
        | (_, "estimated" | "an" | "circa" | "~") => Qualifier::About,
        (
            _,
            "exceeded" | "exceeding" | "surpassed" | "surpassing" | "topped" | "topping"
            | "exceeds" | "surpasses",
        ) => Qualifier::MoreThan,
        _ => match last(3) {
            "more" | "over" if last(2) == "than" => Qualifier::MoreThan,
            _ => Qualifier::Exact,
        },
    }
}

fn parse_digits(w: &str) -> Option<f64> {
    let cleaned: String = w.chars().filter(|c| *c != ',').collect();
    let digits: String = cleaned
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if digits.is_empty() {
        return None;
    }
    let suffix = &cleaned[digits.len()..];
    let v: f64 = digits.parse().ok()?;
    match suffix {
        "" | "st" | "nd" | "rd" | "th" => Some(v),
        s => scale(s).map(|m| v * m),
    }
}

/// Words that can begin a quantity: currency signs and the first words of number words.
fn starters() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut s: std::collections::HashSet<&'static str> = [
            "$", "us$", "usd", "eur", "gbp", "jpy", "rub", "cny", "rmb", "kzt", "inr", "us",
        ]
        .into_iter()
        .collect();
        for (k, _) in SMALL.iter().chain(VAGUE.iter()) {
            s.insert(k.split(' ').next().unwrap_or(k));
        }
        s
    })
}

/// Find all quantities in a tokenised, normalised sentence.
pub fn quantities(norm: &Normalized, toks: &[Token]) -> Vec<Quantity> {
    let w = |i: usize| -> &str {
        toks.get(i)
            .map(|t| &norm.text[t.span.start..t.span.end])
            .unwrap_or("")
    };
    let starters = starters();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Most tokens cannot start a quantity: one hash look-up rules them out.
        if toks[i].kind != TokenKind::Number && !starters.contains(w(i)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut currency: Option<&'static str> = None;
        // Leading currency symbol: "$", "US$", "€".
        if let Some(c) = currency_symbol(w(i)) {
            if toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Number) || w(i + 1) == "$" {
                currency = Some(c);
                i += 1;
                if w(i) == "$" {
                    i += 1;
                }
            }
        } else if w(i) == "us" && w(i + 1) == "$" {
            currency = Some("USD");
            i += 2;
        }
        let mut value: Option<f64> = None;
        let mut vague = false;
        let mut end = i;
        if toks.get(i).is_some_and(|t| t.kind == TokenKind::Number) {
            value = parse_digits(w(i));
            end = i + 1;
        } else {
            // Word numbers: "half a billion", "eleven", "a dozen", "thousands of". Multi-word
            // keys are compared word by word, without building strings.
            let is = |key: &str, n: usize| -> bool {
                if !key.starts_with(w(i)) {
                    return false;
                }
                let mut parts = key.split(' ');
                (0..n).all(|k| parts.next() == Some(w(i + k))) && parts.next().is_none()
            };
            if !w(i)
                .as_bytes()
                .first()
                .is_some_and(|c| c.is_ascii_alphabetic())
            {
                i = start + 1;
                continue;
            }
            if let Some((_, v)) = VAGUE.iter().find(|(k, _)| is(k, 3)) {
                value = Some(*v);
                vague = true;
                end = i + 3;
            } else if let Some((_, v)) = VAGUE.iter().find(|(k, _)| *k == w(i)) {
                value = Some(*v);
                vague = true;
                end = i + 1;
            } else if let Some((_, v)) = SMALL.iter().find(|(k, _)| is(k, 2)) {
                value = Some(*v);
                end = i + 2;
            } else if let Some((_, v)) = SMALL.iter().find(|(k, _)| *k == w(i)) {
                value = Some(*v);
                end = i + 1;
                // "twenty-five"
                if w(end) == "-" {
                    if let Some((_, u)) = SMALL.iter().find(|(k, _)| *k == w(end + 1)) {
                        if *u < 10.0 {
                            value = Some(v + u);
                            end += 2;
                        }
                    }
                }
            }
            // "half a billion", "a quarter of a million"
            if value.is_some_and(|v| v < 1.0) {
                let mut k = end;
                if w(k) == "of" {
                    k += 1;
                }
                if w(k) == "a" {
                    k += 1;
                }
                match scale(w(k)) {
                    Some(_) => {}
                    None => {
                        i = start + 1;
                        continue;
                    }
                }
                end = k;
            }
        }
        let Some(mut v) = value else {
            i = start + 1;
            continue;
        };
        // Scale words: "120 million", "1.2 bn", "half a billion".
        if let Some(m) = scale(w(end)) {
            if !(vague && w(end) == "millions") {
                v *= m;
                end += 1;
                vague = false;
            }
        }
        let mut unit = currency.map(Unit::Currency);
        if unit.is_none() {
            if w(end) == "%" || w(end) == "percent" || w(end) == "per" && w(end + 1) == "cent" {
                unit = Some(Unit::Percent);
                end += if w(end) == "per" { 2 } else { 1 };
            } else if let Some(c) = currency_name(w(end)) {
                unit = Some(Unit::Currency(c));
                end += 1;
            } else if let Some(c) = currency_symbol(w(end)).filter(|_| w(end) != "$") {
                unit = Some(Unit::Currency(c));
                end += 1;
            } else if w(end) == "u.s." && w(end + 1) == "dollars" {
                unit = Some(Unit::Currency("USD"));
                end += 2;
            }
        }
        // Years and times are not quantities.
        let year_like = currency.is_none()
            && unit.is_none()
            && (1900.0..=2100.0).contains(&v)
            && w(start).len() == 4;
        if year_like {
            i = end.max(start + 1);
            continue;
        }
        let before: Vec<&str> = (start.saturating_sub(3)..start).map(w).collect();
        out.push(Quantity {
            tokens: (start, end),
            value: v,
            unit: unit.unwrap_or(Unit::Count),
            qualifier: qualifier_before(&before),
            vague,
            max: None,
        });
        i = end.max(start + 1);
    }
    join_ranges(norm, toks, out)
}

/// "between 40 and 60 people", "10 to 15 percent", "$3-4 billion": one quantity from the
/// lower bound (qualified `at_least`) with the upper bound in `max`; a bare lower bound takes
/// the upper one's unit and scale.
fn join_ranges(norm: &Normalized, toks: &[Token], qs: Vec<Quantity>) -> Vec<Quantity> {
    let w = |i: usize| -> &str {
        toks.get(i)
            .map(|t| &norm.text[t.span.start..t.span.end])
            .unwrap_or("")
    };
    let mut out: Vec<Quantity> = Vec::with_capacity(qs.len());
    let mut it = qs.into_iter().peekable();
    while let Some(mut a) = it.next() {
        let joined = match it.peek() {
            Some(b) => {
                let gap: Vec<&str> = (a.tokens.1..b.tokens.0).map(w).collect();
                let between = a.tokens.0 > 0 && w(a.tokens.0 - 1) == "between" && gap == ["and"];
                let to = gap == ["to"] || gap == ["-"];
                (between || to)
                    && (a.unit == Unit::Count || b.unit == Unit::Count || a.unit == b.unit)
                    && !a.vague
                    && !b.vague
            }
            None => false,
        };
        if joined {
            if let Some(b) = it.next() {
                // "$3-4 billion": the lower bound shares the upper one's scale, and either
                // bound may carry the unit.
                let mut low = a.value;
                while low > 0.0 && b.value / low >= 1000.0 {
                    low *= 1000.0;
                }
                let unit = if b.unit == Unit::Count {
                    a.unit.clone()
                } else {
                    b.unit.clone()
                };
                a = Quantity {
                    tokens: (a.tokens.0, b.tokens.1),
                    value: low,
                    unit,
                    qualifier: Qualifier::AtLeast,
                    vague: false,
                    max: Some(b.value),
                };
            }
        }
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn q(s: &str) -> Vec<(f64, String, &'static str)> {
        let n = Normalized::new(s);
        let t = tokenize(&n);
        quantities(&n, &t)
            .into_iter()
            .map(|q| (q.value, q.unit.code().to_string(), q.qualifier.as_str()))
            .collect()
    }

    #[test]
    fn money_with_symbol_and_scale() {
        assert_eq!(
            q("Investment exceeded $120 million."),
            vec![(120e6, "USD".into(), "more_than")]
        );
        assert_eq!(q("a loan of €1.5bn"), vec![(1.5e9, "EUR".into(), "exact")]);
        assert_eq!(
            q("worth US$2,500,000"),
            vec![(2.5e6, "USD".into(), "exact")]
        );
    }

    #[test]
    fn money_in_words() {
        assert_eq!(
            q("surpassing half a billion dollars"),
            vec![(5e8, "USD".into(), "more_than")]
        );
        assert_eq!(
            q("about 3 billion rubles"),
            vec![(3e9, "RUB".into(), "about")]
        );
    }

    #[test]
    fn counts_percentages_and_qualifiers() {
        assert_eq!(
            q("Approximately 140 companies"),
            vec![(140.0, "count".into(), "about")]
        );
        assert_eq!(
            q("exchanged eleven agreements"),
            vec![(11.0, "count".into(), "exact")]
        );
        assert_eq!(q("a 25% tariff"), vec![(25.0, "percent".into(), "exact")]);
        assert_eq!(
            q("at least 40 people"),
            vec![(40.0, "count".into(), "at_least")]
        );
        assert_eq!(
            q("up to 12 percent"),
            vec![(12.0, "percent".into(), "up_to")]
        );
        assert_eq!(
            q("more than 300 firms"),
            vec![(300.0, "count".into(), "more_than")]
        );
    }

    #[test]
    fn ranges_keep_both_bounds() {
        let n = Normalized::new("between 40 and 60 people, 10 to 15 percent and $3-4 billion");
        let t = tokenize(&n);
        let got: Vec<(f64, Option<f64>, String)> = quantities(&n, &t)
            .into_iter()
            .map(|q| (q.value, q.max, q.unit.code().to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                (40.0, Some(60.0), "count".into()),
                (10.0, Some(15.0), "percent".into()),
                (3e9, Some(4e9), "USD".into())
            ]
        );
    }

    #[test]
    fn scales_currencies_and_word_numbers() {
        assert_eq!(q("3.5 mln tenge"), vec![(3.5e6, "KZT".into(), "exact")]);
        assert_eq!(q("nearly 2 bn manat"), vec![(2e9, "TMT".into(), "about")]);
        assert_eq!(
            q("a quarter of a million rubles"),
            vec![(250000.0, "RUB".into(), "exact")]
        );
        assert_eq!(
            q("twenty-five soldiers"),
            vec![(25.0, "count".into(), "exact")]
        );
        assert_eq!(
            q("less than 5%"),
            vec![(5.0, "percent".into(), "less_than")]
        );
        assert_eq!(q("£40 million"), vec![(40e6, "GBP".into(), "exact")]);
    }

    #[test]
    fn vague_amounts_and_years() {
        let n = Normalized::new("Thousands of people marched in 2024.");
        let t = tokenize(&n);
        let got = quantities(&n, &t);
        assert_eq!(got.len(), 1);
        assert!(got[0].vague);
        assert_eq!(got[0].value, 2000.0);
    }
}
