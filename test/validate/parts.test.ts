import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { after, describe, it } from "node:test";
import { FileState } from "../../src/validate/file-state.js";
import { DuplicateSet, identityHash } from "../../src/validate/hash-set.js";
import { TokenHistogram } from "../../src/validate/histogram.js";
import { findJsonError } from "../../src/validate/json-syntax.js";
import { fileLineBlocks, streamLineBlocks, type LineBlock } from "../../src/validate/line-blocks.js";
import { columnOf, parsePath } from "../../src/validate/locate.js";
import { approximateTokens, loadTokenCounter } from "../../src/validate/tokens.js";
import { firstInvalidUtf8 } from "../../src/validate/utf8.js";
import { tempDir } from "./dataset.js";

const dir = tempDir();
after(() => dir.remove());

describe("findJsonError", () => {
  it("says where and why a line is not JSON", () => {
    const cases: [string, number, RegExp, boolean][] = [
      ['{"a": 1,}', 7, /trailing comma before }/, true],
      ["[1, 2, ]", 5, /trailing comma before ]/, true],
      ['{"a": 1 "b": 2}', 8, /expected "," or "}"/, false],
      ["{'a': 1}", 1, /double quotes/, false],
      ['{"a": "x', 6, /never closed/, false],
      ['{"a": tru}', 6, /expected a value/, false],
      ['{"a": 1}{"b": 2}', 8, /two records on one line/, false],
      ['{"a": "\\q"}', 7, /invalid escape/, false],
      ['{"a": 01}', 7, /malformed number/, false],
      ['{"a": [1, 2', 11, /cut short/, false],
    ];
    for (const [text, index, message, trailingComma] of cases) {
      const e = findJsonError(text);
      assert.ok(e, text);
      assert.deepEqual([e.index, e.trailingComma], [index, trailingComma], text);
      assert.match(e.message, message, text);
    }
    assert.equal(findJsonError('{"a": [1, {"b": "\\u00e9"}], "c": -1.5e3}'), undefined);
  });
});

describe("columnOf", () => {
  it("finds a field's value, and a character in it through escapes", () => {
    const line = '{"x": {"y": [1, "a\\"b"]}, "messages": [{"role": "user", "content": "\\u00e9\\n token here"}]}';
    const col = columnOf(line, parsePath("messages[0].content"), 3)!;
    assert.equal(line.slice(col - 1, col + 4), "token");
    assert.equal(line[columnOf(line, parsePath("x.y[1]"))! - 1], "a");
    assert.equal(columnOf(line, parsePath("nope")), undefined);
  });
});

describe("firstInvalidUtf8", () => {
  it("finds overlong forms, surrogates, bad continuations and cut sequences", () => {
    const at = (bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes), 0, bytes.length);
    assert.equal(at([0x61, 0xc3, 0xa9, 0x62]), -1);
    assert.equal(at([0x61, 0xc0, 0xaf]), 1);
    assert.equal(at([0xed, 0xa0, 0x80]), 0);
    assert.equal(at([0x61, 0x62, 0xe2, 0x28, 0xa1]), 2);
    assert.equal(at([0x61, 0xf0, 0x9f, 0x98]), 1);
    assert.equal(at([0xff]), 0);
  });
});

describe("TokenHistogram", () => {
  it("gives exact quantiles below 65,536 tokens and close ones above", () => {
    const h = new TokenHistogram();
    const values: number[] = [];
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const v = i % 50 === 0 ? 70_000 + (seed % 100_000) : seed % 9000;
      values.push(v);
      h.add(v);
    }
    values.sort((a, b) => a - b);
    const rank = (q: number) => values[Math.ceil(q * values.length) - 1]!;
    const s = h.stats()!;
    assert.deepEqual([s.min, s.median, s.max], [values[0], rank(0.5), values.at(-1)]);
    assert.equal(s.p95, rank(0.95));
    assert.ok(Math.abs(h.quantile(0.99) - rank(0.99)) / rank(0.99) < 0.02);
  });
});

