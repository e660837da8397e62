import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { memoryLogger } from "../src/log.js";
import { runPipeline, type PipelineDeps, type PipelineOptions } from "../src/pipeline.js";
import type { SourceRecord } from "../src/records.js";
import { createRedactor } from "../src/redact.js";
import { loadBuiltinRules } from "../src/rules/loader.js";
import type { LineSink } from "../src/write/atomic-file.js";
import { commit, diffOf, pull, sampleDiff } from "./helpers/records.js";

function memorySink(): LineSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: async (l) => void lines.push(l), commit: async () => {}, abort: async () => {} };
}

async function* from(records: SourceRecord[]): AsyncIterable<SourceRecord> {
  yield* records;
}

const rules = loadBuiltinRules();
const options: PipelineOptions = { rules, format: "alpaca", includeBots: false, onSecret: "redact" };
const isBot = (p: { login?: string; name?: string }) => /\[bot\]$/.test(p.login ?? p.name ?? "");

function deps(overrides: Partial<PipelineDeps> = {}) {
  const out = memorySink();
  const rejects = memorySink();
  return { out, rejects, deps: { redactor: createRedactor(), check: () => [], isBot, log: memoryLogger(), out, rejects, ...overrides } };
}

const fakeAwsKey = ["AKIA", "Z7Q2W4E6R8T0Y1U3"].join("");

