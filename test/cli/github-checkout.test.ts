// `gh-harvest repo --checkout DIR` with a clone that lacks the pull requests' commits (a
// shallow clone, as actions/checkout makes by default, or a stale one): every diff then
// comes from the API after all, which costs requests; the run says so once.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commitFixture, createMockRepo, githubHandlers, pullFixture, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { createTempRepo, runGit, type TempRepo } from "../helpers/git-repo.js";
import { addPull } from "../github/scenario.js";
import { runCli } from "../helpers/cli.js";

const env = { GH_TOKEN: ["ghp", "_", "CheckoutTestTokenNeverPrinted012345678"].join("") };
const widgets = createMockRepo("acme", "widgets");
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(widgets, { log: requests }));
let clone: TempRepo;

before(async () => {
  addPull(widgets, { number: 1, title: "Debounce the resize handler", body: "The resize handler is debounced so that widgets redraw once per resize." });
  addPull(widgets, { number: 2, title: "Cache the layout", body: "The layout is cached between frames, so that scrolling no longer stutters." });
  clone = await createTempRepo({ name: "widgets" });
  await clone.write("README.md", "# widgets\n");
  await clone.commit("Describe the widgets in a first readme file");
});
after(async () => {
  server.close();
  await clone.cleanup();
});

describe("gh-harvest repo --checkout", () => {
  it("says once when the clone lacked the diffs and the API gave them", async () => {
    const result = await runCli(["repo", "acme/widgets", "--checkout", clone.dir, "-m", "pr-description"], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim().split("\n").length, 2);
    assert.match(result.stderr, /--checkout .*: (\d+) of \1 diffs were not in the clone and came from the API \(a shallow or stale clone\? .*fetch-depth: 0\)/);
    assert.ok(requests.some((r) => /\/pulls\/1$/.test(r.path) || /\/pulls\/1\/files/.test(r.path)), "the API was asked for the diff");
  });
});

describe("gh-harvest repo --checkout, a pull request merged by rebase", () => {
  const rebased = createMockRepo("acme", "rebased");
  const MERGED_AT = "2024-01-02T12:00:00Z";
  let origin: TempRepo;
  let cloneDir: string;
  let tmp: string;
  before(async () => {
    origin = await createTempRepo({ name: "rebased" });
    await origin.write("README.md", "# widgets\n");
    const root = await origin.commit("Describe the widgets in a first readme file", { date: "2024-01-01T00:01:00Z" });
    await origin.branch("feature/sizes");
    await origin.checkout("feature/sizes");
    await origin.write("src/sizes.js", "export const SIZES = [1, 2, 3];\n");
    await origin.commit("Add standard widget sizes", { date: "2024-01-01T10:00:00Z" });
    await origin.write("src/sizes.js", "export const SIZES = [1, 2, 3, 5];\n");
    const head = await origin.commit("Add the extra large widget size", { date: "2024-01-01T11:00:00Z" });
    await origin.checkout("main");
    await origin.write("README.md", "# widgets\n\nSmall UI widgets.\n");
    const base = await origin.commit("Say what the widgets are for", { date: "2024-01-02T09:00:00Z" });
    // "Rebase and merge": the branch's commits written anew on main, at the merge's time.
    await origin.git(["cherry-pick", `${root}..${head}`], { env: { GIT_COMMITTER_DATE: MERGED_AT } });
    const merged = await origin.revParse("HEAD");
    await origin.git(["branch", "-D", "feature/sizes"]);
    tmp = await mkdtemp(join(tmpdir(), "rebased-clone-"));
    cloneDir = join(tmp, "rebased");
    // --no-local: only what main reaches, as from GitHub (a local clone copies every object).
    await runGit(tmp, ["clone", "-q", "--no-local", "--single-branch", "--branch", "main", origin.dir, cloneDir]);

    const log = await origin.git(["log", "--format=%H%x09%P%x09%cI%x09%s", "main"]);
    for (const line of log.split("\n").reverse()) {
      const [sha = "", parents = "", date = "", subject = ""] = line.split("\t");
      const commit = commitFixture({ sha, message: subject, parents: parents.split(" ").filter(Boolean), minute: 0, repo: "acme/rebased" });
      commit.commit.committer.date = date;
      rebased.commits.push(commit);
    }
    const pull = pullFixture({ number: 24, title: "Standard widget sizes", body: "Adds a list of standard widget sizes, including the new extra large size, so that layouts can snap to them.", repo: "acme/rebased" });
    Object.assign(pull, { merged_at: MERGED_AT, merge_commit_sha: merged });
    pull.base.sha = base;
    pull.head.sha = head;
    rebased.pulls.push(pull);
    rebased.pullDiffs.set(24, "diff --git a/src/sizes.js b/src/sizes.js\n");
    server.use(...githubHandlers(rebased, { log: requests }));
  });
  after(async () => {
    server.resetHandlers();
    await origin.cleanup();
    await rm(tmp, { recursive: true, force: true });
  });

  it("takes the diff of the rebased commits on the default branch, asking the API for none", async () => {
    requests.length = 0;
    const result = await runCli(["repo", "acme/rebased", "--checkout", cloneDir, "-m", "pr-description"], { env });
    assert.equal(result.code, 0, result.stderr);
    const [record] = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    assert.match(record.input, /^diff --git a\/src\/sizes\.js b\/src\/sizes\.js\nnew file mode/);
    assert.match(record.input, /\+export const SIZES = \[1, 2, 3, 5\];/);
    assert.ok(!requests.some((r) => r.path.startsWith("/repos/acme/rebased/pulls/24")), "no diff request");
    assert.doesNotMatch(result.stderr, /--checkout/);
  });

  it("does not call a complete clone shallow when a pull request's branch is gone", async () => {
    // Merged at another time than its commits were written: not recognisably a rebase.
    rebased.pulls[0]!.merged_at = "2024-01-03T12:00:00Z";
    const result = await runCli(["repo", "acme/rebased", "--checkout", cloneDir, "-m", "pr-description"], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /--checkout .*: 1 of 1 diffs were not in the clone and came from the API \(pull requests whose branch is gone/);
    assert.doesNotMatch(result.stderr, /shallow/);
  });
});
