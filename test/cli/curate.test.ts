import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/cli.js";

// Three small histories, as the course lab has them: Python, Rust and TypeScript, each
// with changes about coroutines and changes about something else.
const histories = {
  py: { ext: "py", async: "async def fetch(url):\n    return await client.get(url)\n", other: "def area(r):\n    return 3.14 * r * r\n" },
  rs: { ext: "rs", async: "async fn fetch(url: &str) -> Body {\n    client.get(url).await\n}\n", other: "fn area(r: f64) -> f64 {\n    3.14 * r * r\n}\n" },
  ts: { ext: "ts", async: "export async function fetchIt(url: string) {\n  return await client.get(url);\n}\n", other: "export const area = (r: number) => 3.14 * r * r;\n" },
};

const repos: TempRepo[] = [];

before(async () => {
  for (const [name, h] of Object.entries(histories)) {
    const repo = await createTempRepo({ name: `lab-${name}` });
    for (let i = 0; i < 18; i++) {
      await repo.write(`src/fetch${i}.${h.ext}`, h.async.replace("fetch", `fetch${i}`));
      await repo.commit(`Turn fetch number ${i} into a coroutine that awaits the client`);
      if (i % 6 === 0) {
        await repo.write(`src/area${i}.${h.ext}`, h.other.replace("area", `area${i}`));
        await repo.commit(`Add area helper number ${i} for circles of any radius`);
      }
    }
    repos.push(repo);
  }
});

after(async () => {
  for (const repo of repos) await repo.cleanup();
});

const records = (stdout: string) => stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("curation flags", () => {
  it("runs the course lab as one command: 50 valid records about coroutines, balanced across three languages", async () => {
    // The command of the README's "Curating" section.
    const args = ["local", ...repos.map((r) => r.dir), "--match", "coroutine|async|await", "--languages", "python,rust,typescript",
      "--balance", "language", "--limit", "50", "--seed", "1"];
    const result = await runCli(args);
    assert.equal(result.code, 0, result.stderr);
    const chosen = records(result.stdout);
    assert.equal(chosen.length, 50);
    const perLanguage: Record<string, number> = {};
    for (const r of chosen) {
      assert.match(r.output, /coroutine/);
      for (const lang of r.meta.languages) perLanguage[lang] = (perLanguage[lang] ?? 0) + 1;
    }
    assert.deepEqual(Object.values(perLanguage).sort(), [16, 17, 17]);
    // Every item read is accounted for: written, skipped (the mix's leftovers too) or rejected.
    const scanned = Number(/from (\d+) items/.exec(result.stderr)?.[1]);
    const skipped = Number(/skipped (\d+):/.exec(result.stderr)?.[1] ?? 0);
    const rejected = Number(/rejected (\d+):/.exec(result.stderr)?.[1] ?? 0);
    assert.match(result.stderr, /not chosen for the even mix \(--balance\) \d+/);
    assert.equal(50 + skipped + rejected, scanned, result.stderr);
    const again = await runCli(args);
    assert.equal(again.stdout, result.stdout, "the same seed gives the same mix");
    const other = await runCli([...args.slice(0, -1), "2"]);
    assert.notEqual(other.stdout, result.stdout, "another seed, another sample");
    const check = await runCli(["validate", "-"], { stdin: result.stdout });
    assert.equal(check.code, 0, check.stdout);
  });

  it("keeps only the languages asked for", async () => {
    const result = await runCli(["local", ...repos.map((r) => r.dir), "--languages", "rust"]);
    assert.equal(result.code, 0, result.stderr);
    const chosen = records(result.stdout);
    assert.equal(chosen.length, 21);
    assert.ok(chosen.every((r) => r.meta.languages.includes("rust")));
    assert.match(result.stderr, /not in --languages 42/);
  });

  it("refuses --balance without --limit and a broken --match", async () => {
    const balance = await runCli(["local", repos[0]!.dir, "--balance", "repo"]);
    assert.equal(balance.code, 2);
    assert.match(balance.stderr, /--balance needs --limit/);
    const match = await runCli(["local", repos[0]!.dir, "--match", "(unclosed"]);
    assert.equal(match.code, 2);
    assert.equal(match.stderr.trim().split("\n").length, 1);
  });

  it("takes 0 for --seed and --jobs, and says what it takes otherwise", async () => {
    assert.equal((await runCli(["validate", "--jobs", "0", "-"], { stdin: "" })).code, 0);
    for (const args of [["validate", "--jobs", "-1", "-"], ["local", repos[0]!.dir, "--seed", "x"]]) {
      const bad = await runCli(args, { stdin: "" });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /expected a whole number of at least 0, got "(-1|x)"/);
      assert.equal(bad.stderr.trim().split("\n").length, 1);
    }
  });
});
