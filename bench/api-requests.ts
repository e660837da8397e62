// Counts GitHub API requests for `repo` against a local mock (msw, in process) of a
// repository with 330 merged pull requests, as `repo` runs: every kind (commits list,
// issues with comments, merged PRs with diffs and closed issues, review comments,
// commits reusing squash diffs). Four runs:
//   api-only       diffs through the API
//   checkout       a stand-in for --checkout: diffs from "local git", no diff requests
//   rerun          same ETag store and watermarks, nothing changed
//   rerun again    the same once more (every list answers 304)
//   small change   2 new merged PRs and an issue since the last run
//
//   node --import tsx bench/api-requests.ts
import { createDiffFilter } from "../src/diff/filter.js";
import { createGitHubClient } from "../src/github/client.js";
import { createMemoryEtagStore, type EtagStore } from "../src/github/etag-store.js";
import { repoSources } from "../src/github/sources.js";
import { memoryLogger } from "../src/log.js";
import { SOURCE_KINDS, type Diff, type SourceKind } from "../src/records.js";
import { commitFixture, createMockRepo, githubHandlers, sha, startGitHubMock, type MockRequest } from "../test/helpers/github-mock.js";
import { addIssue, addPull, addReviewComment, diffFor, pushCommit } from "../test/github/scenario.js";

const MERGED = 330;
const repo = createMockRepo();
let minute = 0;
let number = 0;
let merged = 0;
pushCommit(repo, { seed: "root", message: "Initial commit", minute: ++minute });
while (merged < MERGED) {
  number += 1;
  minute += 10;
  const step = number % 10;
  if (step === 3 || step === 7) {
    // Issues: most closed, with 3 comments (one by a maintainer), a few still open.
    addIssue(repo, {
      number,
      created: minute,
      state: number % 30 === 7 ? "open" : "closed",
      comments: [["reporter2", "NONE", "Same for me."], ["maintainer", "MEMBER", `Use the --fast flag until ${number} is fixed.`], ["reporter", "NONE", "Thanks!"]],
    });
    continue;
  }
  if (step === 9 && number % 20 === 9) {
    addPull(repo, { number, created: minute, merged: false });
    continue;
  }
  merged += 1;
  const closes = step === 4 || step === 8 ? `\n\nFixes #${number - 1}` : "";
  const bot = merged % 22 === 0;
  if (merged % 20 === 5) {
    // A true merge: two branch commits, then "Merge pull request #N".
    const tip = repo.commits.at(-1)?.sha as string;
    const first = commitFixture({ sha: sha(`b1-${number}`), message: "WIP", parents: [tip], minute: minute + 1 });
    const second = commitFixture({ sha: sha(`b2-${number}`), message: `Finish it${closes}`, parents: [first.sha], minute: minute + 2 });
    repo.commits.push(first, second);
    // Branch commits are the branch's history too: harvested like direct pushes.
    repo.commitDiffs.set(first.sha, diffFor(`src/part${number}.ts`, number));
    repo.commitDiffs.set(second.sha, diffFor(`src/part${number}.ts`, number + 1));
    addPull(repo, { number, created: minute, landing: "none", body: `Part ${number} of the plan, in two steps.` });
    const pull = repo.pulls.at(-1) as Record<string, any>;
    const mergeCommit = pushCommit(repo, { seed: `merge${number}`, message: `Merge pull request #${number} from team/part-${number}`, minute: minute + 5, extraParents: [second.sha] });
    pull.merge_commit_sha = mergeCommit.sha;
    pull.head.sha = second.sha;
  } else {
    addPull(repo, {
      number,
      created: minute,
      login: bot ? "dependabot[bot]" : undefined,
      body: bot ? "Bumps lodash." : `This changes part ${number} so that it handles empty input.${closes}`,
    });
  }
  // Conversation comments on the PR (they come in the repository-wide issue comments too).
  repo.issueComments.push(
    ...[0, 1].map((i) => ({ ...repo.issueComments[0], id: 900_000 + number * 2 + i, issue_url: `https://api.github.com/repos/octocat/Hello-World/issues/${number}`, created_at: repo.pulls.at(-1)?.created_at, updated_at: repo.pulls.at(-1)?.created_at })),
  );
  addReviewComment(repo, { id: number * 10, pull: number, body: `Could this loop in part ${number} be a map?`, created: minute + 2 });
  if (number % 2 === 0) addReviewComment(repo, { id: number * 10 + 1, pull: number, body: "Done.", inReplyTo: number * 10, created: minute + 3 });
  if (merged % 9 === 0) pushCommit(repo, { seed: `direct${number}`, message: `Update the changelog for ${number}`, minute: minute + 7 });
}

