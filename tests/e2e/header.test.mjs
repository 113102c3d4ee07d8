// The header in Debian's Chromium: the search popup says it is open
// (aria-expanded) and closes as soon as the focus leaves the box and its
// results, so it never hides what has the focus; on a phone the header is
// compact and the box opens from a button; every page's targets are at
// least 24 × 24 px or spaced so (WCAG 2.5.8) on a phone; the header's
// buttons keep an outline in forced-colours mode.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";

import { htmlPages, isRedirect, servedPortal } from "./portal.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let site, server, browser;
servedPortal(undefined, (ready) => ({ site, server, browser } = ready));

const popup = (page) => page.locator("#recherche-entete-resultats");
const box = (page) => page.locator("#recherche-entete");

async function typeInHeader(page, text) {
  await box(page).fill("");
  await box(page).pressSequentially(text, { delay: 20 });
  await popup(page).locator("li").first().waitFor();
}

test("the search popup says it is open, and the arrow keys are announced", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  assert.equal(await box(page).getAttribute("aria-expanded"), "false");
  const hint = await box(page).getAttribute("aria-describedby");
  assert.match(await page.locator(`#${hint}`).textContent(), /Flèches haut et bas/);
  await typeInHeader(page, "imagerie");
  assert.equal(await box(page).getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Escape");
  assert.equal(await popup(page).isHidden(), true);
  assert.equal(await box(page).getAttribute("aria-expanded"), "false");
  await page.close();
});

test("the search popup closes when the focus leaves the box and its results", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  await typeInHeader(page, "imagerie");
  // Tab goes through the button and the results, still open…
  const inForm = () => page.evaluate(() => document.querySelector(".site-search").contains(document.activeElement));
  let steps = 0;
  while ((await inForm()) && steps < 40) {
    assert.equal(await popup(page).isVisible(), true, "open while the focus is in it");
    await page.keyboard.press("Tab");
    steps += 1;
  }
  // …then closes once the focus is past them, and what has the focus shows.
  assert.equal(await popup(page).isHidden(), true);
  assert.equal(await box(page).getAttribute("aria-expanded"), "false");
  const covered = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !(top === el || el.contains(top));
  });
  assert.equal(covered, false, "the focused element is not hidden under anything");
  // Shift+Tab back into the box opens the results again.
  await box(page).focus();
  assert.equal(await popup(page).isVisible(), true);
  await page.close();
});

test("on a phone the header is compact and the search opens from a button", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  for (const path of ["/", "/en/", "/start-ups/", "/search/"]) {
    await page.goto(`${server.origin}${path}`);
    const height = await page.locator(".site-header").evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(height <= 150, `${path}: the header takes ${height} px of 844`);
  }
  await page.goto(`${server.origin}/`);
  const toggle = page.locator(".site-search__toggle");
  assert.equal(await toggle.isVisible(), true);
  assert.equal(await page.locator(".site-search").isHidden(), true);
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator(".site-search").isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "recherche-entete");
  await box(page).pressSequentially("prairie", { delay: 20 });
  await popup(page).locator("li").first().waitFor();
  const width = await popup(page).evaluate((el) => el.getBoundingClientRect().right);
  assert.ok(width <= 390, "the results fit the screen");
  await toggle.click();
  assert.equal(await page.locator(".site-search").isHidden(), true);
  await context.close();
});

test("on a phone, the search page's filters fit the screen", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/search/`);
  for (const selector of ["#recherche-page", ".search-page button", "#recherche-collection", "#recherche-langue"]) {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `${selector}: ${box.x}–${box.x + box.width}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, "no sideways scrolling");
  await context.close();
});

test("every page's targets are big enough or spaced enough on a phone (WCAG 2.5.8)", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = [];
  const paths = htmlPages(site.out).filter(
    (p) => !isRedirect(readFileSync(join(site.out, p.endsWith("/") || p === "" ? `${p}index.html` : p), "utf8")),
  );
  for (const path of paths) {
    await page.goto(`${server.origin}/${path}`);
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ["target-size"] }));
    for (const v of result.violations) {
      problems.push(`/${path}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the header's buttons keep their outline in forced-colours mode", async () => {
  const context = await browser.newContext({ forcedColors: "active" });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  const border = await page.locator(".site-search__button").evaluate((el) => {
    const style = getComputedStyle(el);
    return { width: style.borderTopWidth, style: style.borderTopStyle };
  });
  assert.deepEqual(border, { width: "1px", style: "solid" });
  await context.close();
});
