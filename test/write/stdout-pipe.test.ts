// `gh-harvest local . | head -1`, `gh-harvest merge shards | head`: the reader of standard
// output goes away, and the next write fails with EPIPE. That ends the run quietly, as git
// does, instead of "this is a bug" and exit 1.
import { describe, it, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable, Writable } from "node:stream";
import { main, type CliIO } from "../../src/cli.js";
import { stdoutSink } from "../../src/write/atomic-file.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

/** A pipe whose reader took `keep` writes, then closed it. */
function closingPipe(keep: number) {
  const seen = { writes: 0, lines: 0 };
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      seen.writes++;
      if (seen.writes > keep) return done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      seen.lines += chunk.toString().split("\n").length - 1;
      done();
    },
  });
  return { stream, seen };
}

async function run(args: string[], stdout: Writable) {
  const stderr = new PassThrough();
  let err = "";
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  const io: CliIO = {
    stdout,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: Readable.from([]),
    env: {},
    signal: new AbortController().signal,
  };
  return { code: await main(args, io), stderr: err };
}

describe("standard output closed by its reader", () => {
  let repo: TempRepo;
  let dir: string;
  before(async () => {
    repo = await createTempRepo();
    for (let i = 0; i < 12; i++) {
      await repo.write(`src/file${i}.py`, `def value():\n    return ${i}\n`);
      await repo.commit(`Add module ${i} that returns its own number for the registry lookup`);
    }
    dir = mkdtempSync(join(tmpdir(), "stdout-pipe-"));
  });
  after(async () => {
    await repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stdoutSink: EPIPE closes the sink; any other error fails the write", async () => {
    const { stream } = closingPipe(1);
    const sink = stdoutSink(stream);
    await sink.write("one\n");
    assert.equal(sink.closed, false);
    await sink.write("two\n");
    await new Promise((r) => setImmediate(r));
    assert.equal(sink.closed, true);
    await sink.write("three\n"); // goes nowhere, throws nothing
    await sink.commit();

    const broken = new Writable({ write: (_c, _e, done) => done(Object.assign(new Error("no space left on device"), { code: "ENOSPC" })) });
    const failing = stdoutSink(broken);
    await assert.rejects(async () => {
      await failing.write("one\n");
      await new Promise((r) => setImmediate(r));
      await failing.write("two\n");
    }, /no space left/);
  });

  it("local stops at the closed pipe, exits 0, and does not save --state", async () => {
    const { stream, seen } = closingPipe(2);
    const state = join(dir, "state.json");
    const result = await run(["local", repo.dir, "--state", state], stream);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /bug|EPIPE/);
    assert.equal(seen.lines, 2);
    assert.ok(seen.writes <= 4, `stopped writing soon after the pipe closed (${seen.writes} writes)`);
    assert.match(result.stderr, /stopped there: stdout's reader closed it/);
    assert.match(result.stderr, /state\.json not updated/);
  });

  it("merge stops at the closed pipe and exits 0", async () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ instruction: `Explain what step ${i} of the build pipeline does.`, input: "", output: `Step ${i} compiles module ${i} and caches it.`, meta: { id: `x${i}` } }),
    );
    const shard = join(dir, "shard.jsonl");
    writeFileSync(shard, `${lines.join("\n")}\n`);
    const { stream, seen } = closingPipe(3);
    const result = await run(["merge", shard], stream);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /bug|EPIPE/);
    assert.equal(seen.lines, 3);
    assert.ok(seen.writes <= 5, `stopped writing soon after the pipe closed (${seen.writes} writes)`);
  });
});
