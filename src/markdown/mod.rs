//! TEMPORARY STUB (replaced by the real module).
#![allow(missing_docs, unreachable_pub)]
pub struct Options {
    pub unsafe_html: bool,
}
pub enum LinkTarget {
    Keep,
    Rewrite(String),
    Broken {
        message: String,
        hint: Option<String>,
    },
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Link,
    Image,
}
pub trait LinkResolver: Sync {
    fn resolve(&self, dest: &str, kind: LinkKind) -> LinkTarget;
}
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}
pub struct LinkProblem {
    pub offset: usize,
    pub len: usize,
    pub message: String,
    pub hint: Option<String>,
}
pub struct Rendered {
    pub html: String,
    pub summary_html: String,
    pub summary_text: String,
    pub text: String,
    pub headings: Vec<Heading>,
    pub problems: Vec<LinkProblem>,
}
pub fn render(source: &str, _options: &Options, resolver: &dyn LinkResolver) -> Rendered {
    let mut html = String::new();
    let mut problems = Vec::new();
    let parser =
        pulldown_cmark::Parser::new(source)
            .into_offset_iter()
            .map(|(ev, range)| match ev {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest = match resolver.resolve(&dest_url, LinkKind::Link) {
                        LinkTarget::Keep => dest_url,
                        LinkTarget::Rewrite(s) => s.into(),
                        LinkTarget::Broken { message, hint } => {
                            problems.push(LinkProblem {
                                offset: range.start,
                                len: range.len(),
                                message,
                                hint,
                            });
                            dest_url
                        }
                    };
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link {
                        link_type,
                        dest_url: dest,
                        title,
                        id,
                    })
                }
                e => e,
            });
    pulldown_cmark::html::push_html(&mut html, parser);
    let text = source
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .unwrap_or("")
        .to_string();
    Rendered {
        summary_html: text.clone(),
        summary_text: text.clone(),
        text,
        html,
        headings: Vec::new(),
        problems,
    }
}
pub fn highlight_css() -> String {
    String::new()
}
