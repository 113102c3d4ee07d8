//! Rendering as an editor sees it: whole documents in, HTML, summaries,
//! headings and link problems out.

use std::sync::Mutex;

use super::*;

/// Resolves like a small site: `*.md` files exist except `missing.md`,
/// `/img/...` is rewritten relative, everything else is kept.
#[derive(Default)]
struct TestSite {
    asked: Mutex<Vec<(String, LinkKind)>>,
}

impl LinkResolver for TestSite {
    fn resolve(&self, dest: &str, kind: LinkKind) -> LinkTarget {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push((dest.to_string(), kind));
        }
        if dest.contains("missing") {
            return LinkTarget::Broken {
                message: crate::msg!("link-not-a-content-file", written = dest),
                hint: Some(crate::msg!("did-you-mean", close = "inserm.md")),
            };
        }
        if let Some(stem) = dest.strip_suffix(".md") {
            return LinkTarget::Rewrite(format!("../{}/", stem.trim_start_matches("../")));
        }
        if let Some(path) = dest.strip_prefix('/') {
            return LinkTarget::Rewrite(format!("../../{path}"));
        }
        LinkTarget::Keep
    }
}

fn render_safe(source: &str) -> Rendered {
    render(source, &Options::default(), &TestSite::default())
}

fn html(source: &str) -> String {
    render_safe(source).html
}

const DOCUMENT: &str = r#"# Le campus {#campus}

