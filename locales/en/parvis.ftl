### parvis messages, in English.
###
### Every message has the same id and the same variables as in
### locales/fr/parvis.ftl (a test checks it). The people who read them
### write the site's content: plain words, and always what to write.

## Levels (replace "error", "help"… printed by the library)

level-error = error
level-warning = warning
level-help = help
level-note = note
diagnostic-in-file = in { $file }
diagnostic-also-here = also here
label-broken-link = broken link
label-removed = removed

## What a value holds, quoted in the "expected …" messages

found =
    { $kind ->
        [nothing] an empty value
        [bool] `{ $value }`
        [number] the number `{ $value }`
        [list] a list
        [map] a map of fields
       *[text] the text `{ $value }`
    }

## Summaries and progress

summary-built =
    Built { $pages } pages and { $files } files into { $out } in { $ms } ms{ $warnings ->
        [0] {""}
        [one] , with 1 warning
       *[other] , with { $warnings } warnings
    }
summary-failed =
    error: the site has { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] {" "}and 1 warning
       *[other] {" "}and { $warnings } warnings
    }; the previous output was left as it was
summary-denied =
    error: { $warnings ->
        [one] 1 warning, refused
       *[other] { $warnings } warnings, refused
    } by `--deny-warnings`; the previous output was left as it was
summary-checked =
    Checked { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }: no error{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
summary-check-failed =
    error: the site has { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] {" "}and 1 warning
       *[other] {" "}and { $warnings } warnings
    }
summary-check-denied =
    error: { $warnings ->
        [one] 1 warning, refused
       *[other] { $warnings } warnings, refused
    } by `--deny-warnings`
progress-reading = Reading the content…
progress-rendering = Rendering pages: { $done }/{ $total }

## Command line (--help)

cli-about = parvis: the static site generator of the PariSanté Campus portal
cli-usage-heading = Usage:
cli-options-heading = Options
cli-commands-heading = Commands
cli-command-value = COMMAND
cli-folder-value = DIR
cli-url-value = URL
cli-lang-value = LANG
cli-help = Print help
cli-version = Print version
cli-build = Build the site into the output folder
cli-root = The site's root folder, which holds site.toml (default: the current folder)
cli-out = Output folder (default: `output_dir` of site.toml, else `public`)
cli-base-url = Override `base_url` (preview deployments); checked like the one in site.toml
cli-drafts = Include drafts
cli-quiet = Print nothing but errors
cli-verbose = Print the time of each stage
cli-format = How to print diagnostics: `human` (for people, the default) or `json` (one JSON object on standard output, for CI)
cli-messages = Language of messages, `fr` or `en` (otherwise: the PARVIS_MESSAGES variable, then the site's default language)
cli-deny-warnings = Fail the build on warnings too (the previous output is kept)
cli-new = Write a new entry, or the translation of an entry, from its collection's fields
cli-new-collection = The entry's collection, e.g. `startups`
cli-new-title = The entry's title; it gives the file name (optional with `--from`)
cli-new-lang = The entry's language, e.g. `en` (default: the site's default language)
cli-new-from = Write the translation of this entry (its file name, without `.md`), beside it
cli-init = Create a new site, ready to build, in an empty folder
cli-init-dir = The new site's folder (created if missing)
cli-collection-value = COLLECTION
cli-title-value = TITLE
cli-name-value = NAME
cli-check = Check the site as a build does, writing nothing, and review its accessibility
cli-check-external = Also check the links to other sites (answers are kept 24 h in `.parvis-cache/`)
cli-check-timeout = How long to wait for each link to another site, in seconds (default: 15)
cli-seconds-value = SECONDS

## General answers

did-you-mean = did you mean `{ $close }`?
slug-hint = use lower-case letters without accents, digits and `-` only, e.g. `{ $slug }`

## site.toml

