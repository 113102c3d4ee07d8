// The browser client normalizes words exactly as the Rust indexer does:
// both are checked against tests/search/vectors.json.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');

const vm = require('node:vm');

// Load the browser script as the browser would, with only what it needs.
function loadClient() {
  const file = path.join(__dirname, '../../themes/campus/static/js/search.js');
  const sandbox = { module: { exports: {} }, TextEncoder };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  return sandbox.module.exports;
}
const client = loadClient();
// Values made in the script's own realm, brought into this one.
const here = (value) => JSON.parse(JSON.stringify(value));
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, 'vectors.json'), 'utf8')).vectors;

// The stop words come from the index's meta file; read them from the Rust source.
const rust = fs.readFileSync(path.join(__dirname, '../../src/search/normalize.rs'), 'utf8');
function stopWords(name) {
  const block = rust.split(`pub const ${name}: &[&str] = &[`)[1].split('];')[0];
  return [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}
const stop = { fr: stopWords('STOP_WORDS_FR'), en: stopWords('STOP_WORDS_EN') };

test('shared normalization vectors', () => {
  assert.ok(vectors.length >= 10);
  for (const v of vectors) {
    assert.deepStrictEqual(here(client.words(v.input, stop[v.lang])), v.words, `${v.lang}: ${v.input}`);
  }
});

test('shard names match the indexer', () => {
  assert.strictEqual(client.shardName('imagerie'), 'im');
  assert.strictEqual(client.shardName('a'), 'a');
  assert.strictEqual(client.shardName('ωx'), 'xcf8978');
});

test('postings decode deltas and scores', () => {
  assert.deepStrictEqual(here([...client.decode('0437')]), [[0, 4], [3, 7]]);
  assert.deepStrictEqual(here([...client.decode('I11')]), [[40, 1]]);
});

test('typo distance stops early', () => {
  assert.strictEqual(client.distance('imagerie', 'imagerei', 2), 2);
  assert.strictEqual(client.distance('sante', 'santé', 1), 1);
  assert.ok(client.distance('abcdef', 'uvwxyz', 1) > 1);
});