PariSanté Campus réunit l'[INSERM](../operators/inserm.md), des *startups* et des
~~laboratoires~~ écoles. Voir [le guide](#campus) ou écrire à <contact@campus.fr>.

<!-- more -->

## Chiffres clés

| Acteur | Nombre |
|:-------|-------:|
| Startups | 42 |
| Instituts | `5` |

## Chiffres clés

- [x] Ouvrir le campus
- [ ] Publier le rapport[^rapport]

```rust
fn main() {
    println!("Bonjour <campus>");
}
```

```
sans langage
```

<div class="encart" onclick="alert(1)">
<p>Un <abbr title="Institut national">INSERM</abbr> <em>exemple</em></p>
<script>alert("x")</script>
</div>

Logo : ![Logo](/img/logo.png "Le logo") et <span class="x" style="color:red">texte</span>.

[^rapport]: Rapport annuel, à paraître.
"#;

#[test]
fn representative_document() {
    let rendered = render_safe(DOCUMENT);
    insta::assert_snapshot!("document_html", rendered.html);
    insta::assert_snapshot!("document_summary_html", rendered.summary_html);
}

#[test]
fn representative_document_text_and_headings() {
    let rendered = render_safe(DOCUMENT);
    assert_eq!(
        rendered.summary_text,
        "Le campus PariSanté Campus réunit l'INSERM, des startups et des laboratoires écoles. \
         Voir le guide ou écrire à contact@campus.fr."
    );
    assert!(rendered.text.contains("Un INSERM exemple"));
    assert!(rendered.text.contains("println!(\"Bonjour <campus>\");"));
    assert!(!rendered.text.contains("alert"));
    let ids: Vec<_> = rendered
        .headings
        .iter()
        .map(|h| (h.level, h.id.as_str(), h.text.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (1, "campus", "Le campus"),
            (2, "chiffres-cles", "Chiffres clés"),
            (2, "chiffres-cles-1", "Chiffres clés")
        ]
    );
    let removed: Vec<&str> = rendered
        .problems
        .iter()
        .map(|p| &DOCUMENT[p.offset..p.offset + p.len])
        .collect();
    assert_eq!(
        removed,
        [
            "<div class=\"encart\" onclick=\"alert(1)\">",
            "<script>",
            "<span class=\"x\" style=\"color:red\">"
        ]
    );
    assert!(rendered
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
}

#[test]
fn removed_html_is_reported_with_what_to_write_instead() {
    let source = "Vidéo :\n\n<iframe src=\"https://video.example/v/1\"></iframe>\n\n<font color=red>rouge</font> [x](javascript:alert(1))\n\n## Titre {onclick=x}\n";
    let out = render_safe(source);
    let found: Vec<(&str, &str, Option<&str>)> = out
        .problems
        .iter()
        .map(|p| {
            let kind = p.hint.as_ref().and_then(|h| h.get("kind"));
            (&source[p.offset..p.offset + p.len], p.message.id(), kind)
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "<iframe src=\"https://video.example/v/1\">",
                "html-removed-element",
                Some("embed")
            ),
            ("<font color=red>", "html-removed-tag", Some("style")),
            ("[x](javascript:alert(1))", "html-removed-url", None),
            (
                "## Titre {onclick=x}\n",
                "html-removed-attribute",
                Some("event")
            ),
        ]
    );
    let unsafe_html = render(source, &Options { unsafe_html: true }, &TestSite::default());
    assert!(unsafe_html.problems.is_empty());
}

#[test]
fn headings_carry_their_ids() {
    assert_eq!(html("## Santé publique\n## Titre {#mon-id .large}"), "<h2 id=\"sante-publique\">Santé publique</h2>\n<h2 id=\"mon-id\" class=\"large\">Titre</h2>\n");
}

#[test]
fn heading_attributes_are_filtered_unless_unsafe() {
    let source = "# T {onclick=alert(1) title=Ok}";
    assert_eq!(html(source), "<h1 id=\"t\" title=\"Ok\">T</h1>\n");
    let unsafe_html = render(source, &Options { unsafe_html: true }, &TestSite::default()).html;
    assert!(unsafe_html.contains("onclick"));
}

#[test]
fn links_and_images_are_resolved() {
    let site = TestSite::default();
    let out = render(
        "[a](inserm.md) ![b](/img/x.png) [c](https://x.fr)",
        &Options::default(),
        &site,
    );
    assert_eq!(
        out.html,
        "<p><a href=\"../inserm/\">a</a> <img src=\"../../img/x.png\" alt=\"b\" /> <a href=\"https://x.fr\">c</a></p>\n"
    );
    let asked = site.asked.lock().map(|a| a.clone()).unwrap_or_default();
    assert_eq!(
        asked,
        [
            ("inserm.md".to_string(), LinkKind::Link),
            ("/img/x.png".to_string(), LinkKind::Image),
            ("https://x.fr".to_string(), LinkKind::Link),
        ]
    );
}

#[test]
fn fragments_mail_and_phone_links_are_not_resolved() {
    let site = TestSite::default();
    let source = "[a](#top) [b](mailto:a@b.fr) [c](TEL:+331) <d@e.fr> [e]()";
    let out = render(source, &Options::default(), &site);
    assert!(site.asked.lock().map(|a| a.is_empty()).unwrap_or(false));
    assert!(out.html.contains("href=\"mailto:d@e.fr\""));
}

/// The source text each problem points at.
fn located<'s>(source: &'s str, out: &Rendered) -> Vec<&'s str> {
    out.problems
        .iter()
        .map(|p| &source[p.offset..p.offset + p.len])
        .collect()
}

#[test]
fn broken_links_are_located_in_the_source() {
    let source =
        "Intro.\n\nVoir [le rapport](missing.md) et ![x][logo].\n\n[logo]: /img/missing.png\n";
    let out = render_safe(source);
    let located = located(source, &out);
    assert_eq!(located, ["[le rapport](missing.md)", "![x][logo]"]);
    assert_eq!(
        out.problems[0].message,
        crate::msg!("link-not-a-content-file", written = "missing.md")
    );
    assert_eq!(
        out.problems[0].hint,
        Some(crate::msg!("did-you-mean", close = "inserm.md"))
    );
    assert_eq!(out.problems[0].severity, Severity::Error);
    // The page still renders, with the destination as written.
    assert!(out.html.contains("href=\"missing.md\""));
}

#[test]
fn raw_html_urls_are_resolved_and_located() {
    let source = "> <div>\n> <a href=\"missing.md\">x</a> <img src=\"/img/a.png\">\n> </div>\n\nText <a href='inserm.md'>i</a>.";
    let out = render_safe(source);
    let located = located(source, &out);
    assert_eq!(located, ["missing.md"]);
    assert!(out.html.contains("<img src=\"../../img/a.png\">"));
    assert!(out.html.contains("<a href=\"../inserm/\">i</a>"));
}

