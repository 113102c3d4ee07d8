// Every page says what it is: a description, and a title and heading no
// other page of its language has ("Thème : recherche", "Secteur : …",
// "Recherche : imagerie – 7 résultats"). English lists show the entries
// not translated yet, in French and marked so. The search page without
// JavaScript says what to do instead, and with it reflects its address.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";

import { htmlPages, isRedirect, servedPortal } from "./portal.mjs";

let site, server, browser;
servedPortal(undefined, (ready) => ({ site, server, browser } = ready));

const decode = (text) =>
  text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** Each page but alias redirects: path, language, title, description, h1. */
function pages() {
  return htmlPages(site.out)
    .map((path) => ({ path, html: readFileSync(join(site.out, path.endsWith("/") || path === "" ? `${path}index.html` : path), "utf8") }))
    .filter(({ html }) => !isRedirect(html))
    .map(({ path, html }) => ({
      path: `/${path}`,
      lang: html.match(/<html lang="([^"]+)"/)[1],
      title: decode(html.match(/<title>([^<]*)<\/title>/)?.[1] ?? ""),
      description: decode(html.match(/<meta name="description" content="([^"]*)">/)?.[1] ?? ""),
      h1: decode((html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? "").replace(/<[^>]+>/g, "").trim()),
    }));
}

/** The values of `key` found on more than one page of a language. */
function duplicates(list, key) {
  const seen = new Map();
  for (const p of list) {
    const k = `${p.lang} ${p[key]}`;
    seen.set(k, [...(seen.get(k) || []), p.path]);
  }
  return [...seen].filter(([, paths]) => paths.length > 1).map(([k, paths]) => `${k}: ${paths.join(", ")}`);
}

test("every page has a description", () => {
  const all = pages();
  assert.ok(all.length > 100, `the whole portal: ${all.length} pages`);
  const missing = all.filter((p) => p.description.length < 30).map((p) => p.path);
  assert.deepEqual(missing, [], "pages without a real description");
});

test("no two pages of a language share a title or a heading", () => {
  const all = pages();
  assert.deepEqual(duplicates(all, "title"), []);
  // Further pages of a list repeat its heading; their titles say the page.
  assert.deepEqual(duplicates(all.filter((p) => !/\/page\/\d+\/$/.test(p.path)), "h1"), []);
  const byPath = Object.fromEntries(all.map((p) => [p.path, p]));
  assert.equal(byPath["/themes/recherche/"].title, "Thème : recherche · PariSanté Campus");
  assert.equal(byPath["/themes/recherche/"].h1, "Thème : recherche");
  assert.equal(byPath["/search/"].title, "Recherche · PariSanté Campus");
  assert.equal(byPath["/secteurs/intelligence-artificielle/"].h1, "Secteur : Intelligence artificielle");
  assert.equal(byPath["/en/sectors/artificial-intelligence/"].h1, "Sector: Artificial intelligence");
});

test("the search page's title and heading say what was searched", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/search/?q=imagerie`);
  await page.waitForFunction(() => /\d/.test(document.querySelector("#recherche-statut").textContent));
  const count = (await page.locator("#recherche-statut").textContent()).trim();
  assert.match(count, /^\d+ résultats?$/);
  assert.equal(await page.title(), `Recherche : imagerie – ${count} · PariSanté Campus`);
  assert.equal(await page.locator("h1").textContent(), "Recherche : imagerie");
  await page.close();
});

test("the search page's filters say what the address says", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/search/?q=imagerie&collection=startups&lang=`);
  assert.equal(await page.locator("#recherche-page").inputValue(), "imagerie");
  assert.equal(await page.locator("#recherche-collection").inputValue(), "startups");
  assert.equal(await page.locator("#recherche-langue").inputValue(), "");
  await page.waitForFunction(() => /\d/.test(document.querySelector("#recherche-statut").textContent));
  // A change of filter is written back into the address.
  await page.selectOption("#recherche-collection", "news");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("collection") === "news");
  await page.close();
});

test("without JavaScript the search page says it needs it and where the A–Z lists are", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/search/?q=imagerie`);
  const notice = page.locator(".search-noscript");
  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.textContent(), /JavaScript/);
  const link = notice.locator("a");
  assert.equal(await link.getAttribute("href"), "#recherche-az");
  assert.ok((await page.locator("#recherche-az + ul a").count()) >= 6, "the A–Z lists");
  await page.goto(`${server.origin}/en/search/`);
  assert.match(await page.locator(".search-noscript").textContent(), /Search needs JavaScript/);
  await context.close();
});

test("English lists show the entries not translated yet, in French and marked so", async () => {
  const page = await browser.newPage();
  for (const [english, french] of [["/en/startups/", "/start-ups/"], ["/en/news/", "/actualites/"]]) {
    await page.goto(`${server.origin}${french}`);
    const all = await page.locator(".cards > li").count();
    await page.goto(`${server.origin}${english}`);
    assert.equal(await page.locator(".cards > li").count(), all, `${english} lists every entry`);
    const untranslated = page.locator(".cards a.card__link[lang=fr]");
    assert.ok((await untranslated.count()) > 0, english);
    for (const card of await page.locator(".cards article:has(a.card__link[lang=fr])").all()) {
      assert.equal(await card.locator(".card__original").textContent(), "In French");
      assert.equal(await card.locator(".card__original").getAttribute("lang"), null, "the mark is in English");
      assert.equal(await card.locator("a.card__link").getAttribute("hreflang"), "fr");
    }
    // The link leads to the original.
    const href = await untranslated.first().getAttribute("href");
    await page.goto(new URL(href, page.url()).href);
    assert.equal(await page.getAttribute("html", "lang"), "fr");
  }
  await page.close();
});

test("the language switcher says when a page has no translation", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/start-ups/vivamod/`);
  assert.equal(await page.locator(".lang-switch a[hreflang=en]").textContent(), "English (home page)");
  await page.goto(`${server.origin}/start-ups/echonef/`);
  assert.equal(await page.locator(".lang-switch a[hreflang=en]").textContent(), "English");
  await page.close();
});

