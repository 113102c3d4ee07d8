// Search in Debian's Chromium on the built portal: French-aware matching,
// excerpts with marked words, prefixes of stems, typing mistakes, ranking,
// filters, the English site, keyboard choice, a sub-path, and pages opened
// from disk in `links = "files"` mode; and the search page with its results
// shown has no axe-core violation and no Nu Html Checker error.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { chromium } from "playwright-core";

import { buildPortal, chromiumArgs, chromiumPath, serve } from "./portal.mjs";

const require = createRequire(import.meta.url);

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});
after(async () => {
  await browser?.close();
});

/** A page that counts the times excerpts were put in place, and keeps
 *  the query the last ones answer. */
async function newPage() {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__excerpts = 0;
    document.addEventListener("parvis:excerpts", (e) => {
      window.__excerpts++;
      window.__excerptsFor = e.detail.query;
    }, true);
  });
  return page;
}

/** Types `text` in the header box of `url`; returns the results shown
 *  once the excerpts of the whole query are in place. A slow machine may
 *  pause long enough between two keys for a word half typed to get its
 *  excerpts first: those are not the results of `text`. */
async function headerSearch(page, url, text) {
  await page.goto(url);
  const box = page.locator("#recherche-entete");
  await box.fill("");
  await box.pressSequentially(text, { delay: 20 });
  await page.waitForFunction((q) => window.__excerptsFor === q, text, { timeout: 5000 });
  return shownResults(page, "#recherche-entete-resultats");
}

/** Does `action` and waits until the page is at `url` (absolute). */
async function goingTo(page, url, action) {
  await Promise.all([page.waitForURL((u) => u.href === url), action()]);
}

/** The results in list `selector`: title, link, collection, the marked
 *  words of the title and of the text under it. */
function shownResults(page, selector) {
  return page.locator(`${selector} li`).evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector("a").textContent,
      href: li.querySelector("a").getAttribute("href"),
      collection: li.querySelector(".search-collection")?.textContent ?? "",
      text: li.querySelector("p").textContent,
      html: li.querySelector("p").innerHTML,
      titleMarks: [...li.querySelectorAll("a mark")].map((m) => m.textContent),
      marks: [...li.querySelectorAll("p mark")].map((m) => m.textContent),
    })),
  );
}

const titles = (results) => results.map((r) => r.title);

/** The HTML of the page at `url`, over HTTP or from disk. */
async function pageSource(page, url) {
  if (url.protocol === "file:") return readFileSync(fileURLToPath(url), "utf8");
  return (await page.context().request.get(url.href)).text();
}
const LETTER = /[\p{L}\p{N}]/u;

/** Every mark holds whole words: no letter right before or after it. */
function assertWholeWordMarks(page, selector) {
  return page.locator(`${selector} mark`).evaluateAll((marks) =>
    marks.map((m) => [m.previousSibling?.textContent?.slice(-1) ?? "", m.textContent, m.nextSibling?.textContent?.[0] ?? ""]),
  ).then((around) => {
    assert.ok(around.length > 0, "some words are marked");
    for (const [before, word, after] of around) {
      assert.ok(!LETTER.test(before) && !LETTER.test(after), `mark inside a word: ${before}[${word}]${after}`);
    }
  });
}

