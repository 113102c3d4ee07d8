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
const shared = JSON.parse(fs.readFileSync(path.join(__dirname, 'vectors.json'), 'utf8'));

// The stop words come from the index's meta file; read them from the Rust source.
const rust = fs.readFileSync(path.join(__dirname, '../../src/search/normalize.rs'), 'utf8');
function stopWords(name) {
  const block = rust.split(`pub const ${name}: &[&str] = &[`)[1].split('];')[0];
  return [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}
const stop = { fr: stopWords('STOP_WORDS_FR'), en: stopWords('STOP_WORDS_EN') };

test('shared normalization vectors', () => {
  assert.ok(shared.vectors.length >= 10);
  for (const v of shared.vectors) {
    assert.deepStrictEqual(here(client.words(v.input, stop[v.lang])), v.words, `${v.lang}: ${v.input}`);
  }
});

test('shard names match the indexer', () => {
  assert.ok(shared.shards.length >= 5);
  for (const v of shared.shards) {
    assert.strictEqual(client.shardName(v.word), v.shard, v.word);
    assert.strictEqual(client.tailName(v.word), v.tail, v.word);
  }
});

test('a mistake in the first two letters is looked for where the word meant is', () => {
  const meant = client.tailName('imagerie');
  for (const typed of ['umagerie', 'miagerie', 'magerie', 'mimagerie']) {
    assert.ok(client.tailNames(typed).includes(meant), `${typed}: ${client.tailNames(typed)}`);
  }
});

test('postings decode deltas and values', () => {
  assert.deepStrictEqual(here([...client.decode('0437')]), [[0, 4], [3, 7]]);
  assert.deepStrictEqual(here([...client.decode('I11')]), [[40, 1]]);
  // A title posting: value 84 = 64 + 20, low digit 20 with "more" ('U'), then 2.
  assert.deepStrictEqual(here([...client.decode('0U2')]), [[0, 84]]);
});

test('edit distance counts a swap as one edit and stops early', () => {
  assert.strictEqual(client.distance('imagreie', 'imagerie', 1), 1);
  assert.strictEqual(client.distance('ultrasnoore', 'ultrasonore', 1), 1);
  assert.strictEqual(client.distance('quantiattive', 'quantitative', 2), 1);
  assert.strictEqual(client.distance('imagerie', 'imagerie', 1), 0);
  assert.strictEqual(client.distance('imagerie', 'imager', 2), 2);
  assert.strictEqual(client.distance('imagerie', 'imagine', 2), 3);
  assert.strictEqual(client.distance('sante', 'santé', 1), 1);
  assert.ok(client.distance('abcdef', 'uvwxyz', 1) > 1);
});

test('one edit from five letters, two from ten', () => {
  assert.strictEqual(client.allowedEdits('sant'), 0);
  assert.strictEqual(client.allowedEdits('sante'), 1);
  assert.strictEqual(client.allowedEdits('imagerie'), 1);
  assert.strictEqual(client.allowedEdits('ultrasonore'), 2);
});

// A word list as src/search/wordlists.rs writes it: word → [stem, file,
// capped, frequency class, stems after it that its stem starts].
const list = {
  imagerie: [10, 1, 0, 6],
  imageries: [10, 1, 0, 6],
  images: [11, 1, 0, 8],
  imagine: [12, 2, 0, 3],
  ultrason: [40, 3, 0, 2, 1],
  ultrasons: [40, 3, 0, 2, 1],
  ultrasonore: [41, 3, 0, 4],
};
const stems = (found) => here(found.map((c) => [c.stem, c.quality]));

test('a finished word matches its stem only', () => {
  assert.deepStrictEqual(stems(client.candidates('imagerie', list, false)), [[10, 2]]);
  assert.deepStrictEqual(stems(client.candidates('ultrasons', list, false)), [[40, 2]]);
});

test('words that name properties of every object are words like others', () => {
  assert.deepStrictEqual(stems(client.candidates('constructor', list, false)), []);
  assert.deepStrictEqual(stems(client.candidates('constructor', { constructor: [7, 0, 0, 1] }, false)), [[7, 2]]);
});

test('the word being typed also matches longer words and the stems its stem starts', () => {
  // ultrason → ultrasonor: exact first, then the longer stem.
  assert.deepStrictEqual(stems(client.candidates('ultrasons', list, true)), [[40, 2], [41, 1]]);
  // A prefix alone: the two most used stems.
  assert.deepStrictEqual(stems(client.candidates('imag', list, true)), [[11, 1], [10, 1]]);
  // Not from two letters: too many words start so.
  assert.deepStrictEqual(stems(client.candidates('im', list, true)), []);
});

test('typing mistakes find the words meant, the closest first', () => {
  assert.deepStrictEqual(stems(client.corrections('imagreie', [list])), [[10, 0]]);
  assert.deepStrictEqual(stems(client.corrections('ultrasnoore', [list])), [[41, 0]]);
  assert.deepStrictEqual(stems(client.corrections('imgae', [list])), [], 'two edits for five letters');
  assert.deepStrictEqual(stems(client.corrections('imag', [list])), [], 'too short to correct');
});

test('ranking: every word first, then exact before prefix and typo, then title, summary, body', () => {
  const TITLE = (level) => 64 + level;
  const SUMMARY = (level) => 32 + level;
  const BODY = (level) => level;
  const postings = {
    1: new Map([[0, BODY(31)], [1, TITLE(5)], [2, SUMMARY(20)], [3, BODY(10)]]),
    2: new Map([[4, TITLE(31)]]),
    3: new Map([[3, BODY(5)], [5, BODY(5) + 128]]),
  };
  const of = (c) => postings[c.stem];
  const exact = { stem: 1, quality: 2 };
  const typo = { stem: 2, quality: 0 };
  const order = (found) => here(found.map((r) => r.doc));
  // One word: exact matches by tier, typo below.
  assert.deepStrictEqual(order(client.rank([[exact, typo]], of, 10)), [1, 2, 0, 3, 4]);
  // Two words: the page with both first.
  assert.deepStrictEqual(order(client.rank([[exact], [{ stem: 3, quality: 2 }]], of, 10)), [3]);
  // Filters.
  assert.deepStrictEqual(order(client.rank([[exact]], of, 10, (d) => d !== 1)), [2, 0, 3]);
  // Which words the body holds: tier 0, or the flag of 128.
  const ranked = client.rank([[{ stem: 3, quality: 2 }]], of, 10);
  assert.deepStrictEqual(here(ranked.map((r) => r.body)), [[0], [0]]);
  const title = client.rank([[{ stem: 2, quality: 2 }]], of, 10);
  assert.deepStrictEqual(here(title[0].body), []);
});

const termOf = client.matcher(new Map([['imagerie', 0], ['licornes', 1], ['start', 2]]));
const text = (pieces) => pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

test('marks are whole written words', () => {
  assert.strictEqual(text(client.marked("L'imagerie médicale des start-up", termOf)), "[L'imagerie] médicale des [start-up]");
  assert.strictEqual(text(client.marked('IMAGERIE, imageries', termOf)), '[IMAGERIE], imageries');
});

test('an excerpt is about thirty words around the best group, cut between words', () => {
  const filler = (n, w) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
  const body = `${filler(40, 'début')} les licornes. ${filler(40, 'milieu')} Les Futures Licornes et l’imagerie ultrasonore, ${filler(40, 'fin')}.`;
  const pieces = client.excerpt(body, termOf);
  const shown = text(pieces);
  assert.match(shown, /^… .*\[Licornes\] et \[l’imagerie\] .* …$/);
  const words = shown.replace(/[…[\]]/g, ' ').trim().split(/\s+/);
  assert.ok(words.length >= 28 && words.length <= 32, `${words.length}: ${shown}`);
  // Every piece is a run of whole words of the text.
  const plain = pieces.map((p) => p.text).join('').replace(/^… /, '').replace(/ …$/, '');
  assert.ok(body.includes(plain), plain);
  assert.ok(body.startsWith(plain.split(' ')[0], body.indexOf(plain)));
  assert.strictEqual(body[body.indexOf(plain) - 1], ' ');
});

test('an excerpt never cuts a character that takes two UTF-16 units', () => {
  const body = `${'😀 '.repeat(50)}imagerie ${'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 '.repeat(50)}`;
  const pieces = client.excerpt(body, termOf, 10);
  const joined = pieces.map((p) => p.text).join('');
  assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(joined), joined);
  assert.match(text(pieces), /\[imagerie\]/);
});

test('short texts are shown whole; no match, no excerpt', () => {
  assert.strictEqual(text(client.excerpt('Une imagerie courte.', termOf)), 'Une [imagerie] courte.');
  assert.strictEqual(client.excerpt('Rien à voir.', termOf), null);
});
