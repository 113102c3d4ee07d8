// What a browser downloads for a first search query, parvis against Pagefind,
// and how soon parvis shows results; measured in headless Chromium.
//
//   node bench/search_bytes.mjs SITE [--json FILE] [--repeats 3] [--delay 120]
//                               [--only bytes|latency]
//
// SITE is a parvis output that also holds a Pagefind index in SITE/pagefind/
// (`pagefind --site SITE` run on a copy of the output). One small HTTP server
// on 127.0.0.1 serves it for both, without compression and with the same
// headers (`Cache-Control: public, max-age=3600`).
//
// Bytes are counted from the Chrome DevTools Protocol: the sum of
// `Network.loadingFinished.encodedDataLength` (bytes received, response
// headers included) of the requests, with the response bodies alone beside
// them; the server's own count of bytes sent is kept as a cross-check, and
// stands in for the one request whose CDP events Chromium reports
// incompletely (the script of Pagefind's worker, see settle()). Every
// measurement of bytes runs in a fresh browser context (empty cache: a first
// visit).
//
// - parvis: open the home page; count from the click in the header search box
//   (#recherche-entete; the click loads search/meta.js) through the keystrokes
//   (typed DELAY ms apart) until the results of the whole query are in the
//   list (#recherche-entete-resultats li) and the network is quiet, plus the
//   search script js/search.*.js, which the page loads itself.
// - Pagefind: a page of our own (same server) that imports Pagefind's JS API
//   /pagefind/pagefind.js, runs `await pagefind.search(q)` and
//   `await r.data()` for the first 8 results (parvis shows 8); everything
//   from the import on is counted, its worker (pagefind-worker.js, which
//   fetches the index files itself) included.
//
// Time to results (parvis): for 10 queries, from the last keystroke (a
// beforeinput listener's performance.now()) to the rendering of the results of
// the whole query (a MutationObserver's performance.now() when <li> are
// added), cold (fresh context) and warm (the home page opened again in the
// same context: index files come from the HTTP cache).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "package.json"));
const { chromium } = require("playwright-core");

// ---- arguments ----
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const jsonOut = opt("json", null);
const repeats = Number(opt("repeats", 3));
const delay = Number(opt("delay", 120));
const only = opt("only", "all");
const site = path.resolve(args[0] ?? "");
if (!args[0] || !fs.existsSync(path.join(site, "index.html"))) {
  console.error("usage: node bench/search_bytes.mjs SITE [--json FILE] [--repeats N] [--delay MS] [--only bytes|latency]");
  process.exit(2);
}
const hasPagefind = fs.existsSync(path.join(site, "pagefind", "pagefind.js"));
const BYTE_QUERIES = ["imagerie", "thérapie génique patients"];
const LATENCY_QUERIES = [
  "imagerie", "génomique", "cardiologie", "télémédecine", "microbiote",
  "thérapie génique patients", "données de santé", "intelligence artificielle", "vaccins", "robotique",
];
const RESULTS = 8;

