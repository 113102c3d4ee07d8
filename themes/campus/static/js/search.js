/*
 * parvis search client: static, French-aware, no dependencies.
 *
 * The index (built by parvis, see src/search/) is split in small scripts
 * that call back into `parvisSearch`: loading them with <script> elements
 * works over HTTP and from file:// alike. A query loads the word list of
 * each word's first two letters, then the postings of the matching stems,
 * then the few documents shown. Words are normalized exactly as the
 * indexer does (tests/search/vectors.json checks both sides); stemming is
 * done at build time, so the client only folds and looks words up.
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
    var runs = text.normalize('NFKC').match(RUN) || [];
    runs.forEach(function (run) {
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

  var DIGITS = '0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_$';

  /** Decodes postings (document delta, score; base 32) into a Map. */
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

  /** Levenshtein distance, stopping early past `max`. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var prev = row[0];
      row[0] = i;
      var best = row[0];
      for (var k = 1; k <= b.length; k++) {
        var cur = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, prev + (a[i - 1] === b[k - 1] ? 0 : 1));
        prev = cur;
        best = Math.min(best, row[k]);
      }
      if (best > max) return max + 1;
    }
    return row[b.length];
  }

  var api = { fold: fold, words: words, shardName: shardName, decode: decode, distance: distance };
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
      var path = kind === 'meta' ? 'search/meta.js' : 'search/' + kind + '/' + name + '.js?b=' + meta.b;
      el.src = root + path;
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
    postings: function (n, data) { arrived('p/' + n, data); },
    docs: function (n, data) { arrived('d/' + n, data); }
  };

  // ---- Querying ----

  /** The stems a query word may stand for: exact, prefix (last word), or one typo away. */
  function stemsFor(word, list, isLast) {
    if (!list) return [];
    if (list[word]) return [list[word]];
    var found = [];
    Object.keys(list).forEach(function (w) {
      if ((isLast && w.indexOf(word) === 0) || (word.length >= 5 && distance(word, w, 1) <= 1)) found.push(list[w]);
    });
    var seen = {};
    return found.filter(function (s) { return !seen[s[0]] && (seen[s[0]] = true); }).slice(0, 6);
  }

  function inFilters(doc, filters) {
    return meta.ranges.some(function (r) {
      return doc >= r[2] && doc < r[3] &&
        (filters.lang === '' || meta.langs[r[0]] === filters.lang) &&
        (filters.collection === '' || meta.collections[r[1]].key === filters.collection);
    });
  }

  /** Runs a query: resolves with {terms, results: [{doc, score}]} (best first). */
  function query(text, filters) {
    return load('meta', 'meta').then(function () {
      if (!meta) return { terms: [], results: [] };
      var stop = meta.stop[filters.lang || pageLang] || [];
      var terms = words(text, stop);
      var typing = !/\s$/.test(text);
      return Promise.all(terms.map(function (t) { return load('w', shardName(t)); })).then(function (lists) {
        var wanted = terms.map(function (t, i) { return stemsFor(t, lists[i], typing && i === terms.length - 1); });
        var files = {};
        wanted.forEach(function (stems) { stems.forEach(function (s) { files[s[1]] = true; }); });
        return Promise.all(Object.keys(files).map(function (f) { return load('p', f); })).then(function () {
          // Very common words keep only their best pages in the index:
          // then the count is a lower bound.
          var capped = wanted.some(function (stems) { return stems.some(function (s) { return s[2] === 1; }); });
          return { terms: terms, results: rank(wanted, filters), capped: capped };
        });
      });
    });
  }

  function rank(wanted, filters) {
    var n = meta.n || 1;
    var required = 0;
    var totals = new Map();
    var hits = new Map();
    wanted.forEach(function (stems) {
      // A word the index does not know (a typo too far, a word of another
      // site) does not veto the others.
      if (!stems.length) return;
      var optional = stems.every(function (s) { return s[2] === 1; });
      if (!optional) required++;
      var best = new Map();
      stems.forEach(function (stem) {
        var file = resolved['p/' + stem[1]] || {};
        var postings = decode(file[stem[0]] || '');
        var idf = Math.log(1 + n / Math.max(1, postings.size));
        postings.forEach(function (score, doc) {
          var s = score * idf;
          if (!best.has(doc) || best.get(doc) < s) best.set(doc, s);
        });
      });
      best.forEach(function (s, doc) {
        totals.set(doc, (totals.get(doc) || 0) + s);
        if (!optional) hits.set(doc, (hits.get(doc) || 0) + 1);
      });
    });
    var every = [];
    var some = [];
    totals.forEach(function (score, doc) {
      if (!inFilters(doc, filters)) return;
      ((hits.get(doc) || 0) >= required ? every : some).push({ doc: doc, score: score });
    });
    // Pages with all the words first; when there are none, pages with some.
    var all = every.length ? every : some;
    all.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return all;
  }

  function documents(results) {
    var per = meta.docsPerFile;
    var files = {};
    results.forEach(function (r) { files[Math.floor(r.doc / per)] = true; });
    return Promise.all(Object.keys(files).map(function (f) { return load('d', f); })).then(function () {
      return results.map(function (r) {
        var row = (resolved['d/' + Math.floor(r.doc / per)] || [])[r.doc % per] || [];
        return { path: row[0], title: row[1], collection: meta.collections[row[2]], lang: meta.langs[row[3]], summary: row[4] || '' };
      });
    });
  }

  // ---- Showing results ----

  function href(path) {
    var link = root + path;
    if (meta.files && /\/$|^$/.test(path)) link += 'index.html';
    return link || './';
  }

  /** Appends `text` to `el`, with the words that match a query term in <mark>. */
  function highlight(el, text, terms) {
    var stems = terms.map(function (t) { return t.length > 5 ? t.slice(0, t.length - 2) : t; });
    text.split(/([\p{L}\p{N}'’]+)/u).forEach(function (part, i) {
      var f = withoutElision(fold(part));
      if (i % 2 === 1 && stems.some(function (s) { return f.indexOf(s) === 0; })) {
        var mark = document.createElement('mark');
        mark.textContent = part;
        el.appendChild(mark);
      } else {
        el.appendChild(document.createTextNode(part));
      }
    });
  }

  function resultItem(doc, terms, lang) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var a = document.createElement('a');
    a.href = href(doc.path);
    a.textContent = doc.title;
    if (doc.lang !== pageLang) a.lang = doc.lang;
    li.appendChild(a);
    var label = (doc.collection && doc.collection.titles[lang]) || '';
    if (label) {
      var span = document.createElement('span');
      span.className = 'search-collection';
      span.textContent = label;
      li.appendChild(span);
    }
    var p = document.createElement('p');
    if (doc.lang !== pageLang) p.lang = doc.lang;
    highlight(p, doc.summary, terms);
    li.appendChild(p);
    return li;
  }

  /**
   * Makes one search form live: results while typing (debounced), arrows
   * move the focus from the box through the results, Escape comes back,
   * Enter on a result opens it, and a live region says how many matched.
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

    function run() {
      var text = input.value;
      var mine = ++generation;
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
          list.textContent = '';
          docs.forEach(function (doc) { list.appendChild(resultItem(doc, found.terms, f.lang || pageLang)); });
          if (!inline) setOpen(docs.length > 0 && form.contains(document.activeElement));
          announce(found.results.length, true, found.capped);
          if (inline) retitle(text, status ? status.textContent : '');
          form.dispatchEvent(new CustomEvent('parvis:results', { detail: { count: found.results.length } }));
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