describe("pipeline", () => {
  it("writes one JSON line per triple in the chosen format and counts skips by reason", async () => {
    const { out, deps: d } = deps();
    const records = [commit(), commit({ sha: "b".repeat(40), message: "wip" }), commit({ sha: "c".repeat(40), author: { name: "dependabot[bot]" } })];
    const summary = await runPipeline(from(records), { ...options, format: "openai" }, d);
    assert.equal(summary.written, 1);
    assert.equal(summary.scanned, 3);
    assert.deepEqual(summary.skipped, { "commit-message: subject is trivial": 1, "bot author": 1 });
    const line = JSON.parse(out.lines[0]!);
    assert.deepEqual(Object.keys(line), ["messages", "meta"]);
    assert.equal(line.messages[0].role, "user");
    assert.match(line.messages[0].content, /commit message[^]*\n\ndiff --git a\/src\/add\.ts/);
    assert.equal(line.messages[1].content, "Fix the sign in add so sums are right");
    assert.deepEqual(line.meta.languages, ["typescript"]);
    assert.equal("omittedFiles" in line.meta, false, "nothing was left out of the diff");
  });

  it("says in meta.omittedFiles how many files of the change its diff leaves out", async () => {
    const { out, deps: d } = deps();
    const dropped = [
      { path: "package-lock.json", reason: "filtered" as const },
      { path: "logo.png", reason: "binary" as const },
    ];
    await runPipeline(from([commit({ diff: diffOf(sampleDiff, { dropped }) }), pull({ diff: diffOf(sampleDiff, { dropped: dropped.slice(1) }) })]), options, d);
    const metas = out.lines.map((l) => JSON.parse(l).meta);
    assert.deepEqual(metas.map((m) => [m.mapping, m.omittedFiles]), [["commit-message", 2], ["pr-description", 1]]);
  });

  it("keeps bots with includeBots", async () => {
    const { deps: d } = deps();
    const summary = await runPipeline(from([commit({ author: { name: "renovate[bot]" } })]), { ...options, includeBots: true }, d);
    assert.equal(summary.written, 1);
  });

  it("redacts a credential in the diff, never writing its value, and counts it by kind", async () => {
    const { out, deps: d } = deps();
    const diff = { ...commit().diff, text: `${commit().diff.text}+const key = "${fakeAwsKey}";\n` };
    const summary = await runPipeline(from([commit({ diff })]), options, d);
    assert.equal(summary.written, 1);
    assert.deepEqual(summary.redacted, { "aws-access-key": 1 });
    assert.ok(!out.lines[0]!.includes(fakeAwsKey));
    assert.match(out.lines[0]!, /<REDACTED:aws-access-key>/);
    assert.deepEqual(JSON.parse(out.lines[0]!).meta.redacted, { "aws-access-key": 1 });
  });

  it("drops a record holding a credential with --on-secret drop, and fails with --on-secret fail", async () => {
    const diff = { ...commit().diff, text: `${commit().diff.text}+k = "${fakeAwsKey}"\n` };
    const dropped = deps();
    const summary = await runPipeline(from([commit({ diff })]), { ...options, onSecret: "drop" }, dropped.deps);
    assert.equal(summary.written, 0);
    assert.equal(summary.rejected, 1);
    assert.deepEqual(summary.redacted, {}, "nothing written, so nothing redacted in the output");
    assert.ok(!dropped.rejects.lines[0]!.includes(fakeAwsKey), "the rejects file never holds the value");
    const failing = deps();
    await assert.rejects(runPipeline(from([commit({ diff })]), { ...options, onSecret: "fail" }, failing.deps), (error: Error) => {
      assert.match(error.message, /aws-access-key/);
      assert.ok(!error.message.includes(fakeAwsKey));
      return true;
    });
  });

  it("writes one marker for a private key in a text, and one a line in a patch", async () => {
    let seed = 7;
    const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const line = () => Array.from({ length: 64 }, () => b64[(seed = (seed * 1103515245 + 12345) % 2147483648) % 64]).join("");
    const key = ["-----BEGIN RSA PRIVATE KEY-----", line(), line(), line(), "-----END RSA PRIVATE KEY-----"];
    const body = `Rotate the deploy key; the old one was:\n\n${key.join("\n")}\n\nIt is revoked now.`;
    const head = "diff --git a/deploy.pem b/deploy.pem\n--- a/deploy.pem\n+++ b/deploy.pem\n";
    const record = pull({ body, diff: diffOf(`${head}@@ -0,0 +1,5 @@\n${key.map((l) => `+${l}`).join("\n")}\n`) });
    const { out, deps: d } = deps();
    await runPipeline(from([record]), { ...options, rules: rules.filter((r) => r.name === "pr-description") }, d);
    const written = JSON.parse(out.lines[0]!);
    assert.equal(written.output, "Rotate the deploy key; the old one was:\n\n<REDACTED:private-key>\n\nIt is revoked now.");
    assert.equal(written.input.split("\n").filter((l: string) => l === "+<REDACTED:private-key>").length, 5);
  });

  it("keeps a pull request's redacted diff a patch, and rejects one whose removed line was redacted", async () => {
    const head = "diff --git a/AUTHORS b/AUTHORS\n--- a/AUTHORS\n+++ b/AUTHORS\n";
    const context = pull({ diff: diffOf(`${head}@@ -1,3 +1,4 @@\n Jane <jane@acme-corp.io>\n Bob\n Carl\n+Ada Lovelace\n`) });
    const removed = pull({ number: 13, url: "https://github.com/acme/widgets/pull/13", diff: diffOf(`${head}@@ -1,3 +1,3 @@\n Bob\n-Ada <ada@acme-corp.io>\n+Ada Lovelace\n Carl\n`) });
    const { out, rejects, deps: d } = deps();
    const summary = await runPipeline(from([context, removed]), { ...options, rules: rules.filter((r) => r.name === "pr-description") }, d);
    assert.equal(summary.written, 1);
    assert.equal(summary.rejected, 1);
    // Jane's line was leading context: cut, and the header counted again.
    assert.equal(JSON.parse(out.lines[0]!).input, `${head}@@ -2,2 +2,3 @@\n Bob\n Carl\n+Ada Lovelace\n`);
    const rejected = JSON.parse(rejects.lines[0]!);
    assert.deepEqual(rejected.reasons, [{ code: "diff-does-not-apply", message: "an e-mail address on a removed line of AUTHORS was redacted, so the diff would not apply" }]);
    assert.equal(rejected.record.meta.number, 13);
  });

  it("leaves out a file whose redacted diff cannot apply, counting what the record still holds, and selects again", async () => {
    const added = sampleDiff.replace("+  return a + b;", "+  return a + b; // ask ada@acme-corp.io");
    const authors = "diff --git a/docs/AUTHORS.md b/docs/AUTHORS.md\n--- a/docs/AUTHORS.md\n+++ b/docs/AUTHORS.md\n@@ -1,3 +1,3 @@\n # Authors\n-Grace <grace@acme-corp.io>\n+Grace Hopper\n Ada\n";
    const files = [
      { path: "src/add.ts", status: "modified" as const, additions: 1, deletions: 1 },
      { path: "docs/AUTHORS.md", status: "modified" as const, additions: 1, deletions: 1 },
    ];
    const record = commit({ diff: diffOf(added + authors, { files, dropped: [{ path: "package-lock.json", reason: "filtered" }] }) });
    const { out, deps: d } = deps();
    const summary = await runPipeline(from([record]), options, d);
    assert.deepEqual(summary.redacted, { email: 1 }, "the summary counts what was written, as meta.redacted does");
    const written = JSON.parse(out.lines[0]!);
    assert.equal(written.input, added.replace("ada@acme-corp.io", "<REDACTED:email>"));
    assert.deepEqual(written.meta.languages, ["typescript"]);
    assert.equal(written.meta.omittedFiles, 2, "the lockfile and AUTHORS.md");
    assert.deepEqual(written.meta.redacted, { email: 1 }, "the record holds one");
    // Chosen for its Markdown, which is gone: not what --languages asked for.
    const markdown = deps();
    const select = (t: { meta: { languages?: string[] } }) => (t.meta.languages?.includes("markdown") ? undefined : "not in --languages");
    const selected = await runPipeline(from([record]), { ...options, select }, markdown.deps);
    assert.deepEqual([selected.written, selected.skipped["not in --languages"]], [0, 1]);
  });

  it("sends records that fail validation to the rejects sink with their reasons", async () => {
    const { out, rejects, deps: d } = deps({
      check: (t) => (t.output.includes("TODO") ? [{ code: "placeholder", severity: "error", message: "output is a placeholder" }] : []),
    });
    const summary = await runPipeline(from([commit({ message: "TODO: implement the real message here" }), commit({ sha: "d".repeat(40) })]), options, d);
    assert.equal(summary.written, 1);
    assert.equal(summary.rejected, 1);
    assert.equal(out.lines.length, 1);
    const rejected = JSON.parse(rejects.lines[0]!);
    assert.deepEqual(rejected.reasons, [{ code: "placeholder", message: "output is a placeholder" }]);
    assert.equal(rejected.record.output, "TODO: implement the real message here");
  });

  it("stops at the limit and closes the source", async () => {
    let closed = false;
    async function* endless(): AsyncIterable<SourceRecord> {
      try {
        for (let i = 0; ; i++) {
          const diff = diffOf(sampleDiff.replace("a + b", `a + b + ${i}`));
          yield commit({ sha: i.toString(16).padStart(40, "0"), diff });
        }
      } finally {
        closed = true;
      }
    }
    const { out, deps: d } = deps();
    const summary = await runPipeline(endless(), { ...options, limit: 3 }, d);
    assert.equal(out.lines.length, 3);
    assert.equal(summary.limitReached, true);
    assert.equal(closed, true);
  });

  it("skips ids already in the output (--append) and applies every rule of a source", async () => {
    const { out, deps: d } = deps({ skipIds: new Set(["github:acme/widgets#12:pr-description"]) });
    const closes = [{ number: 7, title: "add is wrong", body: "add(1, 2) returns -1." }];
    const summary = await runPipeline(from([pull({ closes })]), options, d);
    assert.equal(summary.skipped["already in the output"], 1);
    assert.deepEqual(out.lines.map((l) => JSON.parse(l).meta.mapping), ["issue-fix"]);
  });
});

describe("pipeline: cherry-picks", () => {
  it("keeps a change once when a cherry-pick or backport carries it again", async () => {
    const { out, deps: d } = deps();
    const original = commit();
    // The same change, moved by a few lines and re-indented, as a backport would be.
    const backportText = original.diff.text.replace("@@ -1,3 +1,3 @@", "@@ -10,3 +10,3 @@").replace("+  return a + b;", "+    return a + b;");
    const backport = commit({
      sha: "e".repeat(40),
      message: "Fix the sign in add so sums are right\n\n(cherry picked from commit 0123456)",
      diff: { ...original.diff, text: backportText },
    });
    const other = commit({ sha: "f".repeat(40), diff: { ...original.diff, text: original.diff.text.replace("a + b", "b + a") } });
    const summary = await runPipeline(from([original, backport, other]), options, d);
    assert.equal(out.lines.length, 2);
    assert.equal(summary.skipped["same change as an earlier record (cherry-pick)"], 1);
  });
});
