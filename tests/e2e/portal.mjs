// Shared set-up of the browser tests: build the portal into a temporary
// folder, serve it on 127.0.0.1 with node's http module, launch Debian's
// Chromium through playwright-core. Not a test file itself (its name does
// not match node's test patterns).

import { spawnSync } from "node:child_process";
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Chromium flags: no network beyond the test server, nothing from Google. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const chromiumPath = process.env.CHROME_PATH || "/usr/bin/chromium";

/** `cargo run --release -- build --out <tmp>/public`; returns the folder.
 *  `links: "files"` builds a copy of the site with that link style (for
 *  pages opened from disk); `baseUrl` is passed as `--base-url`;
 *  `prepare(root)` changes a copy of the site before it is built. */
export function buildPortal({ links, baseUrl, prepare } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "parvis-e2e-"));
  const out = join(dir, "public");
  let root = repoRoot;
  if (links || prepare) {
    root = join(dir, "site");
    for (const part of ["content", "themes", "assets"]) {
      if (existsSync(join(repoRoot, part))) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
    }
    const config = readFileSync(join(repoRoot, "site.toml"), "utf8");
    writeFileSync(join(root, "site.toml"), links ? `links = "${links}"\n${config.replace(/^links\s*=.*$/m, "")}` : config);
    prepare?.(root);
  }
  const args = ["run", "--quiet", "--release", "--", "build", "--quiet", "--root", root, "--out", out];
  if (baseUrl) args.push("--base-url", baseUrl);
  const run = spawnSync("cargo", args, {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (run.status !== 0) {
    throw new Error(`parvis build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { dir, out, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every HTML page of the output, as site paths ("", "en/", "404.html"…). */
export function htmlPages(out) {
  const pages = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".html")) {
        const rel = relative(out, full).split(sep).join("/");
        pages.push(rel.endsWith("index.html") ? rel.slice(0, -"index.html".length) : rel);
      }
    }
  };
  walk(out);
  return pages;
}

/** Whether an output page is a redirect left by an alias (no content to test). */
export function isRedirect(html) {
  return /<meta http-equiv="refresh"/i.test(html);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};

/** Serves `out` on 127.0.0.1 (a free port) under `prefix` ("/" or
 *  "/portail/"); folders answer with index.html, anything missing with
 *  404.html and status 404. */
export async function serve(out, prefix = "/") {
  const root = resolve(out);
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length - 1))));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    let status = 200;
    if (!existsSync(path)) {
      status = 404;
      path = join(root, "404.html");
    }
    res.writeHead(status, { "content-type": types[extname(path)] || "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** The set-up most test files share: before their first test, builds the
 *  portal (`options` as for `buildPortal`), serves it and launches Chromium,
 *  and hands `{ site, server, browser }` to `ready`; after their last test,
 *  closes all three. */
export function servedPortal(options, ready) {
  let site, server, browser;
  before(async () => {
    site = buildPortal(options);
    server = await serve(site.out);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    await ready({ site, server, browser });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.cleanup();
  });
}
