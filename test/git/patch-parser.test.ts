import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createDiffFilter } from "../../src/diff/filter.js";
import { logArguments } from "../../src/git/commit-stream.js";
import { PatchParser, type ParsedCommit } from "../../src/git/patch-parser.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

const limits = { diffFilter: createDiffFilter(), maxDiffLines: 50 };

function parse(output: Buffer, chunkSizes: (i: number) => number, withCommits = true) {
  const parser = new PatchParser(limits, withCommits);
  const commits: ParsedCommit[] = [];
  for (let at = 0, i = 0; at < output.length; i++) {
    const size = Math.max(1, chunkSizes(i));
    // Copies, as a pipe would give: no chunk shares memory with the next.
    parser.push(Buffer.from(output.subarray(at, at + size)));
    at += size;
    commits.push(...parser.take());
  }
  parser.end();
  commits.push(...parser.take());
  return { commits, diff: withCommits ? undefined : parser.diff() };
}

/** A deterministic sequence of chunk sizes between 1 and max. */
const randomSizes = (max: number, seed = 7) => {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 1 + (x % max);
  };
};

describe("git log -p parser", () => {
  let repo: TempRepo;
  let output: Buffer;
  let whole: ParsedCommit[];

  before(async () => {
    repo = await createTempRepo();
    const longLine = `${"x".repeat(150_000)}\n`;
    await repo.writeFiles({ "a.txt": "one\n", "package-lock.json": `{"a": "${"y".repeat(200_000)}"}\n` });
    await repo.commit(`Start with a long message\n\n${"A long body line. ".repeat(8000)}`);
    await repo.writeFiles({
      "long.txt": longLine,
      "package-lock.json": `{"b": "${"z".repeat(200_000)}"}\n`,
      "after-lock.txt": "kept after a dropped section\n",
      "latin.txt": Buffer.concat([Buffer.from("x".repeat(70_000)), Buffer.from("caf\xe9\n", "latin1")]),
      "bin.dat": Buffer.alloc(100_000, 0),
    });
    await repo.commit("Add a long line, a lockfile, Latin-1 and binary data");
    await repo.write("many.txt", Array.from({ length: 80 }, (_, i) => `line ${i}`).join("\n") + "\n");
    await repo.write("a.txt", "one\ntwo\n");
    await repo.commit("Add more lines than the limit");
    await repo.commit("An empty commit between two others", { allowEmpty: true });
    await repo.write("a.txt", "one\n-- two\n++ three\n");
    await repo.commit("Add lines that look like headers");
    output = await repo.gitBytes([...logArguments({}), "HEAD"], { input: "" });
    whole = parse(output, () => output.length).commits;
  });
  after(() => repo.cleanup());

  it("parses every commit of the output", () => {
    assert.deepEqual(
      whole.map((c) => c.rawMessage.split("\n")[0]),
      [
        "Start with a long message",
        "Add a long line, a lockfile, Latin-1 and binary data",
        "Add more lines than the limit",
        "An empty commit between two others",
        "Add lines that look like headers",
      ],
    );
    assert.ok(whole[0]!.rawMessage.length > 100_000);
    const second = whole[1]!.diff;
    assert.deepEqual(
      second.files.map((f) => f.path),
      ["after-lock.txt", "long.txt"],
    );
    assert.deepEqual(second.dropped, [
      { path: "bin.dat", reason: "binary" },
      { path: "latin.txt", reason: "non-utf8" },
      { path: "package-lock.json", reason: "filtered" },
    ]);
    assert.ok(second.text.includes(`+${"x".repeat(150_000)}\n`));
    const third = whole[2]!.diff;
    assert.equal(third.tooLarge, true);
    assert.equal(third.text, "");
    assert.deepEqual(
      third.files.map((f) => [f.path, f.additions, f.deletions]),
      [
        ["a.txt", 1, 0],
        ["many.txt", 80, 0],
      ],
    );
    assert.deepEqual(whole[4]!.diff.files, [{ path: "a.txt", status: "modified", additions: 2, deletions: 1 }]);
  });

  for (const [name, sizes] of [
    ["one byte", () => 1],
    ["seven bytes", () => 7],
    ["4 KiB", () => 4096],
    ["64 KiB", () => 65536],
    ["random sizes", randomSizes(20_000)],
    ["small random sizes", randomSizes(40, 3)],
  ] as const) {
    it(`gives the same commits whatever the chunks (${name})`, { timeout: 20_000 }, () => {
      assert.deepEqual(parse(output, sizes).commits, whole);
    });
  }

  it("parses a bare patch (git diff) into one diff", async () => {
    const patch = await repo.gitBytes(["diff", "--no-color", "HEAD~4", "HEAD"]);
    const { diff } = parse(patch, randomSizes(5000, 11), false);
    assert.ok(diff);
    assert.deepEqual(
      diff.files.map((f) => f.path),
      ["a.txt", "after-lock.txt", "long.txt", "many.txt"],
    );
    assert.deepEqual(
      diff.dropped.map((d) => d.reason),
      ["binary", "non-utf8", "filtered"],
    );
  });

  it("rejects output that is not what the format asked for", () => {
    const parser = new PatchParser(limits);
    assert.throws(() => parser.push(Buffer.from("\0something else\0a\0b\0c\0d\0e\0f\0g\0\n")), /not a commit header/);
  });
});
