import { describe, it, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { createMockRepo, githubHandlers, listPage } from "../helpers/github-mock.js";
import { addWidgetTeam } from "../github/scenario.js";
import { copyAction, runAction, workflowCommands, type ActionCopy } from "./harness.js";
import { startHttpMock, type HttpMock } from "./http-mock.js";

const token = ["ghs", "_", "WorkflowTokenNeverPrinted0123456789ab"].join("");
const repo = createMockRepo();
let copy: ActionCopy;
let mock: HttpMock;

/** GitHub's repository objects, trimmed to what `repos` reads. */
const repository = (name: string, o: { archived?: boolean; fork?: boolean; topics?: string[]; language?: string } = {}) => ({
  full_name: `acme/${name}`,
  name,
  archived: o.archived ?? false,
  fork: o.fork ?? false,
  disabled: false,
  topics: o.topics ?? [],
  language: o.language ?? "TypeScript",
});
const ORG_REPOS = [
  repository("web", { topics: ["ml"] }),
  repository("api", { language: "Go", topics: ["ml", "backend"] }),
  repository("old", { archived: true }),
  repository("fork-of-x", { fork: true }),
  ...Array.from({ length: 150 }, (_, i) => repository(`svc-${String(i).padStart(3, "0")}`)),
];

before(async () => {
  copy = await copyAction();
  mock = await startHttpMock();
  addWidgetTeam(repo);
});

beforeEach(() => {
  mock.requests.length = 0;
  mock.use(
    ...githubHandlers(repo, { apiUrl: mock.url }),
    http.get(`${mock.url}/orgs/:org/repos`, ({ request, params }) =>
      params.org === "acme" ? listPage(request, ORG_REPOS) : HttpResponse.json({ message: "Not Found" }, { status: 404 }),
    ),
    http.get(`${mock.url}/users/:user/repos`, ({ request, params }) =>
      params.user === "mona" ? listPage(request, [repository("dotfiles"), repository("blog")].map((r) => ({ ...r, full_name: r.full_name.replace("acme", "mona") }))) : HttpResponse.json({ message: "Not Found" }, { status: 404 }),
    ),
  );
});

after(async () => {
  await mock.close();
  await copy.cleanup();
});

const env = () => ({ GITHUB_REPOSITORY: "octocat/Hello-World", GITHUB_REPOSITORY_OWNER: "acme", GITHUB_API_URL: "https://api.github.invalid" });

describe("the action, command repo", () => {
  it("harvests the workflow's repository through the API with the token, and reports the rate limit", async () => {
    const run = await runAction(copy, { command: "repo", token, "api-url": mock.url, output: "out/dataset.jsonl" }, env());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const written = readFileSync(join(copy.workspace, "out/dataset.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(written.map((r) => r.meta.mapping).sort(), ["commit-message", "issue-answer", "issue-fix", "pr-description", "review-comment"]);
    assert.ok(written.every((r) => r.meta.repo === "octocat/Hello-World"));
    assert.deepEqual(run.outputs, { records: "5", rejected: "0", file: "out/dataset.jsonl" });
    assert.ok(mock.requests.length > 0 && mock.requests.every((r) => r.authorization === `token ${token}`), "every request carried the token input");
    assert.match(run.summary, /^### gh-harvest repo octocat\/Hello-World$/m);
    assert.match(run.summary, /^\| pr-description \| 1 \|$/m);
    assert.match(run.summary, /^\| commit-message: subject is trivial \| 1 \|$/m);
    assert.ok(!written.some((r) => r.meta.id.includes("#4")), "the bot's pull request is left out");
    assert.match(run.summary, new RegExp(`GitHub API: ${mock.requests.length} requests \\(0 answered 304 Not Modified, free\\), \\*\\*4,999\\*\\* requests left`));
    const shown = run.stdout.split("\n").slice(1).join("\n") + run.stderr + run.summary + run.outputFile;
    assert.equal(shown.includes(token), false, "the token is never printed");
    assert.equal(run.stdout.split("\n")[0], `::add-mask::${token}`);
  });

  it("fails with exit 2 and an annotation for a repository the token cannot see", async () => {
    const run = await runAction(copy, { command: "repo", target: "octocat/Nope", token, "api-url": mock.url }, env());
    assert.equal(run.code, 2);
    const [error] = workflowCommands(run.stdout).filter((c) => c.name === "error");
    assert.match(error!.message, /octocat\/Nope: not found, or the token cannot see it/);
  });
});

describe("the action, command pr", () => {
  it("harvests the event's pull request by default, and turns a warning into an annotation", async () => {
    const event = join(copy.workspace, "event.json");
    writeFileSync(event, JSON.stringify({ action: "closed", number: 3, pull_request: { number: 3 } }));
    // No token input and none in the environment: public data, with a warning.
    const run = await runAction(copy, { command: "pr", "api-url": mock.url, output: "pr.jsonl" }, { ...env(), GITHUB_EVENT_PATH: event });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const written = readFileSync(join(copy.workspace, "pr.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(written.map((r) => r.meta.id).sort(), [
      "github:octocat/Hello-World#3/comment-31:review-comment",
      "github:octocat/Hello-World#3:issue-fix",
      "github:octocat/Hello-World#3:pr-description",
    ]);
    assert.match(run.summary, /^### gh-harvest pr octocat\/Hello-World#3$/m);
    assert.ok(mock.requests.every((r) => r.authorization === undefined));
    const warnings = workflowCommands(run.stdout).filter((c) => c.name === "warning");
    assert.match(warnings[0]!.message, /^no token input \(nor GH_TOKEN or GITHUB_TOKEN\): reading public data unauthenticated/);
  });
});

describe("the action, command repos", () => {
  it("outputs the organization's repositories as a matrix, without archived ones and forks", async () => {
    const run = await runAction(copy, { command: "repos", token, "api-url": mock.url, "max-jobs": "100" }, env());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const matrix = JSON.parse(run.outputs.matrix!) as { include: { repo: string }[] };
    assert.equal(run.outputs.count, "152");
    assert.equal(matrix.include.length, 76, "152 repositories in at most 100 jobs: two a job");
    assert.equal(matrix.include[0]!.repo, "acme/api acme/svc-000");
    const all = matrix.include.flatMap((e) => e.repo.split(" "));
    assert.equal(all.length, 152);
    assert.ok(!all.includes("acme/old") && !all.includes("acme/fork-of-x"));
    assert.deepEqual(mock.requests.map((r) => r.path.replace(/\?.*/, "")), ["/orgs/acme/repos", "/orgs/acme/repos"], "two pages of 100");
    assert.match(run.summary, /\*\*152 repositories\*\* of the organization `acme`, in 76 jobs\./);
    assert.match(run.summary, /^\| archived \| 1 \|$/m);
  });

  it("filters by topic and language, and falls back to a user's repositories", async () => {
    const run = await runAction(copy, { command: "repos", target: "acme", topic: "ml backend", language: "go", token, "api-url": mock.url }, env());
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.matrix, '{"include":[{"repo":"acme/api"}]}');
    const user = await runAction(copy, { command: "repos", target: "mona", token, "api-url": mock.url }, env());
    assert.equal(user.code, 0, user.stdout + user.stderr);
    assert.equal(user.outputs.matrix, '{"include":[{"repo":"mona/blog"},{"repo":"mona/dotfiles"}]}');
    assert.match(user.summary, /of the user `mona`/);
  });
});
