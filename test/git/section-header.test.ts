import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDiffGitLine, parseSectionHeader } from "../../src/git/section-header.js";
import { decodeLenient, unquotePath } from "../../src/git/text.js";

describe("section header", () => {
  it("reads a modification from the --- and +++ lines", () => {
    assert.deepEqual(
      parseSectionHeader(["diff --git a/src/x.ts b/src/x.ts", "index 1..2 100644", "--- a/src/x.ts", "+++ b/src/x.ts"]),
      { path: "src/x.ts", status: "modified", binary: false },
    );
  });

  it("reads additions and deletions, whose other side is /dev/null", () => {
    assert.deepEqual(parseSectionHeader(["diff --git a/n b/n", "new file mode 100644", "--- /dev/null", "+++ b/n"]), {
      path: "n",
      status: "added",
      binary: false,
    });
    assert.deepEqual(parseSectionHeader(["diff --git a/d b/d", "deleted file mode 100644", "--- a/d", "+++ /dev/null"]), {
      path: "d",
      status: "deleted",
      binary: false,
    });
  });

  it("reads renames and copies from their extended headers", () => {
    const rename = ["diff --git a/old name b/new name", "similarity index 100%", "rename from old name", "rename to new name"];
    assert.deepEqual(parseSectionHeader(rename), { path: "new name", oldPath: "old name", status: "renamed", binary: false });
    const copy = ["diff --git a/a b/c", "similarity index 90%", "copy from a", "copy to c", "--- a/a", "+++ b/c"];
    assert.deepEqual(parseSectionHeader(copy), { path: "c", oldPath: "a", status: "copied", binary: false });
  });

  it("reads a name with spaces from a header without ---/+++ lines", () => {
    assert.deepEqual(parseSectionHeader(["diff --git a/my file b/my file", "old mode 100644", "new mode 100755"]), {
      path: "my file",
      status: "modified",
      binary: false,
    });
    assert.deepEqual(parseSectionHeader(["diff --git a/a b/a b/a b/a", "new file mode 100644", "index 0000000..e69de29"]), {
      path: "a b/a",
      status: "added",
      binary: false,
    });
  });

  it("drops the tab git appends to a --- name with a space", () => {
    const header = ["diff --git a/x y b/x y", "index 1..2 100644", "--- a/x y\t", "+++ b/x y\t"];
    assert.equal(parseSectionHeader(header).path, "x y");
  });

  it("unquotes C-quoted names, octal bytes as UTF-8", () => {
    const header = ['diff --git "a/t\\tab" "b/caf\\303\\251"', "similarity index 80%", 'rename from "t\\tab"', 'rename to "caf\\303\\251"'];
    assert.deepEqual(parseSectionHeader(header), { path: "café", oldPath: "t\tab", status: "renamed", binary: false });
    assert.deepEqual(parseDiffGitLine('diff --git a/plain "b/q\\"uote"'), { a: "plain", b: 'q"uote' });
  });

  it("notices binary sections", () => {
    const header = ["diff --git a/x.png b/x.png", "index 1..2 100644", "Binary files a/x.png and b/x.png differ"];
    assert.deepEqual(parseSectionHeader(header), { path: "x.png", status: "modified", binary: true });
  });
});

describe("git text", () => {
  it("decodes UTF-8, and anything else as Latin-1, always to valid text", () => {
    assert.equal(decodeLenient(Buffer.from("crème", "utf8")), "crème");
    assert.equal(decodeLenient(Buffer.from([0x63, 0x72, 0xe8, 0x6d, 0x65])), "crème");
  });

  it("unquotes C-style escapes and leaves bare names alone", () => {
    assert.equal(unquotePath('"a\\\\b\\n\\"c\\""'), 'a\\b\n"c"');
    assert.equal(unquotePath('"\\360\\237\\230\\200.txt"'), "😀.txt");
    assert.equal(unquotePath('"😀 raw.txt"'), "😀 raw.txt");
    assert.equal(unquotePath("plain name"), "plain name");
  });
});
