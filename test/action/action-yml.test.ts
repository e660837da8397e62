import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { INPUT_DEFAULTS } from "../../src/action/inputs.js";
import { REPO_ROOT } from "./harness.js";

type Json = Record<string, any>;
const read = (path: string) => parse(readFileSync(join(REPO_ROOT, path), "utf8")) as Json;
const WORKFLOWS = [".github/workflows/harvest.yml", ".github/workflows/harvest-org.yml"];

// @action-validator/cli: the schemas of SchemaStore compiled to WebAssembly, run by node.
const VALIDATOR = join(REPO_ROOT, "node_modules/@action-validator/cli/cli.mjs");

function validate(path: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [VALIDATOR, path], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

/** The ```yaml blocks of the README's "GitHub Action" section. */
function readmeWorkflows(): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## GitHub Action\n"), readme.indexOf("\n## ", readme.indexOf("\n## GitHub Action\n") + 1));
  return [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

describe("action.yml", () => {
  const action = read("action.yml");

  it("is a node24 action whose main is the committed bundle", () => {
    assert.equal(action.runs.using, "node24");
    assert.equal(action.runs.main, "dist-action/index.js");
    assert.ok(existsSync(join(REPO_ROOT, action.runs.main)));
  });

  it("declares the inputs the code reads, with the same defaults", () => {
    assert.deepEqual(Object.keys(action.inputs).sort(), Object.keys(INPUT_DEFAULTS).sort());
    for (const [name, spec] of Object.entries(action.inputs as Record<string, Json>)) {
      const expected = { token: "${{ github.token }}", "api-url": "${{ github.api_url }}" }[name] ?? INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS];
      assert.equal(String(spec.default), expected, `default of ${name}`);
      assert.ok(typeof spec.description === "string" && spec.description.length > 10, `${name} has a description`);
    }
    assert.deepEqual(Object.keys(action.outputs).sort(), ["count", "file", "matrix", "records", "rejected"]);
  });
});

describe("the example workflows", () => {
  it("run weekly and by hand, read only, keep the state in a cache and upload the dataset", () => {
    for (const path of WORKFLOWS) {
      const workflow = read(path);
      assert.match(workflow.on.schedule[0].cron, /^\S+ \S+ \* \* \d$/, `${path}: a weekly cron`);
      assert.ok("workflow_dispatch" in workflow.on, path);
      assert.deepEqual(workflow.permissions, { contents: "read", issues: "read", "pull-requests": "read" }, path);
      const uses = Object.values(workflow.jobs as Record<string, Json>).flatMap((job) => (job.steps as Json[]).map((s) => s.uses).filter(Boolean));
      for (const action of ["actions/cache/restore@v4", "actions/cache/save@v4", "actions/upload-artifact@v4", "./"]) assert.ok(uses.includes(action), `${path} uses ${action}`);
    }
  });

  it("fans out one job per matrix entry of `repos`, then merges the shards", () => {
    const { jobs } = read(".github/workflows/harvest-org.yml");
    assert.equal(jobs.list.steps.find((s: Json) => s.id === "repos").with.command, "repos");
    assert.equal(jobs.harvest.strategy.matrix, "${{ fromJSON(needs.list.outputs.matrix) }}");
    assert.ok(jobs.harvest.strategy["max-parallel"] > 0);
    assert.equal(jobs.harvest.steps.find((s: Json) => s.uses === "./").with.target, "${{ matrix.repo }}");
    assert.deepEqual(jobs.merge.needs, ["list", "harvest"]);
    assert.equal(jobs.merge.steps.find((s: Json) => s.uses === "./").with.command, "merge");
    // merge exits 1 when it leaves out an invalid line: the dataset must still be kept.
    for (const uses of ["actions/cache/save@v4", "actions/upload-artifact@v4"]) {
      assert.equal(jobs.merge.steps.find((s: Json) => s.uses === uses).if, "${{ !cancelled() }}", uses);
    }
  });
});

describe("@action-validator/cli", { skip: existsSync(VALIDATOR) ? false : "@action-validator/cli is not installed (npm ci installs it)" }, () => {
  // Each run compiles the validator's WebAssembly (about a second): all start at once.
  let dir: string;
  const runs = new Map<string, Promise<{ code: number; output: string }>>();
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "gh-harvest-action-yml-"));
    // The validator's newest release (0.6.0) knows node12, node16 and node20 only: action.yml
    // must pass as it is, or differ from a passing file by nothing but `using`.
    const text = readFileSync(join(REPO_ROOT, "action.yml"), "utf8");
    await mkdir(join(dir, "node20"));
    await writeFile(join(dir, "node20/action.yml"), text.replace(/^  using: node24$/m, "  using: node20"));
    await writeFile(join(dir, "broken.yml"), "name: x\non: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo\n");
    for (const path of [...WORKFLOWS, "action.yml"]) runs.set(path, validate(join(REPO_ROOT, path)));
    for (const [i, workflow] of readmeWorkflows().entries()) {
      await writeFile(join(dir, `readme-${i}.yml`), workflow);
      runs.set(`readme-${i}`, validate(join(dir, `readme-${i}.yml`)));
    }
    runs.set("node20", validate(join(dir, "node20/action.yml")));
    runs.set("broken", validate(join(dir, "broken.yml")));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const path of WORKFLOWS) {
    it(`accepts ${path}`, async () => {
      const result = await runs.get(path)!;
      assert.equal(result.code, 0, result.output);
    });
  }

  it("accepts the README's copy-paste workflows", async () => {
    assert.equal(readmeWorkflows().length, 2);
    for (const i of [0, 1]) {
      const result = await runs.get(`readme-${i}`)!;
      assert.equal(result.code, 0, result.output);
    }
  });

  it("accepts action.yml (its schema predates node24: checked as node20 too)", async () => {
    const asIs = await runs.get("action.yml")!;
    if (asIs.code !== 0) assert.match(asIs.output, /"path": "\/runs\/using"/, asIs.output);
    const node20 = await runs.get("node20")!;
    assert.equal(node20.code, 0, node20.output);
  });

  it("rejects a broken workflow (it does check)", async () => {
    const broken = await runs.get("broken")!;
    assert.equal(broken.code, 1);
    assert.match(broken.output, /runs-onn/);
  });
});
