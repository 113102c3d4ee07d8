//! The search index a build writes: split files the browser client reads,
//! words folded and stemmed, filters as ranges, and a switch to turn it off.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestSite;
use serde_json::Value;

/// The JSON inside `parvisSearch.<kind>(…);` (after the leading arguments).
fn payload(script: &str, kind: &str) -> Value {
    let inner = script
        .trim()
        .strip_prefix(&format!("parvisSearch.{kind}("))
        .and_then(|s| s.strip_suffix(");"))
        .unwrap_or_else(|| panic!("not a {kind} script: {script}"));
    let json = match kind {
        "meta" => inner,
        // `"ac",{…}` or `3,[…]`: the data follows the first comma.
        _ => inner.split_once(',').map(|(_, rest)| rest).unwrap(),
    };
    serde_json::from_str(json).unwrap()
}

#[test]
fn index_is_split_and_covers_entries_and_pages() {
    let site = TestSite::from_fixture("basic");
    site.build();
    let meta = payload(&site.output("search/meta.js"), "meta");
    // 7 published entries and 2 stand-alone pages (drafts and scheduled left out).
    assert_eq!(meta["n"], 9, "{meta}");
    assert_eq!(meta["langs"], serde_json::json!(["fr", "en"]));
    assert!(meta["stop"]["fr"]
        .as_array()
        .unwrap()
        .contains(&Value::from("la")));
    let ranges = meta["ranges"].as_array().unwrap();
    let covered: u64 = ranges
        .iter()
        .map(|r| r[3].as_u64().unwrap() - r[2].as_u64().unwrap())
        .sum();
    assert_eq!(covered, 9, "ranges cover every document once: {ranges:?}");

    // "Acmé Santé": folded words, in the shard of their first two letters.
    let words = payload(&site.output("search/w/ac.js"), "words");
    let acme = &words["acme"];
    assert!(acme.is_array(), "{words}");
    let sante = payload(&site.output("search/w/sa.js"), "words");
    assert!(sante.get("sante").is_some() && sante.get("santé").is_none());

    // The document files hold title, link, collection and language.
    let docs = payload(&site.output("search/d/0.js"), "docs");
    let first = &docs[0];
    assert!(first[0].as_str().unwrap().ends_with('/'));
    assert!(first[1].is_string() && first[2].is_number() && first[3].is_number());
}

#[test]
fn stems_group_inflected_forms() {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/startups/imagerie.md",
        "---\ntitle: Imageries médicales\n---\nUne imagerie médicale.\n",
    );
    site.build();
    let words = payload(&site.output("search/w/im.js"), "words");
    assert_eq!(
        words["imageries"][0], words["imagerie"][0],
        "same stem: {words}"
    );
    let me = payload(&site.output("search/w/me.js"), "words");
    assert_eq!(me["medicales"][0], me["medicale"][0], "same stem: {me}");
}

#[test]
fn search_can_be_turned_off() {
    let site = TestSite::from_fixture("basic");
    let config = site.read("site.toml") + "\n[search]\nenabled = false\n";
    site.write("site.toml", config);
    site.build();
    assert!(!site.path("public/search/meta.js").exists());
    assert!(
        site.path("public/search/index.html").exists(),
        "the page still offers the A–Z lists"
    );
}

/// The index of a built site, read back and queried by the browser
/// client's rules (themes/campus/static/js/search.js), restated here so
/// that the ranking a build makes possible is pinned by `cargo test`; the
/// client itself is tested on the same rules by `node --test tests/search/`
/// and in a browser by `tests/e2e/search.test.mjs`.
mod client {
    use std::collections::{BTreeMap, HashMap};
    use std::path::PathBuf;

    use parvis::search::normalize;
    use serde_json::{Map, Value};

    use super::payload;

    const EXACT: u8 = 2;
    const PREFIX: u8 = 1;
    const TYPO: u8 = 0;
    const MAX_PREFIXES: usize = 2;
    const MAX_CORRECTIONS: usize = 3;