/** The checks a served copy of the portal passes, at `origin` + `prefix`. */
function searchTests(get) {
  test("an excerpt shows why a page matched, its words marked", async () => {
    const { page, base } = get();
    const results = await headerSearch(page, base, "licornes");
    const launch = results.find((r) => r.title === "Le campus se lance");
    assert.ok(launch, JSON.stringify(results));
    assert.deepEqual(launch.marks, ["Licornes"]);
    assert.match(launch.text, /Trophées des Futures Licornes ont ouvert/);
    // About thirty words, cut between words, no markup from the page.
    const words = launch.text.replace(/…/g, " ").trim().split(/\s+/);
    assert.ok(words.length >= 20 && words.length <= 32, launch.text);
    assert.doesNotMatch(launch.html, /<(?!\/?mark>)/, launch.html);
    assert.doesNotMatch(launch.text, /\*\*|\]\(/);
    const body = (await pageSource(page, new URL(launch.href, page.url())))
      .replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
    const shown = launch.text.replace(/^… /, "").replace(/ …$/, "");
    assert.ok(body.includes(shown), `not a passage of the page: ${shown}`);
    await assertWholeWordMarks(page, "#recherche-entete-resultats");
  });

  test("titles and summaries have their matched words marked too", async () => {
    const { page, base } = get();
    const results = await headerSearch(page, base, "imagerie");
    assert.ok(results.some((r) => r.titleMarks.includes("Imagerie")), JSON.stringify(results));
    // Its summary says it, its body does not: the summary is shown, marked.
    const directory = results.find((r) => r.title === "Un annuaire des start-ups, secteur par secteur");
    assert.ok(directory, JSON.stringify(titles(results)));
    assert.deepEqual(directory.marks, ["imagerie"]);
    await assertWholeWordMarks(page, "#recherche-entete-resultats");
  });

  test("the last word typed matches longer stems, below the word itself", async () => {
    const { page, base } = get();
    const results = await headerSearch(page, base, "ultrasons");
    assert.equal(results[0].title, "Ondevive", JSON.stringify(titles(results)));
    assert.deepEqual(results[0].marks, ["ultrasons"]);
    const ipm = results.find((r) => r.title === "IPM");
    assert.ok(ipm, JSON.stringify(titles(results)));
    assert.ok(ipm.marks.includes("ultrasonore"), JSON.stringify(ipm));
    // A space after the word: its own stem only.
    const finished = await headerSearch(page, base, "ultrasons ");
    assert.deepEqual(titles(finished), ["Ondevive"]);
  });

  test("typing mistakes find what the right words find", async () => {
    const { page, base } = get();
    for (const [typed, meant] of [["imagreie", "imagerie"], ["ultrasnoore", "ultrasonore"], ["quantiattive", "quantitative"], ["umagerie", "imagerie"]]) {
      const right = titles(await headerSearch(page, base, meant));
      const wrong = await headerSearch(page, base, typed);
      assert.ok(right.length > 0, meant);
      assert.deepEqual(titles(wrong), right, `${typed} → ${meant}`);
      assert.ok(wrong.some((r) => r.marks.length > 0), `${typed}: the words meant are marked`);
    }
  });

  test("arrows choose a result and Enter opens it", async () => {
    const { page, base } = get();
    const results = await headerSearch(page, base, "prairie");
    assert.ok(results.length >= 2, JSON.stringify(titles(results)));
    // Result links are relative to the page ("./", "../", "index.html"
    // from disk): the browser's resolved href is where Enter must lead.
    const chosen = () => page.evaluate(() => {
      const a = document.activeElement;
      return a.closest("#recherche-entete-resultats") ? { href: a.getAttribute("href"), url: a.href } : null;
    });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    assert.equal((await chosen())?.href, results[1].href);
    await page.keyboard.press("ArrowUp");
    const first = await chosen();
    assert.equal(first?.href, results[0].href);
    await goingTo(page, first.url, () => page.keyboard.press("Enter"));
  });

  test("a match in the title ranks above one in the summary or tags, above one in the body", async () => {
    const { page, base } = get();
    const results = await headerSearch(page, base, "imagerie");
    assert.equal(results[0].title, "Imagerie ultrasonore : de la recherche aux usages", JSON.stringify(titles(results)));
    // IPM says it in its focus and summary, Échonef in its body only.
    const order = titles(results);
    assert.ok(order.indexOf("IPM") >= 0 && order.indexOf("IPM") < order.indexOf("Échonef"), JSON.stringify(order));
  });
}

