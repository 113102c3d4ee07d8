// The startup directory at real size, in Debian's Chromium: a copy of the
// portal with 126 more example startups (invented names, generated here), so
// the list has six pages of 24. The filters (sector, stage, institute) work
// over the whole directory, their counts agree with the sector pages and
// with what they show, the choice is in the address (shared, Back and
// Forward), and without JavaScript the sector pages do the job.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { servedPortal } from "./portal.mjs";

const SECTORS = [
  ["Biotechnologies", "Biotechnology"],
  ["Dispositifs médicaux", "Medical devices"],
  ["Données de santé", "Health data"],
  ["Imagerie médicale", "Medical imaging"],
  ["Intelligence artificielle", "Artificial intelligence"],
  ["Parcours de soins", "Care pathways"],
  ["Prévention", "Prevention"],
];
const STAGES = ["amorçage", "croissance", "maturité"];
const INSTITUTES = ["ipm", "isnus", "prairie", "q-bio", null];
const PREFIXES = ["Alto", "Brio", "Cumul", "Delta", "Ebène", "Fjord", "Gemme", "Halo", "Iris", "Jade", "Kairn", "Lueur", "Mica", "Nacre", "Opale", "Prisme", "Quartz", "Rubis"];
const SUFFIXES = ["Lab", "Soin", "Data", "Vue", "Pulse", "Onde", "Trame"];
const ADDED = 126;

/** The generated startups: invented names, said to be examples. */
function examples() {
  const out = [];
  for (let i = 0; i < ADDED; i += 1) {
    const name = `${PREFIXES[i % PREFIXES.length]} ${SUFFIXES[Math.floor(i / PREFIXES.length) % SUFFIXES.length]}`;
    const sectors = [SECTORS[i % SECTORS.length]];
    if (i % 3 === 0) sectors.push(SECTORS[(i + 3) % SECTORS.length]);
    out.push({
      slug: `exemple-${String(i).padStart(3, "0")}`,
      name,
      sectors,
      stage: STAGES[i % STAGES.length],
      institute: INSTITUTES[i % INSTITUTES.length],
      english: i % 4 === 0,
    });
  }
  return out;
}

function writeExamples(root) {
  for (const e of examples()) {
    const common = [`stage: ${e.stage}`, ...(e.institute ? [`institute: ${e.institute}`] : [])];
    writeFileSync(
      join(root, "content", "startups", `${e.slug}.md`),
      ["---", `title: ${e.name}`, `summary: "Exemple fictif généré pour les tests de l'annuaire."`,
        `sectors: [${e.sectors.map((s) => s[0]).join(", ")}]`, ...common, "---",
        `**Exemple fictif.** ${e.name} n'existe pas.`, ""].join("\n"),
    );
    if (e.english) {
      writeFileSync(
        join(root, "content", "startups", `${e.slug}.en.md`),
        ["---", `title: ${e.name}`, `summary: "Fictitious example made for the directory's tests."`,
          `sectors: [${e.sectors.map((s) => s[1]).join(", ")}]`, ...common, "---",
          `**Fictitious example.** ${e.name} does not exist.`, ""].join("\n"),
      );
    }
  }
}

let site, server, browser;
servedPortal({ prepare: writeExamples }, (ready) => ({ site, server, browser } = ready));

/** The text of a page of the built site. */
async function fetchText(path) {
  const response = await fetch(`${server.origin}${path}`);
  assert.equal(response.status, 200, path);
  return response.text();
}

