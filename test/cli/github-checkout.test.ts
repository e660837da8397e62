// `gh-harvest repo --checkout DIR` with a clone that lacks the pull requests' commits (a
// shallow clone, as actions/checkout makes by default, or a stale one): every diff then
// comes from the API after all, which costs requests; the run says so once.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createMockRepo, githubHandlers, startGitHubMock, type MockRequest } from "../helpers/github-mock.js";
import { createTempRepo, type TempRepo } from "../helpers/git-repo.js";
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
