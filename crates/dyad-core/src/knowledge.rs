//! The knowledge base: states, organisations, named bodies, office-holders with their terms,
//! sector vocabulary, places and the CAMEO/PLOVER tables.
//!
//! The built-in files under `data/` are compiled into the library; users add their own files in
//! the same formats (see `data/README.md`). Everything is validated on load and errors name the
//! file and line.

use crate::error::{CoreError, Result};
use crate::tsv::Table;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Sectors of the records contract.
pub const SECTORS: &[&str] = &[
    "GOV", "MIL", "LEG", "JUD", "PTY", "OPP", "REB", "INS", "CVL", "BUS", "MED", "EDU", "REL",
    "HLH", "LAB", "NGO", "IGO", "POL", "SPY",
];

/// Organisation codes of the records contract (plus `IGO` for any other).
pub const ORG_CODES: &[&str] = &[
    "UN", "EU", "NATO", "AU", "ASEAN", "OSCE", "SCO", "CIS", "EAEU", "CSTO", "OTS", "G7", "G20",
    "BRICS", "OPEC", "GCC", "ARL", "OIC", "ECOWAS", "SADC", "IGAD", "IMF", "WB", "APEC", "OAS",
    "COE", "WHO", "WTO", "IAEA", "ICC", "ICJ", "CICA", "ECO", "IGO",
];

