/*
 * filter.js — filters a list page over the whole list, without a page load.
 *
 * The list page works without this script: it links to the term pages of
 * its first filter (one page per sector). With scripting on, the stylesheet
 * shows one select per filtered field instead (before the first paint, so
 * nothing moves), and this script makes them work:
 *
 *   - the first choice loads the list's `cards.js` (every card of the list,
 *     on every page, with its values), then shows the cards that match all
 *     choices in place of the page's cards and hides the pagination;
 *   - each select counts, for each value, the cards that would match with
 *     the other choices (the counts the page was built with, at first);
 *   - the choice is in the address (`?sectors=prevention&stage=amorçage`):
 *     it can be shared, and Back and Forward go through the choices made;
 *   - when `cards.js` cannot be loaded, the status says so and the links to
 *     the term pages show again (`filter--fallback`).
 *
 * Markup it expects (see templates/list.html):
 *   <div data-filter data-cards="cards.js" data-root="../" data-one="…" data-many="…"
 *        data-loading="…" data-error="…">
 *     <form><select name="sectors"><option value="" data-label="Tous">…</select>…
 *       <p><span role="status"></span> <button class="filter__reset" hidden>…</button></p>
 *     </form>
 *   </div>
 *   <ul class="cards">…</ul>  <nav class="pagination">…</nav>
 *
 * `cards.js` calls parvisCards({cards: [{html, values: {field: [value…]}}]});
 * links in the cards start with U+E000, the site root, replaced here with the
 * page's way to the root (data-root).
 *
 * A classic deferred script, not a module (browsers refuse module scripts
 * from file://), and `cards.js` is loaded by a <script> element for the same
 * reason. No dependency, no other request. The pure helpers are on
 * `globalThis.campusFilter` for the unit tests (tests/e2e/filter.test.mjs).
 */
(function (root) {
  "use strict";

  var ROOT_MARK = "\ue000";

  /** Whether `values` ({field: [value…]}) has every choice of `chosen`
   *  ({field: value}, "" for any), the choice for `except` left aside. */
  function matches(values, chosen, except) {
    return Object.keys(chosen).every(function (field) {
      var wanted = chosen[field];
      return !wanted || field === except || (values[field] || []).indexOf(wanted) !== -1;
    });
  }

  /** For each field, how many cards each value would show with the other
   *  choices kept: {field: {"": all, value: n…}}. */
  function countOptions(cards, chosen) {
    var out = {};
    Object.keys(chosen).forEach(function (field) {
      var counts = { "": 0 };
      cards.forEach(function (card) {
        if (!matches(card.values, chosen, field)) return;
        counts[""] += 1;
        (card.values[field] || []).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      out[field] = counts;
    });
    return out;
  }

  /** The choices an address's query holds, for `fields`. */
  function fromQuery(search, fields) {
    var params = new URLSearchParams(search);
    var out = {};
    fields.forEach(function (field) { out[field] = params.get(field) || ""; });
    return out;
  }

  /** `search` with `chosen` written in (empty choices left out) and its
   *  other parameters kept: "?sectors=prevention", or "". */
  function toQuery(search, chosen) {
    var params = new URLSearchParams(search);
    Object.keys(chosen).forEach(function (field) {
      if (chosen[field]) params.set(field, chosen[field]);
      else params.delete(field);
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  /** "{n} résultats" with n filled in, singular or plural. */
  function countLabel(n, one, many) {
    return (n === 1 ? one : many).replace("{n}", String(n));
  }

  // ---- cards.js, loaded once per address ----

  var loads = {};

  root.parvisCards = function (data) {
    var script = typeof document !== "undefined" && document.currentScript;
    var load = script && loads[script.getAttribute("src")];
    if (load) load.resolve(data);
  };

  function loadCards(doc, src) {
    if (loads[src]) return loads[src].promise;
    var load = {};
    load.promise = new Promise(function (resolve, reject) {
      load.resolve = resolve;
      var script = doc.createElement("script");
      script.src = src;
      script.onerror = reject;
      doc.head.appendChild(script);
    });
    loads[src] = load;
    return load.promise;
  }

  // ---- One filter ----

  function setUp(doc, container) {
    var form = container.querySelector("form");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var list = container.parentNode.querySelector(".cards");
    var pagination = container.parentNode.querySelector(".pagination");
    var status = form.querySelector("[role=status]");
    var reset = form.querySelector(".filter__reset");
    var data = container.dataset;
    var fields = selects.map(function (s) { return s.name; });
    var pageCards = list ? Array.prototype.slice.call(list.children) : [];
    var cards = null;
    var turn = 0;

    function chosen() {
      var out = {};
      selects.forEach(function (s) { out[s.name] = s.value; });
      return out;
    }

    function choose(values) {
      selects.forEach(function (s) {
        var wanted = values[s.name] || "";
        var known = Array.prototype.some.call(s.options, function (o) { return o.value === wanted; });
        s.value = known ? wanted : "";
      });
    }

    function recount(choice) {
      var counts = countOptions(cards, choice);
      selects.forEach(function (s) {
        Array.prototype.forEach.call(s.options, function (o) {
          var n = counts[s.name][o.value] || 0;
          o.textContent = (o.dataset.label || o.value) + " (" + n + ")";
          o.disabled = n === 0 && o.value !== s.value;
        });
      });
    }

    function show(choice) {
      var any = fields.some(function (f) { return choice[f]; });
      reset.hidden = !any;
      if (!any) {
        if (list) list.replaceChildren.apply(list, pageCards);
        if (pagination) pagination.hidden = false;
        if (cards) recount(choice);
        status.textContent = "";
        return;
      }
      var mine = ++turn;
      if (!cards) status.textContent = data.loading || "";
      loadCards(doc, data.cards).then(function (loaded) {
        if (mine !== turn) return;
        cards = loaded.cards;
        var shown = cards.filter(function (card) { return matches(card.values, choice); });
        var items = shown.map(function (card) {
          var li = doc.createElement("li");
          li.innerHTML = card.html.split(ROOT_MARK).join(data.root || "");
          return li;
        });
        list.replaceChildren.apply(list, items);
        if (pagination) pagination.hidden = true;
        recount(choice);
        status.textContent = countLabel(shown.length, data.one || "{n}", data.many || "{n}");
      }, function () {
        // Without the whole list, the links to the term pages still filter:
        // show them (the stylesheet hides them while scripting is on).
        delete loads[data.cards];
        if (mine !== turn) return;
        status.textContent = data.error || "";
        container.classList.add("filter--fallback");
      });
    }

    form.addEventListener("change", function () {
      var choice = chosen();
      var query = toQuery(root.location.search, choice);
      try {
        root.history.pushState({ filter: choice }, "", root.location.pathname + query + root.location.hash);
      } catch (e) { /* file:// may refuse */ }
      show(choice);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    reset.addEventListener("click", function () {
      choose({});
      form.dispatchEvent(new Event("change"));
      selects[0].focus();
    });
    root.addEventListener("popstate", function () {
      choose(fromQuery(root.location.search, fields));
      show(chosen());
    });
    var initial = fromQuery(root.location.search, fields);
    if (fields.some(function (f) { return initial[f]; })) {
      choose(initial);
      show(chosen());
    }
  }

  root.campusFilter = {
    matches: matches,
    countOptions: countOptions,
    fromQuery: fromQuery,
    toQuery: toQuery,
    countLabel: countLabel,
  };
  if (typeof document !== "undefined") {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (container) {
      if (container.querySelector("form select") && container.dataset.cards) setUp(document, container);
    });
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
