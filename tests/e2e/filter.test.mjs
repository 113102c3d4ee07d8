// Unit tests of the pure helpers of themes/campus/static/js/filter.js
// (loaded without a DOM: the script then only defines its helpers).

import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { test } from "node:test";
import assert from "node:assert/strict";

const source = readFileSync(new URL("../../themes/campus/static/js/filter.js", import.meta.url), "utf8");
const sandbox = { URLSearchParams };
sandbox.globalThis = sandbox;
runInNewContext(source, sandbox);
const { matches, countOptions, fromQuery, toQuery, countLabel } = sandbox.campusFilter;
const plain = (value) => JSON.parse(JSON.stringify(value));

const cards = [
  { values: { sectors: ["ia", "imagerie"], stage: ["amorçage"] } },
  { values: { sectors: ["ia"], stage: ["croissance"] } },
  { values: { sectors: ["prevention"], stage: ["croissance"] } },
  { values: { sectors: [], stage: [] } },
];

test("a card matches every choice, an empty choice matches all", () => {
  assert.equal(matches(cards[0].values, { sectors: "ia", stage: "" }), true);
  assert.equal(matches(cards[0].values, { sectors: "ia", stage: "croissance" }), false);
  assert.equal(matches(cards[0].values, { sectors: "ia", stage: "croissance" }, "stage"), true, "the field counted is left aside");
  assert.equal(matches(cards[3].values, { sectors: "", stage: "" }), true);
  assert.equal(matches({}, { sectors: "ia" }), false);
});

test("each value counts the cards it would show with the other choices kept", () => {
  assert.deepEqual(plain(countOptions(cards, { sectors: "", stage: "" })), {
    sectors: { "": 4, ia: 2, imagerie: 1, prevention: 1 },
    stage: { "": 4, "amorçage": 1, croissance: 2 },
  });
  assert.deepEqual(plain(countOptions(cards, { sectors: "ia", stage: "" })), {
    sectors: { "": 4, ia: 2, imagerie: 1, prevention: 1 },
    stage: { "": 2, "amorçage": 1, croissance: 1 },
  });
});

test("the choice goes to the address and back, other parameters kept", () => {
  assert.deepEqual(plain(fromQuery("?sectors=ia&x=1", ["sectors", "stage"])), { sectors: "ia", stage: "" });
  assert.equal(toQuery("?x=1", { sectors: "ia", stage: "amorçage" }), "?x=1&sectors=ia&stage=amor%C3%A7age");
  assert.equal(toQuery("?sectors=ia", { sectors: "", stage: "" }), "");
  const query = toQuery("", { sectors: "données de santé", stage: "" });
  assert.deepEqual(plain(fromQuery(query, ["sectors", "stage"])), { sectors: "données de santé", stage: "" });
});

test("the count label picks singular or plural", () => {
  assert.equal(countLabel(1, "{n} résultat", "{n} résultats"), "1 résultat");
  assert.equal(countLabel(3, "{n} résultat", "{n} résultats"), "3 résultats");
});
