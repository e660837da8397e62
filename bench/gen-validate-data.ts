// Writes a realistic alpaca JSONL dataset of a given size for bench/validate.ts: records
// shaped like gh-harvest's own output (commit messages, PR descriptions, review comments,
// issue answers) whose inputs are unified diffs cut from real source files. The code comes
// from packages in node_modules (TypeScript's compiler, commander, zod...), so its token
// and byte statistics are those of real code, not of lorem ipsum. Deterministic (seeded).
//
//   node --import tsx bench/gen-validate-data.ts --out /tmp/v.jsonl --size 100MB [--seed 1] [--broken 0.01]
//
// --broken F mixes a fraction F of lines with problems (bad JSON, placeholders, secrets,
// duplicates...) in; the default 0 keeps every line acceptable to the course's script.
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { mulberry32 } from "../src/curate/hash.js";

const SOURCES = [
  "node_modules/typescript/lib/typescript.js",
  "node_modules/commander/lib/command.js",
  "node_modules/zod/v4/core/schemas.js",
  "node_modules/yaml/dist/compose/composer.js",
  "node_modules/simple-git/dist/cjs/index.js",
  "node_modules/typescript/lib/lib.dom.d.ts",
  "node_modules/picomatch/lib/parse.js",
];
const PROSE = ["node_modules/commander/Readme.md", "node_modules/picomatch/README.md", "node_modules/debug/README.md"];


function loadLines(paths: string[], maxBytesEach: number): string[] {
  const lines: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const text = readFileSync(p, "utf8").slice(0, maxBytesEach);
    for (const line of text.split("\n")) if (line.length < 200) lines.push(line.replace(/\r$/, ""));
  }
  if (lines.length < 1000) throw new Error("bench: run from the repository root after npm ci (source files not found)");
  return lines;
}

const VERBS = ["Fix", "Add", "Remove", "Refactor", "Handle", "Support", "Rename", "Simplify", "Avoid", "Update"];
const THINGS = [
  "the parser's error recovery", "a race in the watcher", "retry on 502 responses", "the cache key for nested modules",
  "option parsing of repeated flags", "Unicode escapes in identifiers", "the default timeout", "the help output",
  "type narrowing after an assertion", "a leak in the event loop", "empty arrays in the schema", "Windows paths",
];

