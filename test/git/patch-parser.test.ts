import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createDiffFilter } from "../../src/diff/filter.js";
import { logArguments } from "../../src/git/commit-stream.js";
import { PatchParser, type ParsedCommit } from "../../src/git/patch-parser.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

const limits = { diffFilter: createDiffFilter(), maxDiffLines: 50, maxDiffBytes: 1_000_000 };

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

describe("git log -p parser, --max-diff-bytes", () => {
  let repo: TempRepo;
  let output: Buffer;
  const cap = 100_000;
  // Without the default exclusions, which would leave the icon out as minified: only its size stops it here.
  const byteLimits = { diffFilter: createDiffFilter({ noDefaultExcludes: true }), maxDiffLines: 1000, maxDiffBytes: cap };
  // One line of 2 MB: a line count of 1 lets it through, only bytes can stop it.
  const svg = `<svg>${"M0 0L1 1".repeat(250_000)}</svg>\n`;

  before(async () => {
    repo = await createTempRepo();
    await repo.writeFiles({ "icon.svg": svg, "small.txt": "a\n" });
    await repo.commit("Add an icon drawn on one very long line");
    await repo.writeFiles({ "small.txt": "a\nb\n", "café.txt": `${"é".repeat(40_000)}\n` });
    await repo.commit("Add a line of two-byte characters just under the cap");
    output = await repo.gitBytes([...logArguments({}), "HEAD"], { input: "" });
  });
  after(() => repo.cleanup());

  function parseHolding(chunkSize: number) {
    const parser = new PatchParser(byteLimits);
    const commits: ParsedCommit[] = [];
    let mostHeld = 0;
    for (let at = 0; at < output.length; at += chunkSize) {
      parser.push(Buffer.from(output.subarray(at, at + chunkSize)));
      mostHeld = Math.max(mostHeld, parser.heldBytes);
      commits.push(...parser.take());
    }
    parser.end();
    commits.push(...parser.take());
    return { commits, mostHeld };
  }

  it("marks a diff of one line longer than the byte limit as too large, counting its bytes", () => {
    const [icon] = parseHolding(65536).commits;
    assert.equal(icon!.diff.tooLarge, true);
    assert.equal(icon!.diff.text, "");
    assert.ok(icon!.diff.bytes > svg.length, `${icon!.diff.bytes} bytes`);
    assert.ok(icon!.diff.lines < 20);
    assert.deepEqual(
      icon!.diff.files.map((f) => [f.path, f.additions]),
      [["icon.svg", 1], ["small.txt", 1]],
    );
  });

  it("counts UTF-8 bytes, not characters, and keeps a diff under the limit whole", () => {
    const [, cafe] = parseHolding(4096).commits;
    assert.equal(cafe!.diff.tooLarge, false, `${cafe!.diff.bytes} bytes`);
    assert.equal(cafe!.diff.bytes, Buffer.byteLength(cafe!.diff.text));
    assert.ok(cafe!.diff.bytes > 80_000 && cafe!.diff.bytes <= cap);
    assert.ok(cafe!.diff.text.includes(`+${"é".repeat(40_000)}\n`));
  });

  for (const size of [1000, 65536]) {
    it(`never holds much more than the limit, however long a line (${size}-byte chunks)`, { timeout: 20_000 }, () => {
      const { mostHeld } = parseHolding(size);
      assert.ok(mostHeld <= cap + size, `held ${mostHeld} bytes at once`);
    });
  }

  it("cuts no character in two when a line comes in pieces (one-byte chunks)", { timeout: 60_000 }, () => {
    const cafe = output.subarray(output.indexOf("diff --git a/caf"));
    const parser = new PatchParser(byteLimits, false);
    for (let at = 0; at < cafe.length; at++) parser.push(Buffer.from(cafe.subarray(at, at + 1)));
    parser.end();
    const diff = parser.diff();
    assert.deepEqual(diff.dropped, []);
    assert.equal(diff.text.includes(`+${"é".repeat(40_000)}\n`), true);
  });
});
