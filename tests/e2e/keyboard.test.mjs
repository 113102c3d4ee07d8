// Keyboard use of the header: Tab goes skip link → brand (home) → main
// navigation → language switcher, and Enter on the English link lands on the
// English translation of the page (or the English home when there is none).
// Also: the skip link moves focus to the content, and the startup list's
// in-page filter works with the keyboard.

import { test } from "node:test";
import assert from "node:assert/strict";

import { servedPortal } from "./portal.mjs";

let site, server, browser, context;
servedPortal(undefined, async (ready) => {
  ({ site, server, browser } = ready);
  context = await browser.newContext();
});

/** What has the focus: a short description of document.activeElement. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { role: "body" };
    let role = "other";
    if (el.classList.contains("skip-link")) role = "skip";
    else if (el.classList.contains("brand")) role = "brand";
    else if (el.closest(".site-nav")) role = "nav";
    else if (el.closest(".lang-switch")) role = "lang";
    else if (el.closest("main")) role = "main";
    return { role, text: el.textContent.trim(), hreflang: el.getAttribute("hreflang") };
  });
}

/** Presses Tab until the English link has the focus; returns the roles met. */
async function tabToEnglish(page) {
  const seen = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    seen.push(f.role);
    if (f.role === "lang" && f.hreflang === "en") return seen;
  }
  assert.fail(`the English link never got the focus; Tab went through: ${seen.join(", ")}`);
}

test("Tab order: skip link, brand, navigation, then language switcher", async () => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  const seen = await tabToEnglish(page);
  const first = (role) => seen.indexOf(role);
  assert.equal(seen[0], "skip", `the skip link comes first: ${seen.join(", ")}`);
  assert.equal(seen[1], "brand", `then the brand: ${seen.join(", ")}`);
  assert.ok(first("nav") > first("brand"), `navigation after the brand: ${seen.join(", ")}`);
  assert.ok(first("lang") > seen.lastIndexOf("nav"), `language switcher after the navigation: ${seen.join(", ")}`);
  assert.equal(seen.filter((r) => r === "nav").length, 4, "four collections in the navigation");
  assert.ok(!seen.includes("main"), "nothing of the content before the switcher");
  await page.close();
});

test("the skip link moves the focus to the content", async () => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/start-ups/`);
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).role, "skip");
  assert.ok(await page.locator(".skip-link").isVisible(), "the skip link shows when focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "contenu");
  await page.keyboard.press("Tab");
  const f = await focused(page);
  assert.notEqual(f.role, "nav", "after the skip link, Tab goes on inside the content");
  await page.close();
});

for (const [from, to] of [
  ["/", "/en/"],
  ["/instituts/prairie/", "/en/institutes/prairie/"],
  ["/a-propos/", "/en/about/"],
  ["/start-ups/vivamod/", "/en/"],
]) {
  test(`Enter on "English" from ${from} lands on ${to}`, async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${from}`);
    await tabToEnglish(page);
    await Promise.all([page.waitForURL(`${server.origin}${to}`), page.keyboard.press("Enter")]);
    assert.equal(new URL(page.url()).pathname, to);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.close();
  });
}

test("the startup list filters by sector in place, with the keyboard", async () => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/start-ups/`);
  const items = page.locator(".cards > li");
  const total = await items.count();
  assert.ok(total >= 12, `at least 12 startups, found ${total}`);
  const sectors = page.locator("select[name=sectors]");
  assert.ok((await sectors.locator("option").count()) >= 3, "one choice per sector, plus all");
  // Tab reaches the select; the arrow key picks the first sector.
  await page.locator("select[name=sectors]").focus();
  await page.keyboard.press("ArrowDown");
  const sector = await sectors.inputValue();
  assert.ok(sector, "a sector is chosen");
  await page.waitForFunction(() => /\d/.test(document.querySelector(".filter__status [role=status]").textContent));
  const shown = await items.count();
  assert.ok(shown > 0 && shown < total, `some cards left out (${shown} of ${total} shown)`);
  const count = Number((await sectors.locator(`option[value="${sector}"]`).textContent()).match(/\((\d+)\)/)[1]);
  assert.equal(shown, count, "the option said how many cards it shows");
  assert.match(await page.locator(".filter__status [role=status]").textContent(), new RegExp(`^${shown} `));
  assert.equal(new URL(page.url()).searchParams.get("sectors"), sector, "the choice is in the address");
  // Back to all with the keyboard.
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction((n) => document.querySelectorAll(".cards > li").length === n, total);
  assert.equal(new URL(page.url()).search, "");
  await page.close();
});