describe("DuplicateSet", () => {
  it("remembers many records and the line of the first", () => {
    const set = new DuplicateSet();
    for (let i = 1; i <= 20_000; i++) assert.equal(set.add([`instruction ${i}`, "", "out"], i), undefined);
    assert.equal(set.add(["instruction 123", "", "out"], 20_001), 123);
    // Parts cannot run into each other.
    assert.equal(set.add(["ab", "c"], 1), undefined);
    assert.equal(set.add(["a", "bc"], 2), undefined);
  });

  it("tells apart parts that differ in one character anywhere, however long, and knows them again", () => {
    const base = "é😀x".repeat(700_000); // 2.1 M characters, 4.9 MB of UTF-8: written in slices
    const hashes = new Set<string>();
    const key = (parts: string[]) => identityHash(parts).join(":");
    for (const at of [0, 1, 3, 65_535, 262_143, 262_144, 1_048_575, base.length - 1]) {
      const changed = `${base.slice(0, at)}y${base.slice(at + 1)}`;
      hashes.add(key(["i", changed, "o"]));
      assert.equal(key(["i", changed, "o"]), key(["i", `${changed}`, "o"]), "the same parts, the same hash");
    }
    hashes.add(key(["i", base, "o"]));
    hashes.add(key(["i", base, ""]));
    hashes.add(key(["", base, "o"]));
    assert.equal(hashes.size, 11);
    // Every length of a short part: the last word is padded, and the length tells the padding apart.
    const short = new Set(Array.from({ length: 40 }, (_, n) => key(["a".repeat(n)])));
    assert.equal(short.size, 40);
    assert.notEqual(key(["a\u0000"]), key(["a"]));
  });

  it("finds no false duplicate among 300,000 records that differ in little", () => {
    const set = new DuplicateSet();
    let falseHits = 0;
    for (let i = 1; i <= 300_000; i++) if (set.add([`Fix bug ${i % 1000}`, `diff ${Math.floor(i / 1000)}`, "ok"], i) !== undefined) falseHits++;
    assert.equal(falseHits, 0);
  });
});

describe("without WebAssembly (node --jitless)", () => {
  it("finds the same credentials and duplicates, in JavaScript", () => {
    const token = "ghp_R4nd0mT0k3nV4lu3Xq9Zw2Lk8Pm5Jh7Gf3Ds1";
    const good = { instruction: "Summarize the fix to the parser.", input: "", output: "The parser no longer drops the last line." };
    const leaky = { instruction: "Summarize the fix to the parser.", input: "x".repeat(5000), output: `It sets the token to ${token}.` };
    const file = dir.write("jitless.jsonl", [good, leaky, good].map((r) => JSON.stringify(r)).join("\n") + "\n");
    const cli = new URL("../../src/cli.ts", import.meta.url).pathname;
    for (const flags of [["--jitless"], []]) {
      const run = spawnSync(process.execPath, [...flags, "--import", "tsx", cli, "validate", file], { encoding: "utf8" });
      assert.equal(run.status, 1, run.stderr);
      const problems = run.stdout.split("\n").filter((l) => / error /.test(l));
      assert.deepEqual(problems, [
        `${file}:2: error secret: a credential (github-token) in output at character 22; remove or redact it`,
        `${file}:3: error duplicate: same instruction, input and output as line 1`,
      ], flags.join(" "));
    }
  });
});

describe("FileState", () => {
  it("reports lines whose keys differ from most lines, capped with a summary", () => {
    const state = new FileState({ enabled: () => true, maxLinesPerKeySet: 2 });
    for (let line = 1; line <= 10; line++) {
      const keys = JSON.stringify(line === 4 || line === 6 || line === 8 ? ["id", "instruction", "output"] : ["instruction", "output"]);
      state.add({ line, problems: [], keys, format: "alpaca" });
    }
    const problems = state.finish();
    assert.deepEqual(problems.map((p) => p.line), [4, 6, 6]);
    assert.match(problems[0]!.message, /extra "id" \(7 of 10 lines have "instruction", "output"\)/);
    assert.match(problems[2]!.message, /and 1 more lines after line 6/);
  });
});

