//! The event coder's structural cases, each pinned with a sentence written for this test.

use chrono::NaiveDate;
use dyad_core::record::EventRecord;
use dyad_core::{Document, Extractor};
use std::sync::OnceLock;

fn ex() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::builtin().expect("built-in knowledge loads"))
}

fn events(text: &str) -> Vec<EventRecord> {
    let doc = Document::from_plain_text("t.txt", &format!("date 2025-03-12\n{text}"));
    ex().extract(&doc).events
}

fn code(a: &Option<dyad_core::Actor>) -> &str {
    a.as_ref().and_then(|x| x.code.as_deref()).unwrap_or("-")
}

fn summary(text: &str) -> Vec<String> {
    events(text)
        .iter()
        .map(|e| {
            let flag = if e.negated {
                " negated"
            } else if e.hypothetical {
                " hypothetical"
            } else {
                ""
            };
            format!("{} {}>{}{}", e.kind, code(&e.source), code(&e.target), flag)
        })
        .collect()
}

#[test]
fn subject_and_object_give_source_and_target() {
    assert_eq!(
        summary("Japan condemned North Korea on Tuesday."),
        vec!["ACCUSE JPN>PRK"]
    );
}

#[test]
fn passive_voice_swaps_source_and_target() {
    assert_eq!(
        summary("A Malian army post was attacked by Algerian militants."),
        vec!["ASSAULT DZA>MLI"]
    );
}

#[test]
fn compound_subject_of_a_joint_act_is_one_pair() {
    let got = summary("Chile and Peru signed three agreements on fisheries, mining and customs.");
    assert_eq!(got.len(), 1);
    assert!(
        got[0] == "SUPPORT CHL>PER" || got[0] == "SUPPORT PER>CHL",
        "{got:?}"
    );
}

#[test]
fn compound_target_gives_one_event_per_target() {
    let got = summary("The European Union urged Serbia and Kosovo to resume talks.");
    assert!(got.contains(&"REQUEST EU>SRB".to_string()), "{got:?}");
    assert!(got.contains(&"REQUEST EU>XKX".to_string()), "{got:?}");
}

#[test]
fn with_phrase_is_the_target_of_talks() {
    assert_eq!(
        summary("Egypt held talks with Jordan in Cairo."),
        vec!["CONSULT EGY>JOR"]
    );
}

#[test]
fn negation_is_flagged() {
    assert_eq!(
        summary("Norway did not sign the treaty with Sweden."),
        vec!["SUPPORT NOR>SWE negated"]
    );
}

#[test]
fn planned_cooperation_is_agree_and_announced_conflict_is_a_threat() {
    let got = summary("Vietnam plans to visit Laos next month.");
    assert_eq!(got, vec!["AGREE VNM>LAO"]);
    // PLOVER codes a coercive act announced as possible or coming as THREATEN, not as the act.
    let got = summary("Canada may impose sanctions on Venezuela.");
    assert_eq!(got, vec!["THREATEN CAN>VEN"]);
    // Urged on someone else, it is neither the act nor a threat.
    let got = summary("Senators urged Canada to impose sanctions on Venezuela.");
    assert!(
        got.contains(&"SANCTION CAN>VEN hypothetical".to_string()),
        "{got:?}"
    );
    assert!(got.iter().all(|g| !g.starts_with("THREATEN")), "{got:?}");
}

#[test]
fn pronoun_refers_to_the_last_person() {
    let got = summary(
        "Kenyan President William Ruto arrived in Addis Ababa. He praised Ethiopia for its role.",
    );
    assert!(got.contains(&"SUPPORT KEN>ETH".to_string()), "{got:?}");
}

#[test]
fn the_two_leaders_refers_to_the_pair() {
    let got = summary(
        "Brazilian President Luiz Inacio Lula da Silva met Argentine President Javier Milei. The two leaders signed a trade agreement.",
    );
    assert!(
        got.iter()
            .any(|g| g == "SUPPORT BRA>ARG" || g == "SUPPORT ARG>BRA"),
        "{got:?}"
    );
}

#[test]
fn repeated_mentions_merge_into_one_event() {
    let ev = events("Israel and Hamas held talks in Doha on Monday. Israel and Hamas held indirect talks through Qatari mediators, officials said.");
    let talks: Vec<&EventRecord> = ev
        .iter()
        .filter(|e| e.kind == "CONSULT" && e.rule == "talks")
        .collect();
    assert_eq!(talks.len(), 1, "{ev:?}");
    assert_eq!(talks[0].mentions, 2);
}

#[test]
fn capital_after_in_is_a_place_and_otherwise_the_government() {
    let ev = events("Moscow accused Kyiv of sabotage.");
    assert_eq!(code(&ev[0].source), "RUS");
    assert_eq!(code(&ev[0].target), "UKR");
    let ev = events("France and Italy held talks in Rome.");
    assert_eq!(
        ev[0].location.as_ref().map(|l| l.country.as_str()),
        Some("ITA")
    );
}

#[test]
fn office_holders_resolve_by_the_report_date() {
    let d = NaiveDate::from_ymd_opt(2020, 6, 1);
    assert_eq!(
        ex().resolve("Berdimuhamedov", d).name.as_deref(),
        Some("Gurbanguly Berdimuhamedov")
    );
    let d = NaiveDate::from_ymd_opt(2023, 6, 1);
    assert_eq!(
        ex().resolve("Berdimuhamedov", d).name.as_deref(),
        Some("Serdar Berdimuhamedov")
    );
    // On the first day of the term the new holder is in office.
    let d = NaiveDate::from_ymd_opt(2022, 3, 19);
    assert_eq!(
        ex().resolve("Berdimuhamedov", d).name.as_deref(),
        Some("Serdar Berdimuhamedov")
    );
}

#[test]
fn signing_carries_count_and_topics_and_evidence_offsets_slice_the_body() {
    let text = "ALMATY — Kyrgyz and Kazakh ministers signed 4 agreements covering water, energy, customs and transit on Monday.";
    let doc = Document::from_plain_text("t.txt", &format!("date 2025-03-12\n{text}"));
    let x = ex().extract(&doc);
    let e = x
        .events
        .iter()
        .find(|e| e.cameo.as_deref() == Some("057"))
        .expect("signing");
    assert_eq!(e.count, Some(4));
    assert_eq!(e.date.as_deref(), Some("2025-03-10"));
    let body: Vec<char> = x.document.body.chars().collect();
    let slice: String = body[e.evidence.start..e.evidence.end].iter().collect();
    assert_eq!(slice, e.evidence.text);
}