#[test]
fn script_urls_in_markdown_are_neutralized_unless_unsafe() {
    let source = "[x](javascript:alert(1)) ![y](data:image/png;base64,AA) [z](<java\tscript:alert(1)>) [w](jav&#x61;script:alert(1))";
    let out = render_safe(source);
    assert_eq!(
        out.html,
        "<p><a href=\"#\">x</a> <img src=\"\" alt=\"y\" /> <a href=\"#\">z</a> <a href=\"#\">w</a></p>\n"
    );
    let unsafe_html = render(source, &Options { unsafe_html: true }, &TestSite::default()).html;
    assert!(unsafe_html.contains("javascript:alert(1)"));
    assert_eq!(
        html("<javascript:alert(1)>"),
        "<p><a href=\"#\">javascript:alert(1)</a></p>\n"
    );
    assert_eq!(
        html("[x]: vbscript:x\n\n[a][x]"),
        "<p><a href=\"#\">a</a></p>\n"
    );
}

#[test]
fn raw_html_is_sanitized_unless_unsafe() {
    let source = "a <b onclick=x>gras</b> <script>alert(1)</script> <img src=x onerror=alert(1)>";
    assert_eq!(html(source), "<p>a <b>gras</b>  <img src=\"x\"></p>\n");
    let unsafe_html = render(source, &Options { unsafe_html: true }, &TestSite::default()).html;
    assert_eq!(unsafe_html, format!("<p>{source}</p>\n"));
}

#[test]
fn raw_html_urls_are_resolved_in_place_when_unsafe() {
    let source = "<img src=/img/a.png onload=\"x()\"> <a href='missing.md' class=x>y</a> <a href=\"inserm.md\">i</a>";
    let out = render(source, &Options { unsafe_html: true }, &TestSite::default());
    assert_eq!(
        out.html,
        "<p><img src=\"../../img/a.png\" onload=\"x()\"> <a href='missing.md' class=x>y</a> <a href=\"../inserm/\">i</a></p>\n"
    );
    assert_eq!(out.problems.len(), 1);
}

#[test]
fn markdown_inside_an_unclosed_script_is_dropped() {
    let out = render_safe("Avant <script>\n\nalert(*1*) `x`\n\n```js\nsteal()\n```\n\n# Titre\n");
    assert!(!out.html.contains("alert"));
    assert!(!out.html.contains("steal"));
    assert!(!out.text.contains("alert"));
    assert!(out.html.starts_with("<p>Avant </p>"));
}

#[test]
fn inline_html_cannot_leak_out_of_its_paragraph() {
    assert_eq!(
        html("a <span>b\n\nc</span> d"),
        "<p>a <span>b</span></p>\n<p>c d</p>\n"
    );
    assert_eq!(html("*a <em>b* c</em>"), "<p><em>a <em>b</em></em> c</p>\n");
    assert_eq!(html("</div></main>\n\nx"), "\n<p>x</p>\n");
}

#[test]
fn html_blocks_may_wrap_markdown() {
    let out = html("<details>\n<summary>Plus</summary>\n\nTexte **caché**\n\n</details>\n");
    assert_eq!(
        out,
        "<details>\n<summary>Plus</summary>\n<p>Texte <strong>caché</strong></p>\n</details>\n"
    );
    assert_eq!(
        html("<div class=\"a\">\n\nx\n"),
        "<div class=\"a\">\n<p>x</p>\n</div>"
    );
}

#[test]
fn summary_is_the_text_before_the_marker() {
    let out = render_safe("Premier.\n\nSecond &amp; *fin*.\n\n<!--   MORE -->\n\nSuite.");
    assert_eq!(
        out.summary_html,
        "<p>Premier.</p>\n<p>Second &amp; <em>fin</em>.</p>\n"
    );
    assert_eq!(out.summary_text, "Premier. Second & fin.");
    assert_eq!(
        out.html,
        "<p>Premier.</p>\n<p>Second &amp; <em>fin</em>.</p>\n<p>Suite.</p>\n"
    );
}

#[test]
fn summary_closes_raw_html_left_open_at_the_marker() {
    let out = render_safe("<div class=\"intro\">\n\nIntro.\n\n<!-- more -->\n\nSuite.\n\n</div>\n");
    assert_eq!(
        out.summary_html,
        "<div class=\"intro\">\n<p>Intro.</p>\n</div>"
    );
    assert!(out.html.ends_with("<p>Suite.</p>\n</div>\n"));
}