config-unreadable = cannot read the site configuration: { $error }
config-unreadable-hint = every site has a `site.toml` at its root; give another root with `--root`
config-missing = there is no `site.toml` file in this folder
config-no-site-folder = there is no folder { $folder }
config-invalid = invalid site configuration: { $detail }
config-invalid-hint = see the `site.toml` section of the README for the expected keys
config-unknown-key = `{ $key }`: unknown key in site.toml
config-known-keys = known keys here: { $keys }
config-default-language-undeclared = default language `{ $lang }` is not declared
config-declare-language = add a `[languages.{ $lang }]` table
config-too-many-languages = site.toml declares { $count } languages; parvis builds at most { $max }
config-too-many-languages-hint = every page links to its translations and the sitemap lists them for every address: beyond that, a build would take minutes and gigabytes. Remove the languages that are not published
base-url-not-absolute = `{ $key }` must be a full web address starting with `https://`; `{ $value }` is not
base-url-hint = for example `https://www.example.org` or `https://www.example.org/portail`
config-collection-not-slug = collection name `{ $name }` is not a slug
config-feeds-count-zero = `[feeds] count` must be at least 1
config-feeds-count-zero-hint = to have no feeds at all, write `collections = []`
config-feeds-unknown-collection = feeds for unknown collection `{ $name }`
config-feeds-declared-only = `[feeds] collections` must name declared collections
config-common-field-redeclared = `{ $field }` is a common field and cannot be redeclared
config-common-field-redeclared-hint = remove this line; every entry already has it
config-taxonomy-undeclared = field `{ $field }` feeds taxonomy `{ $taxonomy }`, which is not declared
config-taxonomy-undeclared-hint = declare it under `[taxonomies]`: `{ $taxonomy } = {"{"} title = "…" {"}"}`
config-taxonomy-not-list = field `{ $field }` has a taxonomy but is not a `list`
config-taxonomy-not-list-hint = use `type = "list"`
config-ref-unknown-collection = field `{ $field }` refers to unknown collection `{ $to }`
config-ref-to-declared-only = `to` must name a declared collection
config-enum-without-values = enum field `{ $field }` has no `values`
config-enum-without-values-hint = list the allowed values: `values = ["a", "b"]`
config-filter-unknown-field = `filters` names `{ $field }`, which is not a declared field of the collection
config-filter-declared-only = `filters` may only name fields declared under `fields`
config-filter-wrong-type = the list cannot be filtered by `{ $field }`: a filter needs short values
config-filter-wrong-type-hint = pick a field of type `list`, `enum`, `ref`, `refs`, `string`, `int`, `year` or `bool`

## Declared terms of a taxonomy (site.toml)

term-key-not-slug = taxonomy `{ $taxonomy }`: term key `{ $key }` is not a slug
term-unknown-language = term `{ $key }` has a label in an undeclared language: `{ $lang }`
term-languages-hint = declared languages: { $langs }
term-label-missing = term `{ $key }` has no label in `{ $lang }`
term-label-missing-hint = add `{ $lang } = "…"` to this term
term-labels-missing = term `{ $key }` has no label in { $count } languages: { $langs }
term-label-empty = term `{ $key }` has an empty label
term-label-empty-hint = give it a label with at least one letter or digit
term-same-address = taxonomy `{ $taxonomy }`: terms `{ $first }` and `{ $second }` would have the same address (`{ $address }`)
term-same-address-hint = give them really different labels, or keep only one

## Files and folders

link-dangling = this symbolic link points to nothing
link-outside-site = this symbolic link points outside the site: parvis does not read it
link-outside-site-hint = replace the link by a copy of the file, or make it point to a file inside the site
link-loop = symbolic link loop: this folder links back to one of its parents
link-loop-hint = remove the link
path-unreadable = cannot read this folder or file
path-unreadable-hint = check that it exists and that its permissions let you read it
content-folder-missing = there is no `content/` folder
content-folder-missing-hint = create `content/` next to `site.toml`, with one folder per collection
content-too-deep = content files must be directly in `content/<collection>/`, not in a sub-folder
content-too-deep-hint = move this file up into `content/{ $collection }/`
content-folder-unknown = folder `{ $folder }` is not a declared collection
content-folder-did-you-mean = did you mean the folder `{ $close }`?
content-folder-unknown-hint = declare it in site.toml as `[collections.{ $folder }]`, or move the file into one of: { $collections }
file-unreadable = cannot read this file: { $error }
file-empty = the file is empty
file-empty-hint = write at least a `title:` field, or delete the file
file-not-utf8 = the file is not valid UTF-8 text
file-not-utf8-label = invalid byte here
file-not-utf8-hint = save the file as UTF-8 in your editor ("Encoding: UTF-8")