// ---- the server: plain files, no compression, same headers for both ----
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".webp": "image/webp", ".xml": "application/xml", ".wasm": "application/wasm",
  ".ico": "image/x-icon", ".woff2": "font/woff2",
};
const PAGEFIND_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><script>
window.runQuery = async (q, n) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const r = await pagefind.search(q);
  const data = await Promise.all(r.results.slice(0, n).map((x) => x.data()));
  return { results: r.results.length, shown: data.map((d) => d.url) };
};
</script></body></html>
`;
// What the server sent, by request target (path and query): status, body
// bytes, and bytes written to the socket (headers included).
let serverLog = new Map();
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const before = req.socket.bytesWritten;
  const send = (status, body, type) => {
    res.on("finish", () => serverLog.set(req.url, { status, body: body.length, wire: req.socket.bytesWritten - before }));
    res.writeHead(status, { "content-type": type, "content-length": body.length, "cache-control": "public, max-age=3600" });
    res.end(body);
  };
  if (rel === "/__bench/pagefind.html") return send(200, Buffer.from(PAGEFIND_PAGE), TYPES[".html"]);
  let p = path.join(site, rel);
  if (p !== site && !p.startsWith(site + path.sep)) return send(403, Buffer.alloc(0), "text/plain");
  fs.stat(p, (err, st) => {
    if (!err && st.isDirectory()) p = path.join(p, "index.html");
    fs.readFile(p, (err2, buf) => {
      if (err2) return send(404, Buffer.from("not found"), "text/plain");
      send(200, buf, TYPES[path.extname(p)] ?? "application/octet-stream");
    });
  });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// ---- network accounting through CDP ----
// The page's own session, plus every dedicated worker it starts: workers are
// attached (paused on start) through the page session with
// Target.setAutoAttach, their Network domain enabled, then resumed.
async function recorder(context, page) {
  const cdp = await context.newCDPSession(page);
  const reqs = new Map(); // requestId -> {url, phase, encoded, body, done, status, cached}
  let phase = "load";
  let nextId = 1;
  // Events of one request may come from two sessions (a worker's own script
  // is announced on the page session, received and finished on the
  // worker's), in any order: an entry is made by whichever comes first.
  const entry = (key) => {
    if (!reqs.has(key)) reqs.set(key, { url: "", phase, wire: 0, encoded: 0, body: 0, done: false, status: 0, cached: false });
    return reqs.get(key);
  };
  const skipped = new Set(); // data: URLs
  const onEvent = (method, params, sendToChild) => {
    const key = params.requestId; // unique in the browser
    if (key && skipped.has(key)) return;
    if (method === "Network.requestWillBeSent") {
      if (params.request.url.startsWith("data:")) { skipped.add(key); reqs.delete(key); return; }
      const r = entry(key);
      r.url ||= params.request.url;
    } else if (method === "Network.responseReceived") {
      const r = entry(key);
      r.status = params.response.status;
      r.cached = !!(params.response.fromDiskCache || params.response.fromMemoryCache);
    } else if (method === "Network.requestServedFromCache") {
      entry(key).cached = true;
    } else if (method === "Network.dataReceived") {
      entry(key).body += params.dataLength;
    } else if (method === "Network.loadingFinished") {
      const r = entry(key);
      r.encoded = params.encodedDataLength;
      r.done = true;
    } else if (method === "Network.loadingFailed") {
      const r = entry(key);
      r.done = true;
      r.failed = params.errorText;
    } else if (method === "Target.attachedToTarget" && sendToChild) {
      // a worker: enable its network events, then let it run
      const sid = params.sessionId;
      sendToChild(sid, "Network.enable", {});
      sendToChild(sid, "Runtime.runIfWaitingForDebugger", {});
    }
  };
  for (const m of ["Network.requestWillBeSent", "Network.responseReceived", "Network.requestServedFromCache",
    "Network.dataReceived", "Network.loadingFinished", "Network.loadingFailed"]) {
    cdp.on(m, (p) => onEvent(m, p));
  }
  // Workers, through the (non-flattened) target messages of the page session.
  const sendToChild = (sessionId, method, params) =>
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: nextId++, method, params }) }).catch(() => {});
  cdp.on("Target.attachedToTarget", (p) => onEvent("Target.attachedToTarget", p, sendToChild));
  cdp.on("Target.receivedMessageFromTarget", (p) => {
    const msg = JSON.parse(p.message);
    if (msg.method) onEvent(msg.method, msg.params ?? {});
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return {
    reqs,
    setPhase(p) { phase = p; },
    // not finished in CDP and not answered by the server either
    inflight() { return [...reqs.values()].filter((r) => !r.done && !(r.url && serverLog.has(target(r.url)))).length; },
    async quiet(ms = 400, timeout = 30000) {
      const t0 = Date.now();
      let since = Date.now();
      let last = -1;
      for (;;) {
        const n = reqs.size;
        if (this.inflight() > 0 || n !== last) { since = Date.now(); last = n; }
        if (Date.now() - since >= ms) return;
        if (Date.now() - t0 > timeout) {
          const open = [...reqs.entries()].filter(([, r]) => !r.done).map(([k, r]) => `${k} ${r.url}`);
          throw new Error(`network never went quiet: ${open.join(", ")}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

// Bytes received for a request: loadingFinished's encodedDataLength.
// The one exception is the script of a dedicated worker (Pagefind's
// pagefind-worker.js): its events come from the worker's target, which is
// attached while the script is already on its way, and Chromium reports them
// incompletely or not at all (a loadingFinished of the header bytes only,
// with or without the body in dataReceived, or nothing). For a request whose
// events do not add up, the bytes the server wrote to the socket for it are
// used instead (headers and body; the same figure CDP gives when complete).
const target = (u) => { const x = new URL(u); return x.pathname + x.search; };
function settle(r) {
  const sent = serverLog.get(target(r.url));
  const complete = r.done && !r.failed && r.encoded >= r.body && !(sent && sent.body > 0 && r.body < sent.body);
  r.wire = complete || !sent ? r.encoded : sent.wire;
  r.from_server = !complete && !!sent;
  if (r.from_server) { r.body = sent.body; r.status ||= sent.status; }
  return r;
}
const wireBytes = (r) => settle(r).wire;
const summarize = (list) => {
  list = list.filter((r) => r.url).map(settle);
  const rel = (u) => { try { const x = new URL(u); return x.pathname + x.search; } catch { return u; } };
  return {
    requests: list.length,
    wire_bytes: list.reduce((a, r) => a + r.wire, 0),
    body_bytes: list.reduce((a, r) => a + r.body, 0),
    from_cache: list.filter((r) => r.cached).length,
    files: list.map((r) => ({ path: rel(r.url), status: r.status, wire: r.wire, body: r.body, cached: r.cached, ...(r.from_server ? { bytes_from_server_log: true } : {}), ...(r.failed ? { failed: r.failed } : {}) })),
  };
};

