// Datasets for the validate tests: good records in the shapes gh-harvest writes, and broken
// lines of every kind, each with the codes validate must report on it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TOKEN = `ghp_${"A1b2C3d4E5".repeat(3)}x9Y8z7`; // made up: the github-token shape, 36 characters after ghp_

const DIFF = [
  "diff --git a/src/cache.ts b/src/cache.ts",
  "index 3b18e51..a9c2f07 100644",
  "--- a/src/cache.ts",
  "+++ b/src/cache.ts",
  "@@ -10,7 +10,8 @@ export class Cache {",
  "   get(key: string): string | undefined {",
  "-    return this.map.get(key);",
  "+    const hit = this.map.get(key);",
  "+    return hit ?? this.fallback?.get(key);",
  "   }",
  "",
].join("\n");

let n = 0;
/** A good alpaca record; each call differs, so good lines are never duplicates. */
export function good(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n++;
  return {
    instruction: "Write a commit message for the following change.",
    input: DIFF.replace("10,8", `${10 + n},8`),
    output: `Fall back to the parent cache on a miss (${n})\n\nA child cache now asks its parent before giving up, so entries set at startup are found again.`,
    meta: { id: `local:demo@${String(n).padStart(7, "0")}:commit-message`, source: "commit", repo: "demo", mapping: "commit-message", sha: "0".repeat(40) },
    ...overrides,
  };
}

export const line = (record: unknown) => JSON.stringify(record);

export interface Case {
  text: string;
  codes: string[];
}

/** An alpaca file: broken lines of every code, each between good ones. */
export function alpacaCases(): Case[] {
  const first = good();
  const mixedDiff = `diff --git a/Makefile b/Makefile\n--- a/Makefile\n+++ b/Makefile\n@@ -1,3 +1,4 @@\n build:\n \tgo build ./...\n+    go vet ./...\n`;
  const broken: Case[] = [
    { text: line(good()).replace(/}}$/, "},}"), codes: ["trailing-comma"] },
    // A line of a JSON array, comma and all: reported, and still checked past it.
    { text: `${line(good({ output: "TODO: implement" }))},`, codes: ["placeholder", "trailing-comma"] },
    { text: line(good()).slice(0, 120), codes: ["invalid-json"] },
    { text: line({ ...good(), output: undefined }), codes: ["missing-field"] },
    { text: line(good({ instruction: 42 })), codes: ["wrong-type"] },
    { text: line(good({ output: "  " })), codes: ["empty-field"] },
    { text: line(good({ output: "def parse(s):\n    <your_code_here>" })), codes: ["placeholder"] },
    { text: line(good({ output: "TODO: implement" })), codes: ["placeholder"] },
    { text: line(good({ output: "Lorem ipsum dolor sit amet, consectetur adipiscing elit." })), codes: ["placeholder"] },
    { text: line(first), codes: ["duplicate"] },
    { text: line(good({ input: `const token = "${TOKEN}";\n` })), codes: ["secret"] },
    { text: line({ ...good(), id: 7 }), codes: ["inconsistent-fields"] },
    { text: line(good({ instruction: "Fix this." })), codes: ["vague-instruction"] },
    { text: line(good({ instruction: "Do something better with this code" })), codes: ["vague-instruction"] },
    { text: line(good({ instruction: "Write a function that parses ISO dates and explain how it handles time zones." })), codes: ["compound-instruction"] },
    { text: line(good({ instruction: "The function below should be rewritten to use async/await." })), codes: ["passive-instruction"] },
    { text: line(good({ input: mixedDiff })), codes: ["mixed-indentation"] },
    { text: line(good({ output: "Use this:\n\n```ts\nconst x = 1;\n" })), codes: ["unbalanced-fence"] },
    { text: line(good({ input: "+    total += price(item, quantity);\n".repeat(700) })), codes: ["too-long"] },
    { text: line(good({ output: "broken \ud800 surrogate" })), codes: ["invalid-utf8"] },
    { text: "[1, 2, 3]", codes: ["wrong-type"] },
    { text: "", codes: [] },
    { text: line(good({ output: "<your_code_here>", input: `key = "${TOKEN}"` })), codes: ["placeholder", "secret"] },
    // A hand-merged line: JSON.parse keeps the second output, and the first is lost.
    { text: line(good()).replace(/^\{/, '{"output": "Cache misses fall back to the parent.", '), codes: ["duplicate-key"] },
    // JSON inside a string ("output": in the diff's text) is no key of the record.
    { text: line(good({ input: '+{"output": "a", "output": "b"}\n' })), codes: [] },
  ];
  const cases: Case[] = [{ text: line(first), codes: [] }];
  for (const b of broken) cases.push(b, { text: line(good()), codes: [] }, { text: line(good()), codes: [] });
  return cases;
}

