// `parvis serve` in Debian's Chromium, on a copy of the portal: a broken
// entry shows the error panel over the previous content; the panel passes
// axe-core and works with the keyboard (Escape, the close button, focus
// returns); fixing the file removes it and the page reloads with the new
// content at the same scroll position; a CSS change swaps the stylesheet
// without reloading.

import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

import { chromiumArgs, chromiumPath, repoRoot } from "./portal.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const PATIENCE = 60_000;
const ENTRY = "content/news/quatre-instituts.md";
const PAGE = "/actualites/quatre-instituts/";

let dir, site, server, origin, browser, page;

/** Builds the release binary and starts `serve --port 0` on `root`;
 *  resolves with the address it prints. */
async function startServe(root) {
  const build = spawnSync("cargo", ["build", "--quiet", "--release"], { cwd: repoRoot, stdio: "inherit" });
  if (build.status !== 0) throw new Error("cargo build --release failed");
  const target = process.env.CARGO_TARGET_DIR || join(repoRoot, "target");
  const child = spawn(join(target, "release", "parvis"), ["serve", "--port", "0", "--root", root], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors += chunk));
  const address = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (found) resolve(found[0]);
    });
    child.on("exit", (code) => reject(new Error(`serve exited (${code}):\n${errors}`)));
    setTimeout(() => reject(new Error(`serve did not start:\n${errors}`)), 120_000);
  });
  return { child, address, stderr: () => errors };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "parvis-e2e-serve-"));
  site = join(dir, "site");
  for (const part of ["content", "themes", "assets", "i18n", "templates", "site.toml"]) {
    if (existsSync(join(repoRoot, part))) cpSync(join(repoRoot, part), join(site, part), { recursive: true });
  }
  server = await startServe(site);
  origin = server.address;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1000, height: 500 } });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  server?.child.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Rewrites a file of the site copy. */
function edit(relative, change) {
  const path = join(site, relative);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

const dialog = () => page.locator("[data-parvis=errors] dialog");

test("a broken entry shows the error panel over the last good page", async () => {
  await page.goto(origin + PAGE);
  await page.waitForFunction(() => document.querySelector("script[src='/__parvis/live.js']"));
  const title = await page.locator("h1").textContent();
  // Focus something in the page: the panel must give it back.
  await page.locator(".brand").focus();

  edit(ENTRY, (text) => text.replace("\ntitle:", "\ntitel:"));
  await dialog().waitFor({ state: "visible", timeout: PATIENCE });
  const text = await dialog().textContent();
  assert.match(text, /Le site a 1 erreur/);
  assert.match(text, /content\/news\/quatre-instituts\.md, ligne 2, colonne 1/);
  assert.match(text, /titel: Quatre instituts au cœur du campus/);
  assert.match(text, /dernière version sans erreur/);
  assert.match(text, /Conseil : vouliez-vous dire `title` \?/);
  assert.equal(await page.locator("h1").textContent(), title, "the previous content stays");
  assert.equal(await dialog().getAttribute("aria-labelledby"), "parvis-title");
  assert.equal(await page.locator("[data-parvis=errors] button.close").evaluate((b) => b.matches(":focus")), true);

  await page.evaluate(axeSource);
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    // The panel (the page behind it is inert while it is open, and has its own audit).
    const result = await page.evaluate(() =>
      window.axe.run({ include: [["[data-parvis=errors]"]] }, { resultTypes: ["violations", "passes"] }),
    );
    assert.ok(result.passes.length > 10, "axe looked into the panel");
    const violations = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
    assert.deepEqual(violations, [], `${colorScheme}:\n${violations.join("\n")}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
});

test("Escape and the close button close the panel, and focus returns", async () => {
  await page.keyboard.press("Escape");
  await dialog().waitFor({ state: "hidden", timeout: PATIENCE });
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("brand")), true);

  const reopen = page.locator("[data-parvis=errors] button.reopen");
  await reopen.click();
  await dialog().waitFor({ state: "visible" });
  await page.locator("[data-parvis=errors] button.close").click();
  await dialog().waitFor({ state: "hidden" });
  assert.equal(await reopen.evaluate((b) => b.matches(":focus")), true);

  // A page opened while the site has errors shows them at once.
  const other = await page.context().newPage();
  await other.goto(origin + "/");
  await other.locator("[data-parvis=errors] dialog").waitFor({ state: "visible", timeout: PATIENCE });
  await other.close();
});

test("fixing the file removes the panel and reloads the page in place", async () => {
  await page.evaluate(() => {
    window.scrollTo({ top: 300, behavior: "instant" });
    window.beforeReload = true;
  });
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 100, `the page scrolls (${y})`);
  // The title back, and a new last paragraph (what is above the fold keeps its height).
  edit(ENTRY, (text) => `${text.replace("\ntitel:", "\ntitle:")}\nUn paragraphe ajouté.\n`);
  await page.waitForFunction(
    () => !window.beforeReload && document.querySelector(".prose")?.textContent.includes("Un paragraphe ajouté."),
    null,
    { timeout: PATIENCE },
  );
  assert.equal(await page.locator("[data-parvis=errors]").count(), 0);
  await page.waitForFunction((expected) => Math.abs(window.scrollY - expected) < 2, y, { timeout: PATIENCE });
});

test("a CSS change swaps the stylesheet without a reload", async () => {
  await page.evaluate(() => (window.notReloaded = true));
  const before = await page.locator('link[rel="stylesheet"][href*="campus."]').getAttribute("href");
  edit("themes/campus/static/css/campus.css", (css) => `${css}\n.entry__title { color: rgb(1, 2, 3); }\n`);
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector("h1")).color === "rgb(1, 2, 3)",
    null,
    { timeout: PATIENCE },
  );
  assert.equal(await page.evaluate(() => window.notReloaded), true, "the page was not reloaded");
  const now = await page.locator('link[rel="stylesheet"][href*="campus."]').getAttribute("href");
  assert.notEqual(now, before, "the new hashed stylesheet is linked");
  assert.equal(await page.locator('link[rel="stylesheet"][href*="campus."]').count(), 1, "the old one is gone");
});
