import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runCli } from "../helpers/cli.js";
import { applyAtParent, createTempRepo, type TempRepo } from "../helpers/git-repo.js";

// A manifest with e-mail addresses on some lines, changed by one commit each around them: the
// redacted address lands in a hunk's leading context, its trailing context, between two changes
// of one hunk, and on a removed line.
const manifest = (version: string, license: string, author = "TJ Holowaychuk <tj@vision-media.ca>") =>
  [
    "{",
    '  "name": "widgets",',
    `  "version": "${version}",`,
    '  "description": "Small widgets for big screens",',
    `  "author": "${author}",`,
    '  "maintainers": [',
    '    "Ada <ada@analytical-engines.co.uk>"',
    "  ],",
    '  "main": "index.js",',
    `  "license": "${license}",`,
    '  "engines": { "node": ">=20" },',
    '  "files": ["index.js"],',
    '  "scripts": { "test": "node --test" }',
    "}",
    "",
  ].join("\n");

interface Record {
  input: string;
  meta: { sha: string; omittedFiles?: number; languages?: string[]; redacted?: object };
}

/** `local` on the repository with --rejects: what it said, the records written and those rejected. */
async function harvest(repo: TempRepo) {
  const out = join(repo.dir, "..", "out.jsonl");
  const rejects = join(repo.dir, "..", "rejects.jsonl");
  const result = await runCli(["local", repo.dir, "-o", out, "--rejects", rejects]);
  assert.equal(result.code, 0, result.stderr);
  const lines = async (file: string) => (await readFile(file, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l));
  return {
    stderr: result.stderr,
    written: (await lines(out)) as Record[],
    rejected: (await lines(rejects)) as { reasons: { code: string; message: string }[]; record: Record }[],
  };
}

describe("local: diffs stay patches that apply after e-mail redaction", () => {
  let repo: TempRepo;
  const shas: { [name: string]: string } = {};
  before(async () => {
    repo = await createTempRepo({ name: "widgets" });
    await repo.write("package.json", manifest("1.0.0", "MIT"));
    shas.added = await repo.commit("Add the package manifest for the widgets");
    // Line 10: the address of line 7 is in the leading context, the trailing one has none.
    await repo.write("package.json", manifest("1.0.0", "ISC"));
    shas.leading = await repo.commit("Relicense the widgets under the ISC license");
    // Line 3: the address of line 5 is in the trailing context, two lines below the change.
    await repo.write("package.json", manifest("1.0.1", "ISC"));
    shas.trailing = await repo.commit("Release version 1.0.1 of the widgets");
    // Lines 3 and 10 in one hunk, the addresses of lines 5 and 7 between them.
    await repo.write("package.json", manifest("1.1.0", "MIT"));
    shas.between = await repo.commit("Release version 1.1.0 under the MIT license again");
    // Line 5 itself: the old address is on the removed line.
    await repo.write("package.json", manifest("1.1.0", "MIT", "TJ Holowaychuk <tj@apex.dev>"));
    shas.removed = await repo.commit("Update the author's address in the manifest");
  });
  after(() => repo.cleanup());

  it("writes every other record with a diff that git apply takes at the parent, and rejects the removed line's", async () => {
    const { stderr, written, rejected } = await harvest(repo);
    assert.deepEqual(written.map((r) => r.meta.sha), [shas.added, shas.leading, shas.trailing, shas.between]);
    for (const record of written) {
      assert.ok(!/@(?:vision-media|analytical-engines|apex)\./.test(record.input), "an address was written");
      const parents = (await repo.git(["rev-list", "--parents", "-n", "1", record.meta.sha])).split(" ").slice(1);
      const applied = await applyAtParent(repo.dir, { sha: record.meta.sha, parents }, record.input);
      assert.deepEqual(applied.changed, ["package.json"]);
      // Only the first commit's added lines hold a marker; the others' changes are intact.
      assert.deepEqual(applied.differing, record.meta.sha === shas.added ? ["package.json"] : [], record.meta.sha);
    }
    assert.deepEqual(rejected.map((r) => r.record.meta.sha), [shas.removed]);
    assert.deepEqual(rejected[0]!.reasons, [
      { code: "diff-does-not-apply", message: "an e-mail address on a removed line of package.json was redacted, so the diff would not apply" },
    ]);
    assert.ok(!/@(?:vision-media|apex)\./.test(JSON.stringify(rejected)));
    assert.match(stderr, /wrote 4 records/);
    assert.match(stderr, /rejected 1: diff-does-not-apply 1 \(see .*\)/);
  });
});

