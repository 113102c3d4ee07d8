### Messages de parvis, en français.
###
### Chaque message a le même identifiant et les mêmes variables que dans
### locales/en/parvis.ftl (un test le vérifie). Les personnes qui lisent
### ces messages écrivent le contenu du site : phrases simples, vouvoiement,
### et toujours ce qu'il faut écrire.

## Niveaux (remplacent « error », « help »… affichés par la bibliothèque)

level-error = erreur{" "}
level-warning = avertissement{" "}
level-help = conseil{" "}
level-note = note{" "}
diagnostic-in-file = dans { $file }
diagnostic-also-here = et ici
label-broken-link = lien cassé
label-removed = retiré

## Ce qu'une valeur contient, repris dans les messages « attend … »

found =
    { $kind ->
        [nothing] une valeur vide
        [bool] `{ $value }`
        [number] le nombre `{ $value }`
        [list] une liste
        [map] des champs imbriqués
       *[text] le texte `{ $value }`
    }

## Résumés et progression

summary-built =
    Site construit : { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } et { $files ->
        [one] { $files } fichier
       *[other] { $files } fichiers
    } dans { $out } en { $ms } ms{ $warnings ->
        [0] {""}
        [one] , avec 1 avertissement
       *[other] , avec { $warnings } avertissements
    }
summary-failed =
    erreur : le site a { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }{ $warnings ->
        [0] {""}
        [one] {" "}et 1 avertissement
       *[other] {" "}et { $warnings } avertissements
    } ; la version précédente du site est restée telle quelle
summary-denied =
    erreur : { $warnings ->
        [one] 1 avertissement, refusé
       *[other] { $warnings } avertissements, refusés
    } par `--deny-warnings` ; la version précédente du site est restée telle quelle
