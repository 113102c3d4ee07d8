//! The sanitizer against the attacks it exists for, and against the HTML
//! editors really write.

use super::*;

/// Filters `html` as one piece at depth 0, closing what it left open.
fn clean(html: &str) -> String {
    let mut sanitizer = Sanitizer::default();
    let (mut out, mut text) = (String::new(), String::new());
    sanitizer.clean(
        html,
        0,
        &mut |_| None,
        Output {
            html: &mut out,
            text: &mut text,
        },
    );
    sanitizer.close_all(&mut out);
    out
}

fn text_of(html: &str) -> String {
    let (mut out, mut text) = (String::new(), String::new());
    Sanitizer::default().clean(
        html,
        0,
        &mut |_| None,
        Output {
            html: &mut out,
            text: &mut text,
        },
    );
    text
}

#[test]
fn keeps_formatting_and_rewrites_tags_canonically() {
    assert_eq!(
        clean("<SPAN CLASS=note>x</Span>"),
        r#"<span class="note">x</span>"#
    );
    assert_eq!(
        clean("<abbr title='Institut'>INS</abbr>"),
        r#"<abbr title="Institut">INS</abbr>"#
    );
    assert_eq!(
        clean("<kbd>Ctrl</kbd>+<sub>2</sub><sup>e</sup>"),
        "<kbd>Ctrl</kbd>+<sub>2</sub><sup>e</sup>"
    );
    assert_eq!(clean("a<br/>b<hr />"), "a<br>b<hr>");
    assert_eq!(
        clean("<details open><summary>Plus</summary>Texte</details>"),
        "<details open><summary>Plus</summary>Texte</details>"
    );
    assert_eq!(
        clean(r#"<td colspan="2" rowspan=3 scope=row>x</td>"#),
        r#"<td colspan="2" rowspan="3">x</td>"#
    );
    assert_eq!(
        clean(
            r#"<img src="/img/a.png" alt="Logo" width=10 height="20" aria-hidden="true" role=presentation>"#
        ),
        r#"<img src="/img/a.png" alt="Logo" width="10" height="20" aria-hidden="true" role="presentation">"#
    );
}

#[test]
fn drops_event_handlers_and_styles() {
    assert_eq!(clean("<img src=x onerror=alert(1)>"), r#"<img src="x">"#);
    assert_eq!(
        clean("<img/src=x/onerror=alert(1)>"),
        r#"<img src="x/onerror=alert(1)">"#
    );
    assert_eq!(
        clean(r#"<a href="/x"onclick="alert(1)">y</a>"#),
        r#"<a href="/x">y</a>"#
    );
    assert_eq!(
        clean("<div ONMOUSEOVER='x' OnLoad=y style='color:red'>z</div>"),
        "<div>z</div>"
    );
    assert_eq!(clean("<p onclick\n=\n\"x\">z</p>"), "<p>z</p>");
}

#[test]
fn refuses_script_urls_however_written() {
    let attacks = [
        r#"<a href="javascript:alert(1)">x</a>"#,
        r#"<a href="JaVaScRiPt:alert(1)">x</a>"#,
        r#"<a href="  javascript:alert(1)">x</a>"#,
        "<a href=\"\u{1}javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        r#"<a href="jav&#x09;ascript:alert(1)">x</a>"#,
        r#"<a href="jav&Tab;ascript:alert(1)">x</a>"#,
        r#"<a href="&#106;avascript:alert(1)">x</a>"#,
        r#"<a href="&#0000106&#0000097vascript:alert(1)">x</a>"#,
        r#"<a href="&#x6A;&#x61;&#x76;&#x61;script:alert(1)">x</a>"#,
        r#"<a href="javascript&colon;alert(1)">x</a>"#,
        r#"<a href="javascript&#58;alert(1)">x</a>"#,
        r#"<a href=javascript:alert(1)>x</a>"#,
        r#"<a href='vbscript:msgbox(1)'>x</a>"#,
        r#"<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>"#,
        r#"<a href="file:///etc/passwd">x</a>"#,
    ];
    for attack in attacks {
        assert_eq!(clean(attack), "<a>x</a>", "{attack}");
    }
    assert_eq!(
        clean(r#"<img src="data:image/svg+xml,<svg onload=alert(1)>">"#),
        "<img>"
    );
    assert_eq!(
        clean(r#"<blockquote cite="javascript:x">q</blockquote>"#),
        "<blockquote>q</blockquote>"
    );
}

#[test]
fn keeps_ordinary_urls() {
    for url in [
        "../a/",
        "/img/x.png",
        "#top",
        "https://inserm.fr/",
        "HTTP://x.fr",
        "mailto:a@b.fr",
        "tel:+33100",
        "?q=1",
        "//cdn.fr/x",
        "a/b:c",
    ] {
        let html = clean(&format!(r#"<a href="{url}">x</a>"#));
        assert!(html.starts_with(r#"<a href=""#), "{url} → {html}");
    }
    assert_eq!(
        clean(r#"<a href="/s?a=1&amp;b=2&c=3">x</a>"#),
        r#"<a href="/s?a=1&amp;b=2&amp;c=3">x</a>"#
    );
}

#[test]
fn first_of_duplicated_attributes_wins_even_when_refused() {
    assert_eq!(
        clean(r#"<a href="/ok" href="javascript:x">y</a>"#),
        r#"<a href="/ok">y</a>"#
    );
    assert_eq!(
        clean(r#"<a href="javascript:x" href="/ok">y</a>"#),
        "<a>y</a>"
    );
}

#[test]
fn removes_dangerous_elements_with_their_content() {
    let cases = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.js></SCRIPT>",
        "<script>if (a < b) { document.write('</p>') }</script>",
        "<style>body { display: none }</style>",
        r#"<iframe src="https://evil.fr">fallback</iframe>"#,
        "<object data=x.swf><param name=a></object>",
        "<embed src=x.swf>",
        "<form action=/steal><input name=pw><button>Go</button></form>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
        "<noscript><img src=x onerror=alert(1)></noscript>",
        "<template><script>alert(1)</script></template>",
        "<textarea></textarea><script>alert(1)</script>",
        "<base href=//evil.fr/><link rel=stylesheet href=x><meta http-equiv=refresh content=0>",
    ];
    for case in cases {
        assert_eq!(clean(case), "", "{case}");
    }
    assert_eq!(clean("a<script>x</script>b"), "ab");
    // Nested dangerous elements are removed up to the matching end tag...
    assert_eq!(
        clean("<object><object></object>still hidden</object>after"),
        "after"
    );
    // ...but raw text ends at the first end tag, as in browsers.
    assert_eq!(
        clean("<script>w('<script>')</script><b>shown</b>"),
        "<b>shown</b>"
    );
    assert_eq!(
        clean("<svg/><b>shown</b><svg />x<svg>hidden</svg>"),
        "<b>shown</b>x"
    );
}

#[test]
fn unclosed_dangerous_elements_swallow_the_rest() {
    assert_eq!(clean("before<script>alert(1)"), "before");
    let mut sanitizer = Sanitizer::default();
    let (mut html, mut text) = (String::new(), String::new());
    let mut piece = |s: &mut Sanitizer, p: &str| {
        s.clean(
            p,
            0,
            &mut |_| None,
            Output {
                html: &mut html,
                text: &mut text,
            },
        )
    };
    piece(&mut sanitizer, "<script>");
    assert!(sanitizer.is_skipping());
    piece(&mut sanitizer, "<b>alert(1)</b>");
    piece(&mut sanitizer, "</script>");
    assert!(!sanitizer.is_skipping());
    piece(&mut sanitizer, "<b>ok</b>");
    assert_eq!(html, "<b>ok</b>");
}

#[test]
fn drops_unknown_tags_but_keeps_their_text() {
    assert_eq!(clean("<foo>bar</foo>"), "bar");
    assert_eq!(
        clean("<p class=MsoNormal>Texte<o:p></o:p></p>"),
        r#"<p class="MsoNormal">Texte</p>"#
    );
    assert_eq!(clean("<video src=x.mp4>Vidéo</video>"), "Vidéo");
    assert_eq!(clean("<custom-element x=1>y</custom-element>"), "y");
}

#[test]
fn drops_comments_doctypes_and_instructions() {
    assert_eq!(clean("a<!-- secret -->b"), "ab");
    assert_eq!(clean("a<!-- <script>alert(1)</script> -->b"), "ab");
    assert_eq!(clean("a<!-- unterminated <b>x</b>"), "a");
    assert_eq!(clean("<!DOCTYPE html><?xml version=1?><![CDATA[x]]>y"), "y");
}

#[test]
fn attribute_values_are_decoded_then_re_escaped() {
    assert_eq!(
        clean(r#"<span title='a"b<c>'>x</span>"#),
        r#"<span title="a&quot;b&lt;c&gt;">x</span>"#
    );
    assert_eq!(
        clean(r#"<span title="Sant&eacute; &amp; soins">x</span>"#),
        r#"<span title="Santé &amp; soins">x</span>"#
    );
    assert_eq!(
        clean(r#"<span title="&quot;><script>alert(1)</script>">x</span>"#),
        r#"<span title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</span>"#
    );
    assert_eq!(
        clean(r#"<span title=&nosuch;>x</span>"#),
        r#"<span title="&amp;nosuch;">x</span>"#
    );
}

#[test]
fn breakout_attempts_stay_inside_values_or_text() {
    assert_eq!(
        clean(r#"<a title="x" "><script>alert(1)</script>">y</a>"#),
        r#"<a title="x">">y</a>"#
    );
    assert_eq!(
        clean("<img src=`x` onerror=alert(1)>"),
        r#"<img src="`x`">"#
    );
    assert_eq!(
        clean("<<script>script>alert(1)<</script>/script>"),
        "&lt;/script>"
    );
}

#[test]
fn stray_angle_brackets_become_text() {
    assert_eq!(clean("a < b > c"), "a &lt; b > c");
    assert_eq!(clean("I <3 Paris"), "I &lt;3 Paris");
    assert_eq!(clean(r#"<a href="x"#), r#"&lt;a href="x"#);
    assert_eq!(clean("<b"), "&lt;b");
    assert_eq!(clean("</"), "&lt;/");
}

#[test]
fn output_stays_balanced() {
    assert_eq!(clean("</div>x"), "x");
    assert_eq!(clean("<b><i>x</b>y"), "<b><i>x</i></b>y");
    assert_eq!(clean("<div><span>x"), "<div><span>x</span></div>");
    let mut sanitizer = Sanitizer::default();
    let (mut html, mut text) = (String::new(), String::new());
    sanitizer.clean(
        "<div><em>",
        0,
        &mut |_| None,
        Output {
            html: &mut html,
            text: &mut text,
        },
    );
    sanitizer.clean(
        "<span>",
        2,
        &mut |_| None,
        Output {
            html: &mut html,
            text: &mut text,
        },
    );
    assert_eq!(sanitizer.pending_end_tags(), "</span></em></div>");
    sanitizer.close_deeper_than(1, &mut html);
    assert_eq!(html, "<div><em><span></span>");
}

#[test]
fn offers_kept_urls_for_rewriting_with_their_position() {
    let piece =
        r#"<a href="x.md">a</a><img src='&#47;logo.png'><a href="javascript:x">b</a><q cite="/c">"#;
    let mut seen = Vec::new();
    let mut urls = |found: FoundUrl<'_>| {
        seen.push((
            found.value.to_string(),
            found.kind,
            piece[found.at.clone()].to_string(),
        ));
        Some(format!("/new/{}", seen.len()))
    };
    let (mut html, mut text) = (String::new(), String::new());
    Sanitizer::default().clean(
        piece,
        0,
        &mut urls,
        Output {
            html: &mut html,
            text: &mut text,
        },
    );
    assert_eq!(
        seen,
        [
            ("x.md".to_string(), LinkKind::Link, "x.md".to_string()),
            (
                "/logo.png".to_string(),
                LinkKind::Image,
                "&#47;logo.png".to_string()
            ),
        ]
    );
    assert_eq!(
        html,
        r#"<a href="/new/1">a</a><img src="/new/2"><a>b</a><q cite="/c">"#
    );
}

#[test]
fn plain_text_is_decoded_and_spaced_at_blocks() {
    assert_eq!(
        text_of("<p>Sant&eacute;</p><p>a&amp;b<script>x</script></p>"),
        " Santé  a&b "
    );
    assert_eq!(text_of("<em>in</em>line"), "inline");
}

#[test]
fn url_check_on_its_own() {
    assert!(is_safe_url("https://x.fr/a:b"));
    assert!(is_safe_url("page.html#a:b"));
    assert!(is_safe_url(""));
    assert!(!is_safe_url("javascript:"));
    assert!(!is_safe_url("\u{0}javascript:x"));
    assert!(!is_safe_url("\u{200b}javascript:x"));
    assert!(!is_safe_url("jav ascript:x"));
}

#[test]
fn heading_attributes_allowlist() {
    assert!(heading_attribute_allowed("title"));
    assert!(heading_attribute_allowed("aria-label"));
    assert!(!heading_attribute_allowed("onclick"));
    assert!(!heading_attribute_allowed("style"));
    assert!(!heading_attribute_allowed("aria-"));
    assert!(!heading_attribute_allowed("id"));
    assert!(!heading_attribute_allowed("CLASS"));
}

#[test]
fn pathological_input_is_linear_and_safe() {
    let many_brackets = "<a b='".repeat(20_000);
    let html = clean(&many_brackets);
    assert!(!html.contains("<a "));
    let unfinished = "<a x ".repeat(20_000);
    assert!(!clean(&unfinished).contains('<'));
    let amps = "&".repeat(100_000) + "&#" + &"9".repeat(1000);
    assert!(clean(&amps).starts_with("&&&"));
    let deep = "<div>".repeat(10_000);
    assert_eq!(clean(&deep).matches("</div>").count(), 10_000);
}

/// Pieces of attacks and ordinary HTML, shuffled together below.
#[rustfmt::skip]
pub(in crate::markdown) const FRAGMENTS: &[&str] = &[
    "<script>", "</script>", "<SCRIPT>", "alert(1)", "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">", "<a href='jav&#x09;ascript:x'>", "</a>", "<svg onload=x>",
    "</svg>", "<iframe src=//evil>", "</iframe>", "<style>", "</style>", "<!--", "-->", "<", ">",
    "\"", "'", "=", " ", "\n", "<div class=\"a\">", "</div>", "<b>", "</b>", "&#106;", "&colon;",
    "javascript:", "<p onclick=", "<img src=\"data:text/html,x\">", "<math>",
    "<a href=x onmouseover=y>", "<object>", "</object>", "<br/>", "&", "<!DOCTYPE x>", "/>",
    "<span style=\"x\">", "<form>", "</form>", "<textarea>", "</textarea>", "<details open>",
    "<a href=\"&#0000106avascript:x\">", "<img src=`x`onerror=y>", "<title>", "</title>",
];

/// Documents made of `fragments` by a small deterministic generator, so
/// failures reproduce.
pub(in crate::markdown) fn shuffled_documents<'f>(
    fragments: &'f [&'f str],
    count: usize,
) -> impl Iterator<Item = String> + 'f {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..count).map(move |_| {
        let mut doc = String::new();
        for _ in 0..(state % 24) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            doc.push_str(fragments[(state % fragments.len() as u64) as usize]);
        }
        state = state.wrapping_add(0x9e37_79b9);
        doc
    })
}

/// Parses `html` as a browser does and checks that nothing active survived.
pub(in crate::markdown) fn assert_inert(html: &str, input: &str) {
    let parsed = scraper::Html::parse_fragment(html);
    for node in parsed.tree.nodes() {
        let scraper::Node::Element(element) = node.value() else {
            continue;
        };
        let name = element.name();
        assert!(
            !matches!(
                name,
                "script"
                    | "style"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "form"
                    | "svg"
                    | "math"
                    | "textarea"
                    | "title"
            ),
            "<{name}> survived in {html:?} from {input:?}"
        );
        for (attr, value) in element.attrs() {
            assert!(
                !attr.starts_with("on") && attr != "style",
                "{attr} survived in {html:?} from {input:?}"
            );
            if matches!(attr, "href" | "src" | "cite") {
                assert!(
                    is_safe_url(value),
                    "{attr}={value:?} survived in {html:?} from {input:?}"
                );
            }
        }
    }
}

#[test]
fn shuffled_attacks_come_out_inert_for_a_real_html_parser() {
    let mut active = 0;
    for input in shuffled_documents(FRAGMENTS, 3_000) {
        active += usize::from(input.contains("<script>") || input.contains("onerror"));
        assert_inert(&clean(&input), &input);
    }
    assert!(active > 1_000, "the generator should produce attacks");
}

#[test]
fn what_is_removed_is_noted_with_its_place() {
    let piece =
        "<p style=\"x\" onclick=\"y()\">a</p><svg/><font>b</font><a href=\"javascript:z\">c</a>";
    let mut sanitizer = Sanitizer::default();
    let (mut html, mut text) = (String::new(), String::new());
    let out = Output {
        html: &mut html,
        text: &mut text,
    };
    sanitizer.clean(piece, 0, &mut |_| None, out);
    let removed: Vec<(&str, Removal)> = sanitizer
        .take_removed()
        .into_iter()
        .map(|r| (&piece[r.at], r.what))
        .collect();
    let attribute = |name: &str| Removal::Attribute {
        tag: "p".into(),
        name: name.into(),
    };
    assert_eq!(
        removed,
        [
            ("<p style=\"x\" onclick=\"y()\">", attribute("style")),
            ("<p style=\"x\" onclick=\"y()\">", attribute("onclick")),
            ("<svg/>", Removal::Element("svg".into())),
            ("<font>", Removal::Tag("font".into())),
            (
                "<a href=\"javascript:z\">",
                Removal::Url {
                    tag: "a".into(),
                    url: "javascript:z".into()
                }
            ),
        ]
    );
    assert!(sanitizer.take_removed().is_empty(), "taken once");
}