## Front matter (between the --- lines)

front-matter-missing = the file does not start with front matter
front-matter-missing-hint = start the file with a line `---`, the fields (`title: …`), then another `---`
front-matter-unclosed = the front matter is not closed
front-matter-unclosed-label = opened here
front-matter-unclosed-hint = add a line `---` after the last field
yaml-invalid = invalid YAML: { $detail }
yaml-invalid-hint = check the quotes, the `key: value` form and the indentation; text with `:` or `#` needs quotes
yaml-too-many-aliases = the front matter repeats its anchors (`&name` then `*name`) too many times: parvis refuses to read it
yaml-too-many-aliases-hint = write the values out instead of using `&` anchors and `*` aliases
yaml-too-deep = the front matter nests lists or fields too deeply: parvis refuses to read it
yaml-too-deep-hint = front matter fields are simple: `key: value` or `key: [a, b]`; remove the extra brackets or indentation
yaml-not-a-mapping = expected `key: value` lines, found a single value
yaml-not-a-mapping-hint = write one line per field, e.g. `title: My title`
yaml-key-not-a-name = every key must be a name
yaml-key-not-a-name-hint = write one `key: value` line per field
yaml-body-not-text = `body`: expected Markdown text
yaml-body-not-text-hint = write `body: |` then the Markdown, indented, on the next lines

## Fields of entries

field-unknown = `{ $field }`: unknown field
field-declare-or-use = declare it under this collection's `fields` in site.toml, or use one of: { $known }
field-known = known fields: { $known }
field-required = `{ $field }`: required field is missing
field-required-hint = add a line `{ $field }: …` to the front matter
expected-text = `{ $field }`: expected text, found { found }
expected-text-hint = write the text after the colon, in quotes if it contains `:` or `#`: `{ $field }: "…"`
expected-int = `{ $field }`: expected a whole number, found { found }
expected-int-hint = write digits only, e.g. `{ $field }: 12`
expected-year = `{ $field }`: expected a year, found { found }
expected-year-hint = write four digits, e.g. `{ $field }: 2021`
expected-date = `{ $field }`: expected a date that exists, found { found }
expected-date-hint = write the date as YYYY-MM-DD, e.g. `{ $field }: 2026-12-01`, or as `2026-12-01T09:30:00+01:00`
expected-bool = `{ $field }`: expected true or false, found { found }
expected-bool-hint = write `{ $field }: true` or `{ $field }: false`
expected-url = `{ $field }`: expected a web address, found { found }
expected-url-hint = write the full address, starting with `https://`: `{ $field }: https://…`
expected-url-add-scheme = add `https://` in front: `{ $field }: { $url }`
expected-email = `{ $field }`: expected an email address, found { found }
expected-email-hint = write it as `{ $field }: name@example.org`
expected-list = `{ $field }`: expected a list, found { found }
expected-list-hint = write `{ $field }: [first, second]`
enum-not-allowed = `{ $field }`: `{ $value }` is not one of the allowed values
enum-allowed-values = allowed values: { $values }
list-comma-in-one-value = `{ $field }`: `{ $value }` is read as one value, comma included
list-use-brackets = for several values, put them in brackets: `{ $field }: [{ $items }]`
term-unknown = `{ $field }`: `{ $value }` is not one of the terms of `{ $taxonomy }`
term-known-labels = known terms: { $labels }
term-see-config = the known terms are listed in site.toml, under `[taxonomies.{ $taxonomy }.terms]`
term-spelled-twice = `{ $field }`: `{ $written }` and `{ $first }` (in { $file }) are the same term, written two ways
term-spelled-twice-hint = write it the same way everywhere, e.g. `{ $first }`
asset-outside = `{ $field }`: `{ $path }` leaves the site's folders
asset-outside-hint = give a path under `assets/` (e.g. `img/logo.png`) or a file next to the entry
asset-not-found = `{ $field }`: file `{ $path }` not found
asset-not-found-hint = put the file at `assets/{ $path }` or next to this entry
asset-not-found-write-hint = put the file at `assets/{ $path }` and write `{ $field }: { $path }`
asset-under-assets = `{ $field }`: paths already start in `assets/`, so `{ $path }` would mean `assets/{ $path }`
asset-write-instead = write `{ $field }: { $path }`
image-without-alt = `image` needs `image_alt`
image-without-alt-hint = describe the image for people who cannot see it: `image_alt: "…"` (or `image_alt: ""` if it is purely decorative)
slug-invalid = `slug`: `{ $slug }` is not a valid slug
slug-empty = the file name gives an empty slug
slug-empty-hint = rename the file with letters or digits, or set `slug:`
alias-not-a-site-path = `aliases`: `{ $alias }` is not a site path
alias-not-a-site-path-hint = write old addresses from the site root, e.g. `/actualites/ancien-titre/`

