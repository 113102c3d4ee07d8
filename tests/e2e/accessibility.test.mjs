// Every page of the built portal, served over HTTP and opened in Debian's
// Chromium, has zero axe-core violations, in the light and the dark colour
// scheme, and requests nothing from any other host. Beyond axe's default
// rules, `target-size` checks the targets' size or spacing (WCAG 2.2, 2.5.8).

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

/** The pages to audit: every HTML file but alias redirects. */
function auditedPages() {
  return htmlPages(site.out).filter((p) => !isRedirect(readFileSync(join(site.out, p.endsWith("/") || p === "" ? `${p}index.html` : p), "utf8")));
}

/** Runs axe on each page in one colour scheme; returns "page: rule (n)" lines. */
async function audit(colorScheme) {
  const context = await browser.newContext({ colorScheme, reducedMotion: "reduce" });
  const page = await context.newPage();
  const foreign = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(server.origin) && !url.startsWith("data:")) foreign.push(url);
  });
  const problems = [];
  const pages = auditedPages();
  for (const path of pages) {
    const response = await page.goto(`${server.origin}/${path}`, { waitUntil: "load" });
    assert.ok(response, `no response for /${path}`);
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      window.axe.run(document, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } }),
    );
    for (const v of result.violations) {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
      problems.push(`/${path}: ${v.id} (${v.nodes.length}) ${v.help} — ${targets}`);
    }
  }
  await context.close();
  return { problems, foreign, count: pages.length };
}

test("every page has zero axe-core violations (light scheme)", async () => {
  const { problems, foreign, count } = await audit("light");
  assert.ok(count > 50, `expected the whole portal, audited ${count} pages`);
  assert.deepEqual(problems, [], `axe-core violations:\n${problems.join("\n")}`);
  assert.deepEqual(foreign, [], "pages must make no third-party request");
});

test("every page has zero axe-core violations (dark scheme)", async () => {
  const { problems } = await audit("dark");
  assert.deepEqual(problems, [], `axe-core violations:\n${problems.join("\n")}`);
});
