import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { credentialCorpus } from "../../fixtures/secrets/credentials.js";
import { applyAtParent, createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/cli.js";

// One credential of every kind of the corpus, planted in files and in commit messages.
const planted = [...new Map(credentialCorpus(11).map((c) => [c.kind, c] as const)).values()];
const email = "grace.hopper@acme-internal.com";
let repo: TempRepo;

before(async () => {
  repo = await createTempRepo({ name: "leaky" });
  await repo.write("README.md", "# leaky\n\nA service that talks to many APIs.\n");
  await repo.commit("Describe the service in a first readme");
  for (const [i, c] of planted.entries()) {
    await repo.write(`config/${c.kind}-${i}.txt`, `${c.text}\n`);
    // In the message, with the context that makes it a credential (a bare 40-character
    // string in prose is no more an AWS secret than any other).
    await repo.commit(`Configure the ${c.kind} client for the staging setup\n\nTested with\n${c.text}\nAsk ${email}.`, {
      author: { name: "Grace Hopper", email },
    });
  }
});

after(async () => repo.cleanup());

describe("nothing private leaves", () => {
  for (const format of ["alpaca", "openai", "sharegpt"]) {
    it(`writes no planted credential and no e-mail address in ${format}`, async () => {
      const result = await runCli(["local", repo.dir, "--format", format, "--max-diff-lines", "5000"]);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.trim().split("\n");
      assert.equal(lines.length, planted.length + 1);
      for (const c of planted) {
        assert.ok(!result.stdout.includes(c.value), `${c.kind} was written`);
        // No long piece of it either (a partial redaction would still leak); JSON escapes
        // a private key's newlines, so compare the decoded texts.
        for (const piece of c.value.replace(/-----[^-]+-----|\s+/g, "").match(/.{16}/g) ?? []) {
          assert.ok(!JSON.stringify(lines.map((l) => JSON.parse(l))).includes(piece), `a piece of ${c.kind}`);
        }
      }
      assert.ok(!result.stdout.includes(email));
      assert.match(result.stderr, /redacted: /);
      assert.ok(!result.stderr.includes(planted[0]!.value));
    });
  }

  it("keeps a redacted diff a patch that applies: a private key's lines become marker lines, not one line", async () => {
    const key = planted.find((c) => c.kind === "private-key")!;
    assert.ok(key.value.split("\n").length > 3, "the planted key spans lines");
    const result = await runCli(["local", repo.dir, "--max-diff-lines", "5000"]);
    const record = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { input: string; meta: { sha: string } })
      .find((r) => r.input.includes("<REDACTED:private-key>"))!;
    assert.ok(record, "the key's commit was written, redacted");
    const parents = (await repo.git(["rev-list", "--parents", "-n", "1", record.meta.sha])).split(" ").slice(1);
    // git apply refuses a corrupt patch (hunk counts that do not add up) with an error.
    const applied = await applyAtParent(repo.dir, { sha: record.meta.sha, parents }, record.input);
    assert.deepEqual(applied.changed.filter((p) => p.startsWith("config/private-key")).length, 1);
    assert.deepEqual(applied.differing.length, 1, "only the redacted file differs from the commit");
  });

  it("rejects records with credentials under --on-secret drop and stops under --on-secret fail", async () => {
    const drop = await runCli(["local", repo.dir, "--on-secret", "drop", "--max-diff-lines", "5000"]);
    assert.equal(drop.code, 0, drop.stderr);
    assert.equal(drop.stdout.trim().split("\n").length, 1, "only the readme commit is left");
    // The rejects on stdout (the records in a file): each with its reasons, redacted.
    const piped = await runCli(["local", repo.dir, "--on-secret", "drop", "--max-diff-lines", "5000", "--rejects", "-", "-o", `${repo.dir}/../kept.jsonl`]);
    assert.equal(piped.code, 0, piped.stderr);
    const rejected = piped.stdout.trim().split("\n").map((l) => JSON.parse(l) as { reasons: { code: string }[] });
    assert.equal(rejected.length, planted.length);
    assert.ok(rejected.every((r) => r.reasons.some((reason) => reason.code === "secret")));
    for (const c of planted) assert.ok(!piped.stdout.includes(c.value), `${c.kind} in the rejects`);
    const fail = await runCli(["local", repo.dir, "--on-secret", "fail", "-o", `${repo.dir}/../never.jsonl`, "--max-diff-lines", "5000"]);
    assert.equal(fail.code, 1);
    assert.match(fail.stderr, /found a credential \([a-z-]+\); stopping because of --on-secret fail/);
  });

  it("pseudonymizes authors with --pseudonymize, stably", async () => {
    await repo.write("NOTES.md", "notes\n");
    await repo.commit("Add notes from the review with Grace Hopper and the team", { author: { name: "Grace Hopper", email } });
    const args = ["local", repo.dir, "--pseudonymize", "--pseudonymize-salt", "s3", "--max-diff-lines", "5000"];
    const a = await runCli(args);
    const b = await runCli(args);
    assert.equal(a.code, 0, a.stderr);
    assert.ok(!a.stdout.includes("Grace Hopper"));
    assert.match(a.stdout, /review with user-[0-9a-f]{8} and the team/);
    assert.equal(a.stdout, b.stdout);
  });
});