describe("line blocks", () => {
  it("cut a file and a stream into the same whole lines, numbered, whatever the block size", async () => {
    const text = `first\r\n${"x".repeat(100)}\n\nlast line without newline`;
    const file = dir.write("blocks.txt", text);
    const lines = async (blocks: AsyncIterable<LineBlock>) => {
      const out: string[] = [];
      for await (const b of blocks) {
        assert.ok(b.bytes.length === 0 || b.byteOffset + b.bytes.length === Buffer.byteLength(text) || b.bytes.at(-1) === 10);
        b.bytes.toString().split(/(?<=\n)/).forEach((l, i) => out.push(`${b.firstLine + i}@${l}`));
      }
      return out;
    };
    const want = text.split(/(?<=\n)/).map((l, i) => `${i + 1}@${l}`);
    for (const size of [4, 64, 1 << 20]) {
      const handle = await open(file);
      try {
        assert.deepEqual(await lines(fileLineBlocks(handle, size)), want);
      } finally {
        await handle.close();
      }
      const chunks = Readable.from([Buffer.from(text.slice(0, 7)), Buffer.from(text.slice(7))]);
      assert.deepEqual(await lines(streamLineBlocks(chunks, size)), want);
    }
  });

  it("skip a line longer than the most a record may be, reading on in blocks, and number the lines after it", async () => {
    // Over the limit: line 2 by far (skipped while read), line 4 by a little (found whole in a
    // read that doubled), line 6 at the end of the file without a line end.
    const text = `{"a": 1}\n[${"1,".repeat(500)}1]\n{"b": 2}\n${"y".repeat(230)}\n{"c": 3}\n${"z".repeat(300)}`;
    const file = dir.write("overlong.txt", text);
    const seen = async (blocks: AsyncIterable<LineBlock>) => {
      const out: string[] = [];
      for await (const b of blocks) {
        if (b.overlong !== undefined) out.push(`${b.firstLine}@skipped ${b.overlong} at ${b.byteOffset}`);
        else b.bytes.toString().split(/(?<=\n)/).filter(Boolean).forEach((l, i) => out.push(`${b.firstLine + i}@${l.trim()}`));
      }
      return out;
    };
    const want = ['1@{"a": 1}', "2@skipped 1003 at 9", '3@{"b": 2}', "4@skipped 230 at 1022", '5@{"c": 3}', "6@skipped 300 at 1262"];
    // Blocks are smaller than the longest line, as BLOCK_BYTES is than MAX_LINE_BYTES.
    for (const size of [16, 64, 128]) {
      const handle = await open(file);
      try {
        assert.deepEqual(await seen(fileLineBlocks(handle, size, 200)), want);
      } finally {
        await handle.close();
      }
      const chunks = Readable.from([...text.matchAll(/[\s\S]{1,50}/g)].map((m) => Buffer.from(m[0])));
      assert.deepEqual(await seen(streamLineBlocks(chunks, size, 200)), want);
    }
  });
});

describe("token counts", () => {
  it("estimates within a quarter of o200k on code and prose, and a half on CJK", async () => {
    const o200k = await loadTokenCounter("o200k");
    assert.equal(o200k("hello world"), 2);
    const samples = [
      "export function merge(a: Record<string, number>, b: Record<string, number>) {\n  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;\n  return a;\n}\n",
      "The cache now falls back to its parent on a miss, so entries set at startup are found again after a reload.",
      "キャッシュが見つからない場合は親キャッシュを参照するようになりました。設定ファイルの読み込みも修正しました。",
      "Le cache se replie désormais sur son parent en cas d'échec, de sorte que les entrées définies au démarrage sont retrouvées après un rechargement.",
    ];
    samples.forEach((s, i) => {
      const ratio = approximateTokens(s) / o200k(s);
      const slack = i === 2 ? 0.5 : 0.2;
      assert.ok(Math.abs(ratio - 1) < slack, `${ratio.toFixed(2)} for ${s.slice(0, 20)}`);
    });
  });
});