## Texts to fill in or translate, written by `parvis new`

placeholder-left = `{ $field }` still holds `{ $placeholder }`: the entry is not finished
placeholder-fill-hint = replace `{ $placeholder }` with the value of `{ $field }`: { field-type }
placeholder-translate-hint = replace `{ $placeholder }` and the original text after it with their translation: `{ $field }: "…"`
placeholder-in-body = the text still holds `{ $placeholder }`: the entry is not finished
placeholder-body-fill-hint = write your text in place of this line
placeholder-body-translate-hint = translate the text after this line, then delete it
field-type =
    { $kind ->
        [string] a text
        [markdown] a text in Markdown (on several lines: `|` then the text, indented)
        [int] a whole number, e.g. 12
        [year] a year in four digits, e.g. 2021
        [date] a date written YYYY-MM-DD, e.g. 2026-12-01
        [bool] `true` (yes) or `false` (no)
        [url] a full web address, starting with `https://`
        [email] an email address, e.g. name@example.org
        [enum] one of these values: { $values }
        [terms] a list in brackets, among: { $values }
        [list] a list in brackets, e.g. [first, second]
        [asset] the path of a file in the `assets/` folder, e.g. img/photo.jpg
        [ref] the file name (without `.md`) of an entry of the `{ $collection }` collection
        [ref-any] an entry, written `collection/file-name`
        [refs] a list of file names (without `.md`) of entries of the `{ $collection }` collection, in brackets
       *[refs-any] a list of entries written `collection/file-name`, in brackets
    }

## References between entries (ref and refs fields)

ref-without-collection = `{ $field }`: `{ $target }` does not say which collection it is in
ref-without-collection-hint = write `collection/slug`, e.g. `startups/acme`
ref-unknown-collection = `{ $field }`: there is no collection `{ $collection }`
ref-unknown-collection-hint = write `collection/slug` with a collection declared in site.toml
ref-to-unpublished = `{ $field }`: `{ $target }` is a draft or not yet published; the link is left out
ref-to-unpublished-hint = the link appears once that entry is published
ref-dangling = `{ $field }`: no entry `{ $slug }` in collection `{ $collection }`
ref-dangling-hint = check the spelling: it must be the name of a file in `content/{ $collection }/`, without `.md` (or its `slug:`)
address-taken-twice = two pages want the address /{ $path }
address-taken-twice-hint = give one of them another `slug:` (or remove the alias)
address-taken-by-list-hint = this address is taken by a generated list page; choose another `slug:`

## Links and HTML in the text