/** How many cards a term page and its next pages show. */
async function termCount(path) {
  let count = 0;
  let next = path;
  while (next) {
    const html = await fetchText(next);
    count += (html.match(/<article class="card /g) || []).length;
    const link = html.match(/<a class="pagination__link" href="([^"]+)" rel="next">/);
    next = link ? new URL(link[1], `${server.origin}${next}`).pathname : null;
  }
  return count;
}

/** (value, label, count) of each option of a select. */
function options(page, field) {
  return page.locator(`select[name=${field}] option`).evaluateAll((list) =>
    list.map((o) => ({ value: o.value, label: o.dataset.label, count: Number(o.textContent.match(/\((\d+)\)$/)[1]), disabled: o.disabled })),
  );
}

async function choose(page, field, value) {
  await page.selectOption(`select[name=${field}]`, value);
  await waitForStatus(page);
}

/** Waits for the filter to show the cards of the current choice. */
async function waitForStatus(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector(".filter__status [role=status]").textContent;
    return /\d/.test(status) && Number(status.match(/\d+/)[0]) === document.querySelectorAll(".cards > li").length;
  });
}

const shownCount = (page) => page.locator(".cards > li").count();
const query = (page) => Object.fromEntries(new URL(page.url()).searchParams);

for (const [lang, list, sectorsIndex] of [
  ["fr", "/start-ups/", "/secteurs/"],
  ["en", "/en/startups/", "/en/sectors/"],
]) {
  describe(`the ${lang} directory, ${14 + ADDED} startups`, () => {
    let context, page;
    before(async () => {
      context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      page = await context.newPage();
    });
    after(async () => context?.close());

    test("shows pages of 24, and counts the whole directory", async () => {
      await page.goto(`${server.origin}${list}`);
      assert.equal(await shownCount(page), 24);
      const last = await page.locator(".pagination__list a:not([rel])").last().textContent();
      assert.equal(last.replace(/\D/g, ""), "6", "six pages");
      const sectors = await options(page, "sectors");
      assert.equal(sectors[0].count, 14 + ADDED, "All counts every startup, on every page, in every language");
      for (const field of ["stage", "institute"]) {
        const all = await options(page, field);
        assert.equal(all[0].count, 14 + ADDED, field);
        assert.ok(all.length >= 4, `${field} has its values`);
      }
    });

    test("each sector's count is what the filter shows and what its sector page lists", async () => {
      await page.goto(`${server.origin}${list}`);
      const sectors = (await options(page, "sectors")).slice(1);
      assert.equal(sectors.length, SECTORS.length);
      const index = await fetchText(sectorsIndex);
      for (const sector of sectors) {
        await choose(page, "sectors", sector.value);
        assert.equal(await shownCount(page), sector.count, `${sector.label}: shown`);
        const badges = await page.locator(".cards > li").evaluateAll((items) =>
          items.map((li) => [...li.querySelectorAll(".badge")].map((b) => b.textContent)),
        );
        for (const names of badges) assert.ok(names.includes(sector.label), `${names} has ${sector.label}`);
        // The no-JavaScript link of the sector goes to its page, which lists as many.
        const href = await page.locator(".filter__browse a", { hasText: sector.label }).getAttribute("href");
        const path = new URL(href, page.url()).pathname;
        assert.equal(await termCount(path), sector.count, `${sector.label}: its page`);
        assert.ok(index.includes(`${sector.label} <span class="tag__count">${sector.count}<`), `${sector.label}: the sectors index`);
      }
    });

    test("choices combine, every count follows, and the address keeps them", async () => {
      await page.goto(`${server.origin}${list}`);
      const sector = (await options(page, "sectors"))[1];
      await choose(page, "sectors", sector.value);
      assert.equal(await page.locator(".pagination").isHidden(), true, "the whole directory is shown, no pages");
      const stages = await options(page, "stage");
      assert.equal(stages[0].count, sector.count, "All, with the sector chosen");
      assert.equal(stages.slice(1).reduce((n, o) => n + o.count, 0), sector.count, "each startup has one stage");
      const stage = stages.slice(1).find((o) => o.count > 0);
      await choose(page, "stage", stage.value);
      assert.equal(await shownCount(page), stage.count);
      assert.deepEqual(query(page), { sectors: sector.value, stage: stage.value });
      const sectorsNow = await options(page, "sectors");
      assert.equal(sectorsNow.find((o) => o.value === sector.value).count, stage.count, "the sector counts the stage chosen");
      for (const o of sectorsNow) assert.equal(o.disabled, o.count === 0 && o.value !== sector.value, `${o.label} disabled when empty`);

      // Back: the sector alone; Back again: the page as built; Forward: the sector again.
      await page.goBack();
      await waitForStatus(page);
      assert.deepEqual(query(page), { sectors: sector.value });
      assert.equal(await page.locator("select[name=stage]").inputValue(), "");
      assert.equal(await shownCount(page), sector.count);
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll(".cards > li").length === 24);
      assert.equal(await page.locator("select[name=sectors]").inputValue(), "");
      assert.equal(await page.locator(".pagination").isVisible(), true);
      await page.goForward();
      await waitForStatus(page);
      assert.equal(await page.locator("select[name=sectors]").inputValue(), sector.value);
    });

    test("a shared address opens on its choice, from any page of the list", async () => {
      await page.goto(`${server.origin}${list}`);
      const institute = (await options(page, "institute"))[1];
      const stage = (await options(page, "stage"))[2];
      await page.goto(`${server.origin}${list}page/3/?institute=${encodeURIComponent(institute.value)}&stage=${encodeURIComponent(stage.value)}`);
      await waitForStatus(page);
      assert.equal(await page.locator("select[name=institute]").inputValue(), institute.value);
      assert.equal(await page.locator("select[name=stage]").inputValue(), stage.value);
      const expected = (await options(page, "stage")).find((o) => o.value === stage.value).count;
      assert.equal(await shownCount(page), expected);
      // The cards' links work from this page too.
      const href = await page.locator(".cards a.card__link").first().getAttribute("href");
      assert.equal((await fetch(new URL(href, page.url()))).status, 200, href);
      // "Show all" returns to the page as built.
      await page.click(".filter__reset");
      await page.waitForFunction(() => document.querySelectorAll(".cards > li").length === 24);
      assert.deepEqual(query(page), {});
    });

    test("without JavaScript, the sector pages do the job", async () => {
      const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const nojs = await plain.newPage();
      await nojs.goto(`${server.origin}${list}`);
      assert.equal(await nojs.locator(".filter__form").isVisible(), false, "no select that would do nothing");
      const links = nojs.locator(".filter__browse a");
      assert.equal(await links.count(), SECTORS.length);
      const first = links.first();
      const count = Number(await first.locator(".tag__count").evaluate((el) => el.firstChild.textContent));
      await Promise.all([nojs.waitForURL(/\/(secteurs|sectors)\/[^/]+\/$/), first.click()]);
      assert.equal(await termCount(new URL(nojs.url()).pathname), count);
      await plain.close();
    });
  });
}

test("the English directory lists the startups not translated, in French", async () => {
  const html = await fetchText("/en/startups/cards.js");
  const data = JSON.parse(html.slice("parvisCards(".length, -";\n".length - 1));
  const french = data.cards.filter((c) => c.html.includes('lang="fr"'));
  const english = data.cards.length - french.length;
  assert.equal(data.cards.length, 14 + ADDED);
  assert.equal(english, 7 + examples().filter((e) => e.english).length);
  for (const card of french) assert.match(card.html, /<p class="card__original">In French<\/p>/);
});

test("when the whole list cannot be loaded, the sector pages take over", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.route("**/cards.js", (route) => route.abort());
  await page.goto(`${server.origin}/start-ups/`);
  assert.equal(await page.locator(".filter__browse").isVisible(), false, "one control while all is well");
  const sector = (await options(page, "sectors"))[1];
  await page.selectOption("select[name=sectors]", sector.value);
  await page.waitForFunction(() => document.querySelector(".filter__status [role=status]").textContent.includes("secteurs"));
  assert.equal(await page.locator(".filter__browse").isVisible(), true, "the sector links show again");
  assert.equal(await shownCount(page), 24, "the page's own cards stay");
  await context.close();
});