test("the example disclaimer of a startup is a plain paragraph, not a quotation", () => {
  for (const path of ["start-ups/echonef/index.html", "en/startups/echonef/index.html"]) {
    const html = readFileSync(join(site.out, path), "utf8");
    assert.ok(!html.includes("<blockquote"), path);
    assert.match(html, /<p><strong>(Exemple fictif|Fictitious example)\.<\/strong>/);
  }
});

test("the footers have the same links in the same order in both languages", async () => {
  /** The footer's links of a page: their addresses, resolved. */
  const footer = (path) => {
    const html = readFileSync(join(site.out, path, "index.html"), "utf8");
    const nav = html.match(/<footer class="site-footer">([\s\S]*?)<\/footer>/)[1];
    return [...nav.matchAll(/<a href="([^"]*)"/g)].map((m) => new URL(decode(m[1]), `${server.origin}/${path}`).pathname);
  };
  const french = footer("");
  const english = footer("en/");
  assert.ok(french.length >= 7, `taxonomies and stand-alone pages: ${french}`);
  assert.equal(english.length, french.length, `${french} / ${english}`);
  // The i-th French link's English version is the i-th English link.
  for (const [i, path] of french.entries()) {
    const html = readFileSync(join(site.out, path, "index.html"), "utf8");
    const alternate = html.match(/<link rel="alternate" hreflang="en" href="([^"]+)"/);
    assert.ok(alternate, `${path} has an English version`);
    assert.equal(new URL(alternate[1]).pathname, english[i], `link ${i + 1}: ${path}`);
  }
});

test("on a wide screen, entry pages put their key facts, contents or related entries beside the text", async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  for (const [path, beside] of [
    ["/start-ups/echonef/", ".facts"],
    ["/instituts/prairie/", ".facts"],
    ["/actualites/quatre-instituts/", ".related"],
    ["/en/about/", ".toc"],
  ]) {
    await page.goto(`${server.origin}${path}`);
    const text = await page.locator(".entry__main .prose").boundingBox();
    const side = await page.locator(`.entry__layout ${beside}`).first().boundingBox();
    const column = await page.locator(".entry__side", { has: page.locator(beside) }).boundingBox();
    const container = await page.locator(".entry__layout").boundingBox();
    assert.ok(side.x >= text.x + text.width, `${path}: ${beside} is right of the text`);
    assert.ok(side.y < text.y + text.height, `${path}: ${beside} is beside the text, not under it`);
    assert.ok(column.x + column.width > container.x + container.width * 0.9, `${path}: the right third is used`);
  }
  // On a phone they come before the text (the facts) or after it.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.origin}/start-ups/echonef/`);
  const text = await page.locator(".entry__main .prose").boundingBox();
  const facts = await page.locator(".entry__layout .facts").boundingBox();
  assert.ok(facts.y + facts.height <= text.y, "the facts come first");
  await context.close();
});

test("news cards with and without a picture keep a regular grid", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const path of ["/actualites/", "/en/news/"]) {
    await page.goto(`${server.origin}${path}`);
    const cards = await page.locator(".cards > li").evaluateAll((items) =>
      items.map((li) => {
        const title = li.querySelector(".card__title").getBoundingClientRect();
        return { top: Math.round(li.getBoundingClientRect().top), title: Math.round(title.top), picture: !!li.querySelector(".card__image") };
      }),
    );
    assert.ok(cards.some((c) => c.picture) && cards.some((c) => !c.picture), `${path}: cards of both kinds`);
    // In each row, every card's title starts at the same height.
    const rows = new Map();
    for (const c of cards) rows.set(c.top, [...(rows.get(c.top) || []), c]);
    assert.ok(rows.size < cards.length, `${path}: several cards per row`);
    const mixed = [...rows.values()].some((row) => row.some((c) => c.picture) && row.some((c) => !c.picture));
    assert.ok(mixed, `${path}: a row has cards of both kinds`);
    for (const [top, row] of rows) {
      const titles = new Set(row.map((c) => c.title));
      assert.equal(titles.size, 1, `${path}, row at ${top}: titles at ${[...titles]}`);
    }
  }
  await context.close();
});
