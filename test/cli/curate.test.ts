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
    for (let i = 0; i < 4; i++) {
      await repo.write(`src/fetch${i}.${h.ext}`, h.async.replace("fetch", `fetch${i}`));
      await repo.commit(`Turn fetch number ${i} into a coroutine that awaits the client`);
      await repo.write(`src/area${i}.${h.ext}`, h.other.replace("area", `area${i}`));
      await repo.commit(`Add area helper number ${i} for circles of any radius`);
    }
    repos.push(repo);
  }
});

after(async () => {
  for (const repo of repos) await repo.cleanup();
});

const records = (stdout: string) => stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("curation flags", () => {
  it("harvests several histories in one run with --match and an even --balance by language", async () => {
    const args = ["local", ...repos.map((r) => r.dir), "--match", "coroutine|async|await", "--balance", "language", "--limit", "6", "--seed", "7"];
    const result = await runCli(args);
    assert.equal(result.code, 0, result.stderr);
    const chosen = records(result.stdout);
    assert.equal(chosen.length, 6);
    const perLanguage: Record<string, number> = {};
    for (const r of chosen) {
      assert.match(r.output, /coroutine/);
      for (const lang of r.meta.languages) perLanguage[lang] = (perLanguage[lang] ?? 0) + 1;
    }
    assert.deepEqual(perLanguage, { python: 2, rust: 2, typescript: 2 });
    const again = await runCli(args);
    assert.equal(again.stdout, result.stdout, "the same seed gives the same mix");
  });

  it("keeps only the languages asked for", async () => {
    const result = await runCli(["local", ...repos.map((r) => r.dir), "--languages", "rust"]);
    assert.equal(result.code, 0, result.stderr);
    const chosen = records(result.stdout);
    assert.equal(chosen.length, 8);
    assert.ok(chosen.every((r) => r.meta.languages.includes("rust")));
    assert.match(result.stderr, /not in --languages 16/);
  });

  it("refuses --balance without --limit and a broken --match", async () => {
    const balance = await runCli(["local", repos[0]!.dir, "--balance", "repo"]);
    assert.equal(balance.code, 2);
    assert.match(balance.stderr, /--balance needs --limit/);
    const match = await runCli(["local", repos[0]!.dir, "--match", "(unclosed"]);
    assert.equal(match.code, 2);
    assert.equal(match.stderr.trim().split("\n").length, 1);
  });
});
