// `gh-harvest validate` against the course's eight-line check (json.loads on each line and
// two asserts), on the same generated file in the same run; then peak memory on a 1 GB
// file; then the tokenizers. Needs python3 and GNU time (/usr/bin/time).
//
//   node --import tsx bench/validate.ts [--size 100MB] [--big 1GB] [--rounds 3] [--keep]
//
// The files go to the OS temp folder and are deleted at the end unless --keep. gh-harvest
// runs built (tsc into a temp folder), as `node dist/src/cli.js validate` would.
//
// python3 is timed as the interpreter itself (sys.executable), not through whatever `python3`
// is on the PATH: a version manager's shim (pyenv's is a bash script) added 0.27 s to each run
// here, which had flattered every ratio before. The same eight lines in JavaScript (JSON.parse
// on each line and the two checks, nothing else) show node's own floor on this machine.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PROBLEM_CODES } from "../src/validate/problem.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "100MB" },
    big: { type: "string", default: "1GB" },
    rounds: { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
  },
});
const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "gh-harvest-bench-validate-"));
const rounds = Number(values.rounds);

const COURSE = `import json, sys
with open(sys.argv[1]) as f:
    for line in f:
        ex = json.loads(line)
        assert "instruction" in ex
        assert "output" in ex
`;

// The course's loop in node: lines split from 2 MB reads into one reused buffer (the partial
// last line moved to its front), JSON.parse, the two checks. No validation at all: the floor
// that every `validate` check is added to. (Concatenating each read to the carried line, as
// this loop did until 2026-11, cost it 0.15 s per 100 MB of fresh memory.)
const COURSE_JS = `import { openSync, readSync } from "node:fs";
const fd = openSync(process.argv[2]);
const buffer = Buffer.allocUnsafe(1 << 21);
let keep = 0;
for (let n; (n = readSync(fd, buffer, keep, buffer.length - keep)) > 0; ) {
  const end = keep + n;
  let start = 0;
  for (let nl = buffer.indexOf(10); nl >= 0 && nl < end; nl = buffer.indexOf(10, start)) {
    const ex = JSON.parse(buffer.toString("utf8", start, nl));
    if (!("instruction" in ex) || !("output" in ex)) throw new Error("assert");
    start = nl + 1;
  }
  if (start === 0 && end === buffer.length) throw new Error("a line longer than the buffer");
  buffer.copy(buffer, 0, start, end);
  keep = end - start;
}
`;

/** The interpreter `python3` runs, past any shim on the PATH. */
function pythonInterpreter(): string {
  return execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
}

interface Run {
  wall: number;
  cpu: number;
  rssMB: number;
  status: number | null;
  tail: string;
}

