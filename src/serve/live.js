// Live reload of `parvis serve` (added to served pages only). Listens to the
// server's events: `reload` reloads this page if the rebuild changed it (or
// a file it loaded), keeping the scroll position; `css` swaps the
// stylesheets in place; `problems` shows the error panel; `hello` tells a
// restarted server apart, whose pages are reloaded.

const me = document.currentScript;
/** Site paths whose change reloads this page (its own file, or for a
 *  404 the files that would answer its address, and 404.html). */
const pages = JSON.parse((me && me.dataset.pages) || "[]");
const base = (me && me.dataset.base) || "/";
const scrollKey = `parvis-scroll:${location.pathname}`;

function restoreScroll() {
  const saved = sessionStorage.getItem(scrollKey);
  if (saved === null) return;
  sessionStorage.removeItem(scrollKey);
  const [x, y] = JSON.parse(saved);
  // Instant: a theme's smooth scrolling would show the page scroll down.
  window.scrollTo({ left: x, top: y, behavior: "instant" });
}

if (document.readyState === "complete") restoreScroll();
else window.addEventListener("load", restoreScroll, { once: true });

function reload() {
  try {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
  } catch {
    // Storage refused (private mode): reload anyway, at the top.
  }
  location.reload();
}

/** Whether a rebuild that changed `changed` and removed `removed` concerns
 *  this page: its own file, or an image or script it loaded. */
function concerns({ all, changed = [], removed = [] }) {
  if (all) return true;
  if (pages.some((p) => changed.includes(p) || removed.includes(p))) return true;
  const loaded = new Set(
    performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname),
  );
  return changed.some((p) => loaded.has(encodeURI(base + p)));
}

/** Links the stylesheets of the current build, each old one removed once
 *  its successor has loaded, so the page never shows unstyled. */
async function swapStylesheets() {
  const response = await fetch(location.href, { cache: "no-store" });
  if (!response.ok) return reload();
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  const wanted = [...fresh.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.getAttribute("href"));
  const current = [...document.querySelectorAll('link[rel~="stylesheet"]')];
  if (wanted.length !== current.length) return reload();
  current.forEach((link, i) => {
    let href = wanted[i];
    // Same name (a theme without hashed names): ask for it again.
    if (href === link.getAttribute("href")) href = `${href.split("?")[0]}?parvis=${Date.now()}`;
    const next = link.cloneNode();
    next.setAttribute("href", href);
    next.addEventListener("load", () => link.remove(), { once: true });
    next.addEventListener("error", () => link.remove(), { once: true });
    link.after(next);
  });
}

let session = null;
const events = new EventSource("/__parvis/events");
events.addEventListener("hello", (event) => {
  const hello = JSON.parse(event.data);
  if (session !== null && hello.session !== session) reload();
  session = hello.session;
});
events.addEventListener("reload", (event) => {
  panel.hide();
  if (concerns(JSON.parse(event.data))) reload();
});
events.addEventListener("css", () => {
  panel.hide();
  swapStylesheets().catch(reload);
});
events.addEventListener("problems", (event) => panel.show(JSON.parse(event.data)));
