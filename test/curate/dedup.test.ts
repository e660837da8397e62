import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createDeduper } from "../../src/curate/dedup.js";
import { candidateProbability, chooseBanding } from "../../src/curate/minhash.js";
import type { Triple } from "../../src/records.js";
import { pairAt, tripleOf, type Pair } from "./pairs.js";

const triple = (id: string, instruction: string, input: string, output: string): Triple => ({
  instruction,
  input,
  output,
  meta: { id, source: "commit", repo: "acme/widgets", mapping: "commit-message" },
});

/** Runs pairs through one detector: a first, then b; returns b's verdicts. */
function verdicts(pairs: readonly Pair[], threshold?: number) {
  const deduper = createDeduper({ mode: "near", threshold });
  return pairs.map((pair) => {
    assert.equal(deduper.isDuplicate(pair.a), undefined, "the first of a pair is new");
    return { pair, verdict: deduper.isDuplicate(pair.b) };
  });
}

describe("exact deduper", () => {
  it("drops a triple with the same instruction, input and output, naming the first", () => {
    const d = createDeduper({ mode: "exact" });
    assert.equal(d.isDuplicate(triple("a", "Write a message", "diff", "Fix it")), undefined);
    assert.deepEqual(d.isDuplicate(triple("b", "Write a message", "diff", "Fix it")), { duplicateOf: "a", similarity: 1 });
    assert.deepEqual(d.isDuplicate(triple("c", "Write a message", "diff", "Fix it")), { duplicateOf: "a", similarity: 1 });
  });

  it("keeps triples whose fields differ only in where one field ends and the next begins", () => {
    const d = createDeduper({ mode: "exact" });
    assert.equal(d.isDuplicate(triple("a", "ab", "c", "d")), undefined);
    assert.equal(d.isDuplicate(triple("b", "a", "bc", "d")), undefined);
  });

  it("keeps a near-duplicate: only identical texts count", () => {
    const d = createDeduper({ mode: "exact" });
    assert.equal(d.isDuplicate(triple("a", "Write a message", "diff", "Fix it")), undefined);
    assert.equal(d.isDuplicate(triple("b", "Write a message", "diff", "Fix it.")), undefined);
  });
});