function timed(cmd: string, args: string[]): Run {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench: ${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  const stats = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  const [wall, user, sys, rssKB] = stats as [number, number, number, number];
  return { wall, cpu: user + sys, rssMB: rssKB / 1024, status: r.status, tail: r.stdout.trim().split("\n").at(-1) ?? "" };
}

function generate(size: string, name: string): string {
  const file = join(work, name);
  execFileSync(process.execPath, ["--import", "tsx", join(root, "bench/gen-validate-data.ts"), "--out", file, "--size", size], { stdio: "inherit", cwd: root });
  return file;
}

/** The package as npm ci would lay it out (dist/ beside package.json and mappings/), in the temp folder. */
function build(): string {
  const pkg = join(work, "pkg");
  // Emit even if a file elsewhere does not typecheck mid-work: the validator is what is timed.
  spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json"), "--outDir", join(pkg, "dist")], { stdio: "ignore" });
  for (const name of ["node_modules", "package.json", "mappings"]) symlinkSync(join(root, name), join(pkg, name));
  const cli = join(pkg, "dist/src/cli.js");
  if (!existsSync(cli)) throw new Error("bench: the build did not produce src/cli.js");
  return cli;
}

const best = (runs: Run[]) => runs.reduce((a, b) => (b.wall < a.wall ? b : a));
const row = (name: string, r: Run, base?: Run) =>
  `| ${name} | ${r.wall.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.rssMB.toFixed(0)} MB | ${base ? `${(r.wall / base.wall).toFixed(2)}x` : "1.00x"} |`;

try {
  const cli = build();
  const course = join(work, "course.py");
  writeFileSync(course, COURSE);
  const courseJs = join(work, "course.mjs");
  writeFileSync(courseJs, COURSE_JS);
  const python = pythonInterpreter();
  console.log(`python: ${python}`);
  const file = generate(values.size, "bench.jsonl");
  const empty = join(work, "empty.jsonl");
  writeFileSync(empty, "");
  const variants: [string, string[]][] = [
    ["node, the course's loop in JavaScript (no checks)", [courseJs, file]],
    // Under 128 MB, every check runs in one thread (PARALLEL_MIN_BYTES); the 1 GB run below uses workers.
    ["gh-harvest validate (every check)", [cli, "validate", file]],
    ["gh-harvest validate --ignore secret", [cli, "validate", "--ignore", "secret", file]],
    ["gh-harvest validate --ignore secret,duplicate", [cli, "validate", "--ignore", "secret,duplicate", file]],
    ["gh-harvest validate --json", [cli, "validate", "--json", file]],
    // The engine with no check on: reading, JSON.parse, shapes, results, the report.
    ["gh-harvest validate --ignore (every check it may)", [cli, "validate", "--ignore", PROBLEM_CODES.join(","), file]],
    // Start-up alone: node, commander and the validate modules.
    ["gh-harvest validate (empty file)", [cli, "validate", empty]],
    // Node itself.
    ["node, an empty script", [empty]],
  ];
  const runs = new Map<string, Run[]>();
  // Interleaved, so that a busy moment of the machine hits every variant alike.
  for (let i = 0; i < rounds; i++) {
    runs.set("python3 course script", [...(runs.get("python3 course script") ?? []), timed(python, [course, file])]);
    for (const [name, args] of variants) runs.set(name, [...(runs.get(name) ?? []), timed(process.execPath, args)]);
  }
  const base = best(runs.get("python3 course script")!);
  console.log(`\n${values.size} file, best of ${rounds} (wall, CPU user+sys, peak RSS, wall vs python); load average ${loadavg()[0]!.toFixed(1)}:\n`);
  console.log("| command | wall | CPU | peak RSS | vs course |\n| --- | --- | --- | --- | --- |");
  for (const [name, list] of runs) console.log(row(name, best(list), base));
  console.log(`\nvalidate said: ${best(runs.get("gh-harvest validate (every check)")!).tail}`);

  // Tokenizers on a 10 MB slice: exact counting is the slow part.
  const small = generate("10MB", "tokens.jsonl");
  console.log("\n10MB file, tokenizers:\n\n| tokenizer | wall | CPU | peak RSS |\n| --- | --- | --- | --- |");
  for (const t of ["approx", "o200k", "cl100k"]) {
    const r = timed(process.execPath, [cli, "validate", "--tokenizer", t, "--ignore", "secret", small]);
    console.log(`| ${t} | ${r.wall.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.rssMB.toFixed(0)} MB |`);
  }
  rmSync(small);

  if (values.big !== "0") {
    rmSync(file);
    const big = generate(values.big, "big.jsonl");
    console.log(`\n${values.big} file, once (load average ${loadavg()[0]!.toFixed(1)}):\n\n| command | wall | CPU | peak RSS | vs course |\n| --- | --- | --- | --- | --- |`);
    const py = timed(python, [course, big]);
    console.log(row("python3 course script", py));
    console.log(row("gh-harvest validate (every check)", timed(process.execPath, [cli, "validate", big]), py));
    console.log(row("gh-harvest validate --jobs 0", timed(process.execPath, [cli, "validate", "--jobs", "0", big]), py));
    console.log(row("node, the course's loop in JavaScript (no checks)", timed(process.execPath, [courseJs, big]), py));
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`\nkept ${work}`);
}