link-outside-content = `{ $path }` points outside the content folder
link-no-page = no page or file at `{ $path }`
link-did-you-mean = did you mean `/{ $path }/`?
link-site-absolute-hint = site-absolute links start from the site root, e.g. `/start-ups/acme/` or `/img/logo.png` for `assets/img/logo.png`
link-not-a-content-file = `{ $written }` is not a published content file
link-not-a-content-file-hint = no file `content/{ $file }`, or it is a draft; check the name and the `../` steps
html-removed-element = `<{ $tag }>` was removed from the page, with all it contains
html-removed-tag = the tag `<{ $tag }>` is not allowed: it was removed, its text kept
html-removed-hint =
    { $kind ->
        [embed] for a video, a map or a document, link to the page that shows it: `[Watch the video](https://…)`
        [script] scripts can only come from the theme; for an outside service, link to it: `[Link text](https://…)`
        [style] styling comes from the theme; use Markdown's: `**bold**`, `*italics*`, `## Heading`
        [form] forms are not published; link to the form: `[Answer the survey](https://…)`
        [image] save the image as a file (`.svg`, `.png`) under `assets/img/`, then insert it: `![Description of the image](/img/name.svg)`
       *[other] write this content in Markdown, without this tag
    }
html-removed-attribute = the attribute `{ $attribute }` of `<{ $tag }>` was removed
html-removed-attribute-hint =
    { $kind ->
        [event] JavaScript actions (`onclick`…) are not allowed; a plain link `[text](https://…)` does the job
        [style] styling comes from the theme; use Markdown's: `**bold**`, `*italics*`
       *[other] only a few attributes are kept (`class`, `id`, `title`, `lang`, the address of links and images, `alt`…); remove this one
    }
html-removed-url = the address `{ $url }` of `<{ $tag }>` was removed: only `https://`, `http://`, `mailto:` and `tel:` addresses are allowed
html-removed-url-hint = write the full address of a page, e.g. `[Link text](https://www.example.org/)`

## Theme: templates and interface texts

theme-without-templates = the theme has no templates
theme-without-templates-hint = check `theme` in site.toml: it names a folder under `themes/` with a `templates/` folder
template-error = template error: { $detail }
template-error-detail = Tera says: { $detail }
filters-need-card-template = the list of `{ $collection }` has `filters`, which need the theme's template `partials/card.html`
filters-need-card-template-hint = add that template (one card, as lists show it), or remove `filters` from the collection in site.toml
template-syntax-error = template syntax error
template-expected = { $expected }
template-unexpected-text = unexpected text
template-syntax-error-hint = check that every `{"{{"}`, `{"{%"}` and `{"{#"}` is closed, and every block has its `{"{%"} end… {"%}"}`
template-unknown-variable-hint = the variable does not exist on this kind of page; guard it with `{"{%"} if … {"%}"}` or use `| default(value=…)`
i18n-key-missing = interface text `{ $key }` is missing in language `{ $lang }`
i18n-key-missing-hint = add `{ $key } = "…"` to `i18n/{ $lang }.toml` (the site's or the theme's)
i18n-unreadable = cannot read interface texts: { $error }
i18n-invalid = invalid interface texts: { $detail }
i18n-invalid-hint = write one `key = "text"` per line

## Review (parvis check)

review-image-without-alt = this image has no text alternative: people who cannot see it will not know what it shows
review-image-without-alt-label = no text alternative
review-image-without-alt-hint = describe what the image shows between the brackets: `![What the image shows](…)`
review-raw-image-without-alt-hint = add `alt="…"` describing what the image shows (or `alt=""` if it is purely decorative)
review-link-without-text = this link has no text: a screen reader only reads out its address
review-link-without-text-label = link without text
review-link-without-text-hint = write where the link leads between the brackets: `[the Contact page](…)`
review-raw-link-without-text-hint = write the link's text between `<a …>` and `</a>`, or add `aria-label="…"`
review-heading-skipped =
    { $previous ->
        [1] this level { $level } heading comes right after the page's title (level 1): levels are skipped
       *[other] this level { $level } heading follows a level { $previous } heading: levels are skipped
    }
review-heading-skipped-label = level skipped
review-heading-skipped-hint = write `{ $expected }`: headings go down one level at a time, chosen for their place, not their size
review-no-summary = this entry has no summary: lists, search engines and social networks will show no introduction
review-no-summary-hint = add one sentence presenting the entry to the front matter: `summary: "…"`
external-moved = `{ $url }` redirects to another address
external-moved-hint = write the new address directly: `{ $to }`
external-broken =
    `{ $url }` answers with error { $status }{ $redirected ->
        [yes] {" "}(after a redirect to `{ $at }`)
       *[no] {""}
    }
