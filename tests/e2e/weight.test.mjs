// The home page stays light: its HTML, CSS and JavaScript, gzip-compressed
// as a host would serve them, weigh at most 60 KB (images apart).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { buildPortal } from "./portal.mjs";

const BUDGET = 60 * 1024;

let site;
before(() => {
  site = buildPortal();
});
after(() => site?.cleanup());

test("home page HTML + CSS + JS is at most 60 KB compressed", () => {
  const html = readFileSync(join(site.out, "index.html"));
  const text = html.toString("utf8");
  const linked = [
    ...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    ...text.matchAll(/<script[^>]+src="([^"]+)"/g),
  ].map((m) => m[1]);
  assert.ok(linked.some((href) => href.endsWith(".css")), "the page links its stylesheet");
  assert.ok(linked.some((href) => href.endsWith(".js")), "the page links its scripts");
  const sizes = [html, ...linked.map((href) => readFileSync(join(site.out, href)))].map((b) => gzipSync(b).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  assert.ok(total <= BUDGET, `home page weighs ${total} bytes compressed (budget ${BUDGET})`);
});
