import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { credentialCorpus } from "../../fixtures/secrets/credentials.js";
import { lookAlikeCorpus } from "../../fixtures/secrets/lookalikes.js";
import { CREDENTIAL_RULES, EMAIL_RULE } from "../../src/redact/rules.js";
import type { Rule } from "../../src/redact/rule.js";
import { createScanner } from "../../src/redact/scanner.js";

// Real code around the samples: TypeScript's compiler, where "token" and "key" are on every
// other line (the keyword prefilter's worst case).
const typescript = readFileSync(createRequire(import.meta.url).resolve("typescript"), "utf8").split("\n").slice(20_000, 23_000);

describe("scanner", () => {
  it("finds with its keyword prefilter exactly what every rule finds over the whole text", () => {
    const rules = [...CREDENTIAL_RULES, EMAIL_RULE];
    // The same rules without keywords: each pattern runs over the whole text, as a plain scanner would.
    const everywhere: Rule[] = rules.map((r) => ({ ...r, keywords: [], near: undefined }));
    const fast = createScanner(rules);
    const slow = createScanner(everywhere);
    const samples = [6, 7, 8].flatMap((seed) => [...credentialCorpus(seed).map((c) => c.text), ...lookAlikeCorpus(seed).map((l) => l.text)]);
    let checked = 0;
    samples.forEach((sample, i) => {
      const code = typescript.slice((i * 37) % 2900, ((i * 37) % 2900) + 60).join("\n");
      const texts = [sample, sample.toUpperCase(), JSON.stringify(sample), `${code}\n${sample.split("\n").map((l) => `+${l}`).join("\n")}\n${code}`];
      for (const text of texts) {
        assert.deepEqual(fast(text), slow(text), text.slice(0, 200));
        checked++;
      }
    });
    assert.ok(checked > 1000);
  });

  it("runs a rule with keywords only on the lines that hold one", () => {
    const seen: string[] = [];
    const rule: Rule = {
      kind: "probe",
      keywords: ["probe"],
      pattern: /probe=(\w+)/g,
      group: 1,
      accept: (_value, match) => (seen.push(match.input), true),
      priority: 1,
    };
    const scan = createScanner([rule]);
    const text = "a\nprobe=one and PROBE=no\nb probe=two\nc\nprobe\n";
    assert.deepEqual(scan(text), [
      { kind: "probe", start: 8, end: 11 },
      { kind: "probe", start: 33, end: 36 },
    ]);
    assert.deepEqual(seen, ["probe=one and PROBE=no", "b probe=two"]);
    assert.deepEqual(scan("no keyword here"), []);
  });

  it("skips lines where no keyword occurrence passes the rule's `near` test", () => {
    let lines = 0;
    const rule: Rule = {
      kind: "probe",
      keywords: ["key"],
      pattern: /key[ =>]*(\w+)/g, // would match on every line
      group: 1,
      accept: () => (lines++, true),
      near: (text, _start, end) => text[end] === "=",
      priority: 1,
    };
    const scan = createScanner([rule]);
    assert.deepEqual(scan("keys.map(key => key)\nconst key = 1\nkey=abc"), [{ kind: "probe", start: 39, end: 42 }]);
    assert.equal(lines, 1);
  });
});