// Page-side instrumentation for parvis: keystroke and render times.
const PROBE = `
window.__bench = { keys: [], renders: [], excerpts: [] };
// beforeinput, not keydown: a typed "é" may come as text input without a keydown
addEventListener("beforeinput", () => window.__bench.keys.push(performance.now()), true);
document.addEventListener("DOMContentLoaded", () => {
  const list = document.getElementById("recherche-entete-resultats");
  const input = document.getElementById("recherche-entete");
  if (!list) return;
  new MutationObserver((records) => {
    const t = performance.now();
    if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName === "LI")))
      window.__bench.renders.push({ t, value: input.value, items: list.querySelectorAll("li").length });
  }).observe(list, { childList: true });
  // The client tells when the excerpts of a query are in place.
  input.form.addEventListener("parvis:excerpts", (e) =>
    window.__bench.excerpts.push({ t: performance.now(), value: e.detail?.query ?? input.value }));
});
`;

// Types `q` in the header box; resolves when the results of the whole query
// are shown and their excerpts are in place. Returns the timings seen by the
// page.
async function typeQuery(page, q) {
  const input = page.locator("#recherche-entete");
  await input.click();
  await input.pressSequentially(q, { delay });
  // wait for a render after the last keystroke, then for the excerpts of
  // the whole query, then for renders to stop
  await page.waitForFunction(() => {
    const b = window.__bench;
    const lastKey = b.keys[b.keys.length - 1];
    const after = b.renders.filter((r) => r.t > lastKey);
    const excerpts = b.excerpts.filter((r) => r.t > lastKey);
    return after.length > 0 && excerpts.length > 0 && performance.now() - after[after.length - 1].t > 300;
  }, null, { timeout: 30000, polling: 50 });
  const b = await page.evaluate(() => window.__bench);
  const lastKey = b.keys[b.keys.length - 1];
  const after = b.renders.filter((r) => r.t > lastKey);
  const excerpts = b.excerpts.filter((r) => r.t > lastKey);
  const shown = await page.locator("#recherche-entete-resultats li").count();
  const marked = await page.locator("#recherche-entete-resultats li p mark").count();
  const status = await page.locator("#recherche-entete-statut").textContent();
  return {
    keys: b.keys.length,
    ms_to_results: after[after.length - 1].t - lastKey, // the render of the whole query
    ms_to_first_render: after[0].t - lastKey, // any render after the last key (may be a shorter prefix's)
    ms_to_excerpts: excerpts[excerpts.length - 1].t - lastKey, // excerpts of the whole query in place
    renders_after_last_key: after.length,
    value: after[after.length - 1].value,
    shown,
    excerpts_with_marks: marked,
    status, // the live region: how many pages matched
  };
}

async function parvisBytes(q) {
  serverLog = new Map();
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const rec = await recorder(context, page);
  await page.goto(origin + "/", { waitUntil: "load" });
  await rec.quiet();
  rec.setPhase("query");
  const timing = await typeQuery(page, q);
  await rec.quiet();
  const all = [...rec.reqs.values()].filter((r) => r.url);
  const script = all.filter((r) => r.phase === "load" && /\/js\/search\.[^/]*js(\?|$)/.test(r.url));
  const searchAtLoad = all.filter((r) => r.phase === "load" && new URL(r.url).pathname.startsWith("/search/"));
  const query = all.filter((r) => r.phase === "query");
  const counted = [...script, ...searchAtLoad, ...query];
  const out = {
    query: q, ...summarize(counted), script: summarize(script), after_first_key: summarize(query),
    by_kind: byKind(counted), timing,
    server_check_wire_bytes: serverCheck(counted),
  };
  await context.close();
  return out;
}

async function pagefindBytes(q) {
  serverLog = new Map();
  const context = await browser.newContext();
  const page = await context.newPage();
  const rec = await recorder(context, page);
  await page.goto(origin + "/__bench/pagefind.html", { waitUntil: "load" });
  await rec.quiet();
  rec.setPhase("query");
  const t0 = Date.now();
  const r = await page.evaluate(([q, n]) => window.runQuery(q, n), [q, RESULTS]);
  const ms = Date.now() - t0;
  await rec.quiet();
  const counted = [...rec.reqs.values()].filter((x) => x.url && x.phase === "query");
  const out = {
    query: q, ...summarize(counted), by_kind: byKind(counted), results: r.results, shown: r.shown, ms_search_and_data: ms,
    server_check_wire_bytes: serverCheck(counted),
  };
  await context.close();
  return out;
}

