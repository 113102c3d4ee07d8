// The error panel of `parvis serve` (added to served pages only, never to
// the built site). When a rebuild fails, the page keeps showing the last
// good version and this modal dialog lists the site's errors: file, line,
// column, the offending line, the message and the hint. Escape or the
// close button closes it (focus goes back where it was) and leaves a
// button to show it again; the next successful rebuild removes it.
// Drawn in a shadow root so that the site's styles do not reach it.

const panel = (() => {
  const STYLE = `
    :host { all: initial; }
    dialog {
      box-sizing: border-box; width: min(48rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem);
      overflow: auto; padding: 1.5rem; border: 3px solid #b00020; border-radius: 0.5rem;
      background: #ffffff; color: #1a1a1a; font: 1rem/1.5 system-ui, sans-serif;
    }
    dialog::backdrop { background: rgb(0 0 0 / 0.45); }
    .head { display: flex; gap: 1rem; align-items: flex-start; justify-content: space-between; }
    h2 { margin: 0; font-size: 1.5rem; line-height: 1.25; color: #8f001a; }
    h3 { margin: 0 0 0.25rem; font-size: 1rem; }
    p { margin: 0.5rem 0; }
    ol { margin: 1rem 0 0; padding: 0; list-style: none; }
    li { margin: 0 0 1rem; padding: 1rem 0 0; border-top: 1px solid #c8c8c8; }
    pre { margin: 0.5rem 0; padding: 0.75rem; overflow-x: auto; background: #f2f2f2; color: #1a1a1a;
          border-radius: 0.25rem; font: 0.9rem/1.4 ui-monospace, monospace; }
    .mark { color: #a3001c; font-weight: bold; }
    .hint strong { color: #1a1a1a; }
    button {
      font: inherit; padding: 0.4rem 0.9rem; border: 2px solid #1a1a1a; border-radius: 0.25rem;
      background: #ffffff; color: #1a1a1a; cursor: pointer;
    }
    button:focus-visible { outline: 3px solid #0a5ad4; outline-offset: 2px; }
    .reopen {
      position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647;
      border-color: #8f001a; background: #8f001a; color: #ffffff; font: 1rem/1.5 system-ui, sans-serif;
    }
    @media (prefers-color-scheme: dark) {
      dialog { background: #1c1c1c; color: #f0f0f0; border-color: #ff8a80; }
      h2 { color: #ffb4ab; }
      li { border-color: #555555; }
      pre { background: #2b2b2b; color: #f0f0f0; }
      .mark { color: #ffb4ab; }
      .hint strong { color: #f0f0f0; }
      button { background: #1c1c1c; color: #f0f0f0; border-color: #f0f0f0; }
      button:focus-visible { outline-color: #ffbf47; }
    }`;

  let host = null;
  let returnFocus = null;

  /** An element with optional text and attributes. */
  function el(name, text, attributes = {}) {
    const node = document.createElement(name);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  }

  /** "content/a.md, ligne 3, colonne 5" (what is known of it). */
  function place(span, texts) {
    if (!span) return "";
    let where = span.file;
    if (span.line > 0) where += `, ${texts.line} ${span.line}`;
    if (span.column > 0) where += `, ${texts.column} ${span.column}`;
    return where;
  }

  /** The offending line with its number, and carets under the fault. */
  function quote(span) {
    const pre = el("pre");
    const number = `${span.line} | `;
    pre.append(el("code", `${number}${span.source_line}\n`));
    const pad = " ".repeat(number.length + Math.max(0, span.column - 1));
    pre.append(el("code", pad + "^".repeat(Math.max(1, span.width)), { class: "mark" }));
    return pre;
  }

  function item(error, texts) {
    const li = el("li");
    const span = error.span;
    if (span) li.append(el("h3", place(span, texts)));
    li.append(el("p", error.message));
    if (span && span.line > 0) li.append(quote(span));
    if (error.hint) {
      const hint = el("p", null, { class: "hint" });
      hint.append(el("strong", texts.hint), ` ${error.hint}`);
      li.append(hint);
    }
    if (error.related && error.related.line > 0) {
      li.append(el("p", `${texts.related} ${place(error.related, texts)}`));
      li.append(quote(error.related));
    }
    return li;
  }

  /** Shows (or updates) the panel for a `problems` event. */
  function show(data) {
    const texts = data.texts;
    const wasOpen = host?.shadowRoot.querySelector("dialog")?.open;
    if (!wasOpen) returnFocus = document.activeElement;
    host?.remove();
    host = el("div", null, { "data-parvis": "errors" });
    const root = host.attachShadow({ mode: "open" });
    root.append(el("style", STYLE));
    const dialog = el("dialog", null, {
      lang: texts.lang,
      "aria-labelledby": "parvis-title",
      "aria-describedby": "parvis-intro",
    });
    const head = el("div", null, { class: "head" });
    const close = el("button", texts.close, { type: "button", class: "close" });
    head.append(el("h2", texts.title, { id: "parvis-title" }), close);
    const list = el("ol");
    for (const error of data.errors) list.append(item(error, texts));
    dialog.append(head, el("p", texts.intro, { id: "parvis-intro" }), list);
    const aside = el("aside", null, { lang: texts.lang, "aria-label": texts.title });
    const reopen = el("button", texts.reopen, { type: "button", class: "reopen", hidden: "" });
    aside.append(reopen);
    root.append(dialog, aside);
    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => {
      reopen.hidden = false;
      restoreFocus();
    });
    reopen.addEventListener("click", () => {
      returnFocus = reopen;
      reopen.hidden = true;
      dialog.showModal();
    });
    document.body.append(host);
    dialog.showModal();
    close.focus();
  }

  function restoreFocus() {
    const target = returnFocus;
    returnFocus = null;
    if (target && target.isConnected && typeof target.focus === "function") target.focus();
  }

  /** Removes the panel (the site has no errors any more). */
  function hide() {
    if (!host) return;
    const dialog = host.shadowRoot.querySelector("dialog");
    const wasOpen = dialog?.open;
    host.remove();
    host = null;
    if (wasOpen) restoreFocus();
  }

  return { show, hide };
})();