export function createRecordMaker(seed: number) {
  const rand = mulberry32(seed);
  const code = loadLines(SOURCES, 3_000_000);
  const prose = loadLines(PROSE, 200_000).filter((l) => l.trim().length > 40);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // Diff sizes are heavy-tailed: most commits are small, a few approach --max-diff-lines.
  const diffLines = () => Math.min(1000, Math.max(4, Math.round(Math.exp(3.6 + rand() * 1.1 + rand() * 1.1))));
  const mutate = (line: string) => line.replace(/\b([a-z])([A-Za-z]{2,})\b/, (_m, a: string, b: string) => a + b + "2");

  function diff(): string {
    let budget = diffLines();
    const out: string[] = [];
    const files = 1 + Math.floor(rand() * 4);
    for (let f = 0; f < files && budget > 0; f++) {
      const path = `src/${pick(["core", "cli", "util", "parser", "net"])}/${pick(["index", "options", "scanner", "emit", "cache"])}.ts`;
      out.push(`diff --git a/${path} b/${path}`, `index ${hex(7)}..${hex(7)} 100644`, `--- a/${path}`, `+++ b/${path}`);
      const n = Math.max(3, Math.round(budget / (files - f)));
      let start = Math.floor(rand() * (code.length - n - 1));
      out.push(`@@ -${start + 1},${n} +${start + 1},${n} @@`);
      for (let i = 0; i < n; i++, start++) {
        const line = code[start] ?? "";
        const r = rand();
        if (r < 0.15) out.push(`-${line}`, `+${mutate(line)}`);
        else if (r < 0.25) out.push(`+${line}`);
        else out.push(` ${line}`);
      }
      budget -= n;
    }
    return out.join("\n") + "\n";
  }
  const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(rand() * 16)]).join("");
  const paragraph = (k: number) => Array.from({ length: k }, () => pick(prose).trim()).join(" ");

  let n = 0;
  return function makeRecord(): Record<string, unknown> {
    n++;
    const kind = rand();
    const subject = `${pick(VERBS)} ${pick(THINGS)}`;
    const sha = hex(40);
    if (kind < 0.6) {
      return {
        instruction: "Write a commit message for the following change.",
        input: diff(),
        output: `${subject}\n\n${paragraph(1 + Math.floor(rand() * 3))}`,
        meta: { id: `local:bench@${sha}:commit-message`, source: "commit", repo: "bench", mapping: "commit-message", sha },
      };
    }
    if (kind < 0.85) {
      const body = `## Summary\n\n${paragraph(2)}\n\n## Changes\n\n- ${subject}\n- ${paragraph(1)}\n\n\`\`\`ts\n${pick(code)}\n\`\`\`\n\nCloses #${n}. Thanks to Zoë and Łukasz for the review — 👍`;
      return {
        instruction: `Write a pull request description for the following change titled "${subject}".`,
        input: diff(),
        output: body,
        meta: { id: `github:acme/widgets#${n}:pr-description`, source: "pull", repo: "acme/widgets", mapping: "pr-description", url: `https://github.com/acme/widgets/pull/${n}` },
      };
    }
    if (kind < 0.95) {
      const hunk = diff().split("\n").slice(4, 30).join("\n");
      return {
        instruction: "Review the following change to src/core/index.ts.",
        input: hunk,
        output: paragraph(1 + Math.floor(rand() * 2)),
        meta: { id: `github:acme/widgets#r${n}:review-comment`, source: "review-comment", repo: "acme/widgets", mapping: "review-comment", url: `https://github.com/acme/widgets/pull/${n}#discussion_r${n}` },
      };
    }
    return {
      instruction: `${subject} does not work when the config file is missing\n\n${paragraph(2)}`,
      input: "",
      output: `${paragraph(2)}\n\n\`\`\`js\n${pick(code)}\n${pick(code)}\n\`\`\``,
      meta: { id: `github:acme/widgets#${n}:issue-answer`, source: "issue", repo: "acme/widgets", mapping: "issue-answer", url: `https://github.com/acme/widgets/issues/${n}` },
    };
  };
}

/** A broken line of one kind, for the mixed files: what validate must find. */
export function brokenLine(good: Record<string, unknown>, i: number, previous: string): string {
  const kinds = [
    () => JSON.stringify(good).slice(0, -1) + ',"x":1,}',
    () => JSON.stringify(good).slice(0, 200),
    () => JSON.stringify({ ...good, output: "<your_code_here>" }),
    () => JSON.stringify({ ...good, output: "" }),
    () => JSON.stringify({ ...good, input: `token = ghp_${"a1B2c3D4e5".repeat(3)}abcdef\n${String(good.input)}` }),
    () => previous,
    () => JSON.stringify({ instruction: "Fix this.", input: good.input, output: good.output, meta: good.meta }),
  ];
  return (kinds[i % kinds.length] as () => string)();
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: "string" }, size: { type: "string", default: "100MB" }, seed: { type: "string", default: "1" }, broken: { type: "string", default: "0" } },
  });
  if (!values.out) throw new Error("usage: gen-validate-data.ts --out FILE --size 100MB");
  const target = parseSize(values.size);
  const broken = Number(values.broken);
  const make = createRecordMaker(Number(values.seed));
  const rand = mulberry32(Number(values.seed) + 7);
  const out = createWriteStream(values.out);
  let bytes = 0;
  let lines = 0;
  let previous = "";
  while (bytes < target) {
    const record = make();
    let line = JSON.stringify(record);
    if (broken > 0 && rand() < broken && previous) line = brokenLine(record, lines, previous);
    previous = line;
    bytes += Buffer.byteLength(line) + 1;
    lines++;
    if (!out.write(line + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  process.stderr.write(`wrote ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB to ${values.out}\n`);
}

export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(s.trim());
  if (!m) throw new Error(`bad size ${s}: use e.g. 100MB or 1GB`);
  const unit = { KB: 1e3, MB: 1e6, GB: 1e9 }[(m[2] ?? "").toUpperCase() as "KB"] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