// The same requests as the server saw them (a cross-check of the CDP figures).
const serverCheck = (list) => list.filter((r) => r.url).reduce((a, r) => a + (serverLog.get(target(r.url))?.wire ?? 0), 0);

function byKind(list) {
  const kind = (u) => {
    const p = new URL(u).pathname;
    if (/\/js\/search\./.test(p)) return "parvis script";
    if (p === "/search/meta.js") return "parvis meta";
    if (p.startsWith("/search/w/")) return "parvis words";
    if (p.startsWith("/search/p/")) return "parvis postings";
    if (p.startsWith("/search/d/")) return "parvis documents";
    if (p.startsWith("/search/s/")) return "parvis word tails";
    if (p.startsWith("/search/e/")) return "parvis passages";
    if (/pagefind(-worker)?\.js$/.test(p)) return "pagefind js";
    if (/\.pagefind$/.test(p)) return "pagefind wasm";
    if (/\.json$/.test(p)) return "pagefind entry";
    if (/\.pf_meta$/.test(p)) return "pagefind meta";
    if (/\.pf_index$/.test(p)) return "pagefind index";
    if (/\.pf_fragment$/.test(p)) return "pagefind fragments";
    return "other";
  };
  const out = {};
  for (const r of list) {
    const k = kind(r.url);
    out[k] ??= { requests: 0, wire_bytes: 0 };
    out[k].requests++; out[k].wire_bytes += wireBytes(r);
  }
  return out;
}

async function parvisLatency(q) {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(origin + "/", { waitUntil: "load" });
  const cold = await typeQuery(page, q);
  // warm: the home page again in the same context (index files in the HTTP cache)
  await page.goto(origin + "/", { waitUntil: "load" });
  const warm = await typeQuery(page, q);
  await context.close();
  return { query: q, cold, warm };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

const report = { origin, site, delay_ms: delay, results_loaded: RESULTS, chromium: browser.version(), bytes: [], latency: null };
try {
  if (only !== "latency") {
    for (const q of BYTE_QUERIES) {
      const p = [], f = [];
      for (let i = 0; i < repeats; i++) {
        p.push(await parvisBytes(q));
        if (hasPagefind) f.push(await pagefindBytes(q));
      }
      const row = {
        query: q,
        parvis: { wire_bytes: stats(p.map((x) => x.wire_bytes)), body_bytes: stats(p.map((x) => x.body_bytes)), requests: stats(p.map((x) => x.requests)), runs: p },
        pagefind: hasPagefind ? { wire_bytes: stats(f.map((x) => x.wire_bytes)), body_bytes: stats(f.map((x) => x.body_bytes)), requests: stats(f.map((x) => x.requests)), runs: f } : null,
      };
      if (hasPagefind) row.ratio = row.parvis.wire_bytes.median / row.pagefind.wire_bytes.median;
      report.bytes.push(row);
      const s = p[0].script.wire_bytes;
      console.error(`"${q}": parvis ${kb(row.parvis.wire_bytes.median)} in ${row.parvis.requests.median} requests` +
        ` (search script ${kb(s)}; ${p[0].timing.shown} shown, "${p[0].timing.status}")` +
        (hasPagefind ? `; Pagefind ${kb(row.pagefind.wire_bytes.median)} in ${row.pagefind.requests.median} requests` +
          ` (${f[0].results} results); parvis/Pagefind ${row.ratio.toFixed(3)}` : ""));
    }
  }
  if (only !== "bytes") {
    const runs = [];
    for (const q of LATENCY_QUERIES) runs.push(await parvisLatency(q));
    report.latency = {
      queries: LATENCY_QUERIES,
      cold_ms: stats(runs.map((r) => r.cold.ms_to_results)),
      warm_ms: stats(runs.map((r) => r.warm.ms_to_results)),
      cold_excerpts_ms: stats(runs.map((r) => r.cold.ms_to_excerpts)),
      warm_excerpts_ms: stats(runs.map((r) => r.warm.ms_to_excerpts)),
      runs,
    };
    const f = (s) => `median ${s.median.toFixed(1)} ms [${s.min.toFixed(1)}-${s.max.toFixed(1)}]`;
    console.error(`parvis time to results (last keystroke -> results of the whole query): cold ${f(report.latency.cold_ms)}, warm ${f(report.latency.warm_ms)}`);
    console.error(`parvis time to excerpts (last keystroke -> excerpts in place): cold ${f(report.latency.cold_excerpts_ms)}, warm ${f(report.latency.warm_excerpts_ms)}`);
  }
} finally {
  await browser.close();
  server.close();
}
const text = JSON.stringify(report, null, 1);
if (jsonOut) fs.writeFileSync(jsonOut, text); else console.log(text);
