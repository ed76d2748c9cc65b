// Lighthouse (mobile preset, its default) on the URLs given as arguments, in one Chromium.
// Prints one JSON object: {url: {category: score 0-100, ..., failed: [audit ids]}}.
// Run by scripts/lighthouse.py, which builds and serves the site; not meant to be run alone.
//
//   CHROME_PATH=/usr/bin/chromium node scripts/lighthouse-run.mjs URL...

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
// The same flags as the browser tests (tests/browser/conftest.py): nothing leaves the machine.
const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({ chromeFlags: CHROME_FLAGS });
const results = {};
try {
  for (const url of urls) {
    const runner = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES,
      // Screenshots and the back/forward cache check weigh nothing in the scores and take time.
      disableFullPageScreenshot: true,
      skipAudits: ["screenshot-thumbnails", "final-screenshot", "bf-cache"],
    });
    const { categories, audits } = runner.lhr;
    const scores = {};
    for (const id of CATEGORIES) scores[id] = Math.round((categories[id].score ?? 0) * 100);
    // The audits that cost points: what to fix when a score is under 100.
    scores.below_full_marks = Object.values(audits)
      .filter((audit) => audit.score !== null && audit.score < 1
        && ["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode)
        && CATEGORIES.some((id) => categories[id].auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0)))
      .map((audit) => `${audit.id} (${audit.displayValue || audit.score})`);
    results[url] = scores;
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
