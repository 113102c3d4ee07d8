/*
 * filter.js — filters a list of cards in place, without a page load.
 *
 * The list page works without this script: it links to the taxonomy's term
 * pages (one page per sector). With it, a group of radio buttons appears
 * above the cards and hides the cards that do not match.
 *
 * Markup it expects (see templates/list.html and partials/cards.html):
 *   <div data-filter-root data-filter-legend="…" data-filter-all="Tous"
 *        data-filter-one="{n} résultat affiché" data-filter-many="{n} résultats affichés">
 *   <ul class="cards"><li data-filter="Imagerie médicale|Dispositifs médicaux">…
 *
 * Loaded as a classic deferred script, not a module: browsers refuse module
 * scripts from file://, and the portal must work opened from disk. No
 * dependency, no network request. The pure helpers are exposed on
 * `globalThis.campusFilter` for the unit tests (tests/e2e/filter.test.mjs).
 */
(function (root) {
  "use strict";

  /** The values of one item: "a|b" → ["a", "b"]. */
  function valuesOf(text) {
    return (text || "")
      .split("|")
      .map(function (v) { return v.trim(); })
      .filter(Boolean);
  }

  /** Each distinct value with its count, sorted by name in `lang`. */
  function countValues(texts, lang) {
    var counts = new Map();
    texts.forEach(function (text) {
      valuesOf(text).forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
    });
    return Array.from(counts, function (pair) { return { value: pair[0], count: pair[1] }; })
      .sort(function (a, b) { return a.value.localeCompare(b.value, lang || undefined); });
  }

  /** Whether an item with `text` is shown when `selected` is chosen ("" = all). */
  function matches(text, selected) {
    return !selected || valuesOf(text).indexOf(selected) !== -1;
  }

  /** "{n} résultats" with n filled in, singular or plural. */
  function countLabel(n, one, many) {
    return (n === 1 ? one : many).replace("{n}", String(n));
  }

  function setUp(doc, container, index) {
    var list = container.parentNode && container.parentNode.querySelector(".cards");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll(":scope > li"));
    var texts = items.map(function (li) { return li.getAttribute("data-filter") || ""; });
    var values = countValues(texts, doc.documentElement.lang);
    if (values.length < 2) return;
    var data = container.dataset;
    var name = "filtre-" + index;

    var fieldset = doc.createElement("fieldset");
    fieldset.className = "filter__group";
    var legend = doc.createElement("legend");
    legend.className = "filter__legend";
    legend.textContent = data.filterLegend || "";
    fieldset.appendChild(legend);

    var options = [{ value: "", label: data.filterAll || "*", count: items.length }].concat(
      values.map(function (v) { return { value: v.value, label: v.value, count: v.count }; })
    );
    options.forEach(function (option, i) {
      var id = name + "-" + i;
      var input = doc.createElement("input");
      input.type = "radio";
      input.name = name;
      input.id = id;
      input.value = option.value;
      input.className = "filter__input";
      if (i === 0) input.checked = true;
      var label = doc.createElement("label");
      label.htmlFor = id;
      label.className = "filter__option";
      label.textContent = option.label + " ";
      var count = doc.createElement("span");
      count.className = "filter__count";
      count.textContent = "(" + option.count + ")";
      label.appendChild(count);
      fieldset.appendChild(input);
      fieldset.appendChild(label);
    });

    var status = doc.createElement("p");
    status.className = "filter__status";
    status.setAttribute("role", "status");

    function apply(selected) {
      var shown = 0;
      items.forEach(function (li, i) {
        var visible = matches(texts[i], selected);
        li.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = countLabel(shown, data.filterOne || "{n}", data.filterMany || "{n}");
    }

    fieldset.addEventListener("change", function (event) {
      if (event.target && event.target.name === name) apply(event.target.value);
    });
    container.appendChild(fieldset);
    container.appendChild(status);
    container.classList.add("filter--ready");
  }

  function init(doc) {
    var roots = doc.querySelectorAll("[data-filter-root]");
    Array.prototype.forEach.call(roots, function (container, i) { setUp(doc, container, i + 1); });
  }

  root.campusFilter = { valuesOf: valuesOf, countValues: countValues, matches: matches, countLabel: countLabel };
  if (typeof document !== "undefined") init(document);
})(typeof globalThis !== "undefined" ? globalThis : this);
