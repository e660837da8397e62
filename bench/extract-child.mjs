// The measured process of bench/local.ts in "extractor" mode: drives the local commits
// extractor over a repository to the end, writes nothing, and prints one JSON line of
// counts and its own peak memory. Plain JavaScript so that it can run the compiled build
// (dist/) under bare node, as users run it; with `--import tsx` it can run the sources.
//
//   node bench/extract-child.mjs <repo> <module-root> <ext> [maxDiffLines]
//   (<module-root>/extractors/commits<ext>, <module-root>/src/git/client<ext>, ...)
import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";

const [repo, root = "dist", ext = ".js", maxDiffLines = "1000"] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(join(resolve(root), `${path}${ext}`)).href);
const { localCommits } = await load("extractors/commits");
const { createGitClient } = await load("src/git/client");
const { createDiffFilter } = await load("src/diff/filter");

const silent = { warn() {}, info() {}, debug() {}, progress() {} };
const started = performance.now();
const counts = { commits: 0, withText: 0, tooLarge: 0, empty: 0, textBytes: 0, lines: 0 };
const extractor = localCommits({ path: repo, git: createGitClient() });
for await (const record of extractor.extract({ diffFilter: createDiffFilter(), maxDiffLines: Number(maxDiffLines), maxDiffBytes: 1_000_000, log: silent })) {
  counts.commits++;
  counts.lines += record.diff.lines;
  if (record.diff.tooLarge) counts.tooLarge++;
  else if (record.diff.text === "") counts.empty++;
  else {
    counts.withText++;
    counts.textBytes += record.diff.text.length;
  }
}
const seconds = (performance.now() - started) / 1000;
// resourceUsage().maxRSS is in kilobytes: this node process only, not its git child.
console.log(JSON.stringify({ ...counts, seconds, nodeMaxRssMB: process.resourceUsage().maxRSS / 1024 }));
