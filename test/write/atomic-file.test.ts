import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openAtomicFile } from "../../src/write/atomic-file.js";
import { readExistingIds } from "../../src/write/existing-ids.js";
import { loadState, saveState } from "../../src/write/state.js";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "atomic-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("atomic output file", () => {
  it("replaces the target only on commit", async () => {
    const target = join(dir, "out.jsonl");
    writeFileSync(target, "old\n");
    const sink = await openAtomicFile(target);
    await sink.write("new 1\n");
    await sink.write("new 2\n");
    assert.equal(readFileSync(target, "utf8"), "old\n", "the old file stays while the run goes on");
    await sink.commit();
    assert.equal(readFileSync(target, "utf8"), "new 1\nnew 2\n");
    assert.deepEqual(readdirSync(dir), ["out.jsonl"], "no temporary file is left behind");
  });

  it("keeps the old file's permissions, and replaces the file a symbolic link points to, not the link", async () => {
    const target = join(dir, "private.jsonl");
    writeFileSync(target, "old\n");
    chmodSync(target, 0o600);
    const link = join(dir, "latest.jsonl");
    symlinkSync("private.jsonl", link);
    const sink = await openAtomicFile(link);
    await sink.write("new\n");
    await sink.commit();
    assert.ok(lstatSync(link).isSymbolicLink(), "the link is still a link");
    assert.equal(readFileSync(target, "utf8"), "new\n");
    assert.equal(statSync(target).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir).sort(), ["latest.jsonl", "private.jsonl"]);
  });

  it("leaves the previous file as it was when aborted", async () => {
    const target = join(dir, "out.jsonl");
    writeFileSync(target, "old\n");
    const sink = await openAtomicFile(target);
    await sink.write("partial\n");
    await sink.abort();
    assert.equal(readFileSync(target, "utf8"), "old\n");
    assert.deepEqual(readdirSync(dir), ["out.jsonl"]);
  });

  it("keeps the existing content for --append and starts empty when there is none", async () => {
    const target = join(dir, "out.jsonl");
    writeFileSync(target, '{"meta":{"id":"a"}}\n');
    const sink = await openAtomicFile(target, { keepExisting: true });
    await sink.write('{"meta":{"id":"b"}}\n');
    await sink.commit();
    assert.deepEqual([...(await readExistingIds(target))], ["a", "b"]);
    const fresh = await openAtomicFile(join(dir, "new.jsonl"), { keepExisting: true });
    await fresh.write("x\n");
    await fresh.commit();
    assert.equal(readFileSync(join(dir, "new.jsonl"), "utf8"), "x\n");
  });

  it("writes to a device in place instead of replacing it", async () => {
    const sink = await openAtomicFile("/dev/null");
    await sink.write("discarded\n");
    await sink.commit();
    const { statSync } = await import("node:fs");
    assert.ok(statSync("/dev/null").isCharacterDevice(), "/dev/null is still a device");
    await assert.rejects(openAtomicFile(dir), { name: "UsageError", message: /is a directory/ });
  });

  it("makes the folders a new file goes in, and refuses a path under a file with a usage error", async () => {
    const target = join(dir, "new", "folder", "out.jsonl");
    const sink = await openAtomicFile(target);
    await sink.write("{}\n");
    await sink.commit();
    assert.equal(readFileSync(target, "utf8"), "{}\n");
    writeFileSync(join(dir, "plain.txt"), "a file\n");
    await assert.rejects(openAtomicFile(join(dir, "plain.txt", "out.jsonl")), { name: "UsageError", message: /plain\.txt\/out\.jsonl: cannot make its folder/ });
  });

  it("reads ids of a file that has broken lines without failing", async () => {
    const target = join(dir, "mixed.jsonl");
    writeFileSync(target, '{"meta":{"id":"a"}}\nnot json\n\n{"instruction":"x"}\n{"meta":{"id":"c"}}\n');
    assert.deepEqual([...(await readExistingIds(target))].sort(), ["a", "c"]);
    assert.equal((await readExistingIds(join(dir, "missing.jsonl"))).size, 0);
  });
});

describe("state file", () => {
  it("round-trips and starts empty when absent", async () => {
    const path = join(dir, ".harvest", "state.json");
    assert.deepEqual(await loadState(path), { version: 1, sources: {} });
    await saveState(path, { version: 1, sources: { "git:/x": { lastSha: "abc" } } });
    assert.deepEqual(await loadState(path), { version: 1, sources: { "git:/x": { lastSha: "abc" } } });
  });

  it("refuses a file that is not a state file, saying how to recover", async () => {
    const path = join(dir, "state.json");
    writeFileSync(path, '{"hello": 1}');
    await assert.rejects(loadState(path), { name: "UsageError", message: /not a gh-harvest state file.*delete it/ });
  });
});
