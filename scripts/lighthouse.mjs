#!/usr/bin/env node
// Lighthouse audit of the portal (mobile, the default preset): builds it,
// serves it on 127.0.0.1 and prints the four category scores of one page of
// every kind, in both languages: home, each list, an entry of each
// collection (a news article among them), the stand-alone pages, a
// taxonomy's index, a term page, the search page and the not-found page —
// the pages the accessibility statement names. Not part of
// CI (scores depend on the machine); run it by hand:
//
//   npm ci && npm run lighthouse            # or: node scripts/lighthouse.mjs
//   node scripts/lighthouse.mjs DIR         # audit an existing build in DIR instead
//   node scripts/lighthouse.mjs DIR /en/    # only the pages given
//
// Needs Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
// Exit code 1 when a score is under 100.

import { spawn } from "node:child_process";
import { join } from "node:path";

import { buildPortal, chromiumArgs, chromiumPath, repoRoot, serve } from "../tests/e2e/portal.mjs";

// The not-found page is audited at its own address: served for a missing
// one, it comes with status 404, which Lighthouse's SEO audit counts against
// any page.
const allPages = {
  "home": ["/", "/en/"],
  "list (operators)": ["/operateurs/", "/en/operators/"],
  "list (institutes)": ["/instituts/", "/en/institutes/"],
  "list (startups)": ["/start-ups/", "/en/startups/"],
  "list (news)": ["/actualites/", "/en/news/"],
  "entry (operator)": ["/operateurs/inserm/", "/en/operators/inserm/"],
  "entry (institute)": ["/instituts/prairie/", "/en/institutes/prairie/"],
  "entry (startup)": ["/start-ups/echonef/", "/en/startups/echonef/"],
  "news article": ["/actualites/quatre-instituts/", "/en/news/four-institutes/"],
  "page": ["/a-propos/", "/en/about/"],
  "page (contact)": ["/contact/", "/en/contact/"],
  "page (legal notice)": ["/mentions-legales/", "/en/legal-notice/"],
  "page (accessibility)": ["/accessibilite/", "/en/accessibility/"],
  "page (site map)": ["/plan-du-site/", "/en/site-map/"],
  "taxonomy index": ["/secteurs/", "/en/sectors/"],
  "term": ["/themes/recherche/", "/en/topics/research/"],
  "search": ["/search/", "/en/search/"],
  "not found": ["/404.html"],
};
const categories = ["performance", "accessibility", "best-practices", "seo"];
const minimum = 100;

/** Runs a command without blocking the event loop (the server answers meanwhile). */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const [given, ...only] = process.argv.slice(2);
const site = given ? { out: given, cleanup() {} } : buildPortal();
const server = await serve(site.out);
const lighthouse = join(repoRoot, "node_modules", ".bin", "lighthouse");
let failed = false;
try {
  console.log(["page", ...categories].join("\t"));
  for (const [kind, paths] of Object.entries(allPages)) {
    for (const path of paths) {
      if (only.length && !only.includes(path)) continue;
      const result = await run(
        lighthouse,
        [
          `${server.origin}${path}`,
          `--only-categories=${categories.join(",")}`,
          "--output=json",
          "--output-path=stdout",
          "--quiet",
          `--chrome-flags=${chromiumArgs.join(" ")}`,
        ],
        { ...process.env, CHROME_PATH: chromiumPath },
      );
      if (result.status !== 0) throw new Error(`lighthouse failed on ${path}:\n${result.stderr}`);
      const report = JSON.parse(result.stdout);
      const scores = categories.map((c) => Math.round(report.categories[c].score * 100));
      // In a category under 100, the scored audits that did not pass.
      const below = categories.filter((c) => report.categories[c].score < 1).flatMap((c) =>
        report.categories[c].auditRefs
          .filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1)
          .map((ref) => `${c}: ${ref.id}`),
      );
      if (scores.some((s) => s < minimum)) failed = true;
      console.log([`${kind} ${path}`, ...scores, below.join(", ")].join("\t"));
    }
  }
} finally {
  await server.close();
  site.cleanup();
}
process.exit(failed ? 1 : 0);

