import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { runCli } from "../helpers/cli.js";

let dir: string;
const DIFF = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n";
const alpaca = (id: string, output: string) =>
  JSON.stringify({ instruction: "Write a concise commit message for the following change.", input: DIFF, output, meta: { id, source: "commit", repo: "acme/a", mapping: "commit-message" } });
const openai = (id: string, output: string) =>
  JSON.stringify({ messages: [{ role: "user", content: `Write a concise commit message for the following change.\n\n${DIFF}` }, { role: "assistant", content: output }], meta: { id } });

const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, lines.map((l) => `${l}\n`).join(""));
  return path;
};
const ids = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).meta.id);

before(() => {
  dir = mkdtempSync(join(tmpdir(), "merge-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("gh-harvest merge", () => {
  it("joins shards in order, the first record of an id and of a content winning, lines copied as they are", async () => {
    const a = file("a.jsonl", [alpaca("a1", "Set x to two so that the totals add up"), alpaca("a2", "Rename the helper so that its name says what it does")]);
    // b: the same id with other text, other ids with a's content, a CRLF line and a blank line.
    const b = file("b.jsonl", [alpaca("a1", "Another text under an id that a.jsonl has already"), alpaca("b1", "Set x to two so that the totals add up"), `${alpaca("b2", "Teach the parser to skip blank lines at the end")}\r`, ""]);
    const out = join(dir, "all.jsonl");
    const result = await runCli(["merge", a, b, "-o", out]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(ids(out), ["a1", "a2", "b2"]);
    assert.equal(readFileSync(out, "utf8").split("\n")[0], alpaca("a1", "Set x to two so that the totals add up"), "byte for byte");
    assert.ok(!readFileSync(out, "utf8").includes("\r"));
    assert.match(result.stderr, /merged 2 files: wrote 3 of 5 records to .*all\.jsonl; dropped 1 with a meta\.id seen before, 1 with the same content as an earlier record$/m);
    const check = await runCli(["validate", out]);
    assert.equal(check.code, 0, check.stdout);
  });

  it("reports invalid lines with their file and line, leaves them out, and exits 1", async () => {
    const good = file("ok.jsonl", [alpaca("g1", "Set x to two so that the totals add up")]);
    const bad = file("bad.jsonl", [
      alpaca("g2", "Rename the helper so that its name says what it does"),
      '{"instruction": "Write a message.", "input": "", "output": "Fix it",}',
      alpaca("g3", "TODO: implement"),
      openai("g4", "Teach the parser to skip blank lines at the end"),
    ]);
    const out = join(dir, "checked.jsonl");
    const result = await runCli(["merge", good, bad, "-o", out]);
    assert.equal(result.code, 1);
    assert.deepEqual(ids(out), ["g1", "g2"], "the valid lines are still written");
    assert.match(result.stderr, /bad\.jsonl:2: error trailing-comma: /);
    assert.match(result.stderr, /bad\.jsonl:3: error placeholder: /);
    assert.match(result.stderr, /bad\.jsonl:4: error inconsistent-fields: an openai record among alpaca records/);
    assert.match(result.stderr, /wrote 2 of 5 records .*; dropped 3 invalid$/m);
  });

  it("never prints a credential that a dropped line quotes (a role, a key): its kind instead", async () => {
    // Made up, random-looking, built at run time so that no scanner flags this file.
    const token = `ghp_${"Xk9Lm2Qr7Tz4Wb8Vn3Hs6Jd1Fy5Gc0Pa" + "Ue4R"}`;
    const bad = file("leaky.jsonl", [
      JSON.stringify({ messages: [{ role: "user", content: "Explain what a mutex is." }, { role: token, content: "A lock." }] }),
      JSON.stringify({ messages: [{ role: "user", content: "Explain what a mutex is.", [token]: 1 }, { role: "assistant", content: "A lock." }] }),
    ]);
    const result = await runCli(["merge", bad, "-o", join(dir, "leaky-out.jsonl")]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /leaky\.jsonl:1: error unknown-role: .*<REDACTED:github-token>/);
    assert.match(result.stderr, /leaky\.jsonl:2: error unknown-key: .*<REDACTED:github-token>/);
    assert.ok(!result.stderr.includes(token.slice(4)), result.stderr);
  });

  it("takes folders for the .jsonl files under them, sorted, and writes to stdout by default", async () => {
    file("shards/shard-1/dataset.jsonl", [openai("s1", "Set x to two so that the totals add up")]);
    file("shards/shard-0/dataset.jsonl", [openai("s0", "Rename the helper so that its name says what it does")]);
    file("shards/shard-0/notes.txt", ["not a shard"]);
    const result = await runCli(["merge", join(dir, "shards")]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split("\n").map((l) => JSON.parse(l).meta.id), ["s0", "s1"]);
    assert.match(result.stderr, /merged 2 files: wrote 2 of 2 records to stdout$/m);
  });

  it("reads gzip-compressed shards, also under a folder, and stats reads them too", async () => {
    file("packed/a.jsonl", [alpaca("p0", "Set x to two so that the totals add up")]);
    writeFileSync(join(dir, "packed", "b.jsonl.gz"), gzipSync(`${alpaca("p1", "Rename the helper so that its name says what it does")}\n`));
    const result = await runCli(["merge", join(dir, "packed")]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split("\n").map((l) => JSON.parse(l).meta.id), ["p0", "p1"]);
    const stats = await runCli(["stats", join(dir, "packed", "b.jsonl.gz")]);
    assert.equal(stats.code, 0, stats.stderr);
    assert.match(stats.stdout, /^1 record in 1 file/);
    const cut = join(dir, "cut.jsonl.gz");
    writeFileSync(cut, gzipSync(`${alpaca("p2", "Set x to two so that the totals add up")}\n`).subarray(0, 30));
    for (const command of ["stats", "merge"]) {
      const broken = await runCli([command, cut]);
      assert.equal(broken.code, 2, command);
      assert.equal(broken.stderr, `gh-harvest: cannot read ${cut}: not a whole gzip file (unexpected end of file)\n`, command);
    }
  });

  it("may write over one of its inputs, and leaves the output as it was when it fails", async () => {
    const all = file("grow.jsonl", [alpaca("x1", "Set x to two so that the totals add up")]);
    const next = file("next.jsonl", [alpaca("x2", "Rename the helper so that its name says what it does")]);
    const grown = await runCli(["merge", all, next, "-o", all]);
    assert.equal(grown.code, 0, grown.stderr);
    assert.deepEqual(ids(all), ["x1", "x2"]);
    const before = readFileSync(all, "utf8");
    const missing = await runCli(["merge", all, join(dir, "nope.jsonl"), "-o", all]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^gh-harvest: cannot read .*nope\.jsonl: no such file$/m);
    assert.equal(readFileSync(all, "utf8"), before);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith(".tmp")), [], "no temporary file left");
  });

  it("exits 2 for a folder without shards", async () => {
    mkdirSync(join(dir, "empty"));
    const result = await runCli(["merge", join(dir, "empty")]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /merge: no \.jsonl file in /);
  });
});