describe("token estimate on diffs", () => {
  // C and Go diffs are dense in punctuation, tabs and short lines: "4 characters a token"
  // counted them 20% short, so a record over --max-tokens went by unreported.
  const C_DIFF = [
    "diff --git a/deflate.c b/deflate.c",
    "--- a/deflate.c",
    "+++ b/deflate.c",
    "@@ -120,7 +120,7 @@ local int deflate_stored(deflate_state *s, int flush) {",
    "     unsigned len, left, have, last = 0;",
    "-    unsigned used = s->strm->avail_in;",
    "+    unsigned used = s->strm->avail_in + 1;",
    "     do {",
    "         len = MAX_STORED;",
    "         have = (s->bi_valid + 42) >> 3;",
    "",
  ].join("\n");
  it("comes within 15% of o200k on a C diff, long or short", async () => {
    const o200k = await loadTokenCounter("o200k");
    for (const text of [C_DIFF, C_DIFF.repeat(40)]) {
      const ratio = approximateTokens(text) / o200k(text);
      assert.ok(Math.abs(ratio - 1) < 0.15, `${ratio.toFixed(2)} for ${text.length} characters`);
    }
  });
});

describe("format detection", () => {
  it("reads the format from a line's keys, and nothing from what has none of them", async () => {
    const { detectFormat } = await import("../../src/format-keys.js");
    const cases: [unknown, string | undefined][] = [
      [{ messages: [] }, "openai"],
      [{ conversations: [] }, "sharegpt"],
      [{ instruction: "" }, "alpaca"],
      [{ output: "" }, "alpaca"],
      [{ prompt: "" }, undefined],
      [[], undefined],
      [null, undefined],
      ["x", undefined],
    ];
    for (const [value, format] of cases) assert.equal(detectFormat(value), format, JSON.stringify(value));
  });
});

describe("textReporter", () => {
  it("waits for a slow reader without piling listeners on its stream", async () => {
    const { textReporter } = await import("../../src/validate/report.js");
    const { Writable } = await import("node:stream");
    let written = 0;
    let tail = "";
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        tail = (tail + chunk.toString()).slice(-200);
        setImmediate(done);
      },
    });
    let warned = false;
    const onWarning = () => (warned = true);
    process.on("warning", onWarning);
    const reporter = textReporter(slow);
    for (let i = 1; i <= 40_000; i++) {
      reporter.problem("data.jsonl", { line: i, severity: "warning", code: "vague-instruction", message: "the instruction is vague" });
      await reporter.flush();
    }
    await reporter.end({ files: [], records: 40_000, errors: 0, warnings: 40_000, counts: {}, tokens: undefined });
    await new Promise((r) => setImmediate(r));
    process.off("warning", onWarning);
    assert.ok(written > 2_000_000, `everything was written (${written} bytes)`);
    assert.equal(slow.listenerCount("drain"), 0);
    assert.equal(slow.listenerCount("close"), 0);
    assert.equal(warned, false, "no MaxListenersExceededWarning");
    assert.match(tail, /\n0 errors, 40000 warnings in 40000 records\n$/, "plain digits: scripts read the summary with (\\d+)");
  });
});

describe("fenced blocks", () => {
  it("close on a line of the same character at least as long, with nothing after it", async () => {
    const { fencedBlocks, openFenceAt } = await import("../../src/validate/fences.js");
    const text = "Run:\n```sh\nls\n~~~\n````\nafter\n~~~md\n```go\nx\n```\n";
    const blocks = fencedBlocks(text);
    assert.deepEqual(
      blocks.map((b) => ({ fence: b.fence, info: b.info, body: b.end === undefined ? undefined : text.slice(b.bodyStart, b.bodyEnd) })),
      [
        { fence: "```", info: "sh", body: "ls\n~~~\n" },
        { fence: "~~~", info: "md", body: undefined },
      ],
    );
    assert.equal(openFenceAt(text, text.indexOf("ls"))?.start, blocks[0]!.start);
    assert.equal(openFenceAt(text, text.indexOf("after")), undefined);
    assert.equal(openFenceAt(text)?.info, "md");
    assert.deepEqual(fencedBlocks("no code here"), []);
  });
});
