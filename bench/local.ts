// Times the local source against git itself on the same repository, with peak memory.
//
//   node --import tsx bench/local.ts <repo> [--runs 3] [--mode extractor,cli]
//        [--dist dist] [--cli dist/src/cli.js] [--max-diff-lines 1000]
//
// Rows: `git log -p --no-merges` (the target: at most 2x its time), git log with the
// arguments gh-harvest uses (what parsing adds on top of git), the commits extractor
// driven to the end writing nothing (bench/extract-child.mjs on the compiled build, or on
// the sources through tsx when there is no build), and the CLI `gh-harvest local` when
// built. The CLI writes to stdout, which is read and dropped here: `-o /dev/null` would
// have its atomic writer rename a temporary file over /dev/null.
// Peak memory comes from /usr/bin/time -v when present (the largest process of the run,
// git included); the extractor also reports its node process alone.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { logArguments } from "../src/git/commit-stream.js";

interface Measure {
  seconds: number;
  /** User + system CPU time of the process and the children it waited for (git). */
  cpuSeconds: number | undefined;
  peakRssMB: number | undefined;
  stdoutBytes: number;
  stdoutTail: string;
  stderr: string;
}

const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);

async function measure(command: string, args: string[], options: { cwd?: string; input?: string } = {}): Promise<Measure> {
  const [cmd, argv] = hasTime ? [TIME, ["-v", command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
  child.stdin.on("error", () => {});
  child.stdin.end(options.input ?? "");
  let stdoutBytes = 0;
  let stdoutTail = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdoutBytes += chunk.length;
    stdoutTail = (stdoutTail + chunk.toString("utf8")).slice(-4096);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-16384);
  });
  const code = await new Promise<number | null>((done) => child.once("close", done));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr.trim().split("\n").slice(-5).join(" | ")}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : undefined;
  return { seconds, cpuSeconds, peakRssMB: rss ? Number(rss[1]) / 1024 : undefined, stdoutBytes, stdoutTail, stderr };
}

async function best(runs: number, run: () => Promise<Measure>): Promise<Measure> {
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  results.sort((a, b) => a.seconds - b.seconds);
  // The median time; the highest peak memory seen.
  const median = results[Math.floor(results.length / 2)]!;
  const peaks = results.map((r) => r.peakRssMB).filter((p): p is number => p !== undefined);
  return { ...median, peakRssMB: peaks.length > 0 ? Math.max(...peaks) : undefined };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "3" },
    mode: { type: "string", default: "extractor,cli" },
    dist: { type: "string", default: "dist" },
    cli: { type: "string" },
    "max-diff-lines": { type: "string", default: "1000" },
  },
});
const repoArg = positionals[0];
if (!repoArg) {
  console.error("usage: bench/local.ts <repo> [--runs 3] [--mode extractor,cli] [--dist dist] [--cli dist/src/cli.js]");
  process.exit(2);
}
const repo = resolve(repoArg);
const runs = Number(values.runs);
const modes = new Set(values.mode.split(","));
const dist = resolve(values.dist);
const cli = resolve(values.cli ?? `${values.dist}/src/cli.js`);
const here = new URL(".", import.meta.url).pathname;

const rows: { what: string; m: Measure; commits?: number; note?: string }[] = [];
const gitLog = await best(runs, () => measure("git", ["-C", repo, "log", "-p", "--no-merges"]));
rows.push({ what: "git log -p --no-merges", m: gitLog, note: `${(gitLog.stdoutBytes / 2 ** 20).toFixed(0)} MiB of patch` });
const ours = await best(runs, () => measure("git", ["-C", repo, ...logArguments({})], { input: "HEAD\n" }));
rows.push({ what: "git log, gh-harvest's arguments", m: ours, note: `${(ours.stdoutBytes / 2 ** 20).toFixed(0)} MiB` });

if (modes.has("extractor")) {
  const built = existsSync(`${dist}/extractors/commits.js`);
  const [root, ext, loader] = built ? [dist, ".js", []] : [resolve(here, ".."), ".ts", ["--import", "tsx"]];
  const child = resolve(here, "extract-child.mjs");
  const m = await best(runs, () => measure("node", [...loader, child, repo, root, ext, values["max-diff-lines"]]));
  const report = JSON.parse(m.stdoutTail.trim().split("\n").at(-1)!) as { commits: number; nodeMaxRssMB: number; withText: number; tooLarge: number; empty: number };
  rows.push({
    what: `extractor (${built ? "dist" : "sources via tsx"})`,
    m,
    commits: report.commits,
    note: `node alone ${report.nodeMaxRssMB.toFixed(0)} MB; ${report.withText} with text, ${report.empty} empty, ${report.tooLarge} too large`,
  });
}
if (modes.has("cli")) {
  if (existsSync(cli)) {
    const m = await best(runs, () => measure("node", [cli, "local", repo, "-o", "-"]));
    rows.push({ what: "gh-harvest local -o - (CLI)", m, note: `${(m.stdoutBytes / 2 ** 20).toFixed(1)} MiB written` });
  } else {
    console.error(`(no CLI at ${cli}: run npm run build for the CLI row)`);
  }
}

const commits = rows.find((r) => r.commits !== undefined)?.commits;
console.log(`\n${repo}${commits !== undefined ? `: ${commits} non-merge commits` : ""}, median of ${runs} run(s), ${hasTime ? "peak RSS by /usr/bin/time -v" : "no /usr/bin/time: peak RSS unknown"}\n`);
console.log("| what | wall (s) | vs git log -p | CPU (s) | peak RSS (MB) | commits/s | note |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
for (const { what, m, note } of rows) {
  const rate = commits !== undefined ? (commits / m.seconds).toFixed(0) : "";
  console.log(
    `| ${what} | ${m.seconds.toFixed(2)} | ${(m.seconds / gitLog.seconds).toFixed(2)}x | ${m.cpuSeconds?.toFixed(2) ?? "?"} | ${m.peakRssMB?.toFixed(0) ?? "?"} | ${rate} | ${note ?? ""} |`,
  );
}