    #[derive(Clone, Debug)]
    struct Candidate {
        stem: u64,
        file: u64,
        capped: bool,
        frequency: u64,
        quality: u8,
        rank: usize,
    }

    pub(super) struct Index {
        search: PathBuf,
        meta: Value,
    }

    impl Index {
        pub(super) fn open(out: PathBuf) -> Index {
            let search = out.join("search");
            let meta = payload(
                &std::fs::read_to_string(search.join("meta.js")).unwrap(),
                "meta",
            );
            Index { search, meta }
        }

        fn file(&self, kind: &str, call: &str, name: &str) -> Option<Value> {
            let text = std::fs::read_to_string(self.search.join(kind).join(format!("{name}.js")));
            text.ok().map(|t| payload(&t, call))
        }

        fn list(&self, kind: &str, name: &str) -> Option<Map<String, Value>> {
            let call = if kind == "w" { "words" } else { "tails" };
            self.file(kind, call, name)
                .and_then(|v| v.as_object().cloned())
        }

        /// The titles of the results of `text`, best first.
        pub(super) fn query(&self, text: &str) -> Vec<String> {
            let terms: Vec<String> = normalize::words(text, "fr")
                .into_iter()
                .map(|w| w.folded)
                .collect();
            let typing = !text.ends_with(char::is_whitespace);
            let wanted: Vec<Vec<Candidate>> = terms
                .iter()
                .enumerate()
                .map(|(i, t)| self.matches(t, typing && i + 1 == terms.len()))
                .collect();
            let mut files: HashMap<u64, Value> = HashMap::new();
            for c in wanted.iter().flatten() {
                files
                    .entry(c.file)
                    .or_insert_with(|| self.file("p", "postings", &c.file.to_string()).unwrap());
            }
            let postings =
                |c: &Candidate| decode(files[&c.file][c.stem.to_string()].as_str().unwrap());
            let n = self.meta["n"].as_u64().unwrap() as f64;
            let per = self.meta["docsPerFile"].as_u64().unwrap();
            rank(&wanted, postings, n)
                .into_iter()
                .map(|doc| {
                    let rows = self.file("d", "docs", &(doc / per).to_string()).unwrap();
                    rows[(doc % per) as usize][1].as_str().unwrap().to_string()
                })
                .collect()
        }

        fn matches(&self, word: &str, typing: bool) -> Vec<Candidate> {
            let list = self.list("w", &shard_name(word));
            let mut found = candidates(word, list.as_ref(), typing);
            if !found.iter().any(|c| c.frequency > 1) {
                found.extend(corrections(word, &[list]));
            }
            if !found.is_empty() || allowed_edits(word) == 0 {
                return found;
            }
            let tails: Vec<_> = tail_names(word).iter().map(|n| self.list("s", n)).collect();
            corrections(word, &tails)
        }
    }

    fn shard_name(word: &str) -> String {
        let prefix: String = word.chars().take(2).collect();
        if prefix
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        {
            prefix
        } else {
            prefix
                .bytes()
                .fold("x".to_string(), |s, b| format!("{s}{b:02x}"))
        }
    }