#[test]
fn facts_carry_value_unit_direction_and_qualifier() {
    let doc = Document::from_plain_text(
        "t.txt",
        "date 2025-03-12\nTASHKENT — Since 2020, Korean investment in Uzbekistan has topped $2.5 billion; roughly 300 firms with Korean capital are active in Uzbekistan.",
    );
    let facts = ex().extract(&doc).facts;
    let inv = facts
        .iter()
        .find(|f| f.kind == "investment")
        .expect("investment");
    assert_eq!(
        (inv.from.as_deref(), inv.to.as_deref()),
        (Some("KOR"), Some("UZB"))
    );
    assert_eq!(
        (inv.value, inv.unit.as_str(), inv.qualifier.as_str()),
        (2.5e9, "USD", "more_than")
    );
    let co = facts
        .iter()
        .find(|f| f.kind == "companies")
        .expect("companies");
    assert_eq!(
        (co.from.as_deref(), co.to.as_deref(), co.value),
        (Some("KOR"), Some("UZB"), 300.0)
    );
}

#[test]
fn an_act_asked_for_is_not_reported_as_done_and_a_refused_one_is_negated() {
    assert_eq!(
        summary("The United Nations urged Sudan and Chad to resume talks."),
        vec![
            "REQUEST UN>SDN",
            "REQUEST UN>TCD",
            "CONSULT SDN>TCD hypothetical"
        ]
    );
    // PLOVER codes the refusal itself, as a rejection.
    assert_eq!(
        summary("Hungary refused to sign the agreement with Ukraine."),
        vec!["REJECT HUN>UKR"]
    );
}

#[test]
fn the_two_sides_refers_to_the_last_pair() {
    let got = summary(
        "Ecuador and Peru held talks in Lima. The two sides agreed to reopen the border crossing.",
    );
    assert!(got.contains(&"AGREE ECU>PER".to_string()), "{got:?}");
}

#[test]
fn acts_under_consideration_are_hypothetical() {
    assert_eq!(
        summary("Australia is considering sanctions against Myanmar."),
        vec!["SANCTION AUS>MMR hypothetical"]
    );
}

#[test]
fn a_one_sided_mention_folds_into_the_two_sided_event() {
    let got = summary("Portugal hosted Angola for talks. Portugal said the visit went well and the meeting was useful.");
    let consult: Vec<&String> = got.iter().filter(|g| g.starts_with("CONSULT")).collect();
    assert_eq!(consult, vec!["CONSULT PRT>AGO"], "{got:?}");
}

#[test]
fn the_capital_is_the_capital_of_the_country_the_report_is_about() {
    let doc = Document::from_plain_text(
        "c.txt",
        "date 2025-03-12\nTBILISI — Armenia and Georgia held talks on Monday. Later, Georgian officials praised Armenian envoys in the capital.",
    );
    let ev = ex().extract(&doc).events;
    let met = ev
        .iter()
        .find(|e| e.evidence.text.contains("in the capital"))
        .expect("meeting coded");
    let loc = met.location.as_ref().expect("located");
    // The dateline says which state the report is about.
    assert_eq!(
        (loc.country.as_str(), loc.name.as_str()),
        ("GEO", "Tbilisi")
    );
}

#[test]
fn facts_of_people_are_located_and_ranges_kept() {
    let doc = Document::from_plain_text(
        "f.txt",
        "date 2025-03-12\nNAIROBI — Police detained between 40 and 60 protesters in Mombasa on Tuesday. At least 12 people were killed in clashes.",
    );
    let facts = ex().extract(&doc).facts;
    let arrests = facts.iter().find(|f| f.kind == "arrests").expect("arrests");
    assert_eq!(
        (arrests.value, arrests.value_max, arrests.unit.as_str()),
        (40.0, Some(60.0), "persons")
    );
    assert_eq!(arrests.countries, vec!["KEN".to_string()]);
    let killed = facts
        .iter()
        .find(|f| f.kind == "casualties")
        .expect("casualties");
    assert_eq!(
        (killed.value, killed.qualifier.as_str()),
        (12.0, "at_least")
    );
}

#[test]
fn the_border_with_a_neighbour_is_located_in_the_reporting_state() {
    let doc = Document::from_plain_text(
        "b.txt",
        "date 2025-03-12\nWARSAW — Poland deployed troops on the border with Belarus on Monday.",
    );
    let ev = ex().extract(&doc).events;
    let dep = ev
        .iter()
        .find(|e| e.kind == "MOBILIZE")
        .expect("deployment coded");
    let loc = dep.location.as_ref().expect("located");
    assert_eq!(loc.country, "POL");
    assert_eq!(loc.name, "border of Poland with Belarus");
}

#[test]
fn a_stated_disappointment_is_disapproval() {
    let got = summary("Sweden was deeply disappointed by Hungary's decision.");
    assert!(got.contains(&"ACCUSE SWE>HUN".to_string()), "{got:?}");
}

/// A number inside a name ("Group of Seven") sits inside the phrase that names the actor;
/// measuring the phrase's distance to it must not underflow (debug builds panicked here).
#[test]
fn a_number_inside_an_actor_name_is_not_a_figure() {
    let doc = Document::from_plain_text(
        "g7.txt",
        "date 2025-04-02\nROME — Oman on Wednesday dismissed a statement by Group of Seven finance ministers that blamed Muscat for higher shipping costs.",
    );
    let x = ex().extract(&doc);
    assert!(x.facts.iter().all(|f| f.value != 7.0), "{:?}", x.facts);
    assert!(x
        .events
        .iter()
        .any(|e| code(&e.source) == "OMN" && code(&e.target) == "G7"));
}

