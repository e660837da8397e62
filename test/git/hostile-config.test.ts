// A repository's own .git/config (or the user's) may set diff options that change what
// `git log -p` prints. The records must not change with them: the same history gives the
// same bytes on any machine.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createDiffFilter } from "../../src/diff/filter.js";
import { createGitClient } from "../../src/git/client.js";
import { runCli } from "../helpers/cli.js";
import { applyAtParent, createTempRepo, type TempRepo } from "../helpers/git-repo.js";

const numbered = (word: string) => Array.from({ length: 20 }, (_, i) => `${word} ${i}\n`).join("");

/** Settings that each change plain `git log -p` on the history below. */
const HOSTILE: [string, string][] = [
  ["core.abbrev", "12"],
  ["diff.algorithm", "histogram"],
  ["diff.indentHeuristic", "false"],
  ["diff.renameLimit", "1"],
  ["diff.ignoreSubmodules", "all"],
  ["core.bigFileThreshold", "10"],
  // Relative to the repository's folder: git resolves it from where it runs.
  ["diff.orderFile", "order.txt"],
  ["core.attributesFile", "attributes.txt"],
];
/** Settings gh-harvest already pinned before, kept in the mix. */
const ALSO: [string, string][] = [
  ["diff.noprefix", "true"],
  ["diff.mnemonicPrefix", "true"],
  ["diff.relative", "true"],
  ["diff.context", "1"],
  ["diff.renames", "false"],
  ["diff.external", "false"],
  ["log.showSignature", "true"],
];

describe("diffs whatever the git config says", () => {
  let repo: TempRepo;
  let clean: { stdout: string; diff: string };
  let first: string;
  let second: string;

  const harvest = async () => {
    const result = await runCli(["local", repo.dir]);
    assert.equal(result.code, 0, result.stderr);
    const repository = await createGitClient().open(repo.dir);
    const diff = await repository.diff(first, second, { diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000 });
    return { stdout: result.stdout, diff: diff.text };
  };
  const plainLog = () => repo.git(["log", "-p", "--format=%H", "HEAD"]);

  before(async () => {
    repo = await createTempRepo({ name: "hostile" });
    await repo.writeFiles({
      "code.py": "    return\n    x = 1\n    x = 1\n    pass\nif a:\nif a:\n",
      "alg.txt": "x\n{\ny\n\nx\n{\ny\n\n",
      "one.txt": numbered("line"),
      "two.txt": numbered("row"),
      "a.txt": "a\n",
      "z.txt": "z\n",
    });
    first = await repo.commit("Add the files every setting below acts on");
    await repo.writeFiles({
      "code.py": "    return\n    x = 1\n\n    x = 1\n\n    x = 1\n    x = 1\n    pass\nif a:\nif a:\n",
      "alg.txt": "x\n{\n{\ny\n\nw\ny\nx\n{\ny\n\n",
      "a.txt": "aa\n",
      "z.txt": "zz\n",
    });
    // Two renames with edits: found only when rename detection may compare them.
    await repo.rename("one.txt", "uno.txt");
    await repo.rename("two.txt", "dos.txt");
    await repo.writeFiles({ "uno.txt": numbered("line").replace("line 5\n", "line five\n"), "dos.txt": numbered("row").replace("row 5\n", "row five\n") });
    await repo.git(["add", "-A"]);
    await repo.git(["update-index", "--add", "--cacheinfo", `160000,${first},lib`]);
    // Staged by hand: `git add -A` would see no folder for the submodule and drop it.
    second = await repo.commit("Edit, rename, and add a submodule, all in one change", { all: false });
    await writeFile(join(repo.dir, "order.txt"), "z.txt\n");
    await writeFile(join(repo.dir, "attributes.txt"), "*.txt diff=words\n*.py -diff\n");
    clean = await harvest();
  });
  after(() => repo.cleanup());

  it("each hostile setting changes plain git log -p here (else this test would prove nothing)", async () => {
    const plain = await plainLog();
    for (const [key, value] of HOSTILE) {
      await repo.git(["config", key, value]);
      assert.notEqual(await plainLog(), plain, `${key}=${value} should change git log -p`);
      await repo.git(["config", "--unset", key]);
    }
  });

  it("gives byte-identical records and checkout diffs with all of them in .git/config", async () => {
    for (const [key, value] of [...HOSTILE, ...ALSO]) await repo.git(["config", key, value]);
    try {
      const hostile = await harvest();
      assert.equal(hostile.stdout, clean.stdout);
      assert.equal(hostile.diff, clean.diff);
    } finally {
      for (const [key] of [...HOSTILE, ...ALSO]) await repo.git(["config", "--unset", key]);
    }
  });

  it("abbreviates index lines to 7 digits, and the diffs still apply", async () => {
    const [, record] = clean.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.match(record.input, /^index [0-9a-f]{7}\.\.[0-9a-f]{7} 100644$/m);
    assert.match(record.input, /^rename from one\.txt$/m);
    assert.match(record.input, /^\+Subproject commit [0-9a-f]{40}$/m);
    const applied = await applyAtParent(repo.dir, { sha: second, parents: [first] }, record.input);
    assert.deepEqual(applied.differing, []);
  });
});
