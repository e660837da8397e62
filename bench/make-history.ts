// Builds a synthetic git history for the local benchmark, fast, with `git fast-import`:
// commits that edit a few lines of a few source files, and now and then add, delete or
// rename a file, touch a lockfile, a binary file, make a huge change or merge a branch.
// The same arguments give the same repository (the random numbers are seeded).
//
//   node --import tsx bench/make-history.ts <new-dir> [--commits 20000] [--files 300] [--seed 1] [--no-repack]
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { mulberry32 } from "../src/curate/hash.js";

export interface HistoryOptions {
  commits: number;
  files: number;
  seed: number;
  /** Repack like a clone would be (git repack -adf); default in the command: on. */
  repack?: boolean;
}

/** A small, seeded generator (mulberry32): a benchmark must be repeatable. */
function random(seed: number) {
  const next = mulberry32(seed);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const VERBS = ["Fix", "Add", "Remove", "Refactor", "Improve", "Document", "Speed up", "Simplify", "Handle", "Rename"];
const THINGS = ["the parser", "error handling", "the cache", "retry logic", "the config loader", "logging", "the CLI flags", "date parsing", "the HTTP client", "tests for the store"];
const PEOPLE = Array.from({ length: 20 }, (_, i) => `Dev${i} <dev${i}@example.com>`);

function codeLine(rng: ReturnType<typeof random>, n: number): string {
  const indent = "  ".repeat(rng.int(3));
  return `${indent}const value${n} = compute(${rng.int(1000)}, "${rng.pick(THINGS)}"); // step ${rng.int(100)}`;
}

/** The fast-import stream, piece by piece, so a long history never sits in memory whole. */
export function* fastImportStream(options: HistoryOptions): Generator<string | Buffer> {
  const rng = random(options.seed);
  const files = new Map<string, string[]>();
  let serial = 0;
  const newFile = (lines: number) => Array.from({ length: lines }, () => codeLine(rng, serial++));
  for (let i = 0; i < options.files; i++) files.set(`src/module${i % 17}/file${i}.ts`, newFile(40 + rng.int(120)));

  let mark = 0;
  let time = 1_600_000_000;
  const data = (content: string | Buffer) => {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    return [`data ${bytes.length}\n`, bytes, "\n"];
  };
  const modify = (path: string) => ["M 100644 inline ", path, "\n", ...data(`${files.get(path)!.join("\n")}\n`)];
  const header = (branch: string, message: string, from?: number, merge?: number) => {
    time += 60 + rng.int(3600);
    const who = rng.pick(PEOPLE);
    const parts = [`commit refs/heads/${branch}\nmark :${++mark}\nauthor ${who} ${time} +0000\ncommitter ${who} ${time} +0000\n`, ...data(message)];
    if (from !== undefined) parts.push(`from :${from}\n`);
    if (merge !== undefined) parts.push(`merge :${merge}\n`);
    return parts;
  };
  const message = () => {
    const subject = `${rng.pick(VERBS)} ${rng.pick(THINGS)}`;
    return rng.next() < 0.4 ? `${subject}\n\n${rng.pick(VERBS)} ${rng.pick(THINGS)} so that ${rng.pick(THINGS)} keeps working.\n` : `${subject}\n`;
  };
  const edit = (path: string) => {
    const lines = files.get(path)!;
    for (let hunks = 1 + rng.int(3); hunks > 0; hunks--) {
      const at = rng.int(lines.length + 1);
      const removed = Math.min(rng.int(4), lines.length - at);
      lines.splice(at, removed, ...newFile(rng.int(5) + (removed === 0 ? 1 : 0)));
    }
  };

  yield* header("main", "Start the project\n");
  yield "deleteall\n";
  for (const path of files.keys()) yield* modify(path);
  yield "\n";
  let main = mark;

  while (mark < options.commits) {
    const paths = [...files.keys()];
    const dice = rng.next();
    if (dice < 0.004 && mark + 3 <= options.commits) {
      // A side branch with one commit, one more on main, and the merge of both.
      const sidePath = rng.pick(paths);
      yield* header("side", message(), main);
      edit(sidePath);
      yield* modify(sidePath);
      const side = mark;
      yield* header("main", message(), main);
      const mainPath = rng.pick(paths.filter((p) => p !== sidePath));
      edit(mainPath);
      yield* modify(mainPath);
      yield* header("main", "Merge branch 'side'\n", mark, side);
      yield* modify(sidePath);
      main = mark;
      continue;
    }
    const parts = header("main", message(), main);
    main = mark;
    if (dice < 0.05) {
      const path = `src/module${rng.int(17)}/new${serial}.ts`;
      files.set(path, newFile(30 + rng.int(100)));
      parts.push(...modify(path));
    } else if (dice < 0.07 && files.size > 10) {
      const path = rng.pick(paths);
      files.delete(path);
      parts.push(`D ${path}\n`);
    } else if (dice < 0.1) {
      const from = rng.pick(paths);
      const to = from.replace(/[^/]+$/, `moved${serial++}.ts`);
      files.set(to, files.get(from)!);
      files.delete(from);
      parts.push(`R ${from} ${to}\n`);
      edit(to);
      parts.push(...modify(to));
    } else if (dice < 0.13) {
      const lock = Array.from({ length: 300 }, (_, i) => `    "dep-${i}": "^${rng.int(9)}.${rng.int(20)}.${rng.int(30)}"`);
      parts.push("M 100644 inline package-lock.json\n", ...data(`{\n${lock.join(",\n")}\n}\n`));
    } else if (dice < 0.14) {
      const bytes = Buffer.alloc(2048 + rng.int(4096));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
      parts.push("M 100644 inline assets/image.bin\n", ...data(bytes));
    } else if (dice < 0.15) {
      const path = `data/table${serial}.ts`;
      files.set(path, newFile(1500));
      parts.push(...modify(path));
    } else {
      for (const path of new Set(Array.from({ length: 1 + rng.int(3) }, () => rng.pick(paths)))) {
        edit(path);
        parts.push(...modify(path));
      }
    }
    parts.push("\n");
    yield* parts;
  }
  yield "done\n";
}

export async function makeHistory(dir: string, options: HistoryOptions): Promise<void> {
  await mkdir(dir, { recursive: true });
  const run = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn("git", args, { cwd: dir, stdio: "inherit" });
      child.once("error", reject);
      child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`git ${args[0]} exited with ${code}`))));
    });
  await run(["init", "-q", "--initial-branch=main"]);
  const importer = spawn("git", ["fast-import", "--quiet", "--done"], { cwd: dir, stdio: ["pipe", "inherit", "inherit"] });
  const exited = once(importer, "close");
  for (const piece of fastImportStream(options)) {
    if (!importer.stdin.write(piece)) await once(importer.stdin, "drain");
  }
  importer.stdin.end();
  const [code] = await exited;
  if (code !== 0) throw new Error(`git fast-import exited with ${code}`);
  await run(["reset", "-q", "--hard", "main"]);
  // fast-import writes a loosely deltified pack (five times the size here); a clone from a
  // server is packed properly, and git log reads a proper pack faster and in less memory.
  if (options.repack) await run(["repack", "-a", "-d", "-f", "-q"]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      commits: { type: "string", default: "20000" },
      files: { type: "string", default: "300" },
      seed: { type: "string", default: "1" },
      "no-repack": { type: "boolean", default: false },
    },
  });
  const dir = positionals[0];
  if (!dir) {
    console.error("usage: make-history.ts <new-dir> [--commits 20000] [--files 300] [--seed 1] [--no-repack]");
    process.exit(2);
  }
  const started = Date.now();
  await makeHistory(dir, {
    commits: Number(values.commits),
    files: Number(values.files),
    seed: Number(values.seed),
    repack: !values["no-repack"],
  });
  console.error(`${dir}: ${values.commits} commits in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