/// The 16 PLOVER event types.
pub const PLOVER_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub capital: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Term {
    pub code: String,
    pub sector: Option<String>,
    pub office: String,
    pub title: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl Term {
    /// Whether the term covers `date` (start inclusive, end exclusive).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date < e)
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub code: Option<String>,
    pub sector: Option<String>,
    /// When the row holds (insurgents who became a government have two rows).
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl Entity {
    pub fn covers(&self, date: Option<NaiveDate>) -> bool {
        match date {
            Some(d) => self.start.is_none_or(|s| s <= d) && self.end.is_none_or(|e| d < e),
            None => self.end.is_none(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Agent {
    pub term: String,
    pub sector: String,
    pub person: bool,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

#[derive(Debug, Clone)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: Option<f64>,
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

/// How a surface form refers to what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "Kazakhstan"
    CountryName,
    /// "Kazakh", "U.S." before a noun
    Adjective,
    /// "Kazakhs"
    People,
    /// "Astana", "Moscow": the government by metonymy, or a place after "in"
    Capital,
    Person,
    Org,
    /// "the bloc": refers back to an organisation already named
    OrgGeneric,
    Entity,
    Agent,
    Place,
}

/// One surface form in the gazetteer.
#[derive(Debug, Clone)]
pub struct Alias {
    /// Normalised (lower case, folded) text that is matched.
    pub key: String,
    pub form: Form,
    /// Index into the table named by `form`.
    pub index: usize,
    /// The original must be capitalised ("Turkey", not "turkey").
    pub needs_cap: bool,
    /// The original must be all upper case ("US", "IS", "PA").
    pub all_caps: bool,
}

/// The whole knowledge base.
#[derive(Debug, Default, Clone)]
pub struct Knowledge {
    pub countries: Vec<Country>,
    pub people: Vec<Person>,
    pub orgs: Vec<Org>,
    pub entities: Vec<Entity>,
    pub agents: Vec<Agent>,
    pub places: Vec<Place>,
    pub cameo: HashMap<String, CameoCode>,
    pub aliases: Vec<Alias>,
    country_index: HashMap<String, usize>,
    person_index: HashMap<String, usize>,
    /// User files in the CAMEO verb-pattern format; handed to the event coder.
    pub verb_files: Vec<(String, String)>,
    /// User files of grammatical word lists (`grammar*.tsv`); handed to the event coder.
    pub grammar_files: Vec<(String, String)>,
}

/// Built-in files, compiled in so the binary needs nothing beside it.
pub const BUILTIN: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../data/countries.tsv")),
    (
        "organisations.tsv",
        include_str!("../data/organisations.tsv"),
    ),
    ("entities.tsv", include_str!("../data/entities.tsv")),
    ("agents.tsv", include_str!("../data/agents.tsv")),
    ("places.tsv", include_str!("../data/places.tsv")),
    (
        "places_regions.tsv",
        include_str!("../data/places_regions.tsv"),
    ),
    ("cameo.tsv", include_str!("../data/cameo.tsv")),
    (
        "leaders/europe.tsv",
        include_str!("../data/leaders/europe.tsv"),
    ),
    ("leaders/asia.tsv", include_str!("../data/leaders/asia.tsv")),
    (
        "leaders/africa_americas.tsv",
        include_str!("../data/leaders/africa_americas.tsv"),
    ),
    (
        "leaders/organisations.tsv",
        include_str!("../data/leaders/organisations.tsv"),
    ),
    (
        "leaders/historical.tsv",
        include_str!("../data/leaders/historical.tsv"),
    ),
];

/// Normalise a gazetteer key the same way sentences are normalised.
pub fn normalize_key(s: &str) -> String {
    let n = crate::text::Normalized::new(s.trim());
    n.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_date(row: &crate::tsv::Row, col: &str) -> Result<Option<NaiveDate>> {
    let v = row.get(col);
    if v.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| row.error(format!("`{col}` is not a YYYY-MM-DD date: {v:?}")))
}

fn opt(s: &str) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

/// The kinds of tab-separated knowledge files, in loading order: countries first, since the
/// other tables refer to their codes.
const TSV_KINDS: [&str; 9] = [
    "countries",
    "organisations",
    "entities",
    "agents",
    "places",
    "cameo",
    "leaders",
    "verbs",
    "grammar",
];

/// What kind of knowledge a file holds, from its name.
fn kind_of(name: &str) -> Option<&'static str> {
    let base = name.rsplit('/').next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    if lower.ends_with("actors.txt") {
        return Some("petrarch-actors");
    }
    if lower.ends_with("agents.txt") {
        return Some("petrarch-agents");
    }
    let under_leaders = name.contains("leaders/");
    for k in TSV_KINDS {
        if base.starts_with(k) {
            return Some(k);
        }
    }
    if under_leaders {
        return Some("leaders");
    }
    None
}

impl Knowledge {
    /// The built-in knowledge.
    pub fn builtin() -> Result<Knowledge> {
        Knowledge::load(BUILTIN.iter().map(|(n, t)| (n.to_string(), t.to_string())))
    }

    /// The built-in knowledge extended by user files `(name, text)`: the name's start says what
    /// the file holds (`countries…`, `leaders…`, `agents…`, `entities…`, `organisations…`,
    /// `places…`, `verbs…`). User entries are added after the built-in ones, so where both
    /// define the same alias the user's wins.
    pub fn with_files(files: Vec<(String, String)>) -> Result<Knowledge> {
        let mut all: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        all.extend(files);
        Knowledge::load(all)
    }

    fn load(files: impl IntoIterator<Item = (String, String)>) -> Result<Knowledge> {
        let mut k = Knowledge::default();
        let files: Vec<(String, String)> = files.into_iter().collect();
        // Countries first: other tables refer to their codes.
        let order = TSV_KINDS
            .iter()
            .chain(&["petrarch-actors", "petrarch-agents"])
            .copied();
        for kind in order {
            for (name, text) in &files {
                if kind_of(name) != Some(kind) {
                    continue;
                }
                match kind {
                    "countries" => k.load_countries(name, text)?,
                    "organisations" => k.load_orgs(name, text)?,
                    "entities" => k.load_entities(name, text)?,
                    "agents" => k.load_agents(name, text)?,
                    "places" => k.load_places(name, text)?,
                    "cameo" => k.load_cameo(name, text)?,
                    "leaders" => k.load_leaders(name, text)?,
                    "verbs" => k.verb_files.push((name.clone(), text.clone())),
                    "grammar" => k.grammar_files.push((name.clone(), text.clone())),
                    "petrarch-actors" => k.load_petrarch_actors(name, text)?,
                    "petrarch-agents" => k.load_petrarch_agents(name, text)?,
                    _ => {}
                }
            }
        }
        for (name, _) in &files {
            if kind_of(name).is_none() {
                return Err(CoreError::Knowledge {
                    file: name.clone(),
                    line: 0,
                    message: "unknown knowledge file: its name must start with countries, organisations, entities, agents, places, cameo, leaders, verbs or grammar, or end with actors.txt / agents.txt (CAMEO dictionaries)".into(),
                });
            }
        }
        Ok(k)
    }

    fn check_code(&self, row: &crate::tsv::Row, code: &str) -> Result<()> {
        if self.country_index.contains_key(code) || ORG_CODES.contains(&code) {
            Ok(())
        } else {
            Err(row.error(format!(
                "unknown actor code {code:?} (not in countries.tsv nor an organisation code)"
            )))
        }
    }

    fn check_sector(row: &crate::tsv::Row, sector: &str) -> Result<()> {
        if sector.is_empty() || SECTORS.contains(&sector) {
            Ok(())
        } else {
            Err(row.error(format!("unknown sector {sector:?}")))
        }
    }

    fn alias(&mut self, text: &str, form: Form, index: usize) {
        let key = normalize_key(text);
        if key.is_empty() {
            return;
        }
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps =
            letters.len() <= 5 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let needs_cap = text.chars().next().is_some_and(char::is_uppercase);
        self.aliases.push(Alias {
            key,
            form,
            index,
            needs_cap,
            all_caps,
        });
    }

    fn load_countries(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["code", "name"])?;
        for row in t.rows() {
            let code = row.required("code")?;
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(row.error(format!(
                    "country code must be three capital letters: {code:?}"
                )));
            }
            let num = |c: &str| -> Result<Option<f64>> {
                let v = row.get(c);
                if v.is_empty() {
                    return Ok(None);
                }
                v.parse()
                    .map(Some)
                    .map_err(|_| row.error(format!("`{c}` is not a number: {v:?}")))
            };
            let idx = match self.country_index.get(code) {
                Some(&i) => i,
                None => {
                    self.countries.push(Country {
                        code: code.to_string(),
                        name: row.required("name")?.to_string(),
                        capital: row.get("capital").to_string(),
                        lat: num("lat")?,
                        lon: num("lon")?,
                    });
                    self.country_index
                        .insert(code.to_string(), self.countries.len() - 1);
                    self.countries.len() - 1
                }
            };
            for n in std::iter::once(row.get("name"))
                .chain(row.list("official"))
                .chain(row.list("aliases"))
            {
                self.alias(n, Form::CountryName, idx);
                if let Some(rest) = n.strip_prefix("the ") {
                    self.alias(rest, Form::CountryName, idx);
                }
            }
            for a in row.list("adjectives") {
                self.alias(a, Form::Adjective, idx);
            }
            for p in row.list("people") {
                self.alias(p, Form::People, idx);
            }
            for c in std::iter::once(row.get("capital")).chain(row.list("capital_aliases")) {
                self.alias(c, Form::Capital, idx);
            }
        }
        Ok(())
    }

    fn load_orgs(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["code", "name"])?;
        for row in t.rows() {
            let code = row.required("code")?;
            if !ORG_CODES.contains(&code) {
                return Err(row.error(format!(
                    "organisation code {code:?} is not one of the contract's codes (use IGO)"
                )));
            }
            self.orgs.push(Org {
                code: code.to_string(),
                name: row.required("name")?.to_string(),
            });
            let idx = self.orgs.len() - 1;
            for n in std::iter::once(row.get("name")).chain(row.list("aliases")) {
                self.alias(n, Form::Org, idx);
                if let Some(rest) = n.strip_prefix("the ") {
                    self.alias(rest, Form::Org, idx);
                }
            }
            for g in row.list("generic") {
                self.alias(g.strip_prefix("the ").unwrap_or(g), Form::OrgGeneric, idx);
            }
        }
        Ok(())
    }

    fn load_entities(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["name", "code", "sector"])?;
        for row in t.rows() {
            let code = row.get("code");
            if !code.is_empty() {
                self.check_code(&row, code)?;
            }
            let sector = row.get("sector");
            Self::check_sector(&row, sector)?;
            self.entities.push(Entity {
                name: row.required("name")?.to_string(),
                code: opt(code),
                sector: opt(sector),
                start: parse_date(&row, "start")?,
                end: parse_date(&row, "end")?,
            });
            let idx = self.entities.len() - 1;
            for n in std::iter::once(row.get("name")).chain(row.list("aliases")) {
                self.alias(n.strip_prefix("the ").unwrap_or(n), Form::Entity, idx);
            }
        }
        Ok(())
    }

    fn load_agents(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["term", "sector"])?;
        for row in t.rows() {
            let sector = row.required("sector")?;
            Self::check_sector(&row, sector)?;
            let term = row.required("term")?;
            self.agents.push(Agent {
                term: term.to_lowercase(),
                sector: sector.to_string(),
                person: matches!(row.get("person"), "yes" | "y" | "true"),
            });
            let idx = self.agents.len() - 1;
            // Agents are common nouns: matched in any case.
            let key = normalize_key(term);
            self.aliases.push(Alias {
                key,
                form: Form::Agent,
                index: idx,
                needs_cap: false,
                all_caps: false,
            });
        }
        Ok(())
    }

    fn load_places(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["name", "country", "lat", "lon"])?;
        for row in t.rows() {
            let country = row.required("country")?;
            self.check_code(&row, country)?;
            let f = |c: &str| -> Result<f64> {
                row.get(c)
                    .parse()
                    .map_err(|_| row.error(format!("`{c}` is not a number: {:?}", row.get(c))))
            };
            self.places.push(Place {
                name: row.required("name")?.to_string(),
                country: country.to_string(),
                lat: f("lat")?,
                lon: f("lon")?,
                population: row.get("population").parse().unwrap_or(0),
            });
            let idx = self.places.len() - 1;
            for n in std::iter::once(row.get("name")).chain(row.list("aliases")) {
                self.alias(n, Form::Place, idx);
            }
        }
        Ok(())
    }

    fn load_cameo(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["code", "name", "goldstein"])?;
        for row in t.rows() {
            let code = row.required("code")?;
            let plover = row.get("plover");
            if !plover.is_empty() && !PLOVER_TYPES.contains(&plover) {
                return Err(row.error(format!("unknown PLOVER type {plover:?}")));
            }
            self.cameo.insert(
                code.to_string(),
                CameoCode {
                    code: code.to_string(),
                    name: row.get("name").to_string(),
                    goldstein: row.get("goldstein").parse().ok(),
                    plover: opt(plover),
                    mode: opt(row.get("mode")),
                    context: row
                        .get("context")
                        .split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                },
            );
        }
        Ok(())
    }

    fn load_leaders(&mut self, file: &str, text: &str) -> Result<()> {
        let t = Table::parse(file, text)?;
        t.require(&["name", "code", "start"])?;
        for row in t.rows() {
            let name = row.required("name")?;
            let code = row.required("code")?;
            self.check_code(&row, code)?;
            let sector = row.get("sector");
            Self::check_sector(&row, sector)?;
            let start = parse_date(&row, "start")?;
            let end = parse_date(&row, "end")?;
            if let (Some(s), Some(e)) = (start, end) {
                if e < s {
                    return Err(row.error(format!("term ends ({e}) before it starts ({s})")));
                }
            }
            let term = Term {
                code: code.to_string(),
                sector: opt(sector),
                office: row.get("office").to_string(),
                title: row.get("title").to_string(),
                start,
                end,
            };
            let idx = match self.person_index.get(name) {
                Some(&i) => i,
                None => {
                    self.people.push(Person {
                        name: name.to_string(),
                        terms: Vec::new(),
                    });
                    self.person_index
                        .insert(name.to_string(), self.people.len() - 1);
                    self.alias(name, Form::Person, self.people.len() - 1);
                    self.people.len() - 1
                }
            };
            self.people[idx].terms.push(term);
            for a in row.list("aliases") {
                self.alias(a, Form::Person, idx);
            }
        }
        Ok(())
    }

    /// A CAMEO/PETRARCH actor dictionary: undated entries become named entities, dated ones
    /// office-holders with terms. Their codes are taken as given (research groups keep their
    /// own code sets).
    fn load_petrarch_actors(&mut self, file: &str, text: &str) -> Result<()> {
        for a in crate::petrarch::parse_actors(file, text)? {
            let Some(first) = a.names.first() else {
                continue;
            };
            // Dictionaries write names in capitals; show them as names.
            let first = &crate::text::title_case(first);
            let dated = a.terms.iter().any(|t| t.2.is_some() || t.3.is_some());
            let (form, index) = if dated || a.terms.len() > 1 {
                let terms = a
                    .terms
                    .iter()
                    .map(|(code, sector, start, end)| Term {
                        code: code.clone(),
                        sector: sector.clone(),
                        office: String::new(),
                        title: String::new(),
                        start: *start,
                        end: *end,
                    })
                    .collect();
                self.people.push(Person {
                    name: first.clone(),
                    terms,
                });
                (Form::Person, self.people.len() - 1)
            } else {
                let (code, sector) = a
                    .terms
                    .first()
                    .map(|t| ((!t.0.is_empty()).then(|| t.0.clone()), t.1.clone()))
                    .unwrap_or((None, None));
                self.entities.push(Entity {
                    name: first.clone(),
                    code,
                    sector,
                    start: None,
                    end: None,
                });
                (Form::Entity, self.entities.len() - 1)
            };
            for n in &a.names {
                // Dictionaries are written in capitals: match any proper-noun casing.
                let key = normalize_key(n);
                if !key.is_empty() {
                    self.aliases.push(Alias {
                        key,
                        form,
                        index,
                        needs_cap: true,
                        all_caps: false,
                    });
                }
            }
        }
        Ok(())
    }

    fn load_petrarch_agents(&mut self, file: &str, text: &str) -> Result<()> {
        for g in crate::petrarch::parse_agents(file, text)? {
            for term in g.terms {
                self.agents.push(Agent {
                    term: term.clone(),
                    sector: g.sector.clone(),
                    person: false,
                });
                let index = self.agents.len() - 1;
                self.aliases.push(Alias {
                    key: normalize_key(&term),
                    form: Form::Agent,
                    index,
                    needs_cap: false,
                    all_caps: false,
                });
            }
        }
        Ok(())
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index.get(code).map(|&i| &self.countries[i])
    }

    /// The term a person held on `date`, if any; without a date, the latest term.
    pub fn term_on(&self, person: usize, date: Option<NaiveDate>) -> Option<&Term> {
        let p = &self.people[person];
        match date {
            Some(d) => p.terms.iter().find(|t| t.covers(d)),
            None => p.terms.iter().max_by_key(|t| t.start),
        }
    }
}