export function openaiCases(): Case[] {
  const chat = (messages: unknown[], extra: Record<string, unknown> = {}) => line({ messages, meta: { id: `x${++n}`, source: "commit", repo: "demo", mapping: "commit-message" }, ...extra });
  const user = (content: unknown) => ({ role: "user", content });
  const assistant = (content: unknown) => ({ role: "assistant", content });
  const ok = () => chat([user(`Write a commit message for the following change.\n\n${DIFF}${++n}`), assistant(`Fall back to the parent cache on a miss (${n})`)]);
  const broken: Case[] = [
    { text: line({ meta: { id: "y", source: "commit", repo: "demo", mapping: "m" }, prompt: "hi" }), codes: ["missing-field", "inconsistent-fields"] },
    { text: chat([{ role: "bot", content: "Hi there, I am a bot." }, assistant("Hello.")]), codes: ["unknown-role"] },
    { text: chat([{ ...user("Write a haiku about caching layers."), mood: "calm" }, assistant("Old keys fade away")]), codes: ["unknown-key"] },
    { text: chat([user("Write a haiku about caching layers.")]), codes: ["missing-assistant"] },
    { text: chat([user("Write a haiku about caching layers."), assistant(42)]), codes: ["wrong-type"] },
    { text: chat([]), codes: ["empty-field"] },
    { text: chat([user("Look up the latest release of the widgets repository."), { role: "assistant", content: null, tool_calls: [] }]), codes: ["wrong-type"] },
    { text: chat([{ from: "human", value: "Write a haiku about caching layers." }, { from: "gpt", value: "Old keys fade away" }]), codes: ["missing-field"] },
    { text: chat([user("Summarize the release notes for version 2."), { ...assistant("Version 2 adds a cache."), weight: 2 }]), codes: ["wrong-type"] },
    // A blank line inside pasted code is not where the ask ends: the fence closes in the turn.
    { text: chat([user("Why does this print /tmp?\n```python\nimport os\n\nos.chdir('/tmp')\nprint(os.getcwd())\n```"), assistant("Because chdir runs first.")]), codes: [] },
    { text: chat([user("Why does this print /tmp?\n```python\nimport os\n\nos.chdir('/tmp')"), assistant("Because chdir runs first.")]), codes: ["unbalanced-fence"] },
    { text: chat([user("Write a haiku about merge conflicts."), assistant("Old keys fade away")]).replace('"content":"Old', '"content":"Draft","content":"Old'), codes: ["duplicate-key"] },
    // OpenAI trains on every assistant message: a closing user turn is no error.
    { text: chat([user("What is the capital of Peru?"), assistant("Lima."), user("Thanks!")]), codes: [] },
  ];
  const toolCall = chat([
    { role: "system", content: "You are a release assistant." },
    user("Look up the latest release of the widgets repository."),
    { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "latest_release", arguments: "{}" } }] },
    { role: "tool", tool_call_id: "c1", content: '{"tag":"v2.0.0"}' },
    assistant("The latest release is v2.0.0."),
  ]);
  const cases: Case[] = [{ text: ok(), codes: [] }, { text: toolCall, codes: [] }];
  for (const b of broken) cases.push(b, { text: ok(), codes: [] });
  return cases;
}

export function sharegptCases(): Case[] {
  const conv = (turns: unknown[]) => line({ conversations: turns });
  const ok = () => conv([{ from: "human", value: `Write a commit message for the change.\n\n${DIFF}${++n}` }, { from: "gpt", value: `Fix the cache (${n})` }]);
  return [
    { text: ok(), codes: [] },
    { text: conv([{ from: "robot", value: "Write a haiku about caches." }, { from: "gpt", value: "Old keys fade away" }]), codes: ["unknown-role"] },
    { text: ok(), codes: [] },
    { text: conv([{ from: "human", value: "Write a haiku about caches." }]), codes: ["missing-assistant"] },
    { text: ok(), codes: [] },
    { text: conv([{ from: "human", value: "Write a haiku about caches." }, { from: "gpt", value: "" }]), codes: ["empty-field"] },
    { text: ok(), codes: [] },
    // role/content turns under "conversations": one finding for the line, not one per turn.
    { text: conv([{ role: "user", content: "Write a haiku about caches." }, { role: "assistant", content: "Old keys fade away" }]), codes: ["missing-field"] },
    { text: ok(), codes: [] },
    // Axolotl's role names, and LLaMA-Factory's conversation that ends on a tool call.
    { text: conv([{ from: "system", value: "You are terse." }, { from: "user", value: "List hidden files." }, { from: "assistant", value: "ls -a" }]), codes: [] },
    { text: conv([{ from: "human", value: "Weather in Oslo?" }, { from: "function_call", value: '{"name": "weather", "arguments": {"city": "Oslo"}}' }]), codes: [] },
    { text: conv([{ from: "human", value: "Weather in Oslo?" }, { from: "gpt", value: "Checking." }, { from: "tool", value: '{"temp_c": 4}' }, { from: "gpt", value: "4 °C." }]), codes: [] },
  ];
}

export interface TempDir {
  path: string;
  write(name: string, content: string | Buffer): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), "gh-harvest-validate-"));
  return {
    path,
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Expected `line → codes` of a case list, as a file would number them. */
export function expected(cases: Case[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  cases.forEach((c, i) => {
    if (c.codes.length > 0) out.set(i + 1, [...c.codes].sort());
  });
  return out;
}
