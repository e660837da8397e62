// How fast is the redactor, and how often does it fire on real code? Builds a few MB of
// unified diffs from real source files (the packages in node_modules), plants made-up
// credentials from the corpus in some of them, and times scan() and redact() one diff at a
// time, as the pipeline calls them. Reports MB/s, recall on the planted credentials, and every
// other finding (on real code these are false alarms, or secrets that packages ship).
//
//   node --import tsx bench/redact.ts [--mb 4] [--git <repo> [--commits 2000]] [--baseline <redact.ts>]
//                                     [--gitleaks-json <file>] [--secretlint-dir <dir>]
//
// Besides the node_modules diffs, it scans TypeScript's compiler cut into diffs (the code of
// bench/validate.ts's records, where "token" and "key" are on every other line).
// --baseline: another copy of src/redact.ts (an older commit's, checked out elsewhere), timed
//   beside this one in the same run: before/after figures from one machine at one moment.
// --git times `git log -p` on a repository and scans its output: the share of a local run that
//   redaction can take is at most scan time / (git time + scan time).
// --gitleaks-json: gitleaks' config/gitleaks.toml converted to JSON (see bench/README.md);
// --secretlint-dir: a folder where @secretlint/core and its recommended preset are installed.
//   With either, the same figures are printed for that scanner.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { credentialCorpus } from "../fixtures/secrets/credentials.js";
import { createRedactor, summarizeFindings } from "../src/redact.js";
import { gitleaksEngine, secretlintEngine, type Engine } from "../test/redact/engines.js";
import { covers, scoreCorpus } from "../test/redact/evaluate.js";

const { values: args } = parseArgs({
  options: {
    mb: { type: "string", default: "4" },
    git: { type: "string" },
    commits: { type: "string", default: "2000" },
    "gitleaks-json": { type: "string" },
    "secretlint-dir": { type: "string" },
    baseline: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});

interface Diff {
  text: string;
  planted?: string;
}

/** Source files under node_modules, in a stable order, as diffs of up to 300 added lines. */
function buildDiffs(megabytes: number): Diff[] {
  const target = megabytes * 1024 * 1024;
  const diffs: Diff[] = [];
  const secrets = credentialCorpus(11);
  let size = 0;
  let planted = 0;
  for (const file of sourceFiles("node_modules")) {
    const lines = readFileSync(file, "utf8").split("\n");
    for (let at = 0; at < lines.length && size < target; at += 300) {
      const chunk = lines.slice(at, at + 300);
      const body = chunk.map((l, i) => (i % 7 === 3 ? `-${l}` : i % 5 === 0 ? ` ${l}` : `+${l}`)).join("\n");
      let text = `diff --git a/${file} b/${file}\nindex 3f2a9c1..8be4d07 100644\n--- a/${file}\n+++ b/${file}\n@@ -${at + 1},${chunk.length} +${at + 1},${chunk.length} @@\n${body}\n`;
      let secret: string | undefined;
      if (diffs.length % 40 === 17) {
        const sample = secrets[planted++ % secrets.length];
        if (sample) {
          // As planted: a value over several lines (a private key) has the "+" on each of them.
          secret = sample.value.replaceAll("\n", "\n+");
          text += sample.text.split("\n").map((l) => `+${l}`).join("\n") + "\n";
        }
      }
      diffs.push({ text, planted: secret });
      size += text.length;
    }
    if (size >= target) break;
  }
  return diffs;
}

/** The first `megabytes` of TypeScript's compiler as diffs of 300 added lines. */
function typescriptDiffs(megabytes: number): Diff[] {
  const lines = readFileSync("node_modules/typescript/lib/typescript.js", "utf8").split("\n");
  const diffs: Diff[] = [];
  let size = 0;
  for (let at = 0; at < lines.length && size < megabytes * 1024 * 1024; at += 300) {
    const text = `@@ -${at + 1},300 +${at + 1},300 @@\n${lines.slice(at, at + 300).map((l) => `+${l}`).join("\n")}\n`;
    diffs.push({ text });
    size += text.length;
  }
  return diffs;
}

function* sourceFiles(dir: string): Iterable<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) yield* sourceFiles(path);
    else if (/\.(?:[cm]?js|ts|md|json|ya?ml)$/.test(name) && !name.endsWith(".min.js") && stat.size < 512 * 1024) yield path;
  }
}

