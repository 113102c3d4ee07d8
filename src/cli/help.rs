//! The command line's help in the reader's language: clap's definition with
//! every text (about, arguments, headings, `--help` and `--version`) taken
//! from the message catalog at run time.

use clap::{Arg, ArgAction, CommandFactory};

use super::Cli;
use crate::messages::{Lang, Message};
use crate::msg;

/// The command line definition with its texts in `lang`.
pub(super) fn localized(lang: Lang) -> clap::Command {
    let t = |m: Message| m.text(lang);
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t(msg!("cli-usage-heading"))
    );
    let options = t(msg!("cli-options-heading"));
    Cli::command()
        .about(t(msg!("cli-about")))
        .help_template(template.clone())
        .subcommand_help_heading(t(msg!("cli-commands-heading")))
        .subcommand_value_name(t(msg!("cli-command-value")))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help)
                .help(t(msg!("cli-help"))),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t(msg!("cli-version"))),
        )
        .mut_arg("quiet", |a| a.help(t(msg!("cli-quiet"))))
        .mut_arg("verbose", |a| a.help(t(msg!("cli-verbose"))))
        // Defaults and possible values are said in the texts themselves:
        // clap would add them in English.
        .mut_arg("format", |a| {
            a.help(t(msg!("cli-format")))
                .hide_default_value(true)
                .hide_possible_values(true)
        })
        .mut_arg("messages", |a| {
            a.help(t(msg!("cli-messages")))
                .value_name(t(msg!("cli-lang-value")))
                .hide_possible_values(true)
        })
        .mut_arg("deny_warnings", |a| a.help(t(msg!("cli-deny-warnings"))))
        .mut_args(|a| a.help_heading(options.clone()))
        .mut_subcommand("build", |c| {
            c.about(t(msg!("cli-build")))
                .help_template(template.clone())
                .disable_help_flag(true)
                .mut_arg("root", |a| {
                    a.help(t(msg!("cli-root")))
                        .value_name(t(msg!("cli-folder-value")))
                        .hide_default_value(true)
                })
                .mut_arg("out", |a| {
                    a.help(t(msg!("cli-out")))
                        .value_name(t(msg!("cli-folder-value")))
                })
                .mut_arg("base_url", |a| {
                    a.help(t(msg!("cli-base-url")))
                        .value_name(t(msg!("cli-url-value")))
                })
                .mut_arg("drafts", |a| a.help(t(msg!("cli-drafts"))))
                .mut_args(|a| a.help_heading(options.clone()))
        })
        .mut_subcommand("new", |c| {
            c.about(t(msg!("cli-new")))
                .help_template(template.clone())
                .disable_help_flag(true)
                .mut_arg("collection", |a| {
                    a.help(t(msg!("cli-new-collection")))
                        .value_name(t(msg!("cli-collection-value")))
                })
                .mut_arg("title", |a| {
                    a.help(t(msg!("cli-new-title")))
                        .value_name(t(msg!("cli-title-value")))
                })
                .mut_arg("lang", |a| {
                    a.help(t(msg!("cli-new-lang")))
                        .value_name(t(msg!("cli-lang-value")))
                })
                .mut_arg("from", |a| {
                    a.help(t(msg!("cli-new-from")))
                        .value_name(t(msg!("cli-name-value")))
                })
                .mut_arg("root", |a| {
                    a.help(t(msg!("cli-root")))
                        .value_name(t(msg!("cli-folder-value")))
                        .hide_default_value(true)
                })
                .mut_args(|a| a.help_heading(options.clone()))
        })
        .mut_subcommand("check", |c| {
            c.about(t(msg!("cli-check")))
                .help_template(template.clone())
                .disable_help_flag(true)
                .mut_arg("root", |a| {
                    a.help(t(msg!("cli-root")))
                        .value_name(t(msg!("cli-folder-value")))
                        .hide_default_value(true)
                })
                .mut_arg("drafts", |a| a.help(t(msg!("cli-drafts"))))
                .mut_arg("external", |a| a.help(t(msg!("cli-check-external"))))
                .mut_arg("timeout", |a| {
                    a.help(t(msg!("cli-check-timeout")))
                        .value_name(t(msg!("cli-seconds-value")))
                        .hide_default_value(true)
                })
                .mut_args(|a| a.help_heading(options.clone()))
        })
        .mut_subcommand("serve", |c| {
            c.about(t(msg!("cli-serve")))
                .help_template(template.clone())
                .disable_help_flag(true)
                .mut_arg("root", |a| {
                    a.help(t(msg!("cli-root")))
                        .value_name(t(msg!("cli-folder-value")))
                        .hide_default_value(true)
                })
                .mut_arg("port", |a| {
                    a.help(t(msg!("cli-serve-port")))
                        .value_name(t(msg!("cli-port-value")))
                        .hide_default_value(true)
                })
                .mut_arg("bind", |a| {
                    a.help(t(msg!("cli-serve-bind")))
                        .value_name(t(msg!("cli-address-value")))
                        .hide_default_value(true)
                })
                .mut_arg("open", |a| a.help(t(msg!("cli-serve-open"))))
                .mut_arg("base_path", |a| {
                    a.help(t(msg!("cli-serve-base-path")))
                        .value_name(t(msg!("cli-path-value")))
                        .hide_default_value(true)
                })
                .mut_arg("no_drafts", |a| a.help(t(msg!("cli-serve-no-drafts"))))
                .mut_args(|a| a.help_heading(options.clone()))
        })
        .mut_subcommand("init", |c| {
            c.about(t(msg!("cli-init")))
                .help_template(template.clone())
                .disable_help_flag(true)
                .mut_arg("dir", |a| {
                    a.help(t(msg!("cli-init-dir")))
                        .value_name(t(msg!("cli-folder-value")))
                })
                .mut_args(|a| a.help_heading(options.clone()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The help text, whitespace collapsed (clap wraps long lines when its
    /// `wrap_help` feature is on, as other crates may ask).
    fn help_of(lang: Lang, args: &[&str]) -> String {
        let error = localized(lang)
            .try_get_matches_from(args)
            .expect_err("help is an early exit");
        let text = error.render().to_string();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn help_speaks_the_chosen_language() {
        let fr = help_of(Lang::Fr, &["parvis", "--help"]);
        assert!(fr.contains(&msg!("cli-about").text(Lang::Fr)), "{fr}");
        assert!(
            fr.contains(&msg!("cli-usage-heading").text(Lang::Fr)),
            "{fr}"
        );
        assert!(
            !fr.contains("Print help") && !fr.contains("Options: "),
            "{fr}"
        );
        let build = help_of(Lang::Fr, &["parvis", "build", "--help"]);
        for english in ["default", "possible values"] {
            assert!(!build.contains(english), "{build}");
        }
        let build = help_of(Lang::Fr, &["parvis", "build", "--help"]);
        assert!(
            build.contains(&msg!("cli-base-url").text(Lang::Fr)),
            "{build}"
        );
        assert!(
            build.contains(&msg!("cli-deny-warnings").text(Lang::Fr)),
            "{build}"
        );
        let en = help_of(Lang::En, &["parvis", "build", "-h"]);
        assert!(en.contains(&msg!("cli-drafts").text(Lang::En)), "{en}");
    }

    #[test]
    fn the_definition_is_consistent() {
        localized(Lang::Fr).debug_assert();
        localized(Lang::En).debug_assert();
    }
}
