import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createBalancer, groupOf, type BalancerOptions } from "../../src/curate/balance.js";
import type { Triple } from "../../src/records.js";

const triple = (id: string, repo: string, languages?: string[], mapping = "commit-message"): Triple => ({
  instruction: "i",
  input: "",
  output: "o",
  meta: { id, source: "commit", repo, mapping, ...(languages ? { languages } : {}) },
});

/** 300 python, 40 rust, 5 typescript triples, interleaved as a multi-repo harvest would be. */
function stream(): Triple[] {
  const out: Triple[] = [];
  for (let i = 0; i < 300; i++) {
    out.push(triple(`py${i}`, "o/py", ["python"]));
    if (i % 7 === 0 && i / 7 < 40) out.push(triple(`rs${i / 7}`, "o/rs", ["rust", "toml"]));
    if (i % 50 === 0 && i / 50 < 5) out.push(triple(`ts${i / 50}`, "o/ts", ["typescript", "json"], "pr-description"));
  }
  return out;
}

function run(options: BalancerOptions, triples = stream()) {
  const balancer = createBalancer(options);
  for (const t of triples) balancer.offer(t, JSON.stringify({ id: t.meta.id }));
  const lines = balancer.drain();
  return { ids: lines.map((l) => (JSON.parse(l) as { id: string }).id), groups: balancer.groups() };
}

describe("balancer", () => {
  it("deals an even mix: small groups whole, the rest shared equally up to the limit", () => {
    const { ids, groups } = run({ by: "language", limit: 50, seed: 1 });
    assert.equal(ids.length, 50);
    assert.equal(new Set(ids).size, 50);
    assert.deepEqual(groups, {
      python: { offered: 300, chosen: 23 },
      rust: { offered: 40, chosen: 22 },
      typescript: { offered: 5, chosen: 5 },
    });
  });

  it("gives the same lines for the same seed and other lines for another seed", () => {
    const a = run({ by: "repo", limit: 30, seed: 42 }).ids;
    assert.deepEqual(run({ by: "repo", limit: 30, seed: 42 }).ids, a);
    assert.notDeepEqual(run({ by: "repo", limit: 30, seed: 43 }).ids, a);
  });

  it("returns the chosen lines in the order they were offered", () => {
    const order = new Map(stream().map((t, i) => [t.meta.id, i]));
    const positions = run({ by: "language", limit: 40, seed: 3 }).ids.map((id) => order.get(id)!);
    assert.deepEqual(positions, [...positions].sort((x, y) => x - y));
  });

  it("samples a big group across the whole stream, not only its first records", () => {
    const ids = run({ by: "language", limit: 60, seed: 9 }).ids.filter((id) => id.startsWith("py"));
    const numbers = ids.map((id) => Number(id.slice(2)));
    assert.ok(Math.max(...numbers) > 150, `python sample ${numbers.join(",")}`);
  });

  it("keeps at most limit lines per group whatever the stream's length", () => {
    const balancer = createBalancer({ by: "mapping", limit: 10, seed: 0 });
    const many = Array.from({ length: 5000 }, (_, i) => triple(`m${i}`, "o/r", undefined, i % 2 ? "a" : "b"));
    for (const t of many) balancer.offer(t, t.meta.id);
    assert.equal(balancer.drain().length, 10);
    assert.deepEqual(balancer.groups(), { a: { offered: 2500, chosen: 5 }, b: { offered: 2500, chosen: 5 } });
  });

  it("groups by the languages asked for, preferring code to docs and config", () => {
    assert.equal(groupOf(triple("x", "r", ["markdown", "python"]), { by: "language" }), "python");
    for (const id of ["x", "y", "z"]) assert.equal(groupOf(triple(id, "r", ["python", "restructuredtext"]), { by: "language" }), "python", id);
    assert.equal(groupOf(triple("x", "r", ["markdown"]), { by: "language" }), "markdown");
    assert.equal(groupOf(triple("x", "r", ["python", "rust"]), { by: "language", languages: new Set(["rust"]) }), "rust");
    assert.equal(groupOf(triple("x", "r"), { by: "language" }), "(none)");
    const several = groupOf(triple("x", "r", ["go", "python"]), { by: "language" });
    assert.ok(["go", "python"].includes(several));
    assert.equal(groupOf(triple("x", "r", ["python", "go"]), { by: "language" }), several, "independent of order");
  });

  it("needs a limit of at least 1", () => {
    assert.throws(() => createBalancer({ by: "repo", limit: 0 }), /--limit/);
  });
});