summary-checked =
    Vérification terminée : { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, aucune erreur{ $warnings ->
        [0] {""}
        [one] , 1 avertissement
       *[other] , { $warnings } avertissements
    }
summary-check-failed =
    erreur : le site a { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }{ $warnings ->
        [0] {""}
        [one] {" "}et 1 avertissement
       *[other] {" "}et { $warnings } avertissements
    }
summary-check-denied =
    erreur : { $warnings ->
        [one] 1 avertissement, refusé
       *[other] { $warnings } avertissements, refusés
    } par `--deny-warnings`
progress-reading = Lecture du contenu…
progress-rendering = Pages : { $done }/{ $total }

## Ligne de commande (--help)

cli-about = parvis : le générateur du site public de PariSanté Campus
cli-usage-heading = Utilisation :
cli-options-heading = Options{" "}
cli-commands-heading = Commandes{" "}
cli-command-value = COMMANDE
cli-folder-value = DOSSIER
cli-url-value = ADRESSE
cli-lang-value = LANGUE
cli-help = Affiche l'aide
cli-version = Affiche la version
cli-build = Construit le site dans le dossier de sortie
cli-root = Le dossier du site, celui qui contient site.toml (par défaut : le dossier courant)
cli-out = Le dossier de sortie (par défaut : `output_dir` de site.toml, sinon `public`)
cli-base-url = Remplace `base_url` (préversions) ; vérifiée comme celle de site.toml
cli-drafts = Inclut les brouillons
cli-quiet = N'affiche que les erreurs
cli-verbose = Affiche la durée de chaque étape
cli-format = Forme des messages : `human` (pour les personnes, par défaut) ou `json` (un objet JSON sur la sortie standard, pour l'intégration continue)
cli-messages = Langue des messages, `fr` ou `en` (sinon : la variable PARVIS_MESSAGES, puis la langue par défaut du site)
cli-deny-warnings = Fait échouer la construction s'il y a des avertissements (la version précédente reste en place)
cli-new = Écrit une nouvelle fiche, ou la traduction d'une fiche, d'après les champs de sa collection
cli-new-collection = La collection de la fiche, par exemple `startups`
cli-new-title = Le titre de la fiche ; il donne le nom du fichier (facultatif avec `--from`)
cli-new-lang = La langue de la fiche, par exemple `en` (par défaut : la langue par défaut du site)
cli-new-from = Écrit la traduction de cette fiche (son nom de fichier, sans `.md`), à côté d'elle
cli-init = Crée un nouveau site, prêt à construire, dans un dossier vide
cli-init-dir = Le dossier du nouveau site (créé s'il n'existe pas)
cli-collection-value = COLLECTION
cli-title-value = TITRE
cli-name-value = NOM
cli-check = Vérifie le site comme une construction, sans rien écrire, et relit son accessibilité
cli-check-external = Vérifie aussi les liens vers d'autres sites (les réponses sont gardées 24 h dans `.parvis-cache/`)
cli-check-timeout = Temps d'attente maximal de chaque lien vers un autre site, en secondes (par défaut : 15)
cli-seconds-value = SECONDES

## Réponses générales

did-you-mean = vouliez-vous dire `{ $close }` ?
slug-hint = n'utilisez que des minuscules sans accents, des chiffres et des tirets, par exemple `{ $slug }`

## site.toml

config-unreadable = impossible de lire la configuration du site : { $error }
config-unreadable-hint = tout site a un fichier `site.toml` à sa racine ; indiquez un autre dossier avec `--root`
config-missing = il n’y a pas de fichier `site.toml` dans ce dossier
config-no-site-folder = le dossier { $folder } n’existe pas
config-invalid = site.toml n'est pas valide : { $detail }
config-invalid-hint = voyez la partie « site.toml » du README pour les clés attendues
config-unknown-key = `{ $key }` : clé inconnue dans site.toml
config-known-keys = clés connues ici : { $keys }
config-default-language-undeclared = la langue par défaut `{ $lang }` n'est pas déclarée
config-declare-language = ajoutez une table `[languages.{ $lang }]`
config-too-many-languages = site.toml déclare { $count } langues ; parvis en construit au plus { $max }
config-too-many-languages-hint = chaque page renvoie vers ses traductions et le plan du site les liste pour chaque adresse : au-delà, une construction prendrait des minutes et des gigaoctets. Retirez les langues qui ne sont pas publiées
base-url-not-absolute = `{ $key }` doit être une adresse web complète, qui commence par `https://` ; `{ $value }` ne l'est pas
base-url-hint = par exemple `https://www.example.org` ou `https://www.example.org/portail`
config-collection-not-slug = le nom de collection `{ $name }` ne peut pas servir d'adresse
config-feeds-count-zero = `[feeds] count` doit valoir au moins 1
config-feeds-count-zero-hint = pour n'avoir aucun flux, écrivez `collections = []`
config-feeds-unknown-collection = flux demandés pour une collection inconnue : `{ $name }`
config-feeds-declared-only = `[feeds] collections` ne peut nommer que des collections déclarées
config-common-field-redeclared = `{ $field }` est un champ commun à toutes les fiches : il ne se déclare pas
config-common-field-redeclared-hint = supprimez cette ligne : toutes les fiches ont déjà ce champ
config-taxonomy-undeclared = le champ `{ $field }` alimente la taxonomie `{ $taxonomy }`, qui n'est pas déclarée
config-taxonomy-undeclared-hint = déclarez-la sous `[taxonomies]` : `{ $taxonomy } = {"{"} title = "…" {"}"}`
config-taxonomy-not-list = le champ `{ $field }` alimente une taxonomie mais n'est pas de type `list`
config-taxonomy-not-list-hint = écrivez `type = "list"`
config-ref-unknown-collection = le champ `{ $field }` renvoie à une collection inconnue : `{ $to }`
config-ref-to-declared-only = `to` doit nommer une collection déclarée
config-enum-without-values = le champ à choix `{ $field }` n'a pas de `values`
config-enum-without-values-hint = listez les valeurs permises : `values = ["a", "b"]`
config-filter-unknown-field = `filters` nomme `{ $field }`, qui n'est pas un champ déclaré de la collection
config-filter-declared-only = `filters` ne peut nommer que des champs déclarés sous `fields`
config-filter-wrong-type = la liste ne peut pas être filtrée par `{ $field }` : un filtre a besoin de valeurs courtes
config-filter-wrong-type-hint = choisissez un champ de type `list`, `enum`, `ref`, `refs`, `string`, `int`, `year` ou `bool`

## Termes déclarés d'une taxonomie (site.toml)

term-key-not-slug = taxonomie `{ $taxonomy }` : la clé de terme `{ $key }` ne peut pas servir d'adresse
term-unknown-language = le terme `{ $key }` a un libellé dans une langue non déclarée : `{ $lang }`
term-languages-hint = langues déclarées : { $langs }
term-label-missing = le terme `{ $key }` n'a pas de libellé en `{ $lang }`
term-label-missing-hint = ajoutez `{ $lang } = "…"` à ce terme
term-labels-missing = le terme `{ $key }` n'a pas de libellé dans { $count } langues : { $langs }
term-label-empty = le terme `{ $key }` a un libellé vide
term-label-empty-hint = donnez-lui un libellé avec au moins une lettre ou un chiffre
term-same-address = taxonomie `{ $taxonomy }` : les termes `{ $first }` et `{ $second }` auraient la même adresse (`{ $address }`)
term-same-address-hint = donnez-leur des libellés vraiment différents, ou n'en gardez qu'un

## Fichiers et dossiers

link-dangling = ce lien symbolique ne mène nulle part
link-outside-site = ce lien symbolique mène hors du site : parvis ne le lit pas
link-outside-site-hint = remplacez le lien par une copie du fichier, ou faites-le pointer vers un fichier du site
link-loop = boucle de liens symboliques : ce dossier renvoie à l'un de ses dossiers parents
link-loop-hint = supprimez le lien
path-unreadable = impossible de lire ce dossier ou ce fichier
path-unreadable-hint = vérifiez qu'il existe et que ses droits permettent de le lire
content-folder-missing = il n'y a pas de dossier `content/`
content-folder-missing-hint = créez `content/` à côté de `site.toml`, avec un dossier par collection
content-too-deep = les fiches se placent directement dans `content/<collection>/`, sans sous-dossier
content-too-deep-hint = remontez ce fichier dans le dossier `content/{ $collection }/`
content-folder-unknown = le dossier `{ $folder }` n'est pas une collection déclarée
content-folder-did-you-mean = vouliez-vous dire le dossier `{ $close }` ?
content-folder-unknown-hint = déclarez-la dans site.toml avec `[collections.{ $folder }]`, ou déplacez le fichier dans l'un de ces dossiers : { $collections }
file-unreadable = impossible de lire ce fichier : { $error }
file-empty = le fichier est vide
file-empty-hint = écrivez au moins un champ `title:`, ou supprimez le fichier
file-not-utf8 = le fichier n'est pas enregistré en UTF-8
file-not-utf8-label = caractère illisible ici
file-not-utf8-hint = enregistrez-le en UTF-8 dans votre éditeur (« Encodage : UTF-8 »)

## En-tête des fiches (entre les lignes ---)

front-matter-missing = le fichier ne commence pas par un en-tête
front-matter-missing-hint = commencez le fichier par une ligne `---`, puis les champs (`title: …`), puis une autre ligne `---`
front-matter-unclosed = l'en-tête n'est pas fermé
front-matter-unclosed-label = ouvert ici
front-matter-unclosed-hint = ajoutez une ligne `---` après le dernier champ
yaml-invalid = l'en-tête n'est pas écrit correctement (le lecteur YAML dit : { $detail })
yaml-invalid-hint = vérifiez les guillemets, la forme `champ: valeur` et les retraits ; un texte qui contient `:` ou `#` se met entre guillemets
yaml-too-many-aliases = l'en-tête répète des repères (`&nom` puis `*nom`) un trop grand nombre de fois : parvis refuse de le lire
yaml-too-many-aliases-hint = écrivez les valeurs en entier au lieu d'utiliser des repères `&` et `*`
yaml-too-deep = l'en-tête imbrique trop de listes ou de champs les uns dans les autres : parvis refuse de le lire
yaml-too-deep-hint = les champs d'un en-tête sont simples : `champ: valeur` ou `champ: [a, b]` ; retirez les crochets ou les retraits en trop
yaml-not-a-mapping = l'en-tête contient une seule valeur au lieu de lignes `champ: valeur`
yaml-not-a-mapping-hint = écrivez une ligne par champ, par exemple `title: Mon titre`
yaml-key-not-a-name = chaque champ de l'en-tête doit avoir un nom
yaml-key-not-a-name-hint = écrivez une ligne `champ: valeur` par champ
yaml-body-not-text = `body` doit contenir du texte Markdown
yaml-body-not-text-hint = écrivez `body: |` puis le Markdown, en retrait, sur les lignes suivantes

## Champs des fiches

field-unknown = `{ $field }` : ce champ n'existe pas
field-declare-or-use = déclarez ce champ dans site.toml, parmi les `fields` de cette collection, ou utilisez l'un de ceux-ci : { $known }
field-known = champs connus : { $known }
field-required = le champ obligatoire `{ $field }` manque
field-required-hint = ajoutez une ligne `{ $field }: …` dans l'en-tête, entre les deux lignes `---`
expected-text = le champ `{ $field }` attend un texte, mais contient { found }
expected-text-hint = écrivez le texte après les deux-points, entre guillemets s'il contient `:` ou `#` : `{ $field }: "…"`
expected-int = le champ `{ $field }` attend un nombre entier, mais contient { found }
expected-int-hint = écrivez seulement des chiffres, par exemple `{ $field }: 12`
expected-year = le champ `{ $field }` attend une année, mais contient { found }
expected-year-hint = écrivez l'année en quatre chiffres, par exemple `{ $field }: 2021`
expected-date = le champ `{ $field }` attend une date qui existe, mais contient { found }
expected-date-hint = écrivez la date sous la forme AAAA-MM-JJ, par exemple `{ $field }: 2026-12-01`, ou avec l'heure : `2026-12-01T09:30:00+01:00`
expected-bool = le champ `{ $field }` attend `true` (oui) ou `false` (non), mais contient { found }
expected-bool-hint = écrivez `{ $field }: true` ou `{ $field }: false`
expected-url = le champ `{ $field }` attend une adresse web complète, mais contient { found }
expected-url-hint = écrivez l'adresse complète, qui commence par `https://` : `{ $field }: https://…`
expected-url-add-scheme = ajoutez `https://` au début : `{ $field }: { $url }`
expected-email = le champ `{ $field }` attend une adresse e-mail, mais contient { found }
expected-email-hint = écrivez-la sous la forme `{ $field }: nom@exemple.fr`
expected-list = le champ `{ $field }` attend une liste, mais contient { found }
expected-list-hint = écrivez `{ $field }: [premier, second]`
enum-not-allowed = `{ $field }` : `{ $value }` ne fait pas partie des valeurs permises
enum-allowed-values = valeurs permises : { $values }
list-comma-in-one-value = `{ $field }` : `{ $value }` est lu comme une seule valeur, virgule comprise
list-use-brackets = pour plusieurs valeurs, mettez-les entre crochets : `{ $field }: [{ $items }]`
term-unknown = `{ $field }` : `{ $value }` ne fait pas partie des termes de `{ $taxonomy }`
term-known-labels = termes possibles : { $labels }
term-see-config = les termes possibles sont listés dans site.toml, sous `[taxonomies.{ $taxonomy }.terms]`
term-spelled-twice = `{ $field }` : `{ $written }` et `{ $first }` (dans { $file }) sont le même terme, écrit de deux façons
term-spelled-twice-hint = écrivez-le partout de la même façon, par exemple `{ $first }`
asset-outside = `{ $field }` : le chemin `{ $path }` sort des dossiers du site
asset-outside-hint = donnez un chemin à partir du dossier `assets/` (par exemple `img/logo.png`), ou un fichier placé à côté de la fiche
asset-not-found = `{ $field }` : le fichier `{ $path }` est introuvable
asset-not-found-hint = mettez le fichier dans `assets/{ $path }`, ou à côté de cette fiche
asset-not-found-write-hint = mettez le fichier dans `assets/{ $path }` et écrivez `{ $field }: { $path }`
asset-under-assets = `{ $field }` : les chemins partent déjà du dossier `assets/`, donc `{ $path }` désignerait `assets/{ $path }`
asset-write-instead = écrivez `{ $field }: { $path }`
image-without-alt = `image` demande aussi `image_alt`
image-without-alt-hint = décrivez l'image pour les personnes qui ne la voient pas : `image_alt: "…"` (ou `image_alt: ""` si elle est purement décorative)
slug-invalid = `slug` : `{ $slug }` ne peut pas servir d'adresse
slug-empty = le nom du fichier ne donne aucune adresse
slug-empty-hint = renommez le fichier avec des lettres ou des chiffres, ou ajoutez un champ `slug:`
alias-not-a-site-path = `aliases` : `{ $alias }` n'est pas une adresse du site
alias-not-a-site-path-hint = écrivez les anciennes adresses depuis la racine du site, par exemple `/actualites/ancien-titre/`

## Textes à compléter ou à traduire, écrits par `parvis new`

placeholder-left = `{ $field }` contient encore `{ $placeholder }` : la fiche n'est pas terminée
placeholder-fill-hint = remplacez `{ $placeholder }` par la valeur de `{ $field }` : { field-type }
placeholder-translate-hint = remplacez `{ $placeholder }` et le texte d'origine qui le suit par leur traduction : `{ $field }: "…"`
placeholder-in-body = le texte contient encore `{ $placeholder }` : la fiche n'est pas terminée
placeholder-body-fill-hint = écrivez votre texte à la place de cette ligne
placeholder-body-translate-hint = traduisez le texte qui suit cette ligne, puis supprimez-la
field-type =
    { $kind ->
        [string] un texte
        [markdown] un texte en Markdown (sur plusieurs lignes : `|` puis le texte en retrait)
        [int] un nombre entier, par exemple 12
        [year] une année en quatre chiffres, par exemple 2021
        [date] une date sous la forme AAAA-MM-JJ, par exemple 2026-12-01
        [bool] `true` (oui) ou `false` (non)
        [url] une adresse web complète, qui commence par `https://`
        [email] une adresse e-mail, par exemple nom@exemple.fr
        [enum] l'une de ces valeurs : { $values }
        [terms] une liste entre crochets, parmi : { $values }
        [list] une liste entre crochets, par exemple [premier, second]
        [asset] le chemin d'un fichier du dossier `assets/`, par exemple img/photo.jpg
        [ref] le nom de fichier (sans `.md`) d'une fiche de la collection `{ $collection }`
        [ref-any] une fiche, écrite `collection/nom-du-fichier`
        [refs] une liste de noms de fichiers (sans `.md`) de fiches de la collection `{ $collection }`, entre crochets
       *[refs-any] une liste de fiches écrites `collection/nom-du-fichier`, entre crochets
    }

## Renvois entre fiches (champs ref et refs)

ref-without-collection = `{ $field }` : `{ $target }` ne dit pas dans quelle collection chercher
ref-without-collection-hint = écrivez `collection/slug`, par exemple `startups/acme`
ref-unknown-collection = `{ $field }` : il n'y a pas de collection `{ $collection }`
ref-unknown-collection-hint = écrivez `collection/slug` avec une collection déclarée dans site.toml
ref-to-unpublished = `{ $field }` : `{ $target }` est un brouillon ou n'est pas encore publié ; le lien est omis
ref-to-unpublished-hint = le lien apparaîtra quand cette fiche sera publiée
ref-dangling = `{ $field }` : il n'y a pas de fiche `{ $slug }` dans la collection `{ $collection }`
ref-dangling-hint = vérifiez l'orthographe : il faut le nom d'un fichier de `content/{ $collection }/`, sans `.md` (ou son `slug:`)
address-taken-twice = deux pages veulent la même adresse : /{ $path }
address-taken-twice-hint = donnez à l'une des deux un autre `slug:` (ou retirez l'ancienne adresse de ses `aliases:`)
address-taken-by-list-hint = cette adresse est déjà celle d'une page de liste faite par parvis ; choisissez un autre `slug:`

## Liens et HTML dans le texte

link-outside-content = `{ $path }` sort du dossier `content/`
link-no-page = aucune page ni aucun fichier à l'adresse `{ $path }`
link-did-you-mean = vouliez-vous dire `/{ $path }/` ?
link-site-absolute-hint = les liens qui commencent par `/` partent de la racine du site, par exemple `/start-ups/acme/`, ou `/img/logo.png` pour `assets/img/logo.png`
link-not-a-content-file = `{ $written }` n'est pas une fiche publiée
link-not-a-content-file-hint = il n'y a pas de fichier `content/{ $file }`, ou c'est un brouillon ; vérifiez le nom et les `../`
html-removed-element = `<{ $tag }>` a été retiré de la page, avec tout son contenu
html-removed-tag = la balise `<{ $tag }>` n'est pas permise : elle a été retirée, son texte est gardé
html-removed-hint =
    { $kind ->
        [embed] pour une vidéo, une carte ou un document, mettez un lien vers la page qui le montre : `[Voir la vidéo](https://…)`
        [script] les scripts ne peuvent venir que du thème ; pour un service extérieur, mettez un lien vers lui : `[Texte du lien](https://…)`
        [style] la mise en forme vient du thème ; utilisez celle du Markdown : `**gras**`, `*italique*`, `## Titre`
        [form] les formulaires ne sont pas publiés ; mettez un lien vers le formulaire : `[Répondre au questionnaire](https://…)`
        [image] enregistrez l'image dans un fichier (`.svg`, `.png`) sous `assets/img/`, puis insérez-la : `![Description de l'image](/img/nom.svg)`
       *[other] écrivez ce contenu en Markdown, sans cette balise
    }
html-removed-attribute = l'attribut `{ $attribute }` de `<{ $tag }>` a été retiré
html-removed-attribute-hint =
    { $kind ->
        [event] les actions JavaScript (`onclick`…) ne sont pas permises ; un simple lien `[texte](https://…)` suffit
        [style] la mise en forme vient du thème ; utilisez celle du Markdown : `**gras**`, `*italique*`
       *[other] seuls quelques attributs sont gardés (`class`, `id`, `title`, `lang`, l'adresse des liens et des images, `alt`…) ; retirez celui-ci
    }
html-removed-url = l'adresse `{ $url }` de `<{ $tag }>` a été retirée : seules les adresses `https://`, `http://`, `mailto:` et `tel:` sont permises
html-removed-url-hint = écrivez l'adresse complète d'une page, par exemple `[Texte du lien](https://www.example.org/)`

## Thème : gabarits et textes d'interface

theme-without-templates = le thème n'a aucun gabarit
theme-without-templates-hint = vérifiez `theme` dans site.toml : il nomme un dossier de `themes/` qui contient un dossier `templates/`
template-error = un gabarit du thème n'a pas pu être appliqué : { $detail }
template-error-detail = Tera (le moteur de gabarits) dit : { $detail }
filters-need-card-template = la liste de `{ $collection }` a des `filters`, qui ont besoin du gabarit `partials/card.html` du thème
filters-need-card-template-hint = ajoutez ce gabarit (une carte, comme la montrent les listes), ou retirez `filters` de la collection dans site.toml
template-syntax-error = un gabarit du thème est mal écrit
template-expected = ici : { $expected }
template-unexpected-text = texte inattendu
template-syntax-error-hint = vérifiez que chaque `{"{{"}`, `{"{%"}` et `{"{#"}` est fermé, et que chaque bloc a son `{"{%"} end… {"%}"}`
template-unknown-variable-hint = cette variable n'existe pas sur ce type de page ; protégez-la avec `{"{%"} if … {"%}"}` ou utilisez `| default(value=…)`
i18n-key-missing = le texte d'interface `{ $key }` manque en langue `{ $lang }`
i18n-key-missing-hint = ajoutez `{ $key } = "…"` dans `i18n/{ $lang }.toml` (celui du site ou celui du thème)
i18n-unreadable = impossible de lire les textes d'interface : { $error }
i18n-invalid = textes d'interface invalides : { $detail }
i18n-invalid-hint = écrivez une ligne `cle = "texte"` par texte

## Relecture (parvis check)

review-image-without-alt = cette image n'a pas de texte de remplacement : une personne qui ne la voit pas ne saura pas ce qu'elle montre
review-image-without-alt-label = sans texte de remplacement
review-image-without-alt-hint = décrivez ce que montre l'image entre les crochets : `![Ce que montre l'image](…)`
review-raw-image-without-alt-hint = ajoutez `alt="…"`, qui décrit ce que montre l'image (ou `alt=""` si elle est purement décorative)
review-link-without-text = ce lien n'a pas de texte : un lecteur d'écran n'annonce que son adresse
review-link-without-text-label = lien sans texte
review-link-without-text-hint = écrivez entre les crochets où mène le lien : `[la page Contact](…)`
review-raw-link-without-text-hint = écrivez le texte du lien entre `<a …>` et `</a>`, ou ajoutez `aria-label="…"`
review-heading-skipped =
    { $previous ->
        [1] cet intertitre de niveau { $level } vient juste après le titre de la page (niveau 1) : des niveaux sont sautés
       *[other] cet intertitre de niveau { $level } suit un intertitre de niveau { $previous } : des niveaux sont sautés
    }
review-heading-skipped-label = niveau sauté
review-heading-skipped-hint = écrivez `{ $expected }` : les intertitres descendent d'un niveau à la fois, choisis pour leur place et non pour leur taille
review-no-summary = cette fiche n'a pas de résumé : les listes, les moteurs de recherche et les réseaux sociaux n'afficheront aucune présentation
review-no-summary-hint = ajoutez dans l'en-tête une phrase qui présente la fiche : `summary: "…"`
external-moved = `{ $url }` est redirigé vers une autre adresse
external-moved-hint = écrivez directement la nouvelle adresse : `{ $to }`
external-broken =
    `{ $url }` répond par une erreur { $status }{ $redirected ->
        [yes] {" "}(après redirection vers `{ $at }`)
       *[no] {""}
    }
external-broken-hint =
    { $kind ->
        [gone] la page n'existe plus : cherchez sa nouvelle adresse sur le site, ou retirez le lien
        [refused] le site refuse de répondre à parvis : ouvrez le lien dans un navigateur pour vérifier
        [server] le site est en panne : réessayez plus tard, et retirez le lien si la panne dure
       *[other] ouvrez le lien dans un navigateur pour vérifier, et corrigez-le ou retirez-le
    }
external-loop = `{ $url }` redirige en boucle : la page ne s'affiche jamais
external-too-many-redirects = `{ $url }` redirige trop de fois de suite
external-loop-hint = ouvrez le lien dans un navigateur ; s'il ne mène nulle part, retirez-le ou prévenez le site
external-timeout =
    `{ $url }` n'a pas répondu en { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    }
external-timeout-hint = le site est peut-être lent ou en panne : réessayez plus tard (ou avec `--timeout`), et retirez le lien si cela dure
external-unreachable = `{ $url }` est injoignable : { $error }
external-unreachable-hint = vérifiez l'adresse (une faute dans le nom du site ?) ou retirez le lien
external-cache-unwritable = impossible d'enregistrer les réponses des liens dans `.parvis-cache/` : { $error }
external-cache-unwritable-hint = la prochaine vérification posera de nouveau toutes les questions ; vérifiez que vous pouvez écrire dans le dossier du site

## Nouvelle fiche et nouveau site (parvis new, parvis init)

new-written = Fiche écrite : { $file }
new-next-step = Remplissez-la (chaque `À COMPLÉTER` ou `À TRADUIRE` doit être remplacé), puis vérifiez-la avec `parvis check`.
new-unwritable = impossible d'écrire `{ $file }` : { $error }
new-unwritable-hint = vérifiez que vous pouvez écrire dans le dossier du site
new-file-exists = `{ $file }` existe déjà : parvis ne remplace jamais une fiche
new-file-exists-hint = ouvrez ce fichier pour le modifier, ou choisissez un autre titre
new-unknown-collection = `{ $collection }` n'est pas une collection de ce site
new-collections = les collections du site : { $collections }
new-unknown-language = la langue `{ $lang }` n'est pas déclarée dans site.toml
new-languages = les langues du site : { $langs }
new-title-without-slug = le titre « { $title } » ne donne pas de nom de fichier
new-title-without-slug-hint = donnez un titre avec au moins une lettre ou un chiffre
new-from-same-language = `--from` écrit une traduction, mais `{ $lang }` est la langue des originaux
new-from-same-language-hint = indiquez la langue de la traduction, par exemple `--lang en`
new-from-not-found = la collection `{ $collection }` n'a pas de fiche `{ $name }` dans la langue par défaut
new-from-known = ses fiches : { $names }
new-comment-required = Champs obligatoires : remplacez « { $placeholder } » par la valeur.
new-comment-optional = Champs facultatifs : enlevez le « # » du début de la ligne, puis écrivez la valeur après les deux-points.
new-comment-body = Le texte de la fiche s'écrit en Markdown sous la ligne --- qui suit.
new-common-field =
    { $field ->
        [summary] une phrase de présentation, reprise par les listes et les moteurs de recherche (sinon, le premier paragraphe)
        [tags] les thèmes, entre crochets : [imagerie, recherche]
        [image] une image du dossier `assets/`, par exemple img/photo.jpg
        [image_alt] ce que montre l'image, pour les personnes qui ne la voient pas (obligatoire avec `image`)
        [weight] un nombre : les fiches se rangent du plus petit au plus grand
       *[draft] `true` pour un brouillon, qui n'est pas publié
    }
new-examples = par exemple : { $names }
new-comment-translation = Traduction de { $file } : remplacez chaque « { $placeholder } » et le texte d'origine qui le suit par leur traduction.
new-comment-slug = une adresse propre à la traduction, en minuscules sans accents, avec des tirets (sinon, celle de l'original)
new-translate-value = { $placeholder } : { $text }
new-translate-body = { $placeholder } : traduisez le texte ci-dessous, puis supprimez cette ligne.
init-written = Site créé dans { $dir } ({ $files } fichiers).
init-next-step = Construisez-le avec `parvis build --root { $dir }`, puis remplacez les exemples par vos fiches.
init-not-empty = `{ $dir }` n'est pas vide : parvis ne crée un site que dans un dossier vide ou qui n'existe pas encore
init-not-empty-hint = choisissez un nouveau nom de dossier, par exemple `parvis init mon-site`

## Écriture du site

output-refused =
    parvis refuse d'écrire le site dans `{ $out }` : { $why ->
        [contains-site] ce dossier contient le site lui-même
        [in-content] il est dans `content/`
        [in-site-folder] il est dans le dossier `{ $folder }/` du site
        [is-file] c'est un fichier
       *[not-ours] il n'est pas vide et n'a pas été fait par parvis (pas de fichier `{ $marker }`)
    }
output-refused-hint = choisissez un dossier de sortie à part, par exemple `public/` (par défaut) ou `--out /tmp/site`
output-unwritable = impossible d'écrire le site : { $error }
output-unwritable-hint = vérifiez que le dossier qui contient le dossier de sortie existe, que vous pouvez y écrire et qu'il reste de la place sur le disque
static-file-uncopied = impossible de copier un fichier : { $error }
static-file-uncopied-hint = vérifiez que le fichier peut être lu et que le dossier de sortie peut être écrit
generated-file-overridden = `/{ $path }` : le site a son propre fichier à cet endroit ; il est gardé à la place de celui que parvis fabrique
generated-file-overridden-hint = supprimez-le (de `assets/`, de `content/` ou du `static/` du thème) pour obtenir celui de parvis
open-data-unwritable = impossible d'écrire les données ouvertes de `{ $collection }` : { $error }

link-did-you-mean-file = vouliez-vous dire `/{ $path }` ?
link-not-found = `{ $written }` n'est ni une page, ni un fichier, ni une fiche du site
link-not-found-sibling-hint = vouliez-vous dire `{ $link }` ? Un lien vers une autre fiche donne son nom de fichier
link-not-found-host-hint = une adresse de site web commence par `https://` : écrivez `https://{ $written }`
link-not-found-hint = un lien vers une autre fiche donne son fichier (`../startups/acme.md`), un lien vers une page du site part de sa racine (`/start-ups/`), un lien vers un autre site s'écrit en entier (`https://…`)
fragment-missing = `#{ $fragment }` : cette page n'a pas de titre avec cet identifiant
fragment-missing-label = pas de titre à cet endroit
fragment-did-you-mean = vouliez-vous dire `#{ $id }` ?
fragment-no-headings-hint = cette page n'a pas d'intertitres : faites un lien vers la page elle-même, sans `#…`
fragment-headings-hint = ses intertitres sont : { $ids }
translation-without-original = cette traduction n'a pas d'original : il n'y a pas de fichier `{ $name }` à côté d'elle, la page n'existe donc que dans une langue
translation-without-original-hint = écrivez l'original `{ $name }`, ou renommez ce fichier en `{ $name }` s'il n'y a qu'une version
yaml-tab = l'en-tête contient une tabulation à un endroit où le format YAML n'accepte que des espaces
yaml-tab-hint = remplacez la tabulation par des espaces (ou supprimez-la) au début de cette ligne

serve-serving = Aperçu du site : { $url }  (Ctrl+C pour arrêter)
serve-building = Construction du site…
serve-whole-site = Site construit
serve-rebuilt = { $sources } : { $files ->
        [0] aucune page ne change
        [one] 1 fichier mis à jour
       *[other] { $files } fichiers mis à jour
    } ({ $millis } ms)
serve-and-more = { $first } et { $others } autre(s)
serve-failed = { $errors ->
        [one] Le site a 1 erreur : le navigateur montre la dernière version sans erreur jusqu’à ce qu’elle soit corrigée.
       *[other] Le site a { $errors } erreurs : le navigateur montre la dernière version sans erreur jusqu’à ce qu’elles soient corrigées.
    }
serve-port-busy = Le port { $port } est déjà utilisé sur { $ip } (un autre « parvis serve » tourne peut-être).
    Choisissez-en un autre, par exemple : parvis serve --port { $other }
serve-cannot-listen = Impossible d’ouvrir { $address } : { $error }
serve-cannot-start = Impossible de démarrer l’aperçu : { $error }
serve-no-site-folder = Impossible de démarrer l’aperçu : le dossier { $folder } n’existe pas.
    Indiquez le dossier du site avec --root, par exemple : parvis serve --root mon-site
serve-open-failed = Le navigateur n’a pas pu être ouvert : ouvrez { $url } vous-même.
serve-watch-failed = Surveillance des fichiers : { $error }
serve-output-folder = Dossier de sortie : { $folder }
serve-stopped = Aperçu arrêté.
serve-panel-title = { $errors ->
        [one] Le site a 1 erreur
       *[other] Le site a { $errors } erreurs
    }
serve-panel-intro = La page affichée derrière ce panneau est la dernière version sans erreur : vos dernières modifications n’y sont pas encore. Corrigez le fichier indiqué et enregistrez-le ; la page se mettra à jour toute seule.
serve-panel-close = Fermer
serve-panel-reopen = { $errors ->
        [one] Voir l’erreur
       *[other] Voir les { $errors } erreurs
    }
serve-panel-line = ligne
serve-panel-column = colonne
serve-panel-hint = Conseil :
serve-panel-related = Voir aussi :
serve-no-site-title = Pas encore de site à montrer
serve-no-site-text = Le site n’a pas encore pu être construit. Corrigez les erreurs signalées, cette page se mettra à jour toute seule.
cli-serve = Prévisualiser le site dans un navigateur pendant l'écriture : reconstruit à chaque enregistrement, les pages se rechargent seules, les erreurs s'affichent dans la page
cli-serve-port = Port d'écoute (0 : n'importe quel port libre ; par défaut 1111)
cli-serve-bind = Adresse d'écoute (par défaut 127.0.0.1 ; 0.0.0.0 montre l'aperçu au réseau local)
cli-serve-open = Ouvrir l'aperçu dans le navigateur par défaut
cli-serve-base-path = Servir le site sous ce chemin, comme il sera publié (par exemple /portail/)
cli-serve-no-drafts = Cacher les brouillons et les fiches programmées pour plus tard (montrés par défaut)
cli-port-value = PORT
cli-address-value = ADRESSE
cli-path-value = CHEMIN