/** `git log -p` output (message and diff, as a harvest sees them) split per commit, and how long git took. */
function gitDiffs(repo: string, commits: number): { diffs: Diff[]; seconds: number; bytes: number } {
  const t0 = performance.now(); // wall time: git runs in a child process
  const out = execFileSync("git", ["-C", repo, "log", "-p", "--no-color", "--no-ext-diff", "--format=commit %H%n%n%B", `-n${commits}`], { maxBuffer: 1 << 30 }).toString("utf8");
  const seconds = (performance.now() - t0) / 1000;
  const diffs = out.split(/\n(?=commit [0-9a-f]{40}\n)/).map((text) => ({ text }));
  return { diffs, seconds, bytes: out.length };
}

interface Run {
  seconds: number;
  bytes: number;
  recall: string;
  unplanted: Record<string, number>;
  examples: string[];
}

async function run(scan: (t: string) => Promise<{ kind: string; start: number; end: number }[]> | { kind: string; start: number; end: number }[], diffs: Diff[]): Promise<Run> {
  let bytes = 0;
  let caught = 0;
  let plantedCount = 0;
  const unplanted: { kind: string }[] = [];
  const examples: string[] = [];
  // CPU time of this process, best of five passes, each repeating the texts for at least a
  // quarter of a second: on a machine busy with other work, wall time measures the neighbours
  // as much as the redactor, and short passes measure the scheduler.
  let seconds = Infinity;
  let results: { kind: string; start: number; end: number }[][] = [];
  // Warm-up: V8 settles on its optimized code only after some 20 MB of text.
  const warm = cpuSeconds();
  for (let pass = 0; pass < 20 && (pass < 3 || cpuSeconds() - warm < 0.5); pass++) for (const d of diffs) await scan(d.text);
  let repeats = 1;
  for (let pass = 0; pass < 5; pass++) {
    const t0 = cpuSeconds();
    for (let r = 0; r < repeats; r++) {
      results = [];
      bytes = 0;
      for (const d of diffs) {
        results.push(await scan(d.text));
        bytes += d.text.length;
      }
    }
    const elapsed = cpuSeconds() - t0;
    seconds = Math.min(seconds, elapsed / repeats);
    if (pass === 0) repeats = Math.max(1, Math.ceil(0.25 / Math.max(elapsed, 1e-3)));
  }
  diffs.forEach((d, i) => {
    const found = results[i] ?? [];
    let plantedAt = -1;
    if (d.planted) {
      plantedCount++;
      plantedAt = d.text.lastIndexOf(d.planted);
      if (covers(found, plantedAt, plantedAt + d.planted.length)) caught++;
    }
    for (const f of found) {
      if (plantedAt !== -1 && f.start < plantedAt + (d.planted?.length ?? 0) + 200 && f.end > plantedAt - 200) continue;
      unplanted.push(f);
      // Context with the value masked: enough to judge the alarm, never the value itself.
      const line = d.text.slice(d.text.lastIndexOf("\n", f.start) + 1, f.start).slice(-60);
      if (examples.length < 40) examples.push(`${f.kind}: ${JSON.stringify(`${line}<${f.end - f.start} chars>`)}`);
    }
  });
  return { seconds, bytes, recall: `${caught}/${plantedCount}`, unplanted: summarizeFindings(unplanted), examples };
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function report(name: string, r: Run): void {
  const mb = r.bytes / 1024 / 1024;
  console.log(`  ${name}: ${mb.toFixed(1)} MB in ${r.seconds.toFixed(3)} CPU s = ${(mb / r.seconds).toFixed(1)} MB/s; planted caught ${r.recall}; other findings ${JSON.stringify(r.unplanted)}`);
  if (args.verbose) for (const e of r.examples) console.log(`      ${e}`);
}

const redactor = createRedactor();
const engines: Engine[] = [{ name: "gh-harvest redactor (scan)", scan: (t) => redactor.scan(t) }];
if (args.baseline) {
  const baseline = ((await import(resolve(args.baseline))) as { createRedactor: typeof createRedactor }).createRedactor();
  engines.push({ name: `baseline ${args.baseline} (scan)`, scan: (t) => baseline.scan(t) });
}
if (args["gitleaks-json"]) engines.push(await gitleaksEngine(args["gitleaks-json"]));
if (args["secretlint-dir"]) {
  const s = await secretlintEngine(args["secretlint-dir"]);
  if (s) engines.push(s);
  else console.log(`(secretlint not found under ${args["secretlint-dir"]})`);
}

const diffs = buildDiffs(Number(args.mb));
console.log(`node_modules diffs: ${diffs.length} diffs, ${(diffs.reduce((n, d) => n + d.text.length, 0) / 1048576).toFixed(1)} MB, ${diffs.filter((d) => d.planted).length} with a planted credential`);
for (const engine of engines) report(engine.name, await run((t) => engine.scan(t), diffs));
report("gh-harvest redactor (redact)", await run((t) => redactor.redact(t).findings, diffs));

const ts = typescriptDiffs(Number(args.mb));
console.log(`TypeScript compiler diffs: ${ts.length} diffs, ${(ts.reduce((n, d) => n + d.text.length, 0) / 1048576).toFixed(1)} MB`);
for (const engine of engines) report(engine.name, await run((t) => engine.scan(t), ts));

const messages = diffs.slice(0, 2000).map((d) => d.text.slice(0, 300));
function perCall(redact: (text: string) => unknown): number {
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const t0 = cpuSeconds();
    for (let i = 0; i < 100; i++) for (const m of messages) redact(m);
    best = Math.min(best, ((cpuSeconds() - t0) * 1e6) / (messages.length * 100));
  }
  return best;
}
console.log(`  short texts (300 chars, like commit messages): ${perCall((t) => redactor.redact(t)).toFixed(2)} µs per redact() call, ${perCall((t) => redactor.scan(t)).toFixed(2)} µs per scan()`);
for (const engine of engines.filter((e) => e.name.startsWith("baseline"))) {
  console.log(`  ${engine.name}, short texts: ${perCall((t) => engine.scan(t)).toFixed(2)} µs per scan()`);
}