    fn tail_names(word: &str) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        let mut names: Vec<String> = Vec::new();
        for from in [2, 1, 3] {
            let name = shard_name(&chars[from.min(chars.len())..].iter().collect::<String>());
            if name.len() >= 2 && !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    fn candidate(entry: &Value, quality: u8, rank: usize) -> Candidate {
        Candidate {
            stem: entry[0].as_u64().unwrap(),
            file: entry[1].as_u64().unwrap(),
            capped: entry[2] == 1,
            frequency: entry[3].as_u64().unwrap_or(0),
            quality,
            rank,
        }
    }

    fn best(mut found: Vec<Candidate>, max: usize) -> Vec<Candidate> {
        found.sort_by(|a, b| {
            (b.quality, a.rank, b.frequency, a.stem).cmp(&(a.quality, b.rank, a.frequency, b.stem))
        });
        let mut seen = Vec::new();
        found.retain(|c| {
            let new = !seen.contains(&c.stem);
            seen.push(c.stem);
            new
        });
        found.truncate(max);
        found
    }

    fn candidates(word: &str, list: Option<&Map<String, Value>>, typing: bool) -> Vec<Candidate> {
        let Some(list) = list else {
            return Vec::new();
        };
        let exact = list.get(word);
        let mut found: Vec<Candidate> = exact.map(|e| candidate(e, EXACT, 0)).into_iter().collect();
        if typing && word.chars().count() >= 3 {
            let from = exact.map_or(-1, |e| e[0].as_i64().unwrap());
            let to = exact.and_then(|e| e[4].as_i64()).map_or(from, |x| from + x);
            for (w, e) in list {
                let stem = e[0].as_i64().unwrap();
                if (w != word && w.starts_with(word)) || (stem > from && stem <= to) {
                    found.push(candidate(e, PREFIX, 0));
                }
            }
        }
        best(found, MAX_PREFIXES + usize::from(exact.is_some()))
    }

    fn allowed_edits(word: &str) -> usize {
        match word.chars().count() {
            n if n >= 10 => 2,
            n if n >= 5 => 1,
            _ => 0,
        }
    }

    fn corrections(word: &str, lists: &[Option<Map<String, Value>>]) -> Vec<Candidate> {
        let max = allowed_edits(word);
        let mut found = Vec::new();
        if max > 0 {
            for (w, e) in lists.iter().flatten().flatten() {
                let d = distance(word, w, max);
                if d <= max {
                    found.push(candidate(e, TYPO, d));
                }
            }
        }
        best(found, MAX_CORRECTIONS)
    }

    /// Optimal string alignment distance, capped at `max + 1`.
    fn distance(a: &str, b: &str, max: usize) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        if a.len().abs_diff(b.len()) > max {
            return max + 1;
        }
        let mut rows: Vec<Vec<usize>> = vec![(0..=b.len()).collect()];
        for i in 1..=a.len() {
            let mut row = vec![i];
            for k in 1..=b.len() {
                let old = &rows[i - 1];
                let mut d = (old[k] + 1)
                    .min(row[k - 1] + 1)
                    .min(old[k - 1] + usize::from(a[i - 1] != b[k - 1]));
                if i > 1 && k > 1 && a[i - 1] == b[k - 2] && a[i - 2] == b[k - 1] {
                    d = d.min(rows[i - 2][k - 2] + 1);
                }
                row.push(d);
            }
            if row.iter().min().unwrap() > &max {
                return max + 1;
            }
            rows.push(row);
        }
        rows[a.len()][b.len()]
    }

    fn decode(text: &str) -> BTreeMap<u64, u64> {
        const DIGITS: &str = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_$";
        let (mut numbers, mut value, mut shift) = (Vec::new(), 0u64, 0);
        for c in text.chars() {
            let digit = DIGITS.find(c).unwrap() as u64;
            value += (digit & 31) << shift;
            if digit >= 32 {
                shift += 5;
                continue;
            }
            numbers.push(value);
            (value, shift) = (0, 0);
        }
        let mut doc = 0;
        numbers
            .chunks(2)
            .map(|pair| {
                doc += pair[0];
                (doc, pair[1])
            })
            .collect()
    }