describe("near deduper", () => {
  it("drops exact duplicates too, with similarity 1", () => {
    const d = createDeduper({ mode: "near" });
    assert.equal(d.isDuplicate(triple("a", "x", "", "")), undefined);
    assert.deepEqual(d.isDuplicate(triple("b", "x", "", "")), { duplicateOf: "a", similarity: 1 });
  });

  it("ignores whitespace and case, as the tokens do", () => {
    const d = createDeduper({ mode: "near" });
    const code = "def f(x):\n    return x + 1\n";
    assert.equal(d.isDuplicate(triple("a", "Write a commit message", code, "Add one to x in f")), undefined);
    const found = d.isDuplicate(triple("b", "write a commit  message", code.replace(/ {4}/g, "\t"), "add one to x in f"));
    assert.deepEqual(found, { duplicateOf: "a", similarity: 1 });
  });

  it("rejects a threshold outside (0, 1]", () => {
    assert.throws(() => createDeduper({ mode: "near", threshold: 0 }), /threshold/);
    assert.throws(() => createDeduper({ mode: "near", threshold: 1.5 }), /threshold/);
  });

  it("bands 128 hashes as 16 x 8 at 0.85, catching a pair at the threshold 99% of the time", () => {
    const banding = chooseBanding(128, 0.85);
    assert.deepEqual(banding, { bands: 16, rows: 8 });
    assert.ok(candidateProbability(0.85, banding) >= 0.99);
    assert.ok(candidateProbability(0.25, banding) < 0.001);
  });

  it("gives measured verdicts on pairs at known Jaccard similarities (0.95, 0.9, 0.8, 0.5)", (t) => {
    const counts: string[] = [];
    const flaggedAt = (target: number) => {
      const pairs = Array.from({ length: 50 }, (_, i) => pairAt(target, `t${target}p${i}_`, 1000 * target + i));
      for (const pair of pairs) assert.ok(Math.abs(pair.jaccard - target) <= 0.01, `pair at ${pair.jaccard}`);
      const results = verdicts(pairs);
      for (const { pair, verdict } of results) if (verdict) assert.equal(verdict.duplicateOf, pair.a.meta.id);
      const flagged = results.filter((r) => r.verdict).length;
      counts.push(`J=${target}: ${flagged}/50 flagged`);
      return flagged;
    };
    // sd of the estimate with 128 hashes: 0.019 at 0.95, 0.027 at 0.9, 0.035 at 0.8.
    assert.equal(flaggedAt(0.95), 50);
    assert.ok(flaggedAt(0.9) >= 45);
    assert.ok(flaggedAt(0.8) <= 8);
    assert.equal(flaggedAt(0.5), 0);
    t.diagnostic(counts.join("; "));
  });

  it("measures few false verdicts on 400 pairs spread over J in [0.6, 1]", (t) => {
    const pairs = Array.from({ length: 400 }, (_, i) => pairAt(0.6 + (0.4 * i) / 399, `s${i}_`, 7 + i, 600));
    const results = verdicts(pairs);
    let falsePositives = 0;
    let falseNegatives = 0;
    let farWrong = 0; // wrong by more than 0.08 of similarity (2.5 standard errors)
    for (const { pair, verdict } of results) {
      const truth = pair.jaccard >= 0.85;
      if (verdict && !truth) falsePositives++;
      if (!verdict && truth) falseNegatives++;
      if (Boolean(verdict) !== truth && Math.abs(pair.jaccard - 0.85) > 0.08) farWrong++;
    }
    const positives = results.filter((r) => r.pair.jaccard >= 0.85).length;
    t.diagnostic(`${positives} pairs at J >= 0.85, ${400 - positives} below: ${falsePositives} false positives, ${falseNegatives} false negatives, ${farWrong} wrong by more than 0.08`);
    assert.ok(falsePositives + falseNegatives <= 40, `${falsePositives} FP + ${falseNegatives} FN`);
    assert.equal(farWrong, 0);
  });

  it("compares each record only with its LSH candidates, not with every kept record", () => {
    const d = createDeduper({ mode: "near" });
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const words = Array.from({ length: 30 }, (_, k) => `r${i}w${k}`);
      assert.equal(d.isDuplicate(tripleOf(`r${i}`, words)), undefined);
    }
    const { kept, comparisons } = d.stats();
    assert.equal(kept, n);
    assert.ok(comparisons < n / 10, `${comparisons} comparisons for ${n} unrelated records`);
  });

  it("finds a near-duplicate among thousands of records sharing an instruction and a diff template", () => {
    const d = createDeduper({ mode: "near" });
    const diffOf = (i: number) =>
      `diff --git a/src/m${i}.py b/src/m${i}.py\n@@ -1,3 +1,3 @@\n def handler_${i}(request):\n-    return fetch_${i}(request)\n+    return await fetch_${i}(request, timeout=${i})\n`;
    for (let i = 0; i < 2000; i++) {
      assert.equal(d.isDuplicate(triple(`c${i}`, "Write a commit message for this change.", diffOf(i), `Await fetch_${i} in handler_${i} with a timeout`)), undefined);
    }
    const found = d.isDuplicate(triple("cherry-pick", "Write a commit message for this change.", diffOf(1234), "Await fetch_1234 in handler_1234 with a timeout (backport)"));
    assert.equal(found?.duplicateOf, "c1234");
    assert.ok(found.similarity >= 0.85 && found.similarity < 1);
    assert.ok(d.stats().comparisons < 2000 * 3, `${d.stats().comparisons} comparisons`);
  });
});