describe("local: a private key's lines in a hunk without its BEGIN line", () => {
  let repo: TempRepo;
  let body: string[];
  before(async () => {
    repo = await createTempRepo({ name: "keys" });
    body = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString().trim().split("\n");
    const yaml = (port: number) => ["tls:", "  key: |", ...body.map((l) => `    ${l}`), `  port: ${port}`, "  host: acme.io", ""].join("\n");
    await repo.writeFiles({ "conf.yaml": yaml(443), "deploy/key.pem": `${body.join("\n")}\n` });
    await repo.commit("Add the TLS configuration with an inline key");
    await repo.write("conf.yaml", yaml(8443));
    await repo.commit("Move the TLS listener to port 8443 for now");
    await repo.write("deploy/key.pem", `${body.map((l, i) => (i === 10 ? l.replace(/[A-Z]/g, "Q") : l)).join("\n")}\n`);
    await repo.commit("Replace one line of the deploy key by hand");
  });
  after(() => repo.cleanup());

  const keyLines = () => body.filter((l) => !l.startsWith("-----")).map((l) => l.slice(0, 40));

  it("writes no line of the key, whatever --on-secret says, and validate flags one left in", async () => {
    for (const policy of ["redact", "drop"]) {
      const out = join(repo.dir, "..", `${policy}.jsonl`);
      const rejects = join(repo.dir, "..", `${policy}-rejects.jsonl`);
      const result = await runCli(["local", repo.dir, "-o", out, "--rejects", rejects, "--on-secret", policy]);
      assert.equal(result.code, 0, result.stderr);
      const written = await readFile(out, "utf8");
      const rejected = await readFile(rejects, "utf8");
      for (const line of keyLines()) assert.ok(!written.includes(line) && !rejected.includes(line), `${policy}: a key line left`);
      const kept = written.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record);
      if (policy === "redact") {
        // The port change applies with the key's lines cut from its context; the hand edit of
        // key.pem (a redacted removed line) cannot, and is rejected.
        assert.equal(kept.length, 2);
        const port = kept[1]!;
        assert.match(port.input, /^@@ -\d+,2 \+\d+,2 @@ tls:\n-  port: 443\n\+  port: 8443\n   host: acme\.io$/m);
        const parents = (await repo.git(["rev-list", "--parents", "-n", "1", port.meta.sha])).split(" ").slice(1);
        assert.deepEqual(await applyAtParent(repo.dir, { sha: port.meta.sha, parents }, port.input), { changed: ["conf.yaml"], differing: [] });
        assert.match(rejected, /"code":"diff-does-not-apply","message":"a credential \(private-key\) on a removed line of deploy\/key\.pem/);
      } else {
        assert.equal(kept.length, 0);
        assert.equal(rejected.trim().split("\n").length, 3);
        assert.ok(rejected.trim().split("\n").every((l) => l.includes('"code":"secret"')));
      }
    }
    // The hand edit's diff, as git shows it, in a dataset: validate's secret check finds it.
    const diff = await repo.git(["show", "--format=", "HEAD"]);
    assert.ok(!diff.includes("BEGIN"), "the hunk shows no BEGIN line");
    const record = JSON.stringify({ instruction: "Write a commit message for this change.", input: `${diff}\n`, output: "Replace one line of the deploy key" });
    const check = await runCli(["validate", "-"], { stdin: `${record}\n` });
    assert.equal(check.code, 1);
    assert.match(check.stdout, /error secret: a credential \(private-key\) in input/);
  });
});

describe("local: a file whose redacted diff cannot apply is left out, the others kept", () => {
  let repo: TempRepo;
  let parent: string;
  let sha: string;
  // As zlib's 8a93f49c has it: a release that touches the sources and the man page, whose
  // authors' addresses sit on a removed line; here also a Markdown file with one right below a change.
  const manPage = (version: string) =>
    [".TH ZLIB 3", `.SH VERSION ${version}`, ".SH AUTHORS", `Copyright (C) 1995-${version === "1.3" ? "2023" : "2024"} Jean-loup Gailly (jloup@gzip.org)`, "and Mark Adler (madler@alumni.caltech.edu).", ""].join("\n");
  const authors = (version: string) => ["# Authors", "", `Release ${version}, written by:`, "Mark Adler <madler@alumni.caltech.edu>", "", "See the man page too.", ""].join("\n");
  const source = (version: string) => [`#define ZLIB_VERSION "${version}"`, "", "int deflate(void);", ""].join("\n");

  before(async () => {
    repo = await createTempRepo({ name: "zlib" });
    await repo.writeFiles({ "zlib.3": manPage("1.3"), "docs/authors.md": authors("1.3"), "zlib.h": source("1.3"), "deflate.c": source("1.3") });
    parent = await repo.commit("Release zlib version 1.3 to the world");
    await repo.writeFiles({ "zlib.3": manPage("1.3.1"), "docs/authors.md": authors("1.3.1"), "zlib.h": source("1.3.1"), "deflate.c": source("1.3.1") });
    sha = await repo.commit("Bump the version to 1.3.1 in every file");
  });
  after(() => repo.cleanup());

  it("writes the record with the files that apply, counts the others in meta.omittedFiles, and holds nothing of them", async () => {
    const { stderr, written, rejected } = await harvest(repo);
    const release = written.find((r) => r.meta.sha === sha);
    assert.ok(release, "the release's record was written");
    assert.deepEqual(rejected, []);
    assert.equal(release.meta.omittedFiles, 2);
    assert.deepEqual(release.meta.languages, ["c"], "not markdown: its file was left out");
    assert.equal("redacted" in release.meta, false, "every address was in a file left out");
    const line = JSON.stringify(release);
    for (const text of ["zlib.3", "authors.md", "Gailly", "Adler", "gzip.org", "caltech", "REDACTED"]) assert.ok(!line.includes(text), text);
    assert.deepEqual(
      release.input.split("\n").filter((l) => l.startsWith("diff --git ")),
      ["diff --git a/deflate.c b/deflate.c", "diff --git a/zlib.h b/zlib.h"],
    );
    // git apply --check at the parent, in an index of the parent's tree.
    const scratch = await mkdtemp(join(tmpdir(), "gh-harvest-check-"));
    try {
      const env = { GIT_INDEX_FILE: join(scratch, "index") };
      await writeFile(join(scratch, "change.patch"), release.input);
      await repo.git(["read-tree", parent], { env });
      await repo.git(["apply", "--check", "--cached", join(scratch, "change.patch")], { env });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    assert.deepEqual(await applyAtParent(repo.dir, { sha, parents: [parent] }, release.input), { changed: ["deflate.c", "zlib.h"], differing: [] });
    assert.match(stderr, /wrote 2 records/);
  });
});
