// JSONL files for the stats and card tests, in all three formats, with the kinds of text a
// report must survive: diffs, HTML in PR bodies, remote image links, redaction counts.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shapeRecord, type Format } from "../../src/formats.js";
import type { Meta, Triple } from "../../src/records.js";

export const diff = (path: string, removed: string, added: string) =>
  `diff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n--- a/${path}\n+++ b/${path}\n@@ -1,3 +1,3 @@\n def main():\n-    ${removed}\n+    ${added}\n`;

export function triple(n: number, meta: Partial<Meta> = {}, texts: Partial<Triple> = {}): Triple {
  return {
    instruction: "Write a commit message for this change.",
    input: diff(`src/m${n}.py`, `return load_${n}()`, `return await load_${n}()`),
    output: `Await load_${n} in main`,
    ...texts,
    meta: { id: `local:demo@${String(n).padStart(40, "0")}:commit-message`, source: "commit", repo: "demo", mapping: "commit-message", languages: ["python"], ...meta },
  };
}

export interface TempDir {
  dir: string;
  write(name: string, lines: readonly (Triple | string)[], format?: Format): string;
  remove(): void;
}

export function tempDir(prefix = "gh-harvest-stats-"): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, lines, format = "alpaca") {
      const path = join(dir, name);
      writeFileSync(path, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(shapeRecord(l, format)))).join("\n") + "\n");
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** 40 commits (python, rust), 6 PRs (typescript), 3 issues; one hostile PR body; one huge diff. */
export function mixedTriples(): Triple[] {
  const out: Triple[] = [];
  for (let i = 0; i < 30; i++) out.push(triple(i, { repo: "acme/py" }));
  for (let i = 30; i < 40; i++) out.push(triple(i, { repo: "acme/rs", languages: ["rust", "toml"] }, { input: diff(`src/m${i}.rs`, "let x = 1;", "let x = 2;") }));
  for (let i = 0; i < 6; i++) {
    out.push(
      triple(100 + i, { id: `github:acme/web#${i}:pr-description`, source: "pull", repo: "acme/web", mapping: "pr-description", languages: ["typescript"], url: `https://github.com/acme/web/pull/${i}`, ...(i === 0 ? { redacted: { "github-token": 2, "aws-access-key": 1 } } : {}) }, {
        instruction: 'Write a pull request description for the change titled "Async loader".',
        input: diff(`src/l${i}.ts`, "load()", "await load()"),
        output: i === 1 ? `Fixes <script>alert("x")</script> and <img src="https://evil.example/p.png"> & more` : `Make the loader async (${i})`,
      }),
    );
  }
  for (let i = 0; i < 3; i++) out.push(triple(200 + i, { id: `github:acme/web#${50 + i}:issue-answer`, source: "issue", repo: "acme/web", mapping: "issue-answer", languages: undefined }, { instruction: `Why does the loader hang? (${i})`, input: "", output: "Because the event loop is blocked." }));
  out.push(triple(999, { id: "local:demo@huge:commit-message", repo: "acme/py" }, { input: diff("src/big.py", "x", "y".repeat(40_000)) }));
  return out;
}