if (args.git) {
  const git = gitDiffs(args.git, Number(args.commits));
  const mb = git.bytes / 1048576;
  console.log(`git log -p of ${args.git}: ${git.diffs.length} commits, ${mb.toFixed(1)} MB in ${git.seconds.toFixed(2)} s = ${(mb / git.seconds).toFixed(1)} MB/s from git alone`);
  for (const engine of engines) {
    const r = await run((t) => engine.scan(t), git.diffs);
    report(engine.name, r);
    console.log(`    share of (git log -p + scan): ${((100 * r.seconds) / (r.seconds + git.seconds)).toFixed(1)}%`);
  }
}

console.log("corpus (test/redact/corpus.test.ts):");
for (const engine of engines) {
  const s = await scoreCorpus((t) => engine.scan(t));
  const missed = Object.entries(s.missedByIssuer).map(([k, v]) => `${k} ${v}`).join(", ");
  console.log(`  ${engine.name}: recall ${s.caught}/${s.credentials} = ${(100 * s.recall).toFixed(1)}%, false alarms ${s.falseAlarms}/${s.lookAlikes} = ${(100 * s.falseAlarmRate).toFixed(1)}%${missed ? `; missed: ${missed}` : ""}`);
  if (args.verbose && s.alarms.length > 0) console.log(`    alarms: ${JSON.stringify(s.alarms)}`);
}