const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));
const ctx = { diffFilter: createDiffFilter(), maxDiffLines: 1000, maxDiffBytes: 1_000_000, log: memoryLogger() };
const localDiff: Diff = { text: "diff --git a/x b/x\n", lines: 1, files: [], dropped: [], bytes: 0, tooLarge: false };

interface Run {
  etags: EtagStore;
  updatedAfter?: Partial<Record<SourceKind, string>>;
  checkout?: boolean;
  /** Stop after this many records, as --limit does. */
  limit?: number;
}

async function run(name: string, options: Run): Promise<Partial<Record<SourceKind, string>>> {
  requests.length = 0;
  const newest: Partial<Record<SourceKind, string>> = { ...options.updatedAfter };
  const counts: Record<string, number> = {};
  const started = performance.now();
  const client = createGitHubClient({ token: "bench-token", log: memoryLogger() });
  for await (const record of repoSources(
    {
      client,
      owner: "octocat",
      repo: "Hello-World",
      kinds: SOURCE_KINDS,
      etags: options.etags,
      updatedAfter: options.updatedAfter,
      includeBots: false,
      checkoutDiff: options.checkout ? async () => localDiff : undefined,
      onSeen: (kind, at) => {
        if (!newest[kind] || Date.parse(at) > Date.parse(newest[kind] as string)) newest[kind] = at;
      },
    },
    ctx,
  )) {
    counts[record.kind] = (counts[record.kind] ?? 0) + 1;
    if (options.limit !== undefined && Object.values(counts).reduce((a, b) => a + b, 0) >= options.limit) break;
  }
  const byEndpoint: Record<string, number> = {};
  for (const request of requests) {
    const path = request.path.split("?")[0] as string;
    const key = path.replace(/\/[0-9a-f]{40}$/, "/:sha").replace(/\/\d+(?=\/|$)/g, "/:n") + (request.accept.includes("diff") ? " (diff)" : "");
    byEndpoint[key] = (byEndpoint[key] ?? 0) + 1;
  }
  const stats = client.stats();
  const per100 = ((stats.requests / MERGED) * 100).toFixed(1);
  console.log(`\n${name}: ${stats.requests} requests (${per100} per 100 merged PRs), ${stats.notModified} answered 304, ${Math.round(performance.now() - started)} ms`);
  console.log(`  records: ${JSON.stringify(counts)}`);
  console.log(`  requests: ${JSON.stringify(byEndpoint)}`);
  return newest;
}

console.log(
  `mock: ${merged} merged PRs (${repo.pulls.filter((p) => p.user.login.endsWith("[bot]")).length} by dependabot), ` +
    `${repo.pulls.length - merged} closed unmerged, ${repo.issues.filter((i) => !i.pull_request).length} issues, ` +
    `${repo.issueComments.length} issue comments, ${repo.reviewComments.length} review comments, ${repo.commits.length} commits`,
);
await run("api-only", { etags: createMemoryEtagStore() });
await run("checkout", { etags: createMemoryEtagStore(), checkout: true });
await run("the first 10 records (--limit 10)", { etags: createMemoryEtagStore(), limit: 10 });
const etags = createMemoryEtagStore();
const watermarks = await run("first run with --state", { etags });
const rerun = await run("rerun, nothing changed", { etags, updatedAfter: watermarks });
const again = await run("rerun again, nothing changed", { etags, updatedAfter: rerun });
number += 1;
addIssue(repo, { number, created: minute + 20, comments: [["maintainer", "OWNER", "Answered."]] });
addPull(repo, { number: number + 1, created: minute + 30, body: `Fixes #${number}` });
addPull(repo, { number: number + 2, created: minute + 40 });
await run("rerun after 2 merged PRs and an issue", { etags, updatedAfter: again });
server.close();
