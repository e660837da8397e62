import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createDiffFilter } from "../../src/diff/filter.js";
import { createGitClient } from "../../src/git/client.js";
import { createTempRepo } from "../helpers/git-repo.js";

describe("diff of a pull request range in a local clone", () => {
  it("shows only the branch's change since the merge base, as GitHub does", async () => {
    const repo = await createTempRepo();
    try {
      await repo.write("a.txt", "one\n");
      await repo.commit("Start the repository with a first file");
      await repo.branch("topic");
      await repo.checkout("topic");
      await repo.write("topic.txt", "topic\n");
      const head = await repo.commit("Add the topic file on its branch");
      await repo.checkout("main");
      await repo.write("main.txt", "main moved on\n");
      const base = await repo.commit("Move main on while the branch is open");
      const repository = await createGitClient().open(repo.dir);
      const limits = { diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000 };
      const pr = await repository.diff(base, head, { ...limits, sinceMergeBase: true });
      assert.deepEqual(pr.files.map((f) => f.path), ["topic.txt"]);
      const twoDot = await repository.diff(base, head, limits);
      assert.deepEqual(twoDot.files.map((f) => f.path).sort(), ["main.txt", "topic.txt"]);
    } finally {
      await repo.cleanup();
    }
  });
});
