/*
 * parvis search client: static, French-aware, no dependencies.
 *
 * The index (src/search/) is split in small scripts that call back into
 * `parvisSearch`: loaded with <script> elements, they work over HTTP and
 * from file:// alike. A query loads the word list of each word's first two
 * letters, the postings of the stems it matches, the documents shown and,
 * once typing pauses, the passages their excerpts are cut from. Words are
 * folded as the indexer does (tests/search/vectors.json checks both sides);
 * stemming is done at build time.
 *
 * A query word matches, best first: the stem of that word (exact); for
 * the last word while typed, from three letters, the words it starts and
 * the stems its stem starts (prefix: `ultrasons` finds `ultrasonore`);
 * unless those are used on two pages or more, words one edit away, two
 * from ten letters (typo: `imagreie` finds `imagerie`), looked for in the
 * lists of its third and fourth letters when its first two may be wrong.
 */
(function (global) {
  'use strict';

  // ---- Normalization: the same rules as src/search/normalize.rs ----

  var ELISIONS = ['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu'];
  var LIGATURES = { 'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'ø': 'o', 'đ': 'd', 'ł': 'l' };
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]/g;
  var APOSTROPHES = /['’ʼ]/;
  var RUN = /[\p{L}\p{N}'’ʼ]+/gu;
  var ALNUM = /^[\p{L}\p{N}]+$/u;

  function fold(word) {
    var lower = word.toLowerCase().normalize('NFKD').replace(MARKS, '');
    return lower.replace(/[œæßøđł]/g, function (c) { return LIGATURES[c]; });
  }

  function withoutElision(word) {
    var parts = word.split(APOSTROPHES);
    if (parts.length > 1 && ELISIONS.indexOf(parts[0]) >= 0) {
      return parts.slice(1).join("'").replace(/^['’ʼ]+/, '');
    }
    return word;
  }

  /** The words of `text` as the index knows them, stop words left out. */
  function words(text, stop) {
    var out = [];
    (text.normalize('NFKC').match(RUN) || []).forEach(function (run) {
      withoutElision(run.toLowerCase()).split(APOSTROPHES).forEach(function (part) {
        var folded = fold(part);
        if (Array.from(folded).length < 2 || !ALNUM.test(folded)) return;
        if (stop && stop.indexOf(folded) >= 0) return;
        out.push(folded);
      });
    });
    return out;
  }

  /** The word-list file of a word: two letters, or `x` + UTF-8 hex. */
  function shardName(word) {
    var prefix = Array.from(word).slice(0, 2).join('');
    if (/^[a-z0-9]+$/.test(prefix)) return prefix;
    var hex = 'x';
    new TextEncoder().encode(prefix).forEach(function (b) { hex += (b < 16 ? '0' : '') + b.toString(16); });
    return hex;
  }

  /** The `s/` list of an index word: its third and fourth letters (none
   *  under four letters). */
  function tailName(word) {
    var chars = Array.from(word);
    return chars.length >= 4 ? shardName(chars.slice(2).join('')) : null;
  }

  /** The `s/` lists where the word meant may be when one of the first two
   *  letters typed is wrong: third and fourth letters typed (one replaced,
   *  two swapped), second and third (one left out), fourth and fifth (one
   *  too many). */
  function tailNames(word) {
    var chars = Array.from(word);
    var names = [2, 1, 3].map(function (from) { return shardName(chars.slice(from).join('')); });
    return names.filter(function (n, i) { return n.length >= 2 && names.indexOf(n) === i; });
  }

  // ---- Postings ----

  var DIGITS = '0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_$';

  /** Decodes postings (document delta, value; base 32) into a Map. */
  function decode(text) {
    var out = new Map();
    var numbers = [];
    var value = 0;
    var shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text[i]);
      value += (digit & 31) * Math.pow(2, shift);
      if (digit >= 32) { shift += 5; continue; }
      numbers.push(value);
      value = 0;
      shift = 0;
    }
    var doc = 0;
    for (var j = 0; j + 1 < numbers.length; j += 2) {
      doc += numbers[j];
      out.set(doc, numbers[j + 1]);
    }
    return out;
  }

  // ---- Matching query words to the words of the index ----

  var EXACT = 2;
  var PREFIX = 1;
  var TYPO = 0;
  /** Prefixes and corrections kept per word, the most used first: each
   *  may cost a postings file. */
  var MAX_PREFIXES = 2;
  var MAX_CORRECTIONS = 3;

  /** Edits from `a` to `b` (a swap of neighbours is one), over code
   *  points; `max + 1` as soon as it is more than `max`. */
  function distance(a, b, max) {
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var older = null;
    var old = [];
    for (var j = 0; j <= b.length; j++) old.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      for (var k = 1; k <= b.length; k++) {
        var d = Math.min(old[k] + 1, row[k - 1] + 1, old[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
        if (older && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) d = Math.min(d, older[k - 2] + 1);
        row.push(d);
      }
      if (Math.min.apply(null, row) > max) return max + 1;
      older = old;
      old = row;
    }
    return old[b.length];
  }

  /** How many edits a typed word may be from the word meant. */
  function allowedEdits(word) {
    var n = Array.from(word).length;
    return n >= 10 ? 2 : n >= 5 ? 1 : 0;
  }

  /** Entries of a word list are [stem, postings file, capped, frequency
   *  class, stems after it that its stem starts]. */
  function candidate(entry, quality, rank) {
    return { stem: entry[0], file: entry[1], capped: entry[2] === 1, frequency: entry[3] || 0, quality: quality, rank: rank };
  }

  /** The best candidate of each stem, best first, at most `max`. */
  function best(found, max) {
    found.sort(function (a, b) {
      return b.quality - a.quality || a.rank - b.rank || b.frequency - a.frequency || a.stem - b.stem;
    });
    var seen = {};
    return found.filter(function (c) { return !seen[c.stem] && (seen[c.stem] = true); }).slice(0, max);
  }

  /** The stems `word` stands for in word list `list`: its own; if it is
   *  being typed (`typing`), the words it starts and the stems its own
   *  stem starts. */
  function candidates(word, list, typing) {
    if (!list) return [];
    // Own entries only: `constructor` is a word too.
    var exact = Object.prototype.hasOwnProperty.call(list, word) ? list[word] : null;
    var found = exact ? [candidate(exact, EXACT, 0)] : [];
    if (typing && Array.from(word).length >= 3) {
      var from = exact ? exact[0] : -1;
      var to = exact && exact[4] ? from + exact[4] : from;
      Object.keys(list).forEach(function (w) {
        var e = list[w];
        if ((w !== word && w.indexOf(word) === 0) || (e[0] > from && e[0] <= to)) found.push(candidate(e, PREFIX, 0));
      });
    }
    return best(found, MAX_PREFIXES + (exact ? 1 : 0));
  }

  /** Words of `lists` within the edits `word` allows, closest first. */
  function corrections(word, lists) {
    var max = allowedEdits(word);
    var found = [];
    if (max) {
      lists.forEach(function (list) {
        Object.keys(list || {}).forEach(function (w) {
          var d = distance(word, w, max);
          if (d <= max) found.push(candidate(list[w], TYPO, d));
        });
      });
    }
    return best(found, MAX_CORRECTIONS);
  }

  // ---- Ranking ----

  /**
   * Ranks documents for `wanted` (per query word, its candidates; the
   * postings of one come from `postingsOf`, document → value, see
   * src/search/score.rs; `keep` filters). Pages with every word come first
   * (if none, pages with some), then pages whose words match better
   * (exact, prefix, typo), then by score: over words, idf × (32 × tier +
   * BM25 level), so title > summary and tags > body. `body` lists the
   * words a result's body holds: its excerpt is looked for there.
   */
  function rank(wanted, postingsOf, n, keep) {
    var required = 0;
    var found = new Map();
    wanted.forEach(function (stems, i) {
      // A word the index does not know does not veto the others, nor a
      // very common word (capped: only its best pages are in the index).
      if (!stems.length) return;
      var optional = stems.every(function (s) { return s.capped; });
      if (!optional) required++;
      var bestOf = new Map();
      stems.forEach(function (stem) {
        var postings = postingsOf(stem);
        var idf = Math.log(1 + n / Math.max(1, postings.size));
        postings.forEach(function (value, doc) {
          var score = idf * (value & 127);
          var b = bestOf.get(doc);
          if (!b || stem.quality > b.quality || (stem.quality === b.quality && score > b.score)) {
            bestOf.set(doc, { quality: stem.quality, score: score, value: value });
          }
        });
      });
      bestOf.forEach(function (b, doc) {
        var r = found.get(doc);
        if (!r) found.set(doc, r = { doc: doc, score: 0, quality: 0, hits: 0, body: [] });
        r.score += b.score;
        r.quality += b.quality;
        if (!optional) r.hits++;
        if ((b.value & 96) === 0 || b.value >= 128) r.body.push(i);
      });
    });
    var every = [];
    var some = [];
    found.forEach(function (r) {
      if (!keep || keep(r.doc)) (r.hits >= required ? every : some).push(r);
    });
    var all = every.length ? every : some;
    return all.sort(function (a, b) { return b.quality - a.quality || b.score - a.score || a.doc - b.doc; });
  }

  // ---- Excerpts and marks ----

  /** A written word: letters with their accents, digits, apostrophes, and
   *  hyphens inside (`start-up`): marks never cut one. */
  var TOKEN = /[\p{L}\p{M}\p{N}'’ʼ]+(?:[-‐][\p{L}\p{M}\p{N}'’ʼ]+)*/gu;
  var EXCERPT_WORDS = 30;
  /** Milliseconds without a keystroke before passages are loaded. */
  var EXCERPT_PAUSE = 250;

  /** The written words of `text`, each with the query word it stands for
   *  (`term`, -1 for none). */
  function tokens(text, termOf) {
    var out = [];
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, term: termOf(m[0]) });
    return out;
  }

  /** (written word) → query word it stands for, given `marks`: folded
   *  word → query word. */
  function matcher(marks) {
    return function (written) {
      var found = -1;
      written.normalize('NFKC').toLowerCase().split(/[-‐]/).forEach(function (part) {
        withoutElision(part).split(APOSTROPHES).forEach(function (piece) {
          var term = marks.get(fold(piece));
          if (found < 0 && term !== undefined) found = term;
        });
      });
      return found;
    };
  }

  /** `text` from `from` to `to` as pieces {text, mark}. */
  function pieces(text, tokens, from, to) {
    var out = [];
    tokens.forEach(function (w) {
      if (w.term < 0 || w.start < from || w.end > to) return;
      if (w.start > from) out.push({ text: text.slice(from, w.start) });
      out.push({ text: text.slice(w.start, w.end), mark: true });
      from = w.end;
    });
    if (to > from) out.push({ text: text.slice(from, to) });
    return out;
  }

  /** `text` with the words that stand for query words marked. */
  function marked(text, termOf) {
    return pieces(text, tokens(text, termOf), 0, text.length);
  }

  /**
   * About `size` words of `text` around its best group of matches (the
   * window with the most different query words, then the most matches;
   * the first such), as pieces, with `…` where text is left out; null if
   * nothing matches. It starts and ends at spaces: no word is cut.
   */
  function excerpt(text, termOf, size) {
    size = size || EXCERPT_WORDS;
    var all = tokens(text, termOf);
    var counts = {};
    var distinct = 0;
    var matches = 0;
    var top = { distinct: 0, matches: 0, end: 0 };
    all.forEach(function (w, i) {
      if (w.term >= 0) {
        matches++;
        counts[w.term] = (counts[w.term] || 0) + 1;
        if (counts[w.term] === 1) distinct++;
      }
      var out = all[i - size];
      if (out && out.term >= 0) {
        matches--;
        if (--counts[out.term] === 0) distinct--;
      }
      if (distinct > top.distinct || (distinct === top.distinct && matches > top.matches)) {
        top = { distinct: distinct, matches: matches, end: i + 1 };
      }
    });
    if (!top.distinct) return null;
    // Centre the window on the matches it holds.
    var held = all.slice(Math.max(0, top.end - size), top.end).filter(function (w) { return w.term >= 0; });
    var middle = all.indexOf(held[0]) + all.indexOf(held[held.length - 1]) + 1;
    var start = Math.max(0, Math.min(Math.floor(middle / 2) - Math.floor(size / 2), all.length - size));
    var end = Math.min(all.length, start + size);
    var from = start ? text.lastIndexOf(' ', all[start].start) + 1 : 0;
    var to = end < all.length ? text.indexOf(' ', all[end - 1].end) : -1;
    if (to < 0) to = text.length;
    var out = pieces(text, all, from, to);
    if (from > 0) out.unshift({ text: '… ' });
    if (to < text.length) out.push({ text: ' …' });
    return out;
  }

  var api = {
    fold: fold, words: words, shardName: shardName, tailName: tailName, tailNames: tailNames,
    decode: decode, distance: distance, allowedEdits: allowedEdits, candidates: candidates,
    corrections: corrections, rank: rank, matcher: matcher, marked: marked, excerpt: excerpt
  };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }

  // ---- Loading index files with <script> elements ----

  var script = document.currentScript;
  var root = (script && script.getAttribute('data-root')) || '';
  var pageLang = document.documentElement.lang || 'fr';
  var pending = {};
  var cache = {};
  var resolved = {};
  var meta = null;

  function load(kind, name) {
    var key = kind + '/' + name;
    if (cache[key]) return cache[key];
    cache[key] = new Promise(function (resolve) {
      pending[key] = resolve;
      var el = document.createElement('script');
      el.src = root + (kind === 'meta' ? 'search/meta.js' : 'search/' + key + '.js?b=' + meta.b);
      el.async = true;
      el.onerror = function () { delete pending[key]; resolve(null); };
      document.head.appendChild(el);
    });
    return cache[key];
  }

  function arrived(key, data) {
    resolved[key] = data;
    if (pending[key]) { pending[key](data); delete pending[key]; }
  }

  global.parvisSearch = {
    meta: function (data) { meta = data; arrived('meta/meta', data); },
    words: function (name, data) { arrived('w/' + name, data); },
    tails: function (name, data) { arrived('s/' + name, data); },
    postings: function (n, data) { arrived('p/' + n, data); },
    docs: function (n, data) { arrived('d/' + n, data); },
    text: function (n, part, data) { arrived('e/' + n + '-' + part, data); }
  };

  // ---- Querying ----

  function inFilters(doc, filters) {
    return meta.ranges.some(function (r) {
      return doc >= r[2] && doc < r[3] &&
        (filters.lang === '' || meta.langs[r[0]] === filters.lang) &&
        (filters.collection === '' || meta.collections[r[1]].key === filters.collection);
    });
  }

  /** The stems a query word stands for, and the word lists read for it.
   *  Corrections are looked for unless the word matches words of two
   *  pages or more (a word of one page may itself be a typing mistake). */
  function match(word, typing) {
    return load('w', shardName(word)).then(function (list) {
      var found = candidates(word, list, typing);
      if (!found.some(function (c) { return c.frequency > 1; })) found = found.concat(corrections(word, [list]));
      if (found.length || !allowedEdits(word)) return { stems: found, lists: [list] };
      return Promise.all(tailNames(word).map(function (n) { return load('s', n); })).then(function (tails) {
        return { stems: corrections(word, tails), lists: tails };
      });
    });
  }

  /** Folded word → query word: every form, in the lists read, of the
   *  stems matched. */
  function markMap(matched) {
    var marks = new Map();
    matched.forEach(function (m, i) {
      var stems = {};
      m.stems.forEach(function (s) { stems[s.stem] = true; });
      m.lists.forEach(function (list) {
        Object.keys(list || {}).forEach(function (w) {
          if (stems[list[w][0]] && !marks.has(w)) marks.set(w, i);
        });
      });
    });
    return marks;
  }

  /** Runs a query: resolves with {results (best first), marks, capped}. */
  function query(text, filters) {
    return load('meta', 'meta').then(function () {
      if (!meta) return { results: [], marks: new Map() };
      var terms = words(text, meta.stop[filters.lang || pageLang] || []);
      var typing = !/\s$/.test(text);
      return Promise.all(terms.map(function (t, i) { return match(t, typing && i === terms.length - 1); })).then(function (matched) {
        var wanted = matched.map(function (m) { return m.stems; });
        var files = {};
        wanted.forEach(function (stems) { stems.forEach(function (s) { files[s.file] = true; }); });
        return Promise.all(Object.keys(files).map(function (f) { return load('p', f); })).then(function () {
          return {
            results: rank(wanted, function (s) { return decode((resolved['p/' + s.file] || {})[s.stem] || ''); },
              meta.n || 1, function (doc) { return inFilters(doc, filters); }),
            marks: markMap(matched),
            // Very common words keep only their best pages: the count is then a lower bound.
            capped: wanted.some(function (stems) { return stems.some(function (s) { return s.capped; }); })
          };
        });
      });
    });
  }

  function documents(results) {
    var per = meta.docsPerFile;
    var files = {};
    results.forEach(function (r) { files[Math.floor(r.doc / per)] = true; });
    return Promise.all(Object.keys(files).map(function (f) { return load('d', f); })).then(function () {
      return results.map(function (r) {
        var row = (resolved['d/' + Math.floor(r.doc / per)] || [])[r.doc % per] || [];
        return {
          n: r.doc, body: r.body, path: row[0], title: row[1] || '', collection: meta.collections[row[2]],
          lang: meta.langs[row[3]], summary: row[4] || '', parts: row[5] || 0
        };
      });
    });
  }

  /** The text an excerpt of `doc` is cut from: its first passage, or the
   *  whole body when the first holds none of the words the postings place
   *  in the body. */
  function bodyText(doc, termOf) {
    if (!doc.parts || !doc.body.length) return Promise.resolve('');
    return load('e', doc.n + '-0').then(function (head) {
      head = head || '';
      if (doc.parts < 2 || tokens(head, termOf).some(function (w) { return w.term >= 0; })) return head;
      return load('e', doc.n + '-1').then(function (rest) { return rest ? head + ' ' + rest : head; });
    });
  }

  // ---- Showing results ----

  function href(path) {
    var link = root + path;
    if (meta.files && /\/$|^$/.test(path)) link += 'index.html';
    return link || './';
  }

  /** Fills `el` with `parts` ({text, mark}). */
  function fill(el, parts) {
    el.textContent = '';
    parts.forEach(function (p) {
      var node = p.mark ? document.createElement('mark') : document.createTextNode(p.text);
      if (p.mark) node.textContent = p.text;
      el.appendChild(node);
    });
  }

  function resultItem(doc, termOf, lang) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var a = document.createElement('a');
    a.href = href(doc.path);
    fill(a, marked(doc.title, termOf));
    li.appendChild(a);
    var label = (doc.collection && doc.collection.titles[lang]) || '';
    if (label) {
      var span = document.createElement('span');
      span.className = 'search-collection';
      span.textContent = label;
      li.appendChild(span);
    }
    var p = document.createElement('p');
    fill(p, marked(doc.summary, termOf));
    li.appendChild(p);
    if (doc.lang !== pageLang) a.lang = p.lang = doc.lang;
    return { li: li, p: p, doc: doc };
  }

  /**
   * Makes one search form live: results while typing (debounced), arrows
   * move the focus from the box through the results, Escape comes back,
   * Enter on a result opens it, and a live region says how many matched.
   * Results show their summary, then, once typing pauses, an excerpt of
   * the passage that matched.
   */
  function enhance(form) {
    var input = form.querySelector('input[name=q]');
    var list = document.getElementById(form.getAttribute('data-results'));
    var status = document.getElementById(form.getAttribute('data-status'));
    var langSelect = form.querySelector('select[name=lang]');
    var collectionSelect = form.querySelector('select[name=collection]');
    var inline = form.hasAttribute('data-inline');
    var limit = Number(form.getAttribute('data-limit')) || 8;
    var texts = form.dataset;
    var timer = null;
    var generation = 0;
    var lastKey = -Infinity;
    var watching = null;
    if (!input || !list) return;

    function filters() {
      return {
        lang: langSelect ? langSelect.value : pageLang,
        collection: collectionSelect ? collectionSelect.value : ''
      };
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

    // The header's popup: open while the box or its results have the focus.
    function setOpen(open) {
      list.hidden = !open;
      input.setAttribute('aria-expanded', String(open));
    }

    function close() {
      if (!inline) setOpen(false);
    }

    function announce(count, shown, capped) {
      if (!status) return;
      var template = count === 0 ? texts.none : count === 1 ? texts.one : capped ? texts.more || texts.many : texts.many;
      status.textContent = shown ? (template || '{n}').replace('{n}', String(count)) : '';
    }

    /** Calls `fn` once no key has been typed for EXCERPT_PAUSE: passages
     *  are not loaded for a word still being typed. */
    function paused(fn) {
      var wait = lastKey + EXCERPT_PAUSE - Date.now();
      if (wait > 0) setTimeout(function () { paused(fn); }, wait);
      else fn();
    }

    /** Puts excerpts in place of summaries: at once in the header's few
     *  results, as they scroll into view in the search page's many. The
     *  event that says they are in place names the query they answer, so
     *  a watcher (tests, bench) can tell them from a word half typed. */
    function excerpts(items, termOf, mine, text) {
      function fetch(batch) {
        if (!batch.length) return null;
        return Promise.all(batch.map(function (item) {
          return bodyText(item.doc, termOf).then(function (text) {
            var parts = mine === generation && text && excerpt(text, termOf);
            if (parts) fill(item.p, parts);
          });
        })).then(function () {
          if (mine === generation) form.dispatchEvent(new CustomEvent('parvis:excerpts', { detail: { query: text } }));
        });
      }
      if (!inline || typeof IntersectionObserver !== 'function') return fetch(items);
      var itemOf = new Map(items.map(function (item) { return [item.li, item]; }));
      var observer = watching = new IntersectionObserver(function (entries) {
        fetch(entries.filter(function (e) { return e.isIntersecting; }).map(function (e) {
          observer.unobserve(e.target);
          return itemOf.get(e.target);
        }));
      });
      items.forEach(function (item) { observer.observe(item.li); });
    }

    function run() {
      var text = input.value;
      var mine = ++generation;
      if (watching) watching.disconnect();
      if (inline && global.history && global.history.replaceState) {
        var url = new URL(global.location.href);
        url.searchParams.set('q', text);
        if (collectionSelect) url.searchParams.set('collection', collectionSelect.value);
        if (langSelect) url.searchParams.set('lang', langSelect.value);
        try { global.history.replaceState(null, '', url.href); } catch (e) { /* file:// may refuse */ }
      }
      if (!text.trim()) { list.textContent = ''; close(); announce(0, false); if (inline) retitle('', ''); return; }
      var f = filters();
      query(text, f).then(function (found) {
        if (mine !== generation) return null;
        return documents(found.results.slice(0, limit)).then(function (docs) {
          if (mine !== generation) return;
          var termOf = matcher(found.marks);
          var items = docs.map(function (doc) { return resultItem(doc, termOf, f.lang || pageLang); });
          list.textContent = '';
          items.forEach(function (item) { list.appendChild(item.li); });
          // Open only while the box or its results have the focus.
          if (!inline) setOpen(docs.length > 0 && form.contains(document.activeElement));
          announce(found.results.length, true, found.capped);
          if (inline) retitle(text, status ? status.textContent : '');
          form.dispatchEvent(new CustomEvent('parvis:results', { detail: { count: found.results.length } }));
          paused(function () { if (mine === generation) excerpts(items, termOf, mine, text); });
        });
      });
    }

    function move(from, step) {
      var all = links();
      var next = all.indexOf(from) + step;
      if (next < 0) { input.focus(); return; }
      if (all[next]) all[next].focus();
    }

    input.addEventListener('input', function () {
      lastKey = Date.now();
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    [langSelect, collectionSelect].forEach(function (s) { if (s) s.addEventListener('change', run); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && links().length) { e.preventDefault(); links()[0].focus(); }
      else if (e.key === 'Escape') { close(); }
    });
    list.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); move(document.activeElement, 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); move(document.activeElement, -1); }
      else if (e.key === 'Escape') { e.preventDefault(); input.focus(); close(); }
    });
    if (!inline) {
      input.setAttribute('aria-controls', list.id);
      document.addEventListener('click', function (e) { if (!form.contains(e.target) && !list.contains(e.target)) close(); });
      input.addEventListener('focus', function () { load('meta', 'meta'); if (list.childNodes.length) setOpen(true); });
      // Focus moving on past the box and its results closes them, so they
      // never hide what has the focus; a click in them keeps the focus.
      form.addEventListener('focusout', function (e) { if (!form.contains(e.relatedTarget)) close(); });
      list.addEventListener('mousedown', function (e) { e.preventDefault(); });
      toggle(form, input);
    }
    var params = new URLSearchParams(global.location.search);
    if (inline) {
      // The filters say what the address says.
      [['collection', collectionSelect], ['lang', langSelect]].forEach(function (pair) {
        var value = params.get(pair[0]);
        if (pair[1] && value !== null && Array.prototype.some.call(pair[1].options, function (o) { return o.value === value; })) pair[1].value = value;
      });
    }
    var q = params.get('q');
    if (inline && q) { input.value = q; run(); }

    /** The search page's title and heading say what was searched:
     *  "Recherche : imagerie – 7 résultats". */
    function retitle(text, count) {
      var heading = document.getElementById(form.getAttribute('data-heading') || '');
      if (!heading) return;
      if (!heading.dataset.plain) heading.dataset.plain = heading.textContent;
      if (heading.dataset.site === undefined) {
        var at = document.title.indexOf(' · ');
        heading.dataset.site = at < 0 ? '' : document.title.slice(at);
      }
      var title = text.trim() ? (heading.dataset.title || '{q}').replace('{q}', text.trim()) : heading.dataset.plain;
      heading.textContent = title;
      document.title = title + (text.trim() && count ? ' – ' + count : '') + heading.dataset.site;
    }
  }

  /** On small screens the header's box opens from a button (the stylesheet
   *  shows the button and hides the box when scripting is on). */
  function toggle(form, input) {
    var button = document.querySelector('[data-search-toggle][aria-controls="' + form.id + '"]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      form.classList.toggle('site-search--open', open);
      if (open) input.focus();
    });
  }

  function start() {
    document.querySelectorAll('form[data-search]').forEach(enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : this);
