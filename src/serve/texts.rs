//! Every sentence `serve` says itself, in French and in English: terminal
//! lines, the error panel's wording and the page shown when there is no
//! site yet. Kept in this one place so they can move into the message
//! catalogs as they are.

use std::net::SocketAddr;

/// The language `serve` speaks in, and the error panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Français.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// `--messages` when given, else French for a site whose default
    /// language is French (or whose `site.toml` cannot be read yet),
    /// English for any other.
    pub fn choose(flag: Option<Lang>, default_language: Option<&str>) -> Lang {
        match (flag, default_language) {
            (Some(lang), _) => lang,
            (None, Some(code)) if code != "fr" => Lang::En,
            (None, _) => Lang::Fr,
        }
    }

    /// The language code, for the `lang` attribute of the panel.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// The first line: where to look, and how to stop.
pub fn serving(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Fr => format!("Aperçu du site : {url}  (Ctrl+C pour arrêter)"),
        Lang::En => format!("Preview of the site: {url}  (Ctrl+C to stop)"),
    }
}

/// Said before the first build, which may take a while on a big site.
pub fn building(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Construction du site…",
        Lang::En => "Building the site…",
    }
}

/// Names the first build in [`rebuilt`].
pub fn whole_site(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Site construit",
        Lang::En => "Site built",
    }
}

/// After a successful rebuild: what was saved and how many files changed.
pub fn rebuilt(lang: Lang, sources: &str, files: usize, millis: u128) -> String {
    match (lang, files) {
        (Lang::Fr, 0) => format!("{sources} : aucune page ne change ({millis} ms)"),
        (Lang::Fr, 1) => format!("{sources} : 1 fichier mis à jour ({millis} ms)"),
        (Lang::Fr, n) => format!("{sources} : {n} fichiers mis à jour ({millis} ms)"),
        (Lang::En, 0) => format!("{sources}: no page changes ({millis} ms)"),
        (Lang::En, 1) => format!("{sources}: 1 file updated ({millis} ms)"),
        (Lang::En, n) => format!("{sources}: {n} files updated ({millis} ms)"),
    }
}

/// How the changed sources are named in [`rebuilt`] when there are many.
pub fn and_more(lang: Lang, first: &str, others: usize) -> String {
    match lang {
        Lang::Fr => format!("{first} et {others} autre(s)"),
        Lang::En => format!("{first} and {others} more"),
    }
}

/// After a failed rebuild, below the errors.
pub fn failed(lang: Lang, errors: usize) -> String {
    match (lang, errors) {
        (Lang::Fr, 1) => {
            "Le site a 1 erreur : le navigateur montre la dernière version sans erreur \
                          jusqu’à ce qu’elle soit corrigée."
                .into()
        }
        (Lang::Fr, n) => format!(
            "Le site a {n} erreurs : le navigateur montre la dernière version sans erreur \
             jusqu’à ce qu’elles soient corrigées."
        ),
        (Lang::En, 1) => "The site has 1 error: the browser shows the last version without \
                          errors until it is fixed."
            .into(),
        (Lang::En, n) => format!(
            "The site has {n} errors: the browser shows the last version without errors \
             until they are fixed."
        ),
    }
}

/// The port is taken (often by another `parvis serve`).
pub fn port_busy(lang: Lang, address: SocketAddr) -> String {
    let port = address.port();
    let other = port.checked_add(1).unwrap_or(1112);
    match lang {
        Lang::Fr => format!(
            "Le port {port} est déjà utilisé sur {ip} (un autre « parvis serve » tourne peut-être).\n\
             Choisissez-en un autre, par exemple : parvis serve --port {other}",
            ip = address.ip()
        ),
        Lang::En => format!(
            "Port {port} is already in use on {ip} (maybe by another `parvis serve`).\n\
             Choose another one, for example: parvis serve --port {other}",
            ip = address.ip()
        ),
    }
}

/// Any other reason the address could not be taken.
pub fn cannot_listen(lang: Lang, address: SocketAddr, error: &std::io::Error) -> String {
    match lang {
        Lang::Fr => format!("Impossible d’ouvrir {address} : {error}"),
        Lang::En => format!("Cannot listen on {address}: {error}"),
    }
}

/// The temporary folder could not be made, or the folders not watched.
pub fn cannot_start(lang: Lang, error: &dyn std::fmt::Display) -> String {
    match lang {
        Lang::Fr => format!("Impossible de démarrer l’aperçu : {error}"),
        Lang::En => format!("Cannot start the preview: {error}"),
    }
}

