import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { gzipSync } from "node:zlib";
import { after, describe, it } from "node:test";
import { runValidate, type ValidateOptions } from "../../src/commands/validate.js";
import { UsageError } from "../../src/errors.js";
import { alpacaCases, expected, good, line, openaiCases, sharegptCases, tempDir, TOKEN, type Case } from "./dataset.js";
import { Capture } from "../helpers/streams.js";

const dir = tempDir();
after(() => dir.remove());


async function validate(files: string[], options: ValidateOptions = {}, stdin = "") {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runValidate(files, { jobs: 0, ...options }, { stdout, stderr, stdin: Readable.from([Buffer.from(stdin)]) });
  return { code, out: stdout.text, err: stderr.text };
}

/** `line → codes` from the text report of one file. */
function reported(out: string, file: string): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (const l of out.split("\n")) {
    const m = /^(.*):(\d+): (error|warning) ([a-z0-9-]+): /.exec(l);
    if (!m || m[1] !== file) continue;
    const codes = found.get(Number(m[2])) ?? [];
    codes.push(m[4]!);
    found.set(Number(m[2]), codes.sort());
  }
  return found;
}

const fileOf = (name: string, cases: Case[]) => dir.write(name, cases.map((c) => c.text).join("\n") + "\n");

describe("gh-harvest validate", () => {
  it("reports each code on its line in an alpaca file of broken lines among good ones", async () => {
    const cases = alpacaCases();
    const file = fileOf("alpaca.jsonl", cases);
    const { code, out } = await validate([file]);
    assert.deepEqual(reported(out, file), expected(cases));
    assert.equal(code, 1);
    const records = cases.filter((c) => c.text.trim() !== "").length;
    assert.match(out.trimEnd().split("\n").at(-1)!, new RegExp(`^\\d+ errors, \\d+ warnings in ${records} records$`));
  });

  it("checks openai files like the cookbook's format checker", async () => {
    const cases = openaiCases();
    const file = fileOf("chat.jsonl", cases);
    const { out } = await validate([file]);
    assert.deepEqual(reported(out, file), expected(cases));
    assert.match(out, /error missing-assistant: the conversation has no assistant message: there is nothing to train on/);
  });

  it("takes OpenAI's function-calling examples as they are: tools on some lines only", async () => {
    const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
    const call = { role: "assistant", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Berlin"}' } }] };
    const lines = [
      { messages: [{ role: "user", content: "What is the weather in Berlin today?" }, call], tools, parallel_tool_calls: false },
      { messages: [{ role: "user", content: "What is the capital of Italy?" }, { role: "assistant", content: "Rome is the capital of Italy." }] },
      { messages: [{ role: "user", content: "What is the capital of Spain?" }, { role: "assistant", content: "Madrid is the capital of Spain." }] },
      { messages: [{ role: "user", content: "What is the capital of Spain?" }, { role: "assistant", content: "Madrid is the capital of Spain." }], extra: 1 },
    ];
    const file = dir.write("tools.jsonl", lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const { out } = await validate([file]);
    assert.deepEqual(reported(out, file), new Map([[4, ["duplicate", "inconsistent-fields"]]]), out);
  });

  it("names a key with a line break in it as one key", async () => {
    const base = { instruction: "Explain what a mutex is in concurrent programs.", input: "", output: "A lock that one thread holds at a time." };
    const lines = [base, { ...base, output: "A lock held by one thread." }, { ...base, output: "A lock.", "a\nb": 1 }];
    const file = dir.write("odd-key.jsonl", lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const { out } = await validate([file]);
    assert.match(out, /odd-key\.jsonl:3: error inconsistent-fields: keys differ from most lines: extra "a\\nb" /);
  });

  it("does not call two broken replies duplicates: a missing content, null and 42 are not the same", async () => {
    const ask = { role: "user", content: "Explain what a mutex is in concurrent programs." };
    const lines = [
      { messages: [ask, { role: "assistant", content: 42 }] },
      { messages: [ask, { role: "assistant", content: null }] },
      { messages: [ask, { role: "assistant" }] },
      { messages: [ask, { role: "assistant" }] },
      { messages: [ask, { role: "assistant", content: 42 }] },
    ];
    const file = dir.write("broken-replies.jsonl", lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    const { out } = await validate([file]);
    assert.deepEqual(
      reported(out, file),
      new Map([[1, ["wrong-type"]], [2, ["wrong-type"]], [3, ["missing-field"]], [4, ["missing-field"]], [5, ["duplicate", "wrong-type"]]]),
      out,
    );
  });

  it("checks sharegpt files", async () => {
    const cases = sharegptCases();
    const file = fileOf("sharegpt.jsonl", cases);
    const { out } = await validate([file]);
    assert.deepEqual(reported(out, file), expected(cases));
    assert.match(out, /error missing-assistant: the conversation must end with a gpt or function_call message \(the last is "human"\)/);
    assert.match(out, /error missing-field: the turns of "conversations" have "role" and "content" where they need "from" and "value"/);
  });

  it("prints problems in the contract's form with the column of bad JSON", async () => {
    const broken = line(good()).replace(/}}$/, "}, }");
    const file = dir.write("form.jsonl", `${line(good())}\n${broken}\n`);
    const { out } = await validate([file]);
    const column = broken.lastIndexOf(",") + 1;
    assert.equal(out, `${file}:2: error trailing-comma: trailing comma before } at column ${column}\n1 error, 0 warnings in 2 records\n`);
  });

  it("never prints a credential's value, only its kind and position", async () => {
    const file = dir.write("secret.jsonl", `${line(good({ output: `Use ${TOKEN} to log in.` }))}\n`);
    for (const json of [false, true]) {
      const { out } = await validate([file], { json });
      assert.ok(!out.includes(TOKEN) && !out.includes(TOKEN.slice(4, 20)), out);
      assert.match(out, /github|token|secret/);
    }
    const { out } = await validate([file]);
    assert.match(out, /secret\.jsonl:1: error secret: a credential \([a-z-]+\) in output at character 5/);
  });

  it("never prints a credential the file holds where a message quotes it: a key, a role, a long key", async () => {
    const chat = (messages: unknown[]) => line({ messages });
    const lines = [
      line(good({ meta: { [TOKEN]: "ci" } })), // a key holding a token
      chat([{ role: "user", content: "Write a haiku about caches." }, { role: TOKEN, content: "Old keys fade away" }]),
      chat([{ role: "user", content: "Write a haiku about caches.", [TOKEN]: 1 }, { role: "assistant", content: "Old keys fade away" }]),
      chat([{ role: "user", content: "Write a haiku about caches." }, { role: `assistant ${TOKEN}x`, content: "Old keys" }]),
      line({ ...good(), [TOKEN]: true }),
    ];
    const file = dir.write("quoted.jsonl", `${lines.join("\n")}\n`);
    for (const json of [false, true]) {
      const { out } = await validate([file], { json });
      assert.ok(!out.includes(TOKEN.slice(4, 20)), out);
      assert.match(out, /REDACTED:github-token/);
    }
    const { out } = await validate([file]);
    assert.match(out, new RegExp(`${file}:1: error secret: a credential \\(github-token\\) in a key of meta at character 1`));
    assert.match(out, /:2: error unknown-role: messages\[1\] has role "<REDACTED:github-token>"/);
    assert.match(out, /:3: error unknown-key: messages\[0\] has an unknown key "<REDACTED:github-token>"/);
    // Longer than a quote holds, with a blank: cut at the blank, never inside the token.
    assert.match(out, /:4: error unknown-role: messages\[1\] has role "assistant \.\.\."/);
    assert.match(out, /:5: error secret: a credential \(github-token\) in a key of the record at character 1/);
  });

  it("keeps each problem on one line, whatever the file's text holds, and survives JSON nested 100,000 deep", async () => {
    const deep = 100_000;
    const nested = `${line(good()).slice(0, -1)},"x":${"[".repeat(deep)}"${TOKEN}"${"]".repeat(deep)}}`;
    const lines = [
      line(good({ instruction: "Fix\nthis" })),
      line({ messages: [{ role: "user", content: "Write a poem about the sea." }, { role: "assis\ntant", content: "Waves." }] }),
      nested,
      line(good({ [`a${"b".repeat(60)}`]: 1 })),
    ];
    const file = dir.write("lines.jsonl", `${lines.join("\n")}\n`);
    const { code, out, err } = await validate([file]);
    assert.equal(err, "");
    assert.equal(code, 1);
    const reported = out.trimEnd().split("\n");
    for (const l of reported.slice(0, -1)) assert.match(l, /^.*lines\.jsonl:\d+: (error|warning) [a-z-]+: /, l);
    assert.match(reported.at(-1)!, /^\d+ errors, 1 warning in 4 records$/);
    assert.match(out, /:1: warning vague-instruction: the instruction "Fix\\nthis" does not say/);
    assert.match(out, /:2: error unknown-role: messages\[1\] has role "assis\\ntant"/);
    assert.match(out, /:3: error secret: a credential \(github-token\) in x\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\.\.\.\(99,987 more\)\.\.\.\[0\]/);
    // A key longer than a quote holds, with no blank to cut at: its length.
    assert.match(out, /:4: error inconsistent-fields: keys differ from the most common lines: extra \(61 characters\)/);
  });

  it("gives the byte offset of invalid UTF-8 and still checks the rest of the line", async () => {
    const head = Buffer.from(`${line(good())}\n`);
    const bad = Buffer.concat([Buffer.from('{"instruction": "Fix this.", "output": "caf'), Buffer.from([0xe9]), Buffer.from(' au lait"}\n')]);
    const file = dir.write("latin1.jsonl", Buffer.concat([head, bad]));
    const { out } = await validate([file], { ignore: ["inconsistent-fields"] });
    const offset = head.length + 43;
    assert.match(out, new RegExp(`:2: error invalid-utf8: invalid UTF-8 byte 0xE9 at byte offset ${offset} of the file \\(byte 44 of the line\\)`));
    assert.match(out, /:2: warning vague-instruction/);
  });

  it("handles a BOM, CRLF line ends and blank lines", async () => {
    const text = `\ufeff${line(good())}\r\n${line(good())}\r\n\r\n${line(good())}\r\n`;
    const { code, out } = await validate([dir.write("crlf.jsonl", text)]);
    assert.equal(out, "0 errors, 0 warnings in 3 records\n");
    assert.equal(code, 0);
  });

  it("reads standard input for -, and several files in one report", async () => {
    const a = dir.write("a.jsonl", `${line(good())}\n${line(good({ output: "" }))}\n`);
    const stdin = `${line(good())}\n${line(good({ instruction: "Fix this." }))}\n`;
    const { code, out } = await validate([a, "-"], {}, stdin);
    assert.equal(
      out,
      `${a}:2: error empty-field: "output" is empty\n<stdin>:2: warning vague-instruction: the instruction "Fix this." does not say what to change or what a good result is; name the code, the problem and the expected outcome\n1 error, 1 warning in 4 records (2 files)\n`,
    );
    assert.equal(code, 1);
  });

  it("reports a record of a later file that an earlier file of the run holds (training data leaking into validation)", async () => {
    const shared = good();
    const train = dir.write("train.jsonl", `${line(good())}\n${line(shared)}\n`);
    const valid = dir.write("valid.jsonl", `${line(good())}\n${line(good())}\n${line(shared)}\n${line(shared)}\n`);
    const { code, out } = await validate([train, valid]);
    assert.equal(
      out,
      `${valid}:3: error duplicate: same instruction, input and output as ${train}:2\n` +
        `${valid}:4: error duplicate: same instruction, input and output as ${train}:2\n` +
        "2 errors, 0 warnings in 6 records (2 files)\n",
    );
    assert.equal(code, 1);
    // Within one file, the earlier line alone names it.
    const alone = await validate([valid]);
    assert.match(alone.out, /valid\.jsonl:4: error duplicate: same instruction, input and output as line 3\n/);
  });

  it("exits 0 on warnings alone, and 1 with --strict", async () => {
    const file = dir.write("warn.jsonl", `${line(good({ instruction: "Fix this." }))}\n`);
    assert.equal((await validate([file])).code, 0);
    assert.equal((await validate([file], { strict: true })).code, 1);
  });

  it("silences a code with --ignore, also as a comma-separated list", async () => {
    const file = dir.write("ignore.jsonl", `${line(good({ instruction: "Fix this.", output: "" }))}\n`);
    const { code, out } = await validate([file], { ignore: ["empty-field,vague-instruction"] });
    assert.equal(out, "0 errors, 0 warnings in 1 record\n");
    assert.equal(code, 0);
    await assert.rejects(validate([file], { ignore: ["no-such-check"] }), (e: unknown) => e instanceof UsageError && /no-such-check/.test(e.message));
  });

  it("warns too-long over --max-tokens", async () => {
    const file = dir.write("long.jsonl", `${line(good())}\n`);
    assert.match((await validate([file], { maxTokens: 50 })).out, /:1: warning too-long: the record has about \d+ tokens \(estimated\), over --max-tokens 50/);
    assert.equal((await validate([file])).out, "0 errors, 0 warnings in 1 record\n");
  });

  it("checks every line as --format says", async () => {
    const file = dir.write("as-openai.jsonl", `${line(good())}\n`);
    const { out } = await validate([file], { format: "openai" });
    assert.match(out, /:1: error missing-field: no "messages" field/);
  });

  it("prints one JSON report with counts, columns and token statistics", async () => {
    const cases = alpacaCases();
    const file = fileOf("report.jsonl", cases);
    const { code, out } = await validate([file], { json: true });
    const report = JSON.parse(out) as {
      problems: { file: string; line: number; column?: number; severity: string; code: string; message: string; field?: string }[];
      files: { file: string; format: string; records: number; errors: number; warnings: number }[];
      records: number;
      errors: number;
      warnings: number;
      counts: Record<string, number>;
      tokens: { min: number; median: number; p95: number; max: number; tokenizer: string; maxTokens: number };
    };
    assert.equal(code, 1);
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0]!.format, "alpaca");
    assert.equal(report.records, report.files[0]!.records);
    assert.equal(report.errors + report.warnings, report.problems.length);
    const counted = Object.values(report.counts).reduce((a, b) => a + b, 0);
    assert.equal(counted, report.problems.length);
    assert.equal(report.counts["trailing-comma"], 2);
    assert.equal(report.counts.placeholder, 5);
    for (const p of report.problems) {
      assert.equal(p.file, file);
      assert.ok(p.line >= 1 && ["error", "warning"].includes(p.severity) && p.message.length > 0);
    }
    const secret = report.problems.find((p) => p.code === "secret" && p.field === "input")!;
    const secretLine = cases[secret.line - 1]!.text;
    assert.equal(secretLine.slice(secret.column! - 1, secret.column! - 1 + TOKEN.length), TOKEN, "the column points at the credential");
    const fence = report.problems.find((p) => p.code === "trailing-comma")!;
    assert.equal(cases[fence.line - 1]!.text[fence.column! - 1], ",");
    const { min, median, p95, max, tokenizer, maxTokens } = report.tokens;
    assert.ok(min > 0 && min <= median && median <= p95 && p95 <= max, JSON.stringify(report.tokens));
    assert.equal(tokenizer, "approx");
    assert.equal(maxTokens, 4096);
  });

  it("stops quietly when the reader of its output goes away (| head)", async () => {
    const file = dir.write("piped.jsonl", Array.from({ length: 3000 }, () => line(good({ instruction: "Fix this." }))).join("\n"));
    let writes = 0;
    const closed = new Writable({
      write(_chunk, _enc, done) {
        writes++;
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const code = await runValidate([file], { jobs: 0 }, { stdout: closed, stderr: new Capture(), stdin: Readable.from([]) });
    assert.equal(code, 0);
    assert.equal(writes, 1);
  });

  it("fails with a usage error naming a missing or unreadable file, before reporting anything", async () => {
    const ok = dir.write("fine.jsonl", `${line(good())}\n`);
    await assert.rejects(validate([ok, `${dir.path}/nope.jsonl`]), (e: unknown) => e instanceof UsageError && e.exitCode === 2 && e.message === `cannot read ${dir.path}/nope.jsonl: no such file`);
    const empty = join(dir.path, "empty-folder");
    mkdirSync(join(empty, "sub"), { recursive: true });
    writeFileSync(join(empty, "sub", "notes.txt"), "not a dataset\n");
    await assert.rejects(validate([empty]), (e: unknown) => e instanceof UsageError && e.message === `cannot read ${empty}: it is a folder with no .jsonl file under it`);
    await assert.rejects(validate([]), UsageError);
  });

  it("checks every .jsonl file under a folder, in path order, as one run", async () => {
    const folder = join(dir.path, "splits");
    mkdirSync(join(folder, "valid"), { recursive: true });
    const shared = good();
    writeFileSync(join(folder, "train.jsonl"), `${line(shared)}\n${line(good())}\n`);
    writeFileSync(join(folder, "valid", "valid.jsonl"), `${line(shared)}\n`);
    writeFileSync(join(folder, "README.md"), "# splits\n");
    const { code, out } = await validate([folder]);
    assert.equal(code, 1);
    assert.equal(
      out,
      `${join(folder, "valid", "valid.jsonl")}:1: error duplicate: same instruction, input and output as ${join(folder, "train.jsonl")}:1\n` +
        "1 error, 0 warnings in 3 records (2 files)\n",
    );
  });

  it("counts a system prompt and a history as part of a record: the same reply after two histories is no duplicate", async () => {
    const thanks = { instruction: "Thanks, that works!", input: "", output: "You're welcome! Ask again any time." };
    const file = dir.write(
      "multi-turn.jsonl",
      [
        { ...thanks, history: [["How do I reverse a list?", "Use items[::-1]."]] },
        { ...thanks, history: [["How do I undo a commit?", "git reset --soft HEAD~1"]] },
        { ...thanks, history: [["How do I undo a commit?", "git reset --soft HEAD~1"]] },
        { conversations: [{ from: "human", value: "Tabs or spaces?" }, { from: "gpt", value: "Spaces." }], system: "You are a style guide." },
        { conversations: [{ from: "human", value: "Tabs or spaces?" }, { from: "gpt", value: "Spaces." }], system: "Answer as a pirate." },
      ]
        .map((r) => line(r))
        .join("\n") + "\n",
    );
    const { out } = await validate([file], { ignore: ["inconsistent-fields"] });
    assert.deepEqual([...reported(out, file)], [[3, ["duplicate"]]]);
  });

  it("reads a gzip-compressed file through gunzip; a broken one, or one that fails while read, is named with exit 2", async () => {
    const text = `${line(good())}\n${line({ instruction: "Name a planet of the solar system." })}\n`;
    const packed = join(dir.path, "train.jsonl.gz");
    writeFileSync(packed, gzipSync(text));
    const { code, out } = await validate([packed]);
    assert.equal(code, 1);
    assert.deepEqual([...reported(out, packed)], [[2, ["inconsistent-fields", "missing-field"]]]);
    const cut = join(dir.path, "cut.jsonl.gz");
    writeFileSync(cut, gzipSync(text).subarray(0, 30));
    await assert.rejects(validate([cut]), (e: unknown) => e instanceof UsageError && e.message === `cannot read ${cut}: not a whole gzip file (unexpected end of file)`);
    if (process.platform === "linux") {
      await assert.rejects(validate(["/proc/self/mem"]), (e: unknown) => e instanceof UsageError && e.message === "cannot read /proc/self/mem: an input/output error (EIO)");
    }
  });

  it("names a preference (DPO) file for what it is, not a broken instruction record", async () => {
    const file = dir.write("dpo.jsonl", `${line({ input: { messages: [{ role: "user", content: "Hi" }] }, preferred_output: [{ role: "assistant", content: "Hello!" }], non_preferred_output: [{ role: "assistant", content: "Go away." }] })}\n`);
    const { code, out } = await validate([file]);
    assert.equal(code, 1);
    assert.equal(out.split("\n")[0], `${file}:1: error missing-field: a preference (DPO) record, with "preferred_output" and "non_preferred_output": validate checks instruction and chat records (alpaca, openai, sharegpt), not preference pairs`);
  });

  it("follows symbolic links under a folder, as a Hugging Face snapshot links its files into blobs/, without looping", async () => {
    const hub = join(dir.path, "hub");
    mkdirSync(join(hub, "blobs"), { recursive: true });
    mkdirSync(join(hub, "snapshots", "3f2a9c1", "data"), { recursive: true });
    const shared = line(good());
    writeFileSync(join(hub, "blobs", "7d1e0c9b"), `${shared}\n${line(good())},\n`);
    mkdirSync(join(hub, "splits-store"));
    writeFileSync(join(hub, "splits-store", "test.jsonl"), `${shared}\n`);
    symlinkSync("../../../blobs/7d1e0c9b", join(hub, "snapshots", "3f2a9c1", "data", "train.jsonl"));
    symlinkSync("../../splits-store", join(hub, "snapshots", "3f2a9c1", "splits"));
    symlinkSync("..", join(hub, "snapshots", "3f2a9c1", "data", "loop"));
    const { code, out } = await validate([join(hub, "snapshots", "3f2a9c1")]);
    assert.equal(code, 1);
    assert.match(out, /data\/train\.jsonl:2: error trailing-comma/);
    assert.match(out, /splits\/test\.jsonl:1: error duplicate: same instruction, input and output as .*train\.jsonl:1/);
    assert.match(out, /in 3 records \(2 files\)\n$/);
  });

  it("checks a file named twice (or also through its folder) once: it is not its own duplicate", async () => {
    const folder = join(dir.path, "twice");
    mkdirSync(folder);
    const file = join(folder, "train.jsonl");
    writeFileSync(file, `${line(good())}\n${line(good())}\n`);
    const { code, out } = await validate([file, folder, `${folder}/./train.jsonl`]);
    assert.equal(code, 0, out);
    assert.equal(out, "0 errors, 0 warnings in 2 records\n");
  });
});
