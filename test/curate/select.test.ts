import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { matchesLanguages, matchesText, parseLanguages, parseMatchPattern } from "../../src/curate/select.js";
import { UsageError } from "../../src/errors.js";
import type { Triple } from "../../src/records.js";

const triple = (texts: Partial<Triple>, languages?: string[]): Triple => ({
  instruction: "Write a commit message for this change.",
  input: "",
  output: "",
  ...texts,
  meta: { id: "x", source: "commit", repo: "acme/widgets", mapping: "commit-message", ...(languages ? { languages } : {}) },
});

describe("--match", () => {
  it("matches the instruction, the input (the diff) or the output", () => {
    const re = parseMatchPattern("corout");
    assert.equal(matchesText(triple({ output: "Make the loader a coroutine" }), re), true);
    assert.equal(matchesText(triple({ input: "+async def load():  # coroutine\n" }), re), true);
    assert.equal(matchesText(triple({ instruction: "Explain coroutines" }), re), true);
    assert.equal(matchesText(triple({ output: "Fix the parser" }), re), false);
  });

  it("is case-insensitive for a lower-case pattern and case-sensitive with a capital (smart case)", () => {
    assert.equal(matchesText(triple({ output: "Coroutines everywhere" }), parseMatchPattern("coroutine")), true);
    assert.equal(matchesText(triple({ output: "coroutines everywhere" }), parseMatchPattern("Coroutine")), false);
  });

  it("takes /pattern/flags as written, dropping g and y so repeated tests do not skip", () => {
    const re = parseMatchPattern("/async\\s+fn/g");
    assert.equal(re.flags, "");
    const t = triple({ input: "+async fn run()" });
    assert.equal(matchesText(t, re), true);
    assert.equal(matchesText(t, re), true);
    assert.equal(matchesText(triple({ input: "+ASYNC fn" }), parseMatchPattern("/async fn/i")), true);
  });

  it("resets lastIndex of a global regex the caller made", () => {
    const re = /tokio/g;
    const t = triple({ output: "use tokio" });
    assert.equal(matchesText(t, re), true);
    assert.equal(matchesText(t, re), true);
  });

  it("rejects an invalid pattern as a usage error naming --match", () => {
    assert.throws(() => parseMatchPattern("(unclosed"), (e: unknown) => e instanceof UsageError && /^--match: /.test(e.message));
  });
});

describe("--languages", () => {
  it("parses names and file extensions into meta.languages names", () => {
    assert.deepEqual([...parseLanguages("python, rs,TS ,go")], ["python", "rust", "typescript", "go"]);
    assert.throws(() => parseLanguages(" , "), UsageError);
    // A name no file is given would keep nothing, silently.
    assert.throws(() => parseLanguages("python,cobol"), (e: unknown) => e instanceof UsageError && /--languages: unknown "cobol"; known: .*python.*\(or a file extension such as ts, py, rs\)/.test(e.message));
    assert.deepEqual([...parseLanguages("dockerfile,make,shell")], ["dockerfile", "make", "shell"]);
  });

  it("keeps a triple touching any of the languages and drops one without languages", () => {
    const wanted = parseLanguages("python,rust");
    assert.equal(matchesLanguages(triple({}, ["markdown", "python"]), wanted), true);
    assert.equal(matchesLanguages(triple({}, ["typescript"]), wanted), false);
    assert.equal(matchesLanguages(triple({}), wanted), false);
  });
});
