// Builds a consistent mock repository: merged pull requests with their diffs, the issues
// endpoint's view of them, squash commits on the default branch, direct pushes, issues
// with comments, review comments. Shared by the extractor tests and bench/api-requests.ts.
import {
  commitFixture,
  issueCommentFixture,
  issueFixture,
  pullFixture,
  reviewCommentFixture,
  sha,
  type MockDiff,
  type MockRepo,
} from "../helpers/github-mock.js";

type Json = Record<string, any>;

/** A small, valid diff of one file. */
export function diffFor(path: string, seed: string | number): string {
  return [
    `diff --git a/${path} b/${path}`,
    "index 1111111..2222222 100644",
    `--- a/${path}`,
    `+++ b/${path}`,
    "@@ -1,2 +1,2 @@",
    " export const name = 'widget';",
    `-export const value = ${seed};`,
    `+export const value = ${seed} + 1;`,
    "",
  ].join("\n");
}

const tips = new WeakMap<MockRepo, string | undefined>();

/** A commit on the default branch, on top of the previous one. */
export function pushCommit(
  repo: MockRepo,
  o: { seed: string; message: string; minute: number; login?: string | null; name?: string; email?: string; extraParents?: string[]; diff?: MockDiff },
): Json {
  const parent = tips.get(repo);
  const commit = commitFixture({
    sha: sha(o.seed),
    message: o.message,
    parents: [...(parent ? [parent] : []), ...(o.extraParents ?? [])],
    minute: o.minute,
    login: o.login,
    name: o.name,
    email: o.email,
    repo: `${repo.owner}/${repo.repo}`,
  });
  repo.commits.push(commit);
  repo.commitDiffs.set(commit.sha, o.diff ?? diffFor(`src/${o.seed}.ts`, o.minute));
  tips.set(repo, commit.sha);
  return commit;
}

export interface PullSpec {
  number: number;
  title?: string;
  body?: string | null;
  login?: string;
  merged?: boolean;
  created?: number;
  updated?: number;
  diff?: MockDiff;
  /** How it landed: a squash commit "title (#N)" (default), or none (not on the branch). */
  landing?: "squash" | "none";
  squashMessage?: string;
}

/** A closed pull request with its diff; merged ones land as a squash commit. */
export function addPull(repo: MockRepo, spec: PullSpec): Json {
  const created = spec.created ?? spec.number * 10;
  const merged = spec.merged ?? true;
  const title = spec.title ?? `Change number ${spec.number}`;
  const landing = merged ? (spec.landing ?? "squash") : "none";
  const mergeSha = sha(`squash${spec.number}`);
  const pull = pullFixture({ ...spec, title, created, merged, mergeSha, repo: `${repo.owner}/${repo.repo}` });
  repo.pulls.push(pull);
  repo.issues.push(issueFixture({ number: spec.number, created, updated: spec.updated ?? created + 5, pull: true, repo: `${repo.owner}/${repo.repo}` }));
  const diff = spec.diff ?? diffFor(`src/feature${spec.number}.ts`, spec.number);
  repo.pullDiffs.set(spec.number, diff);
  if (landing === "squash") {
    const commit = pushCommit(repo, {
      seed: `squash${spec.number}`,
      message: spec.squashMessage ?? `${title} (#${spec.number})`,
      minute: created + 5,
      login: spec.login ?? "octocat",
      diff,
    });
    if (commit.sha !== mergeSha) throw new Error("squash sha mismatch");
  }
  return pull;
}

/** A closed issue, optionally with comments: [login, association, body][]. */
export function addIssue(
  repo: MockRepo,
  o: { number: number; title?: string; body?: string; login?: string; state?: string; created?: number; comments?: [string, string, string][] },
): Json {
  // As on GitHub, a comment bumps its issue's updated_at: none is newer than the issue.
  const created = o.created ?? o.number * 10;
  const updated = Math.max(created + 3, created + (o.comments?.length ?? 0));
  const issue = issueFixture({ ...o, updated, comments: o.comments?.length ?? 0, repo: `${repo.owner}/${repo.repo}` });
  repo.issues.push(issue);
  (o.comments ?? []).forEach(([login, association, body], i) => {
    repo.issueComments.push(
      issueCommentFixture({ id: o.number * 100 + i, issue: o.number, body, login, association, created: created + 1 + i, repo: `${repo.owner}/${repo.repo}` }),
    );
  });
  return issue;
}

export function addReviewComment(repo: MockRepo, o: { id: number; pull: number; body: string; inReplyTo?: number; login?: string; created?: number }): Json {
  const comment = reviewCommentFixture({ ...o, repo: `${repo.owner}/${repo.repo}` });
  repo.reviewComments.push(comment);
  return comment;
}

/**
 * A small team's repository: an issue with a maintainer's answer, the merged PR that fixes
 * it (with a review comment), and a dependabot PR. The CLI and Action tests build on it.
 */
export function addWidgetTeam(repo: MockRepo): void {
  pushCommit(repo, { seed: "root", message: "Initial commit", minute: 1 });
  addIssue(repo, {
    number: 2,
    title: "Widgets overflow on narrow screens",
    body: "On a 320px screen the widget list overflows to the right.",
    created: 5,
    comments: [
      ["someone", "NONE", "Same problem here on my phone, any news?"],
      ["maintainer", "MEMBER", "Thanks for the report: the list needs a max-width, fixed on main now."],
    ],
  });
  addPull(repo, { number: 3, title: "Cap the widget list width", body: "The widget list gets a max-width so it no longer overflows.\n\nFixes #2" });
  addPull(repo, { number: 4, title: "Bump lodash", body: "Bumps lodash from 4.17.20 to 4.17.21 for everyone.", login: "dependabot[bot]" });
  addReviewComment(repo, { id: 31, pull: 3, body: "Could this max-width be a CSS variable instead?" });
}
