//! The catalogs are complete: both languages define the same messages with
//! the same arguments, and every `msg!` of the code exists in both with
//! exactly the arguments it passes.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;

use super::*;

/// Message id → the variables it uses, following message references.
type Catalog = BTreeMap<String, BTreeSet<String>>;

fn catalog(lang: Lang) -> Catalog {
    read_catalog(lang.catalog(), lang.code())
}

fn read_catalog(text: &str, lang: &str) -> Catalog {
    let resource = parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{lang} catalog does not parse: {errors:?}"));
    let mut direct: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut found = (BTreeSet::new(), BTreeSet::new());
                if let Some(value) = &m.value {
                    walk(value, &mut found);
                }
                assert!(m.attributes.is_empty(), "{}: no attributes", m.id.name);
                let previous = direct.insert(m.id.name.to_string(), found);
                assert!(previous.is_none(), "{lang}: `{}` twice", m.id.name);
            }
            Entry::Junk { content } => panic!("{lang}: cannot read {content:?}"),
            _ => {}
        }
    }
    // A referenced message sees the caller's arguments: add its variables.
    let resolve = |id: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![id.to_string()];
        let mut vars = BTreeSet::new();
        while let Some(next) = todo.pop() {
            if !seen.insert(next.clone()) {
                continue;
            }
            let (v, refs) = direct
                .get(&next)
                .unwrap_or_else(|| panic!("{lang}: `{id}` refers to unknown `{next}`"));
            vars.extend(v.iter().cloned());
            todo.extend(refs.iter().cloned());
        }
        vars
    };
    direct.keys().map(|id| (id.clone(), resolve(id))).collect()
}

/// Collects (variables, referenced messages) of a pattern.
fn walk(pattern: &Pattern<&str>, found: &mut (BTreeSet<String>, BTreeSet<String>)) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, found);
        }
    }
}

fn expression_vars(
    expression: &Expression<&str>,
    found: &mut (BTreeSet<String>, BTreeSet<String>),
) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, found);
            for variant in variants {
                walk(&variant.value, found);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, found),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, found: &mut (BTreeSet<String>, BTreeSet<String>)) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.0.insert(id.name.to_string());
        }
        InlineExpression::MessageReference { id, .. } => {
            found.1.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, found),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_vars(argument, found);
            }
        }
        _ => {}
    }
}

/// Every `msg!("id", a = …, b = …)` in the sources: (file, id, arguments).
fn uses_in_sources() -> Vec<(String, String, BTreeSet<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut uses = Vec::new();
    for item in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let item = item.unwrap();
        // This file names the macro in its own code; its uses are tests.
        let is_this_file = item.path().ends_with("messages/tests.rs");
        if is_this_file || item.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(item.path()).unwrap();
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let file = item
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        let mut rest = code.as_str();
        while let Some(at) = rest.find("msg!(") {
            rest = &rest[at + "msg!(".len()..];
            if rest.starts_with("$id") {
                continue; // the macro's own definition
            }
            let inside = &rest[..closing_paren(rest)];
            let mut parts = split_top_level(inside).into_iter();
            let id = parts.next().unwrap_or_default();
            let id = id.trim().trim_matches('"').to_string();
            let args = parts
                .filter_map(|p| {
                    let (name, _) = p.split_once('=')?;
                    let name = name.trim();
                    (!name.is_empty()).then(|| name.to_string())
                })
                .collect();
            uses.push((file.clone(), id, args));
        }
    }
    uses
}

/// The index of the `)` closing a macro call whose text starts at `text`.
fn closing_paren(text: &str) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return i,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

/// Splits at commas outside brackets and strings.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut start) = (0usize, false, false, 0);
    for (i, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// What differs between two catalogs, one line per problem.
fn differences(fr: &Catalog, en: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    for (id, vars) in fr {
        match en.get(id) {
            None => out.push(format!("`{id}` is only in French")),
            Some(other) if other != vars => {
                out.push(format!(
                    "`{id}` uses {vars:?} in French, {other:?} in English"
                ));
            }
            Some(_) => {}
        }
    }
    for id in en.keys().filter(|id| !fr.contains_key(*id)) {
        out.push(format!("`{id}` is only in English"));
    }
    out
}

#[test]
fn both_languages_define_the_same_messages_with_the_same_arguments() {
    let problems = differences(&catalog(Lang::Fr), &catalog(Lang::En));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_message_in_one_language_only_is_caught() {
    let fr = read_catalog("a = A { $x }\nb = B\n", "fr");
    let en = read_catalog("a = A { $y }\n", "en");
    assert_eq!(
        differences(&fr, &en),
        [
            "`a` uses {\"x\"} in French, {\"y\"} in English",
            "`b` is only in French"
        ]
    );
}

#[test]
fn every_message_of_the_code_exists_with_its_arguments() {
    let catalog = catalog(Lang::Fr);
    let uses = uses_in_sources();
    assert!(uses.len() > 50, "the scan found only {} uses", uses.len());
    let mut problems = Vec::new();
    for (file, id, args) in uses {
        match catalog.get(&id) {
            None => problems.push(format!("{file}: `{id}` is in no catalog")),
            Some(vars) if *vars != args => problems.push(format!(
                "{file}: `{id}` is given {args:?} but its text uses {vars:?}"
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_reads_arguments_and_nested_calls() {
    let inside = r#""a-b", field = f(x, y), close = "),", n = [1, 2]"#;
    let parts = split_top_level(inside);
    assert_eq!(parts.len(), 4, "{parts:?}");
    assert_eq!(closing_paren("\"x\", a = g(1)) rest"), 13);
}

#[test]
fn arguments_and_plurals_are_filled_in() {
    let one = msg!("summary-failed", errors = 1, warnings = 0).text(Lang::En);
    let two = msg!("summary-failed", errors = 2, warnings = 1).text(Lang::En);
    assert!(one.contains("1 error") && !one.contains("errors"), "{one}");
    assert!(
        two.contains("2 errors") && two.contains("1 warning"),
        "{two}"
    );
    let fr = msg!("summary-failed", errors = 2, warnings = 0).text(Lang::Fr);
    assert!(fr.contains("2 erreurs"), "{fr}");
    assert!(!fr.contains('\u{2068}'), "no isolation marks: {fr:?}");
}

#[test]
fn languages_are_read_leniently() {
    assert_eq!("fr".parse(), Ok(Lang::Fr));
    assert_eq!(" EN ".parse(), Ok(Lang::En));
    assert_eq!("fr_FR.UTF-8".parse(), Ok(Lang::Fr));
    assert_eq!("de".parse::<Lang>(), Err(()));
    assert_eq!(Lang::for_site("fr"), Lang::Fr);
    assert_eq!(Lang::for_site("de"), Lang::En);
}

#[test]
fn unknown_ids_show_as_themselves() {
    assert_eq!(Message::new("no-such-id").text(Lang::Fr), "no-such-id");
}