/// `--open` found no browser to open.
pub fn open_failed(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Fr => format!("Le navigateur n’a pas pu être ouvert : ouvrez {url} vous-même."),
        Lang::En => format!("Could not open a browser: open {url} yourself."),
    }
}

/// The file watcher reported a problem (too many files watched, say).
pub fn watch_failed(lang: Lang, error: &dyn std::fmt::Display) -> String {
    match lang {
        Lang::Fr => format!("Surveillance des fichiers : {error}"),
        Lang::En => format!("Watching files: {error}"),
    }
}

/// With `--verbose`: where the site is built.
pub fn output_folder(lang: Lang, folder: &std::path::Path) -> String {
    match lang {
        Lang::Fr => format!("Dossier de sortie : {}", folder.display()),
        Lang::En => format!("Output folder: {}", folder.display()),
    }
}

/// Said on Ctrl+C.
pub fn stopped(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Aperçu arrêté.",
        Lang::En => "Preview stopped.",
    }
}

/// The error panel's own words, sent to the page with the errors.
#[derive(Debug, serde::Serialize)]
pub struct PanelTexts {
    /// `lang` of the panel.
    pub lang: &'static str,
    /// Its title.
    pub title: String,
    /// What the editor sees behind it, and what to do.
    pub intro: &'static str,
    /// The close button.
    pub close: &'static str,
    /// The button that shows the panel again once closed.
    pub reopen: String,
    /// Before a file's line number.
    pub line: &'static str,
    /// Before a column number.
    pub column: &'static str,
    /// Before the advice on how to fix it.
    pub hint: &'static str,
    /// A second place involved in the error.
    pub related: &'static str,
}

/// The panel's words for `errors` errors.
pub fn panel(lang: Lang, errors: usize) -> PanelTexts {
    match lang {
        Lang::Fr => PanelTexts {
            lang: "fr",
            title: if errors == 1 {
                "Le site a 1 erreur".into()
            } else {
                format!("Le site a {errors} erreurs")
            },
            intro: "La page affichée derrière ce panneau est la dernière version sans erreur : \
                    vos dernières modifications n’y sont pas encore. Corrigez le fichier indiqué \
                    et enregistrez-le ; la page se mettra à jour toute seule.",
            close: "Fermer",
            reopen: if errors == 1 {
                "Voir l’erreur".into()
            } else {
                format!("Voir les {errors} erreurs")
            },
            line: "ligne",
            column: "colonne",
            hint: "Conseil :",
            related: "Voir aussi :",
        },
        Lang::En => PanelTexts {
            lang: "en",
            title: if errors == 1 {
                "The site has 1 error".into()
            } else {
                format!("The site has {errors} errors")
            },
            intro: "The page behind this panel is the last version without errors: your latest \
                    changes are not in it yet. Fix the file named below and save it; the page \
                    will update by itself.",
            close: "Close",
            reopen: if errors == 1 {
                "Show the error".into()
            } else {
                format!("Show the {errors} errors")
            },
            line: "line",
            column: "column",
            hint: "Hint:",
            related: "See also:",
        },
    }
}

/// The page served for a missing address before any build succeeded
/// (the site's own 404 page does not exist yet).
pub fn no_site_yet(lang: Lang) -> String {
    let (title, text) = match lang {
        Lang::Fr => (
            "Pas encore de site à montrer",
            "Le site n’a pas encore pu être construit. Corrigez les erreurs signalées, \
             cette page se mettra à jour toute seule.",
        ),
        Lang::En => (
            "No site to show yet",
            "The site could not be built yet. Fix the errors reported; this page will \
             update by itself.",
        ),
    };
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{text}</p>\n\
         </main>\n</body>\n</html>\n",
        code = lang.code()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_then_default_language() {
        assert_eq!(Lang::choose(Some(Lang::En), Some("fr")), Lang::En);
        assert_eq!(Lang::choose(None, Some("fr")), Lang::Fr);
        assert_eq!(Lang::choose(None, Some("de")), Lang::En);
        assert_eq!(Lang::choose(None, None), Lang::Fr);
    }

    #[test]
    fn busy_port_names_it_and_another() {
        let address: SocketAddr = "127.0.0.1:1111".parse().expect("address");
        let text = port_busy(Lang::En, address);
        assert!(
            text.contains("1111") && text.contains("--port 1112"),
            "{text}"
        );
    }
}
