import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { runStats, statsJson } from "../../src/commands/stats.js";
import { createStatsCollector } from "../../src/stats/collect.js";
import { histogramBins } from "../../src/stats/histogram.js";
import { UsageError } from "../../src/errors.js";
import { mixedTriples, tempDir, triple, type TempDir } from "./fixture.js";
import { capture } from "../helpers/streams.js";


describe("stats", () => {
  let tmp: TempDir;
  let alpaca: string;
  let chat: string;
  before(() => {
    tmp = tempDir();
    const triples = mixedTriples();
    alpaca = tmp.write("data.jsonl", [...triples.slice(0, 40), "{not json", triples.at(-1)!]);
    chat = tmp.write("chat.jsonl", triples.slice(40, 49), "openai");
    tmp.write("gpt.jsonl", triples.slice(40, 43), "sharegpt");
  });
  after(() => tmp.remove());

  it("counts per rule, source, repository and language across files of any format", async () => {
    const { io, text } = capture();
    assert.equal(await runStats([alpaca, chat, join(tmp.dir, "gpt.jsonl")], { json: true }, io), 0);
    const report = JSON.parse(text.out) as ReturnType<typeof statsJson>;
    assert.equal(report.records, 41 + 9 + 3);
    assert.deepEqual(report.byMapping, { "commit-message": 41, "pr-description": 9, "issue-answer": 3 });
    assert.deepEqual(report.bySource, { commit: 41, pull: 9, issue: 3 });
    assert.deepEqual(report.byRepo, { "acme/py": 31, "acme/rs": 10, "acme/web": 12 });
    assert.deepEqual(report.byLanguage, { python: 31, rust: 10, toml: 10, typescript: 9, "(none)": 3 });
    assert.deepEqual(report.redacted, { "github-token": 4, "aws-access-key": 2 });
    assert.deepEqual(report.files.map((f) => [f.records, f.skipped, f.formats]), [[41, 1, { alpaca: 41 }], [9, 0, { openai: 9 }], [3, 0, { sharegpt: 3 }]]);
    assert.equal(report.largest[0]!.id, "local:demo@huge:commit-message");
    assert.equal(report.largest[0]!.line, 42);
    assert.ok(report.largest[0]!.tokens > 5_000);
    assert.equal(report.largest.length, 10);
    assert.match(text.err, /data\.jsonl: 1 line skipped, first at line 41: not JSON/);
  });

  it("prints bars and a token histogram that fit 80 columns", async () => {
    const { io, text } = capture();
    await runStats([alpaca, chat], { top: 3 }, io);
    const lines = text.out.split("\n");
    for (const line of lines) assert.ok([...line].length < 80, `too wide: ${line}`);
    assert.match(text.out, /^ {2}commit-message +█+ +41 +82\.0%$/m);
    assert.match(text.out, /^ {2}pr-description +█+[▉▊▋▌▍▎▏]? +6 +12\.0%$/m);
    assert.match(text.out, /Tokens per record \(estimated from characters and punctuation, about o200k\)/);
    assert.match(text.out, /^ +64–127 +█+[▉▊▋▌▍▎▏]? +\d+$/m);
    assert.match(text.out, /^ +4096–8191 +[█▉▊▋▌▍▎▏]+ +1$/m);
    assert.equal(lines.filter((l) => / tokens +[\d.]+ (KiB|B) /.test(l)).length, 3, "top 3 largest");
  });

  it("rejects a file it cannot read before printing anything", async () => {
    const { io, text } = capture();
    await assert.rejects(runStats([alpaca, join(tmp.dir, "missing.jsonl")], {}, io), (e: unknown) => e instanceof UsageError && /cannot read .*missing\.jsonl: no such file/.test(e.message));
    assert.equal(text.out, "");
  });

  it("reads a folder as the .jsonl files under it, and says so when it holds none", async () => {
    const folder = join(tmp.dir, "splits");
    mkdirSync(join(folder, "valid"), { recursive: true });
    copyFileSync(alpaca, join(folder, "train.jsonl"));
    copyFileSync(alpaca, join(folder, "valid", "valid.jsonl"));
    const { io, text } = capture();
    assert.equal(await runStats([folder], {}, io), 0);
    assert.match(text.out, /^82 records in 2 files \(2 lines skipped\)\n.*splits\/train\.jsonl: 41 records.*\n.*splits\/valid\/valid\.jsonl: 41 records/m);
    const empty = join(tmp.dir, "nothing-here");
    mkdirSync(empty);
    await assert.rejects(runStats([empty], {}, io), (e: unknown) => e instanceof UsageError && /nothing-here: it is a folder with no \.jsonl file/.test(e.message));
  });

  it("gives exact nearest-rank percentiles and doubling bins", () => {
    const c = createStatsCollector({ countTokens: (s) => s.length });
    c.startFile("f");
    for (const n of [10, 20, 30, 40, 100, 1000]) c.add(triple(n, {}, { instruction: "x".repeat(n), input: "", output: "" }), { file: "f", line: n, bytes: n, format: "alpaca" });
    const s = c.result();
    assert.deepEqual([s.tokens.min, s.tokens.p50, s.tokens.p90, s.tokens.max], [10, 30, 1000, 1000]);
    assert.deepEqual(histogramBins(s.tokens.counts).map((b) => [b.from, b.count]), [[0, 3], [32, 1], [64, 1], [128, 0], [256, 0], [512, 1]]);
  });

  it("keeps a bounded sample", () => {
    const c = createStatsCollector({ sampleSize: 5 });
    c.startFile("f");
    for (let i = 0; i < 1000; i++) c.add(triple(i), { file: "f", line: i + 1, bytes: 1, format: "alpaca" });
    const { sample } = c.result();
    assert.equal(sample.length, 5);
    assert.ok(sample.some((s) => s.line > 100), "sampled across the file");
  });

  it("reads standard input for -, as validate does", async () => {
    const { io, text } = capture();
    const stdin = Readable.from([readFileSync(chat)]);
    assert.equal(await runStats(["-", alpaca], { json: true }, { ...io, stdin }), 0);
    const report = JSON.parse(text.out) as ReturnType<typeof statsJson>;
    assert.deepEqual(report.files.map((f) => [f.file, f.records]), [["<stdin>", 9], [alpaca, 41]]);
    await assert.rejects(runStats(["-", "-"], {}, { ...io, stdin }), (e: unknown) => e instanceof UsageError && /can be read once/.test(e.message));
  });

  it("shows a sampled record's credential in the HTML page as its kind, and says so", async () => {
    // Made up, random-looking, built at run time so that no scanner flags this file.
    const token = `ghp_${"Xk9Lm2Qr7Tz4Wb8Vn3Hs6Jd1Fy5Gc0Pa" + "Ue4R"}`;
    const leaky = tmp.write("leaky.jsonl", [JSON.stringify({ instruction: "Explain what this CI variable does.", input: `GITHUB_TOKEN=${token}`, output: "It authenticates the job against the GitHub API." })]);
    const { io, text } = capture();
    const html = join(tmp.dir, "leaky.html");
    await runStats([leaky], { html }, io);
    const page = readFileSync(html, "utf8");
    assert.ok(!page.includes(token.slice(4)), "the token is not in the page");
    assert.match(page, /GITHUB_TOKEN=&#60;REDACTED:github-token&#62;/);
    assert.match(text.err, /warning: sampled records hold credentials \(1 github-token\)/);
  });

  it("writes the HTML report atomically and names it", async () => {
    const { io, text } = capture();
    const html = join(tmp.dir, "report.html");
    await runStats([alpaca], { html }, io);
    assert.match(text.out, /HTML report written to .*report\.html/);
    assert.match(readFileSync(html, "utf8"), /^<!doctype html>/);
  });
});
