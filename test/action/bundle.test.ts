import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { builtinModules, createRequire } from "node:module";
import { join } from "node:path";
import { BUNDLE_PATH, checkActionBundle, EXTERNAL } from "../../scripts/build-action.js";
import { copyAction, runAction, type ActionCopy } from "./harness.js";

describe("the action's bundle", () => {
  let copy: ActionCopy;
  let check: Awaited<ReturnType<typeof checkActionBundle>>;
  before(async () => {
    [copy, check] = await Promise.all([copyAction(), checkActionBundle()]);
  });
  after(() => copy.cleanup());

  it("is what the sources build now (else: npm run build:action, and commit dist-action/)", async () => {
    const { fresh, built, committed } = check;
    assert.ok(committed !== undefined, `${BUNDLE_PATH} is missing: run npm run build:action`);
    if (!fresh) {
      let at = 0;
      while (at < built.text.length && built.text[at] === committed[at]) at++;
      const context = built.text.slice(Math.max(0, at - 80), at + 80);
      assert.fail(`${BUNDLE_PATH} is older than the sources (first difference at character ${at}, near:\n${context}\n): run npm run build:action and commit it`);
    }
  });

  it("imports nothing but Node's own modules (and the tokenizer vocabularies the action never loads)", async () => {
    const { built } = check;
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const externals = Object.values(built.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    const others = [...new Set(externals)].filter((p) => !builtins.has(p));
    // debug (simple-git's) tries require("supports-color") inside try/catch, for colours only.
    const allowed = (p: string) => p === "supports-color" || EXTERNAL.some((e) => (e.endsWith("/*") ? p.startsWith(e.slice(0, -1)) : p === e));
    assert.deepEqual(others.filter((p) => !allowed(p)), []);
  });

  it("runs from a copy where no node_modules can be found", async () => {
    const require = createRequire(join(copy.dir, BUNDLE_PATH));
    assert.throws(() => require.resolve("zod"), /Cannot find module/);
    // A usage error proves the bundle loaded and ran: it is reported, not a crash.
    const run = await runAction(copy, { command: "nonsense" });
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stdout, /^::error title=gh-harvest::input command: expected one of local, pr, repo, validate, repos, merge, got "nonsense"$/m);
    assert.match(run.summary, /input command: expected one of/);
    assert.equal(run.outputFile, "", "no outputs after a failure");
  });
});
