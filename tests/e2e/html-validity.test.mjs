// Every page of the built portal passes the Nu Html Checker (vnu.jar) with
// zero errors.

import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { buildPortal, htmlPages } from "./portal.mjs";

const require = createRequire(import.meta.url);
const vnuJar = require.resolve("vnu-jar/build/dist/vnu.jar");

let site;
before(() => {
  site = buildPortal();
});
after(() => site?.cleanup());

test("every page has zero Nu Html Checker errors", () => {
  const pages = htmlPages(site.out);
  assert.ok(pages.length > 50, `expected the whole portal, found ${pages.length} pages`);
  const run = spawnSync(
    "java",
    ["-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", site.out],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  assert.ok(run.status === 0 || run.status === 1, `vnu did not run: ${run.error || run.stderr}`);
  const { messages } = JSON.parse(run.stderr || '{"messages": []}');
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal");
  const report = errors
    .map((m) => `${m.url.replace(`file:${site.out}`, "")}:${m.lastLine ?? "?"}: ${m.message}`)
    .join("\n");
  assert.equal(errors.length, 0, `Nu Html Checker errors:\n${report}`);
});