#[test]
fn summary_defaults_to_the_first_top_level_paragraph() {
    let out =
        render_safe("# Titre\n\n- liste\n\n> citation\n\nLe *premier*\nparagraphe.\n\nLe second.");
    assert_eq!(
        out.summary_html,
        "<p>Le <em>premier</em>\nparagraphe.</p>\n"
    );
    assert_eq!(out.summary_text, "Le premier paragraphe.");
    assert_eq!(render_safe("# Titre seul").summary_html, "");
}

#[test]
fn a_marker_that_is_not_alone_or_not_at_top_level_is_just_a_comment() {
    let out = render_safe("Intro.\n\n> <!-- more -->\n\nFin <!-- more -->.");
    assert_eq!(out.summary_html, "<p>Intro.</p>\n");
    assert!(!out.html.contains("more"));
}

#[test]
fn text_is_plain_and_collapsed() {
    let out = render_safe("# Titre\n\nUn  *mot*\net&nbsp;un `code`.\n\n<p>Brut &eacute;</p>\n\n| a | b |\n|---|---|\n| c | d |\n");
    assert_eq!(out.text, "Titre Un mot et un code. Brut é a b c d");
}

#[test]
fn code_blocks_are_highlighted_or_escaped() {
    let out =
        html("```rust,ignore\nlet x = 1;\n```\n\n    indented <code>\n\n```toml\na = 1\n```\n");
    assert!(out.starts_with(
        "<pre class=\"code\" data-lang=\"rust\"><code><span class=\"hl-source hl-rust\">"
    ));
    assert!(out.contains("<pre class=\"code\"><code>indented &lt;code&gt;\n</code></pre>"));
    assert!(out.contains("<pre class=\"code\" data-lang=\"toml\"><code>a = 1\n</code></pre>"));
    assert!(!out.contains("style="));
}

#[test]
fn smart_punctuation_is_off() {
    assert_eq!(
        html("\"Oui\" -- non... 'a'"),
        "<p>\"Oui\" -- non... 'a'</p>\n"
    );
}

#[test]
fn pathological_input_does_not_panic() {
    let inputs = [
        String::new(),
        "\0\u{feff}\r\n\r".to_string(),
        ">".repeat(10_000) + " x",
        "[".repeat(10_000) + &"](".repeat(5_000),
        "*".repeat(20_000) + "a",
        "- ".repeat(5_000) + "x",
        "<".repeat(10_000),
        "<div>".repeat(5_000),
        "<!-- more -->\n".repeat(100),
        "# {#}\n#\n## {#a} {#b}\n".to_string(),
        "[^a]: [^a]\n[^a]".to_string(),
        "```\u{0}\n".repeat(100),
        "&#xFFFFFFFFFF; &#0; <a href='&#xD800;'>x</a>".to_string(),
        "| a |\n|-|\n".to_string() + &"| <b> |\n".repeat(1_000),
    ];
    for input in &inputs {
        let out = render_safe(input);
        assert!(out.html.len() < 1_000_000 + input.len() * 20);
    }
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render_safe(DOCUMENT).html, render_safe(DOCUMENT).html);
}

#[test]
fn shuffled_markdown_and_html_attacks_come_out_inert() {
    #[rustfmt::skip]
    const MARKDOWN: &[&str] = &[
        "\n\n", "\n", "- ", "> ", "# ", "`", "```\n", "*", "[x](javascript:alert(1))",
        "![y](data:text/html,x)", "<javascript:alert(1)>", "[r]", "\n[r]: vbscript:x\n",
        "## T {onclick=x}", "<!-- more -->", "| a |\n|---|\n", "[^n]", "\n[^n]: ",
    ];
    let mut fragments = super::sanitize::tests::FRAGMENTS.to_vec();
    fragments.extend_from_slice(MARKDOWN);
    let documents = super::sanitize::tests::shuffled_documents(&fragments, 3_000);
    for input in documents {
        let out = render_safe(&input);
        super::sanitize::tests::assert_inert(&out.html, &input);
        super::sanitize::tests::assert_inert(&out.summary_html, &input);
    }
}