describe("served at the root", () => {
  let site, server, page;
  before(async () => {
    site = buildPortal();
    server = await serve(site.out);
    page = await newPage();
  });
  after(async () => {
    await page?.close();
    await server?.close();
    site?.cleanup();
  });

  searchTests(() => ({ page, base: `${server.origin}/` }));

  test("imagerie lists IPM", async () => {
    const results = await headerSearch(page, `${server.origin}/`, "imagerie");
    assert.ok(results.some((r) => r.title.includes("IPM")), JSON.stringify(results));
  });

  test("sante finds pages that only say santé", async () => {
    const results = await headerSearch(page, `${server.origin}/`, "sante ");
    assert.ok(results.length > 0);
    const marked = results.flatMap((r) => [...r.marks, ...r.titleMarks]);
    assert.ok(marked.some((m) => m.toLowerCase() === "santé"), `highlighted: ${marked}`);
  });

  test("l'intelligence finds PRAIRIE", async () => {
    const results = await headerSearch(page, `${server.origin}/`, "l'intelligence");
    assert.ok(results.some((r) => r.title.includes("PRAIRIE")), JSON.stringify(results));
  });

  test("startup imagerie filtered to startups shows only startups", async () => {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent("startup imagerie")}`);
    await page.selectOption("#recherche-collection", "startups");
    const list = page.locator("#recherche-resultats");
    await page.waitForFunction(() => /\d/.test(document.querySelector("#recherche-statut").textContent));
    await list.locator("li").first().waitFor();
    const hrefs = await list.locator("li a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) assert.match(href, /start-ups\//);
    const status = await page.locator("#recherche-statut").textContent();
    assert.match(status, /\d+ résultat/);
  });

  test("inserm in the English site finds the English INSERM page", async () => {
    const results = await headerSearch(page, `${server.origin}/en/`, "inserm");
    assert.equal(new URL(results[0].href, page.url()).pathname, "/en/operators/inserm/");
  });

  test("the search page with results and excerpts has no axe-core violation", async () => {
    const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    for (const colorScheme of ["light", "dark"]) {
      const context = await browser.newContext({ colorScheme, reducedMotion: "reduce" });
      const p = await context.newPage();
      await p.addInitScript(() => document.addEventListener("parvis:excerpts", () => (window.__excerpts = 1), true));
      await p.goto(`${server.origin}/search/?q=${encodeURIComponent("imagerie ultrasonore")}`);
      await p.waitForFunction(() => window.__excerpts === 1);
      assert.ok((await p.locator("#recherche-resultats mark").count()) > 0);
      await p.evaluate(axe);
      const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const problems = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
      assert.deepEqual(problems, [], `${colorScheme} scheme`);
      await context.close();
    }
  });

  test("the search page with results and excerpts has no Nu Html Checker error", async () => {
    const p = await newPage();
    await p.goto(`${server.origin}/search/?q=${encodeURIComponent("imagerie ultrasonore")}`);
    await p.waitForFunction(() => window.__excerpts > 0);
    const file = join(site.dir, "search-with-results.html");
    writeFileSync(file, `<!DOCTYPE html>\n${await p.evaluate(() => document.documentElement.outerHTML)}`);
    await p.close();
    const vnu = spawnSync("java", ["-jar", require.resolve("vnu-jar/build/dist/vnu.jar"), "--errors-only", "--format", "json", file], { encoding: "utf8" });
    assert.ok(vnu.status === 0 || vnu.status === 1, `vnu did not run: ${vnu.error || vnu.stderr}`);
    const errors = JSON.parse(vnu.stderr || '{"messages": []}').messages.filter((m) => m.type === "error");
    assert.deepEqual(errors.map((m) => `${m.lastLine}: ${m.message}`), []);
  });
});

describe("served under /portail/", () => {
  let site, server, page;
  before(async () => {
    site = buildPortal({ baseUrl: "https://example.org/portail/" });
    server = await serve(site.out, "/portail/");
    page = await newPage();
  });
  after(async () => {
    await page?.close();
    await server?.close();
    site?.cleanup();
  });

  searchTests(() => ({ page, base: `${server.origin}/portail/instituts/` }));

  test("results link inside the sub-path", async () => {
    const results = await headerSearch(page, `${server.origin}/portail/instituts/`, "imagerie");
    const ipm = results.find((r) => r.title.includes("IPM"));
    assert.ok(ipm, JSON.stringify(results));
    await goingTo(page, `${server.origin}/portail/instituts/ipm/`, () => page.click(`#recherche-entete-resultats a[href="${ipm.href}"]`));
  });
});

describe("opened from disk in files mode", () => {
  let site, page;
  before(async () => {
    site = buildPortal({ links: "files" });
    page = await newPage();
  });
  after(async () => {
    await page?.close();
    site?.cleanup();
  });

  searchTests(() => ({ page, base: pathToFileURL(join(site.out, "index.html")).href }));

  test("finds and opens a page without a server", async () => {
    const home = pathToFileURL(join(site.out, "index.html")).href;
    const results = await headerSearch(page, home, "prairie");
    const first = results[0];
    assert.match(first.href, /index\.html$/);
    const to = new URL(first.href, page.url()).href;
    assert.match(to, /^file:.*\/instituts\/prairie\/index\.html$/);
    await goingTo(page, to, () => page.click(`#recherche-entete-resultats a[href="${first.href}"]`));
  });
});
