// The default branch's commits, listed once per run (about one request per 100 commits)
// and kept in memory as slim entries. Three users: the commits extractor (every commit the
// branch reaches, as `git log` walks it, oldest first), and the pulls extractor, which
// reads the squash/merge commit messages for closing keywords and recognises squash
// commits whose diff is the pull request's own.
import type { Person } from "../records.js";
import type { ApiCommit } from "./api-types.js";
import type { GitHubClient } from "./client.js";
import type { EtagStore } from "./etag-store.js";
import { personOfCommit } from "./people.js";

export interface IndexedCommit {
  sha: string;
  parents: string[];
  message: string;
  url: string;
  author: Person;
  committedAt: string;
}

export interface CommitIndex {
  get(sha: string): IndexedCommit | undefined;
  /**
   * Every listed commit, oldest first: the first-parent history and the branch commits
   * that merges brought in, as `git log` lists them (GitHub's list is that walk).
   */
  history(): IndexedCommit[];
  /**
   * Whether every commit a merge brought in was listed too. Not after an incremental
   * listing (`since`): a branch commit made before the watermark but merged after it is
   * not in the list. Walks the merged side down to the first-parent chain; anything it
   * cannot find there means "not all listed" (a false "no" only costs a request).
   */
  hasMergedCommits(merge: IndexedCommit): boolean;
  /**
   * The commit messages a merged pull request brought to the branch: its squash or merge
   * commit, and for a true merge the branch commits between the head and the mainline.
   */
  messagesOfPull(mergeSha: string | undefined, headSha: string | undefined): string[];
  /** True when `sha` is the squash commit of pull request `number`: one parent, "... (#N)". */
  isSquashOf(sha: string | undefined, number: number): boolean;
  /**
   * For a pull request merged by "Rebase and merge": the commit its rebased commits start
   * from, so that `from..mergeSha` is its change. Undefined when the commits at mergeSha do
   * not look rebased at the merge (see rebasedRunStart).
   */
  rebasedFrom(mergeSha: string | undefined, mergedAt: string | undefined): string | undefined;
}

export interface LoadCommitIndexOptions {
  owner: string;
  repo: string;
  /** Only commits committed at or after this instant (ISO). */
  since?: string;
  etags?: EtagStore;
  signal?: AbortSignal;
}

/** How far back a merged branch is walked for its commit messages. */
const MAX_BRANCH_COMMITS = 250;

/** How far a rebased commit's committer date may be from the pull request's merged_at. */
const REBASE_CLOCK_SKEW_MS = 5_000;

/**
 * GitHub's "Rebase and merge" writes the PR's commits anew on top of the branch, all with
 * the merge's time as committer date; merge_commit_sha is the last of them. So the run of
 * single-parent commits that share the tip's committer date, when that date is merged_at,
 * is the PR's change. A tip committed earlier than the merge (a branch fast-forwarded by a
 * push) is not taken: its PR's other commits cannot be told apart by date.
 */
function rebasedRunStart(bySha: Map<string, IndexedCommit>, tip: IndexedCommit, mergedAt: string): string | undefined {
  if (tip.parents.length !== 1 || Math.abs(Date.parse(tip.committedAt) - Date.parse(mergedAt)) > REBASE_CLOCK_SKEW_MS) return undefined;
  let first = tip;
  for (let n = 1; n < MAX_BRANCH_COMMITS; n++) {
    const parent = bySha.get(first.parents[0] as string);
    if (!parent || parent.parents.length !== 1 || parent.committedAt !== tip.committedAt) break;
    first = parent;
  }
  return first.parents[0];
}

export function createCommitIndex(listed: IndexedCommit[]): CommitIndex {
  const bySha = new Map(listed.map((commit) => [commit.sha, commit]));
  const chain: IndexedCommit[] = [];
  // The list is newest first and starts at the branch tip.
  for (let commit = listed[0]; commit && chain.length < listed.length; commit = bySha.get(commit.parents[0] ?? "")) {
    chain.push(commit);
  }
  const onMainline = new Set(chain.map((commit) => commit.sha));
  const history = [...listed].reverse();
  return {
    get: (sha) => bySha.get(sha),
    history: () => history,
    hasMergedCommits(merge) {
      const queue = merge.parents.slice(1);
      const seen = new Set<string>();
      while (queue.length > 0) {
        const sha = queue.shift() as string;
        if (seen.has(sha) || onMainline.has(sha)) continue;
        const commit = bySha.get(sha);
        if (!commit || seen.size >= MAX_BRANCH_COMMITS) return false;
        seen.add(sha);
        queue.push(...commit.parents);
      }
      return true;
    },
    messagesOfPull(mergeSha, headSha) {
      const merge = mergeSha === undefined ? undefined : bySha.get(mergeSha);
      if (!merge) return [];
      const messages = [merge.message];
      if (merge.parents.length < 2) return messages;
      const queue = headSha ? [headSha] : merge.parents.slice(1);
      const seen = new Set<string>();
      while (queue.length > 0 && seen.size < MAX_BRANCH_COMMITS) {
        const commit = bySha.get(queue.shift() as string);
        if (!commit || seen.has(commit.sha) || onMainline.has(commit.sha)) continue;
        seen.add(commit.sha);
        messages.push(commit.message);
        queue.push(...commit.parents);
      }
      return messages;
    },
    rebasedFrom(mergeSha, mergedAt) {
      const tip = mergeSha === undefined ? undefined : bySha.get(mergeSha);
      return tip && mergedAt ? rebasedRunStart(bySha, tip, mergedAt) : undefined;
    },
    isSquashOf(sha, number) {
      const commit = sha === undefined ? undefined : bySha.get(sha);
      if (!commit || commit.parents.length !== 1) return false;
      const subject = commit.message.split("\n", 1)[0] ?? "";
      return subject.trimEnd().endsWith(`(#${number})`);
    },
  };
}

export function indexedCommit(commit: ApiCommit): IndexedCommit {
  return {
    sha: commit.sha,
    parents: commit.parents.map((parent) => parent.sha),
    message: commit.commit.message,
    url: commit.html_url,
    author: personOfCommit(commit.commit.author, commit.author),
    committedAt: commit.commit.committer?.date ?? commit.commit.author?.date ?? "",
  };
}

/** List the default branch (newest first, so a 304 on page one means "no new commits"). */
export async function loadCommitIndex(client: GitHubClient, options: LoadCommitIndexOptions): Promise<CommitIndex> {
  const listed: IndexedCommit[] = [];
  const params = { owner: options.owner, repo: options.repo, since: options.since };
  for await (const page of client.pages<ApiCommit>("GET /repos/{owner}/{repo}/commits", params, {
    etags: options.etags,
    newestFirst: true,
    signal: options.signal,
  })) {
    listed.push(...page.map(indexedCommit));
  }
  return createCommitIndex(listed);
}
