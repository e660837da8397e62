// A harvest stopped by a signal, in a real child process: the previous output stays as it
// was and no temporary file is left beside it, whether the run stops cleanly (Ctrl-C, a
// kill, a closed terminal) or at once (a second Ctrl-C calls process.exit). The exit status
// is the shell's 128 + the signal's number.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";

const CLI = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));

/** A long linear history (fast-import): long enough that a harvest runs for seconds. */
function history(n: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) {
    const content = `export const step${i} = ${i};\n${"// a line of context for the diff\n".repeat(30)}`;
    const message = `Add step ${i} to the registry so that the scheduler can find it\n`;
    parts.push(
      `commit refs/heads/main\nmark :${i}\ncommitter Ada Lovelace <ada@example.com> ${1_700_000_000 + i * 60} +0000\n`,
      `data ${Buffer.byteLength(message)}\n${message}`,
      i > 1 ? `from :${i - 1}\n` : "",
      `M 100644 inline src/step${i % 50}.ts\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
  }
  return `${parts.join("")}done\n`;
}

describe("a run stopped by a signal", () => {
  let repo: TempRepo;
  let dir: string;
  before(async () => {
    repo = await createTempRepo();
    await repo.fastImport(history(1000));
    await repo.git(["reset", "-q", "--hard", "main"]);
  });
  after(async () => {
    await repo.cleanup();
  });

  const cases = [
    { name: "Ctrl-C", signals: ["SIGINT"], status: 130 },
    { name: "a kill (SIGTERM)", signals: ["SIGTERM"], status: 143 },
    { name: "a closed terminal (SIGHUP)", signals: ["SIGHUP"], status: 129 },
  ] as const;
  for (const c of cases) {
    it(`leaves the previous output and no temporary file: ${c.name}`, async () => {
      dir = mkdtempSync(join(tmpdir(), "gh-harvest-signal-"));
      try {
        const out = join(dir, "out.jsonl");
        writeFileSync(out, "PREVIOUS\n");
        const child = spawn(process.execPath, ["--import", "tsx", CLI, "local", repo.dir, "-o", out], { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        // Wait until the run is writing (its temporary file exists), then signal it.
        for (let i = 0; i < 600 && !readdirSync(dir).some((f) => f.endsWith(".tmp")); i++) await sleep(50);
        assert.ok(readdirSync(dir).some((f) => f.endsWith(".tmp")), `the run started writing: ${stderr}`);
        for (const signal of c.signals) child.kill(signal);
        const code = await exited;
        assert.equal(code, c.status, stderr);
        assert.equal(readFileSync(out, "utf8"), "PREVIOUS\n");
        assert.deepEqual(readdirSync(dir), ["out.jsonl"]);
        assert.doesNotMatch(stderr, /bug|at .*\.ts:\d+/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it("removes an atomic file's temporary file when the process exits without aborting it (a second Ctrl-C)", async () => {
    dir = mkdtempSync(join(tmpdir(), "gh-harvest-exit-"));
    try {
      const out = join(dir, "out.jsonl");
      writeFileSync(out, "PREVIOUS\n");
      const module = new URL("../../src/write/atomic-file.ts", import.meta.url).href;
      const script = `const { openAtomicFile } = await import(${JSON.stringify(module)});
        const sink = await openAtomicFile(${JSON.stringify(out)});
        await sink.write("half of a dataset\\n");
        process.exit(130);`;
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      assert.equal(code, 130, stderr);
      assert.deepEqual(readdirSync(dir), ["out.jsonl"]);
      assert.equal(readFileSync(out, "utf8"), "PREVIOUS\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