external-broken-hint =
    { $kind ->
        [gone] the page no longer exists: look for its new address on the site, or remove the link
        [refused] the site refuses to answer parvis: open the link in a browser to check
        [server] the site is down: try again later, and remove the link if it stays down
       *[other] open the link in a browser to check, then fix or remove it
    }
external-loop = `{ $url }` redirects in a loop: the page never shows
external-too-many-redirects = `{ $url }` redirects too many times in a row
external-loop-hint = open the link in a browser; if it leads nowhere, remove it or tell the site
external-timeout =
    `{ $url }` did not answer within { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }
external-timeout-hint = the site may be slow or down: try again later (or with `--timeout`), and remove the link if it lasts
external-unreachable = `{ $url }` cannot be reached: { $error }
external-unreachable-hint = check the address (a typo in the site's name?) or remove the link
external-cache-unwritable = cannot keep the links' answers in `.parvis-cache/`: { $error }
external-cache-unwritable-hint = the next check will ask every link again; check that you can write in the site's folder

## New entry and new site (parvis new, parvis init)

new-written = Entry written: { $file }
new-next-step = Fill it in (every `TO FILL IN` or `TO TRANSLATE` must be replaced), then check it with `parvis check`.
new-unwritable = cannot write `{ $file }`: { $error }
new-unwritable-hint = check that you can write in the site's folder
new-file-exists = `{ $file }` already exists: parvis never replaces an entry
new-file-exists-hint = open that file to change it, or choose another title
new-unknown-collection = `{ $collection }` is not a collection of this site
new-collections = the site's collections: { $collections }
new-unknown-language = the language `{ $lang }` is not declared in site.toml
new-languages = the site's languages: { $langs }
new-title-without-slug = the title “{ $title }” gives no file name
new-title-without-slug-hint = give a title with at least one letter or digit
new-from-same-language = `--from` writes a translation, but `{ $lang }` is the originals' language
new-from-same-language-hint = name the translation's language, e.g. `--lang en`
new-from-not-found = the `{ $collection }` collection has no entry `{ $name }` in the default language
new-from-known = its entries: { $names }
new-comment-required = Required fields: replace "{ $placeholder }" with the value.
new-comment-optional = Optional fields: remove the "#" at the start of the line, then write the value after the colon.
new-comment-body = The entry's text is written in Markdown below the next --- line.
new-common-field =
    { $field ->
        [summary] one sentence that presents the entry, shown by lists and search engines (else, the first paragraph)
        [tags] the topics, in brackets: [imaging, research]
        [image] an image of the `assets/` folder, e.g. img/photo.jpg
        [image_alt] what the image shows, for people who cannot see it (required with `image`)
        [weight] a number: entries are listed from the smallest to the largest
       *[draft] `true` for a draft, which is not published
    }
new-examples = e.g. { $names }
new-comment-translation = Translation of { $file }: replace each "{ $placeholder }" and the original text after it with their translation.
new-comment-slug = an address of the translation's own, in lower case with dashes (else, the original's)
new-translate-value = { $placeholder }: { $text }
new-translate-body = { $placeholder }: translate the text below, then delete this line.
init-written = Site created in { $dir } ({ $files } files).
init-next-step = Build it with `parvis build --root { $dir }`, then replace the examples with your entries.
init-not-empty = `{ $dir }` is not empty: parvis creates a site only in an empty or new folder
init-not-empty-hint = choose a new folder name, e.g. `parvis init my-site`

## Writing the site

output-refused =
    refusing to write the site into `{ $out }`: { $why ->
        [contains-site] it contains the site itself
        [in-content] it is inside `content/`
        [in-site-folder] it is inside the site's `{ $folder }/`
        [is-file] it is a file
       *[not-ours] it is not empty and was not made by parvis (no `{ $marker }` file)
    }
