import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { duplicateKeys } from "../../src/validate/duplicate-keys.js";

const found = (line: string) => duplicateKeys(line, JSON.parse(line)).map((d) => ({ key: d.key, path: d.path.join("."), at: d.index }));

describe("duplicateKeys", () => {
  it("finds nothing on lines without a repeated key, however their strings look", () => {
    assert.deepEqual(found('{"instruction":"a","output":"b"}'), []);
    // Same key in two objects is fine; so are keys written with a space before the colon.
    assert.deepEqual(found('{"id":1,"meta":{"id":2},"list":[{"id":3},{"id":4}]}'), []);
    assert.deepEqual(found('{"a" : 1, "b" :2}'), []);
    // Escaped quotes and backslashes: `\\":` is a string's text, `\\\\":` ends a string.
    assert.deepEqual(found(String.raw`{"input":"+{\"output\": 1, \"output\": 2}","path":"C:\\","x":1}`), []);
  });

  it("names each key written twice, the object it is in, and where the second one starts", () => {
    const line = '{"output":"first","input":"","output":"second"}';
    assert.deepEqual(found(line), [{ key: "output", path: "", at: line.lastIndexOf('"output"') }]);
    assert.deepEqual(
      found('{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a","content":"b"}],"meta":{"id":1,"id":1}}').map((d) => `${d.path}:${d.key}`),
      ["messages.1:content", "meta:id"],
    );
  });

  it("finds a repeat among keys written with a space before the colon, and one spelled with escapes", () => {
    assert.deepEqual(found('{"a" : 1, "a" : 2}').map((d) => d.key), ["a"]);
    assert.deepEqual(found(String.raw`{"out":1,"\u006fut":2}`).map((d) => d.key), ["out"]);
  });
});