/// The coded events of `text` whose type is `kind`, as `TYPE SRC>TGT`, plus their CAMEO codes.
fn of_kind(text: &str, kind: &str) -> Vec<(String, String)> {
    events(text)
        .iter()
        .filter(|e| e.kind == kind && !e.negated && !e.hypothetical)
        .map(|e| {
            (
                format!("{}>{}", code(&e.source), code(&e.target)),
                e.cameo.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn a_counted_group_is_the_subject_not_a_prepositional_phrase() {
    let got = of_kind(
        "Thousands of Chilean students marched in Santiago on Friday.",
        "PROTEST",
    );
    assert_eq!(got.first().map(|g| g.0.as_str()), Some("CHL>-"), "{got:?}");
}

#[test]
fn hunger_strikes_and_labour_strikes_are_protests_not_attacks() {
    let hunger = "Jailed Bahraini activists began a hunger strike on Monday.";
    assert_eq!(
        of_kind(hunger, "PROTEST").first().map(|g| g.1.as_str()),
        Some("142")
    );
    assert!(of_kind(hunger, "ASSAULT").is_empty());
    let general = "Greek unions called a general strike on Tuesday.";
    assert_eq!(
        of_kind(general, "PROTEST").first().map(|g| g.1.as_str()),
        Some("143")
    );
    assert!(of_kind(general, "ASSAULT").is_empty());
}

#[test]
fn riots_and_road_blockades_are_violent_or_obstructive_protest() {
    let riot = of_kind("Prisoners in Ecuador rioted on Sunday.", "PROTEST");
    assert_eq!(riot, vec![("ECU>-".to_string(), "145".to_string())]);
    let block = of_kind(
        "Farmers in Poland blocked roads near the border on Monday.",
        "PROTEST",
    );
    assert_eq!(
        block.first().map(|g| g.1.as_str()),
        Some("144"),
        "{block:?}"
    );
    assert!(of_kind(
        "Farmers in Poland blocked roads near the border on Monday.",
        "COERCE"
    )
    .is_empty());
}

#[test]
fn an_actor_placed_in_a_country_belongs_to_it_unless_already_national() {
    let rebels = of_kind("Rebels in Mali attacked an army post on Sunday.", "ASSAULT");
    assert_eq!(
        rebels.first().map(|g| g.0.as_str()),
        Some("MLI>-"),
        "{rebels:?}"
    );
    let troops = of_kind("Russian troops in Syria attacked a convoy.", "ASSAULT");
    assert_eq!(
        troops.first().map(|g| g.0.as_str()),
        Some("RUS>-"),
        "{troops:?}"
    );
}

#[test]
fn standing_down_is_retreat() {
    assert_eq!(
        of_kind(
            "France completed its withdrawal from Niger on Friday.",
            "RETREAT"
        ),
        vec![("FRA>NER".to_string(), "0874".to_string())]
    );
    assert_eq!(
        of_kind(
            "Turkey reopened its border with Armenia on Monday.",
            "RETREAT"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("TUR>ARM")
    );
    let resigned = of_kind("The Peruvian prime minister resigned on Friday.", "RETREAT");
    assert_eq!(
        resigned.first().map(|g| g.0.as_str()),
        Some("PER>-"),
        "{resigned:?}"
    );
    let surrendered = of_kind("Rebels in Mozambique surrendered to the army.", "RETREAT");
    assert_eq!(
        surrendered.first().map(|g| g.0.as_str()),
        Some("MOZ>-"),
        "{surrendered:?}"
    );
}

#[test]
fn concessions_lift_emergencies_meet_demands_and_call_off_strikes() {
    assert_eq!(
        of_kind(
            "Ecuador lifted the state of emergency on Friday.",
            "CONCEDE"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("ECU>-")
    );
    assert_eq!(
        of_kind(
            "Nepal accepted the demands of striking teachers.",
            "CONCEDE"
        )
        .first()
        .map(|g| g.1.as_str()),
        Some("083")
    );
    let called_off = "Nigerian unions called off a planned strike on Monday.";
    assert_eq!(of_kind(called_off, "CONCEDE").len(), 1);
    assert!(of_kind(called_off, "PROTEST").is_empty());
    assert!(of_kind(called_off, "ASSAULT").is_empty());
}

#[test]
fn forces_kept_on_alert_or_reinforced_are_mobilisation() {
    assert_eq!(
        of_kind(
            "Indian troops remained on high alert near the frontier.",
            "MOBILIZE"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("IND>-")
    );
    assert_eq!(
        of_kind(
            "Japan reinforced its troops on its southern islands.",
            "MOBILIZE"
        )
        .first()
        .map(|g| g.1.as_str()),
        Some("154")
    );
}

#[test]
fn an_agreement_reached_together_is_one_undirected_agree() {
    let got = of_kind(
        "Colombia and Venezuela reached an agreement on border trade on Monday.",
        "AGREE",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0 == "COL>VEN" || got[0].0 == "VEN>COL", "{got:?}");
}

#[test]
fn a_hostile_act_announced_for_the_future_is_a_threat() {
    let will = of_kind(
        "Canada will impose sanctions on Iran unless the detainees are freed.",
        "THREATEN",
    );
    assert_eq!(will, vec![("CAN>IRN".to_string(), "1312".to_string())]);
    // An obligation or a hedge is not an announcement.
    assert!(of_kind(
        "Canada must impose sanctions on Iran, the senator said.",
        "THREATEN"
    )
    .is_empty());
    assert!(of_kind(
        "Ministers discussed possible sanctions on Iran.",
        "THREATEN"
    )
    .is_empty());
    // Cooperation announced for the future stays an AGREE.
    assert_eq!(
        of_kind("Canada will send aid to Haiti next month.", "AGREE").len(),
        1
    );
}

#[test]
fn the_european_community_is_the_union_under_its_older_name() {
    assert_eq!(
        of_kind(
            "The European Community condemned Iraq on Tuesday.",
            "ACCUSE"
        ),
        vec![("EU>IRQ".to_string(), "111".to_string())]
    );
}

#[test]
fn a_trade_measure_falls_on_the_country_of_the_goods() {
    assert_eq!(
        of_kind(
            "Chile levied 15% duties on copper wire from Peru on Monday.",
            "SANCTION"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("CHL>PER")
    );
    assert_eq!(
        of_kind(
            "Mexico doubled tariffs on imports of Chinese steel.",
            "SANCTION"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("MEX>CHN")
    );
}

#[test]
fn a_video_call_is_a_consultation() {
    let got = of_kind(
        "Kenyan President William Ruto spoke by video link with Emmanuel Macron on Friday.",
        "CONSULT",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0 == "KEN>FRA" || got[0].0 == "FRA>KEN", "{got:?}");
}

#[test]
fn officials_in_a_capital_speak_for_its_state() {
    assert_eq!(
        of_kind(
            "Officials in Nairobi called on Somalia to release the detainees.",
            "REQUEST"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("KEN>SOM")
    );
}

#[test]
fn a_rejected_offer_is_rejected_towards_whoever_made_it() {
    assert_eq!(
        summary("Chad rejected a fresh offer from Sudan for direct talks."),
        vec!["REJECT TCD>SDN"]
    );
    assert_eq!(
        summary("Peru dismissed a Bolivian plan for the shared lake."),
        vec!["REJECT PER>BOL"]
    );
}

#[test]
fn an_obligation_stated_for_another_is_a_demand() {
    assert_eq!(
        of_kind(
            "Ghana said on Friday that Togo must reopen the border.",
            "REQUEST"
        ),
        vec![("GHA>TGO".to_string(), "020".to_string())]
    );
}

#[test]
fn the_same_pronoun_on_both_sides_is_not_a_pair() {
    let got = summary(
        "Sweden and Finland held talks on Monday. If they mean what they say, they must act, an analyst said.",
    );
    assert!(got.iter().all(|g| !g.starts_with("REQUEST")), "{got:?}");
}

#[test]
fn an_act_whose_only_recipient_is_a_home_town_keeps_its_subject() {
    let got = of_kind(
        "Thousands of Chilean miners marched in the northern city of Antofagasta on Sunday calling for higher wages.",
        "PROTEST",
    );
    assert_eq!(got.first().map(|g| g.0.as_str()), Some("CHL>-"), "{got:?}");
}

#[test]
fn an_obligation_laid_on_a_state_is_not_its_commitment() {
    let got =
        summary("Britain said the Sudanese government must reach an agreement with the rebels.");
    assert_eq!(got, vec!["REQUEST GBR>SDN", "AGREE SDN>- hypothetical"]);
    // Announced by the actor itself, it is.
    assert!(
        summary("Sudan will reach an agreement with Chad next week.")
            .iter()
            .any(|g| g.starts_with("AGREE") && !g.ends_with("hypothetical"))
    );
}

#[test]
fn shelling_positions_is_an_assault_not_a_deployment() {
    let text = "Ethiopian tanks shelled positions of Eritrean forces near the border.";
    assert_eq!(
        of_kind(text, "ASSAULT").first().map(|g| g.0.as_str()),
        Some("ETH>ERI")
    );
    assert!(of_kind(text, "MOBILIZE").is_empty());
}

#[test]
fn money_and_goods_handed_over_are_aid() {
    assert_eq!(
        of_kind(
            "Japan gave Laos 12 million dollars for rural schools.",
            "AID"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("JPN>LAO")
    );
    assert_eq!(
        of_kind(
            "Norway handed over tents and medicine to Nepal on Monday.",
            "AID"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("NOR>NPL")
    );
}

#[test]
fn what_is_told_in_a_phone_call_and_a_delegation_sent_are_consultations() {
    let phone = of_kind(
        "Kenyan President William Ruto told Emmanuel Macron in a phone call that Kenya would send police.",
        "CONSULT",
    );
    assert!(
        phone.iter().any(|g| g.0 == "KEN>FRA" || g.0 == "FRA>KEN"),
        "{phone:?}"
    );
    assert_eq!(
        of_kind(
            "Brazil sent a delegation to Angola for the independence celebrations.",
            "CONSULT"
        )
        .first()
        .map(|g| g.0.as_str()),
        Some("BRA>AGO")
    );
}

#[test]
fn an_act_on_the_actors_own_country_keeps_its_actor() {
    assert_eq!(
        summary("The Polish president promised to reform Poland."),
        vec!["AGREE POL>-"]
    );
}

#[test]
fn a_stance_after_is_is_not_passive_voice() {
    assert_eq!(
        summary("Kenya said it is committed to reforming its courts."),
        vec!["AGREE KEN>-"]
    );
}

#[test]
fn unnamed_crowds_belong_to_the_country_the_sentence_places_them_in() {
    assert_eq!(
        summary("Hundreds of teachers across Ghana held a march on Friday."),
        vec!["PROTEST GHA>-"]
    );
    assert_eq!(
        summary("Workers staged protests across Ghana on Friday."),
        vec!["PROTEST GHA>-"]
    );
    // Companies are not taken to be local: they are as often foreign.
    assert!(summary("Companies staged protests across Ghana on Friday.").is_empty());
}

#[test]
fn a_question_or_condition_is_not_an_agreement() {
    assert_eq!(
        summary(
            "The Chilean president was asked whether he might back down on tariffs against Peru."
        ),
        vec!["CONCEDE CHL>PER hypothetical"]
    );
}

#[test]
fn them_names_every_member_of_the_last_list() {
    let got = summary("Brazil raised duties on Peru, Chile and Bolivia to push them to act.");
    for want in ["REQUEST BRA>PER", "REQUEST BRA>CHL", "REQUEST BRA>BOL"] {
        assert!(got.iter().any(|e| e == want), "{want} not in {got:?}");
    }
}

#[test]
fn multi_word_patterns_match_each_form() {
    assert_eq!(
        summary("Egyptian police detained two Sudanese traders."),
        vec!["COERCE EGY>SDN"]
    );
    assert_eq!(
        summary("The Nepali army imposed a curfew in Kathmandu."),
        vec!["COERCE NPL>-"]
    );
    assert_eq!(
        summary("Iraq launched airstrikes against Syria."),
        vec!["ASSAULT IRQ>SYR"]
    );
    assert_eq!(summary("Fiji castigated Tonga."), vec!["ACCUSE FJI>TON"]);
}

#[test]
fn talks_resumed_and_mediation_begun_are_consultations() {
    let got = summary("Armenia and Azerbaijan resumed negotiations on Monday.");
    assert!(
        got == vec!["CONSULT ARM>AZE"] || got == vec!["CONSULT AZE>ARM"],
        "{got:?}"
    );
    let got = summary("Norway began mediation between Colombia and Venezuela.");
    assert!(got.contains(&"CONSULT NOR>COL".to_string()), "{got:?}");
    assert!(got.contains(&"CONSULT NOR>VEN".to_string()), "{got:?}");
}

#[test]
fn war_games_together_are_cooperation() {
    let got = summary("Indian and Japanese destroyers began war games in the Pacific.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("COOPERATE"), "{got:?}");
}

#[test]
fn help_named_by_what_is_given_is_aid() {
    assert_eq!(
        summary("Norway is providing medicine and fuel to Yemen."),
        vec!["AID NOR>YEM"]
    );
}

#[test]
fn inquiries_opened_and_inspectors_sent_are_investigations() {
    assert_eq!(
        summary("The OSCE sent monitors to Georgia on Monday."),
        vec!["ACCUSE OSCE>GEO"]
    );
    assert_eq!(
        summary("Brazil opened an inquiry into Paraguay's border guards."),
        vec!["ACCUSE BRA>PRY"]
    );
}

#[test]
fn pressure_is_a_request_and_demolition_is_coercion() {
    assert_eq!(
        summary("Washington pressured Seoul to drop the tax."),
        vec!["REQUEST USA>KOR"]
    );
    assert_eq!(
        summary("Sudanese soldiers demolished Eritrean homes near the border."),
        vec!["COERCE SDN>ERI"]
    );
}

#[test]
fn the_second_half_of_a_hyphenated_adjective_is_not_a_verb() {
    assert!(summary("The Iranian-backed militia crossed into Iraq.")
        .iter()
        .all(|e| !e.starts_with("SUPPORT")));
    // A prefix written with a hyphen still leaves the verb a verb.
    assert_eq!(
        summary("Chad re-opened its borders to Sudan."),
        vec!["RETREAT TCD>SDN"]
    );
}

#[test]
fn hyphens_do_not_use_up_a_patterns_gap() {
    assert_eq!(
        summary("Turkey lifted its two-year-old blockade on Armenia."),
        vec!["CONCEDE TUR>ARM"]
    );
}

#[test]
fn of_two_overlapping_patterns_the_earlier_stands() {
    let got =
        summary("The Kenyan government accepted demands from Somalia that it open the border.");
    assert!(got.contains(&"CONCEDE KEN>SOM".to_string()), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("REQUEST")), "{got:?}");
}

#[test]
fn they_is_the_group_the_sentence_named_before() {
    assert_eq!(
        summary("Chadian rebels said they would free the hostages on Sunday."),
        vec!["AGREE TCD>-"]
    );
}

#[test]
fn a_sworn_fight_is_a_threat() {
    let got = summary("Rebels in Chad have sworn to fight the Libyan army.");
    assert_eq!(got, vec!["THREATEN TCD>LBY"]);
}

#[test]
fn agreeing_to_a_ceasefire_is_agreement_and_declaring_one_is_retreat() {
    let got = summary("Armenia and Azerbaijan agreed to a truce on Sunday.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("AGREE"), "{got:?}");
    assert_eq!(
        summary("Ecuador declared a ceasefire with Peru."),
        vec!["RETREAT ECU>PER"]
    );
}

#[test]
fn welcoming_what_someone_said_is_approval_not_hosting() {
    assert_eq!(
        summary("The Danish government applauded Norway's decision on fisheries."),
        vec!["SUPPORT DNK>NOR"]
    );
}

#[test]
fn visits_called_off_and_links_suspended_are_sanctions() {
    assert_eq!(
        summary("The Spanish king postponed his trip to Morocco."),
        vec!["SANCTION ESP>MAR"]
    );
    assert_eq!(
        summary("Kenya ordered a suspension of trade with Uganda."),
        vec!["SANCTION KEN>UGA"]
    );
}

#[test]
fn crowds_dispersed_abuse_invasions_and_cyber_attacks() {
    assert_eq!(
        summary("Georgian police dispersed Armenian demonstrators."),
        vec!["COERCE GEO>ARM"]
    );
    assert_eq!(
        summary("Libyan guards abused Nigerien migrants."),
        vec!["ASSAULT LBY>NER"]
    );
    assert_eq!(
        summary("Ethiopia mounted an invasion of Somalia."),
        vec!["ASSAULT ETH>SOM"]
    );
    assert_eq!(
        summary("Russian hackers mounted cyber attacks on Estonia."),
        vec!["COERCE RUS>EST"]
    );
}

#[test]
fn talks_approval_and_sanctions_need_the_other_side() {
    assert!(summary("Brazil held talks on Monday.").is_empty());
    assert!(summary("Efforts to impose sanctions were led by Canada.").is_empty());
    // An act that needs no recipient is still reported with one side.
    assert_eq!(summary("Fiji promised reforms."), vec!["AGREE FJI>-"]);
}

#[test]
fn a_clause_set_off_by_commas_is_not_the_subject() {
    assert_eq!(
        summary("Russia, which has long been Serbia's closest ally, criticised Croatia on Friday."),
        vec!["ACCUSE RUS>HRV"]
    );
    assert_eq!(
        summary("Chile, a neighbour of Peru, condemned Bolivia."),
        vec!["ACCUSE CHL>BOL"]
    );
}

#[test]
fn a_list_after_of_is_the_recipient_as_a_whole() {
    let got = summary("Ghana praised the conduct of French and Russian observers.");
    assert!(got.contains(&"SUPPORT GHA>FRA".to_string()), "{got:?}");
    assert!(got.contains(&"SUPPORT GHA>RUS".to_string()), "{got:?}");
}

#[test]
fn an_outgoing_title_does_not_break_a_list() {
    let got = summary(
        "Kenyan President William Ruto and outgoing Ugandan Prime Minister Robinah Nabbanja condemned Sudan.",
    );
    assert!(got.contains(&"ACCUSE KEN>SDN".to_string()), "{got:?}");
    assert!(got.contains(&"ACCUSE UGA>SDN".to_string()), "{got:?}");
}

#[test]
#[ignore = "parser: reads 'Peruvian-' as a complement of the verb and the trucks as an oblique"]
fn a_suspended_hyphen_still_lists_both_countries() {
    let got = summary("Chile exempted Peruvian- and Bolivian-made trucks.");
    assert!(got.contains(&"CONCEDE CHL>PER".to_string()), "{got:?}");
    assert!(got.contains(&"CONCEDE CHL>BOL".to_string()), "{got:?}");
}

#[test]
fn the_same_act_on_two_different_days_is_two_events() {
    let got = events(
        "Brazil raised tariffs on Argentine wheat on Monday. \
         On Wednesday Brazil imposed new tariffs on Argentine beef.",
    );
    let sanctions: Vec<_> = got.iter().filter(|e| e.kind == "SANCTION").collect();
    assert_eq!(sanctions.len(), 2, "{got:?}");
    let mut dates: Vec<_> = sanctions.iter().map(|e| e.date.clone()).collect();
    dates.sort();
    assert_eq!(
        dates,
        vec![
            Some("2025-03-10".to_string()),
            Some("2025-03-12".to_string())
        ]
    );
}

#[test]
fn a_trade_war_waged_and_prices_raised_on_anothers_buyers_are_sanctions() {
    assert_eq!(
        summary("Japan escalated its trade war with South Korea on Friday."),
        vec!["SANCTION JPN>KOR"]
    );
}

#[test]
#[ignore = "parser: reads 'sent to Denmark' as an adverbial clause of 'charging', not as a \
            modifier of 'gas', so the target is out of reach"]
fn a_surcharge_on_goods_sent_to_a_country_falls_on_it() {
    assert_eq!(
        summary("Norway was charging 20% more for gas sent to Denmark."),
        vec!["SANCTION NOR>DNK"]
    );
}

#[test]
fn force_used_in_a_place_falls_on_that_places_state() {
    assert_eq!(
        summary("Turkish drones fired missiles at positions in Iraq."),
        vec!["ASSAULT TUR>IRQ"]
    );
    assert_eq!(
        summary("Thai troops stayed on alert in Laos."),
        vec!["MOBILIZE THA>LAO"]
    );
}

#[test]
fn violence_without_a_named_perpetrator_is_put_to_the_country_where_it_happened() {
    assert_eq!(
        summary("Two French soldiers were killed in an explosion in Mali."),
        vec!["ASSAULT MLI>FRA"]
    );
    // With no place there is no one to put it to.
    assert_eq!(
        summary("Two French soldiers were killed in an explosion."),
        vec!["ASSAULT ->FRA"]
    );
}

#[test]
fn the_state_leading_a_force_is_its_actor_but_a_sponsor_or_a_stance_is_not() {
    assert_eq!(
        summary("Saudi-led forces bombed Yemen."),
        vec!["ASSAULT SAU>YEM"]
    );
    assert!(summary("Iranian-backed militias attacked Israel.")
        .iter()
        .all(|e| !e.starts_with("ASSAULT IRN")));
    assert!(summary("An anti-Russian blogger condemned Belarus.")
        .iter()
        .all(|e| !e.contains("RUS>")));
}

#[test]
fn a_bracketed_abbreviation_is_not_a_namesake_politician() {
    // "AKK" is also the initials by which a German politician is known.
    let got = summary("The Kenya Farmers Association (AKK) condemned Uganda.");
    assert!(got.iter().all(|e| !e.contains("DEU")), "{got:?}");
}

#[test]
fn an_ethnic_minority_belongs_to_the_state_it_lives_in() {
    assert_eq!(
        summary("Ethnic Russians protested in Estonia on Monday."),
        vec!["PROTEST EST>-"]
    );
}

#[test]
fn borders_closed_forces_mobilised_against_and_asylum_sought() {
    assert_eq!(
        summary("Algeria closed its borders with Morocco."),
        vec!["SANCTION DZA>MAR"]
    );
    assert_eq!(
        summary("Armenia mobilized reservists against Azerbaijan."),
        vec!["MOBILIZE ARM>AZE"]
    );
    assert_eq!(
        summary("Hundreds of Eritreans sought asylum in Italy."),
        vec!["REQUEST ERI>ITA"]
    );
}

#[test]
fn an_organisations_secretary_general_speaks_for_it() {
    assert_eq!(
        summary("OAS Secretary General Luis Almagro condemned Venezuela."),
        vec!["ACCUSE OAS>VEN"]
    );
}

#[test]
fn provinces_and_regions_resolve_to_their_state() {
    assert_eq!(
        summary("Alberta's premier criticised Washington."),
        vec!["ACCUSE CAN>USA"]
    );
    assert_eq!(
        summary("Rebels in Darfur attacked Chad."),
        vec!["ASSAULT SDN>TCD"]
    );
    // A province of the actor's own state is a place, not a second party.
    assert!(summary("Canada is charging 20% more for oil Alberta sells.").is_empty());
}

#[test]
fn what_someone_is_pressured_to_do_has_not_happened() {
    assert_eq!(
        summary("Peru pressured Chile to block the shipments."),
        vec!["REQUEST PER>CHL", "COERCE CHL>- hypothetical"]
    );
}

#[test]
fn a_refusal_is_a_rejection() {
    assert_eq!(
        summary("Hungary refused to sign the agreement with Austria."),
        vec!["REJECT HUN>AUT"]
    );
    assert_eq!(
        summary("Poland said it will not accept any more migrants from Belarus."),
        vec!["REJECT POL>BLR"]
    );
    // A past act that did not happen stays a flagged act.
    assert_eq!(
        summary("Hungary did not sign the agreement with Austria."),
        vec!["SUPPORT HUN>AUT negated"]
    );
}

#[test]
fn a_visit_goes_to_the_place_it_arrives_in() {
    assert_eq!(
        summary("The Kenyan president arrived in Kampala on Wednesday."),
        vec!["CONSULT KEN>UGA"]
    );
}

#[test]
fn planned_restrictions_are_threats_and_extended_curfews_coercion() {
    assert_eq!(
        summary("Austria plans to impose restrictions on workers from Romania."),
        vec!["THREATEN AUT>ROU"]
    );
    assert_eq!(
        summary("The Ivorian army extended the curfew in Abidjan."),
        vec!["COERCE CIV>-"]
    );
}

#[test]
fn ties_upgraded_welcomes_given_protests_lodged_restrictions_cancelled() {
    let got = summary("Chile and Vietnam upgraded their diplomatic ties.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("SUPPORT"), "{got:?}");
    assert_eq!(
        summary("The Italian president gave a warm welcome to the Ghanaian leader."),
        vec!["CONSULT ITA>GHA"]
    );
    assert_eq!(
        summary("Peru lodged an official protest with Bolivia."),
        vec!["ACCUSE PER>BOL"]
    );
    assert_eq!(
        summary("Estonia cancelled restrictions on Finnish broadcasters."),
        vec!["CONCEDE EST>FIN"]
    );
}

#[test]
fn a_gerund_after_on_or_about_is_a_topic_not_an_act() {
    assert!(
        summary("Kenya and Uganda focused on strengthening relations.")
            .iter()
            .all(|e| !e.starts_with("SUPPORT"))
    );
}

#[test]
fn withdrawing_peacekeepers_is_a_sanction_and_announcing_it_a_threat() {
    assert_eq!(
        summary("Ghana withdrew its peacekeepers from Lebanon."),
        vec!["SANCTION GHA>LBN"]
    );
    assert_eq!(
        summary("Ghana will withdraw its peacekeeping force from Lebanon."),
        vec!["THREATEN GHA>LBN"]
    );
}

#[test]
fn a_threat_is_aimed_at_whoever_its_condition_names() {
    let got =
        summary("Egypt threatened to launch a new offensive unless Khartoum accepted its terms.");
    assert!(got.contains(&"THREATEN EGY>SDN".to_string()), "{got:?}");
    // The offensive itself is the threat, not a second event; what the condition supposes
    // ("unless Khartoum accepted") is coded only as hypothetical.
    assert!(
        got.iter()
            .filter(|e| *e != "THREATEN EGY>SDN")
            .all(|e| e.ends_with("hypothetical") && !e.starts_with("ASSAULT")),
        "{got:?}"
    );
}

#[test]
fn outside_a_place_is_still_where_it_happened() {
    assert_eq!(
        summary("Two Canadian medics were killed outside the Malian town of Gao."),
        vec!["ASSAULT MLI>CAN"]
    );
}

#[test]
fn aid_cut_entry_denied_property_destroyed_and_patrols_ordered() {
    assert_eq!(
        summary("Canada cut food aid to Haiti."),
        vec!["SANCTION CAN>HTI"]
    );
    assert_eq!(
        summary("Japan will deny entry to North Korean officials."),
        vec!["THREATEN JPN>PRK"]
    );
    assert_eq!(
        summary("Kosovar militants blew up a Serbian power line."),
        vec!["COERCE XKX>SRB"]
    );
    assert_eq!(
        summary("Greek police beat up Albanian migrants."),
        vec!["ASSAULT GRC>ALB"]
    );
    assert_eq!(
        summary("The Nigerian government ordered the opposition newspaper to close."),
        vec!["COERCE NGA>-"]
    );
    assert_eq!(
        summary("The Kenyan government stepped up patrols along the border with Somalia."),
        vec!["MOBILIZE KEN>SOM"]
    );
}

#[test]
fn an_act_by_someone_unknown_on_a_known_party_is_kept_with_the_source_unknown() {
    // "Judge Maria Okafor" is in no knowledge file; the act and its recipient are still news.
    assert_eq!(
        summary("Judge Maria Okafor accused Ghana of hiding evidence."),
        vec!["ACCUSE ->GHA"]
    );
    // An unresolved pronoun is not an unknown author: nothing is said of whom.
    assert!(summary("They accused Ghana of hiding evidence.").is_empty());
}

#[test]
#[ignore = "parser: joins the unknown name to the fronted 'In Kenya' as a conjunct, so Kenya \
            is read as the author"]
fn the_place_a_non_violent_act_happens_in_is_not_its_author() {
    assert_eq!(
        summary("In Kenya, Judge Maria Okafor accused Ghana of hiding evidence."),
        vec!["ACCUSE ->GHA"]
    );
}

#[test]
fn what_is_still_to_be_done_did_not_happen() {
    assert_eq!(
        summary("Peru is to be visited by Chile's president next month."),
        vec!["CONSULT CHL>PER hypothetical"]
    );
}

#[test]
fn a_pledge_reneged_on_is_a_rejection_not_a_pledge() {
    assert_eq!(
        summary("Kenya reneged on its pledge to Tanzania."),
        vec!["REJECT KEN>TZA"]
    );
}

#[test]
fn delegations_signing_before_their_presidents_sign_for_the_pair() {
    let got = summary(
        "The presidents of Chile and Peru held talks in Lima on Monday. In the presence of the \
         two presidents, members of the official delegations signed six agreements.",
    );
    // Signing is a joint act, coded in the order the pair was named.
    assert_eq!(got, vec!["CONSULT CHL>PER", "SUPPORT CHL>PER"]);
}

#[test]
fn allowing_a_return_is_a_concession_and_promising_it_an_agreement() {
    assert_eq!(
        summary("Mali allowed the return of UN monitors."),
        vec!["RETREAT MLI>UN"]
    );
    assert_eq!(
        summary("Syria said it would allow the return of UN observers."),
        vec!["AGREE SYR>UN"]
    );
}

#[test]
fn a_hyphenated_word_is_one_word_headed_by_its_last_part() {
    assert_eq!(
        summary("Mali re-imposed sanctions on Niger."),
        vec!["SANCTION MLI>NER"]
    );
    assert_eq!(
        summary("Kenya co-signed an agreement with Uganda."),
        vec!["SUPPORT KEN>UGA"]
    );
    assert_eq!(
        summary("Chad re-opened its borders to Sudan."),
        vec!["RETREAT TCD>SDN"]
    );
}

#[test]
fn a_measure_of_goods_hands_on_to_the_goods_country() {
    assert_eq!(
        summary("Mexico slapped duties on $3 billion worth of Chinese steel."),
        vec!["SANCTION MEX>CHN"]
    );
    assert_eq!(
        summary("Brazil imposed tariffs on $500 million worth of Argentine goods."),
        vec!["SANCTION BRA>ARG"]
    );
}

#[test]
fn the_border_with_a_state_names_that_state() {
    assert_eq!(
        summary("Turkey deployed troops along the frontier with Syria."),
        vec!["MOBILIZE TUR>SYR"]
    );
    assert_eq!(
        summary("India massed soldiers on its border with Pakistan."),
        vec!["MOBILIZE IND>PAK"]
    );
    assert_eq!(
        summary("The Kenyan government stepped up patrols along the border with Somalia."),
        vec!["MOBILIZE KEN>SOM"]
    );
}

#[test]
fn a_common_noun_subject_after_a_name_and_a_comma_describes_the_name() {
    assert_eq!(
        summary("Kenya, the region's largest economy, signed a trade deal with Uganda."),
        vec!["SUPPORT KEN>UGA"]
    );
    assert_eq!(
        summary("Obama, a former senator, visited Kenya."),
        vec!["CONSULT USA>KEN"]
    );
    assert_eq!(
        summary("Chile, a neighbour of Peru, condemned Bolivia."),
        vec!["ACCUSE CHL>BOL"]
    );
}

#[test]
fn every_noun_of_a_coordinated_object_belongs_to_the_pattern() {
    assert_eq!(
        summary("Kazakhstan and Turkmenistan exchanged 11 intergovernmental and interdepartmental agreements."),
        vec!["SUPPORT KAZ>TKM"]
    );
    assert_eq!(
        summary("Ghana signed two trade and defence agreements with Togo."),
        vec!["SUPPORT GHA>TGO"]
    );
    assert_eq!(
        summary("Kenya and Uganda inked economic and security deals."),
        vec!["SUPPORT KEN>UGA"]
    );
}

#[test]
fn a_reference_takes_its_number_from_its_head_noun() {
    // "official delegations" is plural: it refers back to both parties, not to one.
    let got = summary(
        "The foreign ministers of Ghana and Togo met in Accra on Monday. Members of the \
         official delegations later signed three agreements.",
    );
    assert!(got.contains(&"SUPPORT GHA>TGO".to_string()), "{got:?}");
}

#[test]
fn a_relative_pronoun_means_the_noun_before_it() {
    assert_eq!(
        summary("The Kenyan foreign minister, who had flown in from Nairobi, condemned Sudan."),
        vec!["ACCUSE KEN>SDN"]
    );
    assert_eq!(
        summary("Brazil, which hosts the summit, criticised Argentina."),
        vec!["ACCUSE BRA>ARG"]
    );
    assert!(summary(
        "Uzbek President Shavkat Mirziyoyev, who received a delegation earlier in the day, \
         thanked Seoul for its help."
    )
    .contains(&"SUPPORT UZB>KOR".to_string()));
}

#[test]
fn a_warning_of_what_is_so_accuses_the_actors_it_describes() {
    assert_eq!(
        summary("Sweden warned that Russian jets had violated its airspace."),
        vec!["ACCUSE SWE>RUS"]
    );
    assert_eq!(
        summary("The Kenyan government warned on Monday that Ugandan support for the rebels was illegal."),
        vec!["ACCUSE KEN>UGA"]
    );
    assert_eq!(
        summary(
            "Washington and its allies warned that growing military ties between Iran and Venezuela are a threat to peace."
        ),
        vec!["ACCUSE USA>IRN", "ACCUSE USA>VEN"]
    );
}

#[test]
fn a_warning_of_what_will_be_or_what_would_follow_threatens() {
    assert_eq!(
        summary("Norway warned Russia that it would respond to any incursion."),
        vec!["THREATEN NOR>RUS"]
    );
    assert_eq!(
        summary(
            "Poland warned of consequences if Belarus kept sending migrants across the border."
        ),
        vec!["THREATEN POL>BLR"]
    );
    assert_eq!(
        summary(
            "Brazil said it would cut off gas supplies to Bolivia unless La Paz paid its debts."
        ),
        vec!["THREATEN BRA>BOL"]
    );
}

#[test]
fn violence_qualified_by_a_domain_is_a_figure_of_speech() {
    for figure in [
        "Ghana has been waging a bitter tariff fight with Nigeria.",
        "Peru fought a long legal battle with Chile over their maritime boundary.",
        "Armenia is fighting a war of words with Azerbaijan.",
    ] {
        assert_eq!(summary(figure), Vec::<String>::new(), "{figure}");
    }
    assert_eq!(
        summary("Sudanese troops fought Chadian rebels near the border."),
        vec!["ASSAULT SDN>TCD"]
    );
}

#[test]
fn a_reading_the_grammar_rejects_gives_way_to_a_shorter_one() {
    // "cut * supplies" would leave the particle "off" outside its pattern; "cut off" names it.
    assert_eq!(
        summary("Brazil cut off gas supplies to Bolivia."),
        vec!["SANCTION BRA>BOL"]
    );
    assert_eq!(
        summary("Uzbekistan cut off electricity supplies to Tajikistan on Friday."),
        vec!["SANCTION UZB>TJK"]
    );
    assert_eq!(
        summary("Russia has cut off oil deliveries to Belarus."),
        vec!["SANCTION RUS>BLR"]
    );
}

#[test]
fn an_obligation_stated_of_another_is_a_request_however_long_its_subject() {
    assert_eq!(
        summary("Brazil's president declared that Venezuela must hold free elections."),
        vec!["REQUEST BRA>VEN"]
    );
    assert_eq!(
        summary(
            "Kenya's foreign minister said on Monday that the Ugandan government and the rebel groups in the north must return to talks."
        ),
        vec!["REQUEST KEN>UGA"]
    );
    // "should" lays the act on the subject as "must" does; the act itself stays hypothetical.
    let got = summary("Germany insisted that Turkey should reopen its border crossings.");
    assert_eq!(got[0], "REQUEST DEU>TUR", "{got:?}");
    assert!(
        got[1..].iter().all(|e| e.ends_with("hypothetical")),
        "{got:?}"
    );
}

#[test]
fn a_threat_is_aimed_at_whoever_the_condition_of_the_threatened_act_names() {
    assert_eq!(
        summary("Iran has threatened to shut the pipeline unless Britain releases the tanker."),
        vec!["THREATEN IRN>GBR", "RETREAT GBR>- hypothetical"]
    );
    assert_eq!(
        summary("Russia threatened to halt the arms talks if the United States deployed new missiles in Europe."),
        vec!["THREATEN RUS>USA", "MOBILIZE USA>- hypothetical"]
    );
    assert_eq!(
        summary("If Chile raises its duties, Peru will impose tariffs on Chilean copper."),
        vec!["THREATEN PER>CHL"]
    );
}

#[test]
fn a_definite_group_repeating_an_earlier_head_noun_means_that_group() {
    assert_eq!(
        summary(
            "Kenyan officials briefed diplomats in Nairobi. The officials said they had arrested twelve smugglers near the coast."
        ),
        vec!["COERCE KEN>-"]
    );
    assert_eq!(
        summary("Colombian rebels seized a village near the border. Venezuelan soldiers clashed with the rebels on Sunday."),
        vec!["COERCE COL>-", "ASSAULT VEN>COL"]
    );
    // With no pair of states in view, "they" are the last group named.
    assert_eq!(
        summary("Malian rebels took control of the town. On Tuesday they attacked a Nigerien army convoy."),
        vec!["ASSAULT MLI>NER"]
    );
}

#[test]
fn a_place_is_the_party_that_holds_it() {
    assert_eq!(
        summary("Sudanese troops shelled positions held by Ethiopian forces, residents said."),
        vec!["ASSAULT SDN>ETH"]
    );
    assert_eq!(
        summary("Russian artillery pounded villages held by Ukrainian troops."),
        vec!["ASSAULT RUS>UKR"]
    );
    assert_eq!(
        summary("Turkish jets bombed areas controlled by Syrian government forces."),
        vec!["ASSAULT TUR>SYR"]
    );
}

#[test]
fn a_link_between_parties_names_the_other_side_with_with() {
    // "official" alone names no one: the party is the one the link is with.
    assert_eq!(
        summary("Ugandan leaders said they would boycott all official contact with Kenya."),
        vec!["THREATEN UGA>KEN"]
    );
    assert_eq!(
        summary("Niger will boycott any official exchanges with Benin."),
        vec!["THREATEN NER>BEN"]
    );
    assert_eq!(
        summary("Peru rejected all official dialogue with Chile."),
        vec!["REJECT PER>CHL"]
    );
}

#[test]
fn naming_the_object_as_something_wrong_accuses_and_only_then() {
    assert_eq!(
        summary("Ghana's president called the Togolese elections a fraud."),
        vec!["ACCUSE GHA>TGO"]
    );
    assert_eq!(
        summary("Brazil described Argentina's new tariffs as unfair and illegal."),
        vec!["ACCUSE BRA>ARG"]
    );
    assert_eq!(
        summary("Tokyo branded the North Korean missile launch reckless."),
        vec!["ACCUSE JPN>PRK"]
    );
    // A name that is no reproach, or a call on someone, is no accusation.
    let got = summary("Chile described its talks with Peru as constructive.");
    assert!(got.iter().all(|e| !e.starts_with("ACCUSE")), "{got:?}");
    assert_eq!(
        summary("Kenya called on Uganda to withdraw its troops."),
        vec!["REQUEST KEN>UGA", "RETREAT UGA>- hypothetical"]
    );
}

#[test]
fn an_act_asked_of_the_one_called_on_or_appealed_to_is_theirs() {
    assert_eq!(
        summary("The EU appealed to Serbia to resume talks with Kosovo."),
        vec!["REQUEST EU>SRB", "CONSULT SRB>XKX hypothetical"]
    );
    assert_eq!(
        summary("Ghana pleaded with Togo to reopen the border."),
        vec!["REQUEST GHA>TGO", "RETREAT TGO>- hypothetical"]
    );
}
