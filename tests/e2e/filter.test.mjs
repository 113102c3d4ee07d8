// Unit tests of the pure helpers of themes/campus/static/js/filter.js
// (loaded without a DOM: the script then only defines its helpers).

import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { test } from "node:test";
import assert from "node:assert/strict";

const source = readFileSync(new URL("../../themes/campus/static/js/filter.js", import.meta.url), "utf8");
const sandbox = {};
sandbox.globalThis = sandbox;
runInNewContext(source, sandbox);
const { valuesOf, countValues, matches, countLabel } = sandbox.campusFilter;

test("values are split on | and trimmed", () => {
  assert.deepEqual([...valuesOf("Imagerie médicale| Dispositifs médicaux ")], ["Imagerie médicale", "Dispositifs médicaux"]);
  assert.deepEqual([...valuesOf("")], []);
  assert.deepEqual([...valuesOf(null)], []);
});

test("values are counted and sorted by name in the page's language", () => {
  const counted = countValues(["Écologie|Biologie", "Biologie", "Zoologie"], "fr");
  assert.deepEqual(JSON.parse(JSON.stringify(counted)), [
    { value: "Biologie", count: 2 },
    { value: "Écologie", count: 1 },
    { value: "Zoologie", count: 1 },
  ]);
});

test("an item matches the chosen value, and everything matches none", () => {
  assert.equal(matches("A|B", "B"), true);
  assert.equal(matches("A|B", "C"), false);
  assert.equal(matches("A|AB", "B"), false);
  assert.equal(matches("", ""), true);
});

test("the count label picks singular or plural", () => {
  assert.equal(countLabel(1, "{n} résultat", "{n} résultats"), "1 résultat");
  assert.equal(countLabel(3, "{n} résultat", "{n} résultats"), "3 résultats");
});
