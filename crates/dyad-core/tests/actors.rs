//! Actor resolution in context, each case pinned with mentions written for this test.

use chrono::NaiveDate;
use dyad_core::{Document, Extractor};
use std::sync::OnceLock;

fn ex() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::builtin().expect("built-in knowledge loads"))
}

fn on(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn cs(text: &str, date: Option<NaiveDate>) -> (Option<String>, Option<String>) {
    let a = ex().resolve(text, date);
    (a.code, a.sector)
}

fn pair(code: &str, sector: Option<&str>) -> (Option<String>, Option<String>) {
    (Some(code.to_string()), sector.map(String::from))
}

#[test]
fn titles_names_and_adjectives_compose() {
    let d = on(2025, 11, 25);
    assert_eq!(cs("President Tokayev", d), pair("KAZ", Some("GOV")));
    assert_eq!(
        cs("Kazakh President Kassym-Jomart Tokayev", d),
        pair("KAZ", Some("GOV"))
    );
    assert_eq!(cs("the Turkmen leader", d), pair("TKM", Some("GOV")));
    assert_eq!(
        cs("Kazakhstan's Foreign Ministry", d),
        pair("KAZ", Some("GOV"))
    );
}

#[test]
fn sector_nouns_take_the_country_of_their_adjective() {
    let d = on(2024, 1, 10);
    assert_eq!(cs("four Saudi men", d), pair("SAU", Some("CVL")));
    assert_eq!(cs("American warplanes", d), pair("USA", Some("MIL")));
    assert_eq!(cs("Ugandan police", d), pair("UGA", Some("POL")));
}

#[test]
fn organisation_bodies_resolve_to_the_organisation() {
    assert_eq!(
        cs("the U.N. Security Council", on(2024, 1, 1)).0.as_deref(),
        Some("UN")
    );
    assert_eq!(
        cs("the Shanghai Cooperation Organization", on(2024, 1, 1))
            .0
            .as_deref(),
        Some("SCO")
    );
}

#[test]
fn the_report_date_decides_who_held_an_office() {
    // Term boundary: the successor is in office from the first day of the term.
    assert_eq!(
        ex().resolve("Berdimuhamedov", on(2022, 3, 18))
            .name
            .as_deref(),
        Some("Gurbanguly Berdimuhamedov")
    );
    assert_eq!(
        ex().resolve("Berdimuhamedov", on(2022, 3, 19))
            .name
            .as_deref(),
        Some("Serdar Berdimuhamedov")
    );
    // Out of office: still of the state, without an office.
    assert_eq!(
        cs("Nursultan Nazarbayev", on(2023, 1, 1)),
        pair("KAZ", None)
    );
    assert_eq!(
        cs("Nursultan Nazarbayev", on(2018, 1, 1)),
        pair("KAZ", Some("GOV"))
    );
}

#[test]
fn transliterations_resolve_to_one_person() {
    let d = on(2023, 6, 1);
    for v in ["Zelensky", "Zelenskyy", "Volodymyr Zelenskiy"] {
        assert_eq!(cs(v, d), pair("UKR", Some("GOV")), "{v}");
    }
    assert_eq!(cs("Tokaev", d), pair("KAZ", Some("GOV")));
}

#[test]
fn a_capital_is_the_government_unless_it_is_the_place() {
    assert_eq!(cs("Moscow", on(2024, 1, 1)), pair("RUS", Some("GOV")));
    let doc = Document::from_plain_text(
        "m.txt",
        "date 2024-05-02\nBrazil and India held talks in Moscow.",
    );
    let ev = ex().extract(&doc).events;
    assert_eq!(ev.len(), 1);
    let codes: Vec<&str> = [&ev[0].source, &ev[0].target]
        .iter()
        .filter_map(|a| a.as_ref().and_then(|x| x.code.as_deref()))
        .collect();
    assert!(!codes.contains(&"RUS"), "{codes:?}");
    assert_eq!(
        ev[0].location.as_ref().map(|l| l.country.as_str()),
        Some("RUS")
    );
}

#[test]
fn a_name_met_once_stays_resolved_when_reduced() {
    let doc = Document::from_plain_text(
        "r.txt",
        "date 2025-11-25\nSerdar Berdimuhamedov arrived in Astana on Tuesday. Later, Berdimuhamedov praised Kazakhstan.",
    );
    let ev = ex().extract(&doc).events;
    let praise = ev
        .iter()
        .find(|e| e.kind == "SUPPORT")
        .expect("praise coded");
    assert_eq!(
        praise.source.as_ref().and_then(|a| a.name.as_deref()),
        Some("Serdar Berdimuhamedov")
    );
}

#[test]
fn unknown_text_keeps_the_text_and_nulls() {
    let a = ex().resolve("the committee of concerned neighbours", on(2024, 1, 1));
    assert_eq!(a.text, "the committee of concerned neighbours");
    assert_eq!((a.code, a.name), (None, None));
}

#[test]
fn a_sponsor_state_is_not_the_actor() {
    let a = ex().resolve("Russian-backed separatists", on(2018, 6, 1));
    assert_eq!((a.code, a.sector.as_deref()), (None, Some("REB")));
    // In a report from Ukraine the separatists are coded to where they act.
    let doc = Document::from_plain_text(
        "s.txt",
        "date 2018-06-01\nKYIV, Ukraine — Russian-backed separatists shelled Ukrainian positions near Donetsk on Thursday.",
    );
    let ev = ex().extract(&doc).events;
    let shell = ev
        .iter()
        .find(|e| e.kind == "ASSAULT")
        .expect("shelling coded");
    assert_eq!(
        shell.source.as_ref().and_then(|a| a.code.as_deref()),
        Some("UKR")
    );
    assert_eq!(
        shell.source.as_ref().and_then(|a| a.sector.as_deref()),
        Some("REB")
    );
}

#[test]
fn a_body_whose_role_changed_resolves_by_date() {
    assert_eq!(cs("the Taliban", on(2020, 2, 29)), pair("AFG", Some("REB")));
    assert_eq!(cs("the Taliban", on(2023, 1, 1)), pair("AFG", Some("GOV")));
}
