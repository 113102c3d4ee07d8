#!/usr/bin/env node
// Lighthouse audit of the portal (mobile, the default preset): builds it,
// serves it on 127.0.0.1 and prints the four category scores of the home
// page, a list page and an entry page. Not part of CI (scores depend on the
// machine); run it by hand:
//
//   npm ci && npm run lighthouse            # or: node scripts/lighthouse.mjs
//   node scripts/lighthouse.mjs DIR         # audit an existing build in DIR instead
//
// Needs Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
// Exit code 1 when a score is under 95.

import { spawn } from "node:child_process";
import { join } from "node:path";

import { buildPortal, chromiumArgs, chromiumPath, repoRoot, serve } from "../tests/e2e/portal.mjs";

const pages = {
  home: "/",
  "list (start-ups)": "/start-ups/",
  "entry (institute)": "/instituts/prairie/",
};
const categories = ["performance", "accessibility", "best-practices", "seo"];
const minimum = 95;

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

const given = process.argv[2];
const site = given ? { out: given, cleanup() {} } : buildPortal();
const server = await serve(site.out);
const lighthouse = join(repoRoot, "node_modules", ".bin", "lighthouse");
let failed = false;
try {
  console.log(["page", ...categories].join("\t"));
  for (const [name, path] of Object.entries(pages)) {
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
    if (scores.some((s) => s < minimum)) failed = true;
    console.log([`${name} ${path}`, ...scores].join("\t"));
  }
} finally {
  await server.close();
  site.cleanup();
}
process.exit(failed ? 1 : 0);
