import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { runCard } from "../../src/commands/card.js";
import { sizeCategory } from "../../src/card/size-category.js";
import { UsageError } from "../../src/errors.js";
import { mixedTriples, tempDir, triple, type TempDir } from "../stats/fixture.js";
import { capture } from "../helpers/streams.js";


function split(card: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(card);
  assert.ok(match, "front matter between --- lines at the top");
  return { front: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe("card", () => {
  let tmp: TempDir;
  let data: string;
  before(() => {
    tmp = tempDir("gh-harvest-card-");
    data = tmp.write("coroutines.jsonl", mixedTriples());
  });
  after(() => tmp.remove());

  it("writes Hugging Face front matter: license, task, languages, size, configs", async () => {
    const out = join(tmp.dir, "README.md");
    const { io, text } = capture();
    assert.equal(await runCard(data, { out }, io), 0);
    const { front } = split(readFileSync(out, "utf8"));
    assert.deepEqual(Object.keys(front), ["pretty_name", "license", "task_categories", "language", "tags", "size_categories", "configs"]);
    assert.equal(front.pretty_name, "coroutines");
    assert.equal(front.license, "other");
    assert.deepEqual(front.task_categories, ["text-generation"]);
    assert.deepEqual(front.language, ["en", "code"]);
    assert.deepEqual(front.tags, ["code", "git", "gh-harvest", "alpaca", "python", "rust", "toml", "typescript"]);
    assert.deepEqual(front.size_categories, ["n<1K"]);
    assert.deepEqual(front.configs, [{ config_name: "default", data_files: [{ split: "train", path: "coroutines.jsonl" }] }]);
    assert.match(text.err, /dataset card for 50 records written to .*README\.md/);
  });

  it("lists repositories with unknown licences, the rules, the counts and the redactions", async () => {
    const { io, text } = capture();
    await runCard(data, { out: "-", license: "MIT", name: "Coroutine fixes", repoLicenses: { "acme/rs": "Apache-2.0" } }, io);
    const { front, body } = split(text.out);
    assert.equal(front.license, "mit");
    assert.equal(front.pretty_name, "Coroutine fixes");
    assert.match(body, /^# Coroutine fixes$/m);
    assert.match(body, /^\| acme\/py \| 31 \| unknown — check each repository's license \|$/m);
    assert.match(body, /^\| acme\/rs \| 10 \| Apache-2\.0 \|$/m);
    assert.match(body, /^\| commit-message \| commit \| 41 \|$/m);
    assert.match(body, /^\| pr-description \| pull \| 6 \|$/m);
    assert.match(body, /^\| issue-answer \| issue \| 3 \|$/m);
    assert.match(body, /^\| python \| 31 \|$/m);
    assert.match(body, /1 record had replacements/);
    assert.match(body, /^\| github-token \| 2 \|$/m);
    assert.match(body, /^\| aws-access-key \| 1 \|$/m);
    assert.match(body, /load_dataset\("json", data_files="coroutines\.jsonl", split="train"\)/);
  });

  it("says when nothing was redacted, and reads chat formats", async () => {
    const file = tmp.write("chat.jsonl", [triple(1), triple(2, { repo: "a|b" })], "sharegpt");
    const { io, text } = capture();
    await runCard(file, { out: "-" }, io);
    const { front, body } = split(text.out);
    assert.deepEqual(front.tags, ["code", "git", "gh-harvest", "sharegpt", "python"]);
    assert.match(body, /none of these records needed a replacement/);
    assert.match(body, /^\| a\\\|b \| 1 \|/m, "a | in a cell is escaped");
    assert.match(body, /`sharegpt` \(2 records\): one JSON object a line with `conversations`/);
  });

  it("computes size_categories with the Hub's labels", () => {
    assert.deepEqual(
      [0, 999, 1000, 9999, 10_000, 99_999, 100_000, 999_999, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12].map(sizeCategory),
      ["n<1K", "n<1K", "1K<n<10K", "1K<n<10K", "10K<n<100K", "10K<n<100K", "100K<n<1M", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B", "1B<n<10B", "10B<n<100B", "100B<n<1T", "n>1T"],
    );
  });

  it("replaces a card it wrote, but not a project's own README.md unless --force", async () => {
    const out = join(tmp.dir, "project", "README.md");
    mkdirSync(join(tmp.dir, "project"));
    writeFileSync(out, "# My project\n\nHow to build it.\n");
    const { io } = capture();
    await assert.rejects(runCard(data, { out }, io), (e: unknown) => e instanceof UsageError && /README\.md exists and is not a dataset card gh-harvest wrote; .*--force/.test(e.message));
    assert.equal(readFileSync(out, "utf8"), "# My project\n\nHow to build it.\n");
    assert.equal(await runCard(data, { out, force: true }, io), 0);
    assert.match(readFileSync(out, "utf8"), /^---\n/);
    assert.equal(await runCard(data, { out, name: "Second" }, io), 0, "its own card is replaced without --force");
    assert.match(readFileSync(out, "utf8"), /^# Second$/m);
  });

  it("checks what it claims on a file other tools made: no 'made with gh-harvest', and credentials it finds", async () => {
    const token = `ghp_${"Xk9Lm2Qr7Tz4Wb8Vn3Hs6Jd1Fy5Gc0Pa" + "Ue4R"}`;
    const file = tmp.write("foreign.jsonl", [
      JSON.stringify({ instruction: "Explain what this CI variable does.", input: `GITHUB_TOKEN=${token}`, output: "It authenticates the job against the GitHub API." }),
      JSON.stringify({ instruction: "Explain what a mutex is.", input: "", output: "A lock that one thread holds at a time." }),
    ]);
    const { io, text } = capture();
    await runCard(file, { out: "-" }, io);
    const { body } = split(text.out);
    assert.doesNotMatch(body, /made with gh-harvest|writes only records that pass/);
    assert.match(body, /\*\*1 record holds what look like credentials\*\*/);
    assert.match(body, /^\| github-token \| 1 \|$/m);
    assert.doesNotMatch(body, /none of these records needed a replacement|the values are not in the data/);
    assert.ok(!text.out.includes(token.slice(4)), "the card never quotes it");
    assert.match(text.err, /warning: .*foreign\.jsonl: 1 record holds what look like credentials/);
  });

  it("leaves the previous card untouched when it fails, and leaves no temporary file", async () => {
    const out = join(tmp.dir, "KEEP.md");
    writeFileSync(out, "previous card\n");
    const { io } = capture();
    await assert.rejects(runCard(join(tmp.dir, "missing.jsonl"), { out }, io), (e: unknown) => e instanceof UsageError && /cannot read .*missing\.jsonl: no such file/.test(e.message));
    await assert.rejects(runCard(data, { out, license: "MIT License" }, io), /--license/);
    await assert.rejects(runCard(tmp.dir, { out }, io), (e: unknown) => e instanceof UsageError && e.message.endsWith(": is a folder; name a JSONL file"));
    assert.equal(readFileSync(out, "utf8"), "previous card\n");
    assert.deepEqual(readdirSync(tmp.dir).filter((f) => f.endsWith(".tmp")), []);
  });
});
