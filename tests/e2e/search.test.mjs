// Search in Debian's Chromium on the built portal: French-aware matching,
// filters, the English site, keyboard choice, a sub-path, and pages opened
// from disk in `links = "files"` mode.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { chromium } from "playwright-core";

import { buildPortal, chromiumArgs, chromiumPath, serve } from "./portal.mjs";

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});
after(async () => {
  await browser?.close();
});

/** Types `text` in the header box of `url`; returns the results shown. */
async function headerSearch(page, url, text) {
  await page.goto(url);
  const box = page.locator("#recherche-entete");
  await box.fill("");
  await box.pressSequentially(text, { delay: 20 });
  return popupResults(page);
}

async function popupResults(page) {
  const list = page.locator("#recherche-entete-resultats");
  await list.locator("li").first().waitFor({ timeout: 5000 });
  return list.locator("li").evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector("a").textContent,
      href: li.querySelector("a").getAttribute("href"),
      collection: li.querySelector(".search-collection")?.textContent ?? "",
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
    })),
  );
}

describe("served at the root", () => {
  let site, server, page;
  before(async () => {
    site = buildPortal();
    server = await serve(site.out);
    page = await browser.newPage();
  });
  after(async () => {
    await page?.close();
    await server?.close();
    site?.cleanup();
  });

  test("imagerie lists IPM", async () => {
    const results = await headerSearch(page, `${server.origin}/`, "imagerie");
    assert.ok(results.some((r) => r.title.includes("IPM")), JSON.stringify(results));
  });

  test("sante finds pages that only say santé", async () => {
    const results = await headerSearch(page, `${server.origin}/`, "sante ");
    assert.ok(results.length > 0);
    const marked = results.flatMap((r) => r.marks);
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

  test("keyboard selection opens the page", async () => {
    await headerSearch(page, `${server.origin}/`, "prairie");
    await page.keyboard.press("ArrowDown");
    // The focused result's address, resolved against the page (links are
    // relative: `./instituts/prairie/` on the home page).
    const focused = await page.evaluate(() => document.activeElement.href);
    assert.ok(focused, "the arrow key focuses a result link");
    await Promise.all([page.waitForURL((url) => url.href === focused), page.keyboard.press("Enter")]);
    await page.goBack();
    await page.locator("#recherche-entete").focus();
    await page.keyboard.press("Escape");
  });
});

describe("served under /portail/", () => {
  let site, server, page;
  before(async () => {
    site = buildPortal({ baseUrl: "https://example.org/portail/" });
    server = await serve(site.out, "/portail/");
    page = await browser.newPage();
  });
  after(async () => {
    await page?.close();
    await server?.close();
    site?.cleanup();
  });

  test("results link inside the sub-path", async () => {
    const results = await headerSearch(page, `${server.origin}/portail/instituts/`, "imagerie");
    const ipm = results.find((r) => r.title.includes("IPM"));
    assert.ok(ipm, JSON.stringify(results));
    await page.click(`#recherche-entete-resultats a[href="${ipm.href}"]`);
    assert.match(page.url(), /\/portail\/instituts\/ipm\/$/);
  });
});

describe("opened from disk in files mode", () => {
  let site, page;
  before(async () => {
    site = buildPortal({ links: "files" });
    page = await browser.newPage();
  });
  after(async () => {
    await page?.close();
    site?.cleanup();
  });

  test("finds and opens a page without a server", async () => {
    const home = pathToFileURL(join(site.out, "index.html")).href;
    const results = await headerSearch(page, home, "prairie");
    const first = results[0];
    assert.match(first.href, /index\.html$/);
    await page.click(`#recherche-entete-resultats a[href="${first.href}"]`);
    assert.match(page.url(), /^file:.*\/index\.html$/);
  });
});
