import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createKeywordFinder, type KeywordHit } from "../../src/redact/keywords.js";
import { createRandom } from "../../fixtures/secrets/random.js";

/** Every occurrence by brute force: indexOf on the lower-cased text (ASCII-only folding). */
function bruteForce(keywords: readonly string[], text: string): KeywordHit[] {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const hits: KeywordHit[] = [];
  keywords.forEach((k, keyword) => {
    for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) hits.push({ keyword, start: i, end: i + k.length });
  });
  return sorted(hits);
}

function sorted(hits: KeywordHit[]): KeywordHit[] {
  return [...hits].sort((a, b) => a.end - b.end || a.start - b.start || a.keyword - b.keyword);
}

for (const javascript of [false, true]) {
describe(`keyword finder (${javascript ? "JavaScript" : "WebAssembly"} walk)`, () => {
  const keywords = ["ghp_", "sk-", "sk-ant-", "key", "accesskey", "private key", "sig=", ":aa", "eyj", "pass", "a3t"];
  const find = createKeywordFinder(keywords, { javascript });

  it("finds every occurrence, case-insensitively, overlapping ones included, in the order they end", () => {
    const text = "AccessKey=1 sk-ant-x PRIVATE KEY ?sig=a 12:AA ghp_ Pass passpass eyJ";
    const hits = find(text);
    assert.deepEqual(hits, sorted(bruteForce(keywords, text)));
    const names = hits.map((h) => keywords[h.keyword]);
    for (const k of ["accesskey", "key", "sk-", "sk-ant-", "private key", "sig=", ":aa", "ghp_", "pass", "eyj"]) assert.ok(names.includes(k), k);
    assert.equal(names.filter((k) => k === "pass").length, 3);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.end <= hits[i]!.end);
  });

  it("matches brute force on random texts of every length, non-ASCII characters included", () => {
    // An alphabet dense in keyword letters, with characters whose low 7 bits are keyword letters
    // ("\u00eb" is 0xEB, read as "k"), so that the finder's shortcuts are exercised.
    const alphabet = "ghpskeyacKEYPS-_:= 3t\u00eb\u00e5\u0170\u4e2d\ud83d\ude00";
    const r = createRandom(3);
    for (let n = 0; n < 400; n++) {
      const text = r.chars(alphabet, n % 97) + (n % 5 === 0 ? "accesskey" : "") + r.chars(alphabet, n % 13);
      assert.deepEqual(sorted(find(text)), bruteForce(keywords, text), JSON.stringify(text));
    }
  });

  it("matches brute force on long texts, which four interleaved walks share", () => {
    const alphabet = "ghpskeyacKEYPS-_:= 3t\u00eb\u00e5\u0170\u4e2d";
    const r = createRandom(5);
    for (let n = 0; n < 60; n++) {
      const text = r.chars(alphabet, 1000 + n * 37);
      assert.deepEqual(find(text), bruteForce(keywords, text), `length ${text.length}`);
    }
  });

  it("finds a keyword that straddles a quarter of a long text, once, the longest keyword included", () => {
    for (const quarter of [1, 2, 3]) {
      const middle = quarter * 2500;
      for (let at = middle - 12; at <= middle + 12; at++) {
        const text = "x".repeat(at) + "Sk-Ant-" + "y".repeat(10_000 - at - 7);
        assert.deepEqual(find(text).map((h) => [keywords[h.keyword], h.start]), [["sk-", at], ["sk-ant-", at]]);
        const longest = "x".repeat(at) + "Private Key" + "y".repeat(10_000 - at - 11);
        assert.deepEqual(find(longest).map((h) => [keywords[h.keyword], h.start]), [["private key", at], ["key", at + 8]]);
      }
    }
  });

  it("finds a keyword that straddles the middle of a long text, once", () => {
    for (let at = 4990; at <= 5010; at++) {
      const text = "x".repeat(at) + "Sk-Ant-" + "y".repeat(10_000 - at);
      assert.deepEqual(find(text).map((h) => [keywords[h.keyword], h.start]), [["sk-", at], ["sk-ant-", at]]);
    }
  });

  it("handles texts longer than its buffer", () => {
    const text = "a".repeat(3_000_000) + "key";
    assert.deepEqual(find(text), [{ keyword: keywords.indexOf("key"), start: 3_000_000, end: 3_000_003 }]);
    assert.deepEqual(find("key"), [{ keyword: keywords.indexOf("key"), start: 0, end: 3 }]);
  });

  it("finds nothing in an empty text or without keywords, and refuses keywords beyond ASCII", () => {
    assert.deepEqual(find(""), []);
    assert.deepEqual(createKeywordFinder([])("key"), []);
    assert.throws(() => createKeywordFinder(["clé"]), /ASCII/);
  });
});
}

describe("the WebAssembly kernel", () => {
  it("is what keywords.wat assembles to (run npm run build:wasm after changing it)", async () => {
    const { staleKernels } = await import("../../scripts/build-wasm.js");
    assert.deepEqual(await staleKernels(), []);
  });
});
