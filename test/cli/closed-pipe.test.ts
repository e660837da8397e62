// `gh-harvest mappings | head -c 1`: the reader is gone before the first write. In a real
// child process, the write's EPIPE must end the command quietly, never as Node's crash with
// a stack trace (the contract: no stack trace unless --debug).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));

describe("standard output closed before the first write", () => {
  it("mappings ends without a crash", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, "mappings"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // the reader went away: every write fails with EPIPE
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    assert.doesNotMatch(stderr, /Unhandled 'error' event|EPIPE|at .*:\d+:\d+/, stderr);
    assert.notEqual(code, null);
  });
});