    /// Documents, best first (see `rank` in the client).
    fn rank(
        wanted: &[Vec<Candidate>],
        postings: impl Fn(&Candidate) -> BTreeMap<u64, u64>,
        n: f64,
    ) -> Vec<u64> {
        // doc → (score, quality, hits)
        let mut found: BTreeMap<u64, (f64, u64, usize)> = BTreeMap::new();
        let mut required = 0;
        for stems in wanted.iter().filter(|s| !s.is_empty()) {
            let optional = stems.iter().all(|s| s.capped);
            required += usize::from(!optional);
            let mut best: BTreeMap<u64, (u8, f64)> = BTreeMap::new();
            for stem in stems {
                let list = postings(stem);
                let idf = (1.0 + n / list.len().max(1) as f64).ln();
                for (doc, value) in list {
                    let score = idf * (value & 127) as f64;
                    let b = best.entry(doc).or_insert((stem.quality, score));
                    if stem.quality > b.0 || (stem.quality == b.0 && score > b.1) {
                        *b = (stem.quality, score);
                    }
                }
            }
            for (doc, (quality, score)) in best {
                let r = found.entry(doc).or_insert((0.0, 0, 0));
                r.0 += score;
                r.1 += u64::from(quality);
                r.2 += usize::from(!optional);
            }
        }
        let every: Vec<_> = found.iter().filter(|(_, r)| r.2 >= required).collect();
        let mut all = if every.is_empty() {
            found.iter().collect()
        } else {
            every
        };
        all.sort_by(|(da, a), (db, b)| {
            b.1.cmp(&a.1)
                .then(b.0.partial_cmp(&a.0).unwrap())
                .then(da.cmp(db))
        });
        all.into_iter().map(|(doc, _)| *doc).collect()
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(distance("imagreie", "imagerie", 1), 1);
        assert_eq!(distance("quantiattive", "quantitative", 2), 1);
        assert_eq!(distance("abcdef", "uvwxyz", 1), 2);
    }
}

/// The search fixture built with the campus theme, and its index.
fn search_fixture() -> (TestSite, client::Index) {
    let site = TestSite::from_fixture("search").with_theme("campus");
    site.build();
    let index = client::Index::open(site.path("public"));
    (site, index)
}

#[test]
fn ranking_is_pinned_for_a_set_of_queries() {
    let (_site, index) = search_fixture();
    let imagerie = [
        // The title says it.
        "Imagerie médicale : un panorama",
        // Fields shown with the title: focus and summary, then a tag, then
        // the summary alone.
        "IPM",
        "Ateliers du jeudi",
        "Plateforme Ondine",
        // The body only: five times in a short body, then once in a long one.
        "Rapport annuel",
        "Compte rendu du conseil",
    ];
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("imagerie", imagerie.to_vec()),
        ("l'imagerie ", imagerie.to_vec()),
        // Typing mistakes find the same pages: a swap, in the first two
        // letters too (a letter too many, one replaced, one left out).
        ("imgaerie", imagerie.to_vec()),
        ("mimagerie", imagerie.to_vec()),
        ("umagerie", imagerie.to_vec()),
        ("magerie", imagerie.to_vec()),
        // A word of one page may itself be a typing mistake: that page
        // first, then what the word meant finds.
        (
            "imagreie",
            [&["Note de service"][..], &imagerie[..]].concat(),
        ),
        // The word itself first, then the stems its stem starts.
        ("ultrasons", vec!["Une sonde portée sur la peau", "IPM"]),
        // A finished word (a space after it) matches its stem only.
        ("ultrasons ", vec!["Une sonde portée sur la peau"]),
        ("ultrasnoore", vec!["IPM"]),
        ("quantiattive", vec!["Q-Bio"]),
        // Pages with every word before pages with some.
        ("imagerie ultrasonore", vec!["IPM"]),
    ];
    for (query, expected) in cases {
        assert_eq!(index.query(query), expected, "query {query:?}");
    }
}