output-refused-hint = choose an output folder of its own, e.g. `public/` (the default) or `--out /tmp/site`
output-unwritable = cannot write the output: { $error }
output-unwritable-hint = check that the output folder's parent exists, that you can write in it and that the disk has room left
static-file-uncopied = cannot copy a static file: { $error }
static-file-uncopied-hint = check that the file is readable and the output folder writable
generated-file-overridden = `/{ $path }`: the site has its own file there, kept instead of the generated one
generated-file-overridden-hint = remove it (from `assets/`, `content/` or the theme's `static/`) to get the generated one
open-data-unwritable = cannot write the open data of `{ $collection }`: { $error }

link-did-you-mean-file = did you mean `/{ $path }`?
link-not-found = `{ $written }` is not a page, a file or an entry of the site
link-not-found-sibling-hint = did you mean `{ $link }`? Links to other entries name their file
link-not-found-host-hint = a website needs its scheme: write `https://{ $written }`
link-not-found-hint = write a link to another entry as its file (`../startups/acme.md`), to a page of the site from its root (`/start-ups/`), or to a website in full (`https://…`)
fragment-missing = `#{ $fragment }`: that page has no heading with this id
fragment-missing-label = no such heading
fragment-did-you-mean = did you mean `#{ $id }`?
fragment-no-headings-hint = that page has no headings: link to the page itself, without `#…`
fragment-headings-hint = its headings are: { $ids }
translation-without-original = this translation has no original: there is no `{ $name }` beside it, so the page exists in one language only
translation-without-original-hint = write the original `{ $name }`, or rename this file `{ $name }` if it is the only version
yaml-tab = the front matter has a tab where YAML accepts only spaces
yaml-tab-hint = replace the tab by spaces (or remove it) at the start of this line

serve-serving = Preview of the site: { $url }  (Ctrl+C to stop)
serve-building = Building the site…
serve-whole-site = Site built
serve-rebuilt = { $sources }: { $files ->
        [0] no page changes
        [one] 1 file updated
       *[other] { $files } files updated
    } ({ $millis } ms)
serve-and-more = { $first } and { $others } more
serve-failed = { $errors ->
        [one] The site has 1 error: the browser shows the last version without errors until it is fixed.
       *[other] The site has { $errors } errors: the browser shows the last version without errors until they are fixed.
    }
serve-port-busy = Port { $port } is already in use on { $ip } (maybe by another `parvis serve`).
    Choose another one, for example: parvis serve --port { $other }
serve-cannot-listen = Cannot listen on { $address }: { $error }
serve-cannot-start = Cannot start the preview: { $error }
serve-no-site-folder = Cannot start the preview: there is no folder { $folder }.
    Name the site's folder with --root, for example: parvis serve --root my-site
serve-open-failed = Could not open a browser: open { $url } yourself.
serve-watch-failed = Watching files: { $error }
serve-output-folder = Output folder: { $folder }
serve-stopped = Preview stopped.
serve-panel-title = { $errors ->
        [one] The site has 1 error
       *[other] The site has { $errors } errors
    }
serve-panel-intro = The page behind this panel is the last version without errors: your latest changes are not in it yet. Fix the file named below and save it; the page will update by itself.
serve-panel-close = Close
serve-panel-reopen = { $errors ->
        [one] Show the error
       *[other] Show the { $errors } errors
    }
serve-panel-line = line
serve-panel-column = column
serve-panel-hint = Hint:
serve-panel-related = See also:
serve-no-site-title = No site to show yet
serve-no-site-text = The site could not be built yet. Fix the errors reported; this page will update by itself.
cli-serve = Preview the site in a browser while editing it: rebuilds on save, pages reload by themselves, errors show in the page
cli-serve-port = Port to listen on (0: any free port; default 1111)
cli-serve-bind = Address to listen on (default 127.0.0.1; 0.0.0.0 shows the preview to the local network)
cli-serve-open = Open the preview in the default browser
cli-serve-base-path = Serve the site under this path, as it will be published (e.g. /portail/)
cli-serve-no-drafts = Hide drafts and entries scheduled for later (shown by default)
cli-port-value = PORT
cli-address-value = ADDRESS
cli-path-value = PATH