#[test]
fn postings_say_where_a_word_is() {
    let (site, _index) = search_fixture();
    let words = payload(&site.output("search/w/im.js"), "words");
    let stem = words["imagerie"][0].as_u64().unwrap();
    let file = words["imagerie"][1].as_u64().unwrap();
    let docs = all_docs(&site);
    let postings = payload(&site.output(&format!("search/p/{file}.js")), "postings");
    let mut values = std::collections::BTreeMap::new();
    let (mut doc, mut numbers, mut value, mut shift) = (0, Vec::new(), 0u64, 0);
    for c in postings[stem.to_string()].as_str().unwrap().chars() {
        let digit = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_$"
            .find(c)
            .unwrap() as u64;
        value += (digit & 31) << shift;
        if digit >= 32 {
            shift += 5;
        } else {
            numbers.push(value);
            (value, shift) = (0, 0);
        }
    }
    for pair in numbers.chunks(2) {
        doc += pair[0];
        values.insert(docs[doc as usize][1].as_str().unwrap().to_string(), pair[1]);
    }
    let tier = |title: &str| (values[title] >> 5) & 3;
    let in_body = |title: &str| values[title] >> 7;
    assert_eq!(tier("Imagerie médicale : un panorama"), 2, "{values:?}");
    assert_eq!(in_body("Imagerie médicale : un panorama"), 1);
    assert_eq!(tier("Ateliers du jeudi"), 1);
    assert_eq!(in_body("Ateliers du jeudi"), 0);
    assert_eq!(tier("IPM"), 1);
    assert_eq!(in_body("IPM"), 1);
    assert_eq!(
        values["Rapport annuel"],
        values["Rapport annuel"] & 31,
        "body only"
    );
    assert!(values["Rapport annuel"] > values["Compte rendu du conseil"]);
}

#[test]
fn stems_know_the_longer_stems_they_start() {
    let (site, _index) = search_fixture();
    let words = payload(&site.output("search/w/ul.js"), "words");
    let (short, long) = (&words["ultrasons"], &words["ultrasonore"]);
    assert_eq!(short[4], 1, "ultrason → ultrasonor: {words}");
    assert_eq!(long[0].as_u64(), short[0].as_u64().map(|s| s + 1));
    assert!(long.get(4).is_none(), "no stem starts with ultrasonor");
    // Frequency class: one page uses each.
    assert_eq!(short[3], 1);
}

#[test]
fn typing_mistakes_in_the_first_two_letters_have_lists_by_later_letters() {
    let (site, _index) = search_fixture();
    let tails = payload(&site.output("search/s/ag.js"), "tails");
    let words = payload(&site.output("search/w/im.js"), "words");
    assert_eq!(tails["imagerie"], words["imagerie"]);
    assert!(tails
        .as_object()
        .unwrap()
        .keys()
        .all(|w| w.chars().count() >= 4));
}

/// The rows of every documents file of the fixture's index, in order.
fn all_docs(site: &TestSite) -> Vec<Value> {
    (0..3)
        .flat_map(|n| {
            payload(&site.output(&format!("search/d/{n}.js")), "docs")
                .as_array()
                .unwrap()
                .clone()
        })
        .collect()
}

#[test]
fn passages_hold_the_body_as_plain_text_cut_between_words() {
    let (site, _index) = search_fixture();
    let docs = payload(&site.output("search/d/0.js"), "docs");
    let rows = all_docs(&site);
    assert!(docs[0][5].is_number(), "rows say how many passages: {docs}");
    let passage = |n: usize, part: usize| -> String {
        let script = site.output(&format!("search/e/{n}-{part}.js"));
        let inner = script
            .trim()
            .strip_prefix(&format!("parvisSearch.text({n},{part},"))
            .and_then(|s| s.strip_suffix(");"))
            .unwrap();
        serde_json::from_str(inner).unwrap()
    };
    let long = rows
        .iter()
        .position(|r| r[1] == "Compte rendu du conseil")
        .unwrap();
    assert_eq!(rows[long][5], 2);
    let (head, rest) = (passage(long, 0), passage(long, 1));
    assert!(head.len() <= 1_600, "{head}");
    // Cut at a space: both parts and that space are the body's text.
    let body: String = (1..=40)
        .map(|i| format!("Le conseil a examiné le point {i} de son ordre du jour et a adopté les mesures proposées par le bureau. "))
        .collect::<String>()
        + "En fin de séance, le conseil a voté un crédit pour l'imagerie des petits animaux.";
    assert_eq!(format!("{head} {rest}"), body);
    // Markdown and HTML are gone: the text a reader sees.
    let rapport = rows.iter().position(|r| r[1] == "Rapport annuel").unwrap();
    let text = passage(rapport, 0);
    assert!(text.starts_with("L'imagerie a occupé"), "{text}");
    assert!(!text.contains('<') && !text.contains('*'));
}
