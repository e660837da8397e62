// One pull request from the API as a PullRecord: its fields, its diff (checkout, API,
// files-API fallback), and the issues it closes.
import type { ExtractContext } from "../extractor.js";
import type { Diff, PullRecord } from "../records.js";
import type { ApiPull } from "./api-types.js";
import { resolveCloses } from "./closes.js";
import type { CommitIndex } from "./commit-index.js";
import { pullRequestDiff, type DiffCache, type DiffForRange } from "./diffs.js";
import type { IssueCache } from "./issue-cache.js";
import { labelNames, personOfUser } from "./people.js";
import { canonicalRepo, splitRepo } from "./repo-name.js";
import { statusOf } from "./request-error.js";
import { humanText } from "../text/newlines.js";
import type { GitHubSourceOptions } from "./source-options.js";

export interface PullRecordOptions extends Pick<GitHubSourceOptions, "client" | "owner" | "repo"> {
  /** Diffs from a local clone; the API is asked only when it lacks the commits. */
  checkoutDiff?: DiffForRange;
  /** The default branch's commits: merge commit messages, squash commits. */
  commits?: CommitIndex;
  /** Closed issues listed earlier in the run. */
  issues?: IssueCache;
  /** Receives the diff of each squash-merged PR, for the commits extractor. */
  diffCache?: DiffCache;
}

export const isMerged = (pull: ApiPull) => pull.merged === true || Boolean(pull.merged_at);

/** The ranges, best first, whose local diff is this pull request's change. */
function checkoutRanges(pull: ApiPull, commits: CommitIndex | undefined): [string, string][] {
  const ranges: [string, string][] = [];
  const merge = pull.merge_commit_sha && isMerged(pull) ? commits?.get(pull.merge_commit_sha) : undefined;
  // A squash commit, or a true merge, landed the whole change on top of its first parent;
  // that range exists in any clone of the branch even after the PR branch is deleted.
  const landedWhole = merge && (merge.parents.length > 1 || commits?.isSquashOf(merge.sha, pull.number));
  if (merge && landedWhole && merge.parents[0]) ranges.push([merge.parents[0], merge.sha]);
  // A rebase merge landed it as a run of new commits: the PR branch (likely deleted, never
  // in a clone of the default branch) is not needed either.
  const rebasedFrom = merge && !landedWhole ? commits?.rebasedFrom(merge.sha, pull.merged_at ?? undefined) : undefined;
  if (merge && rebasedFrom) ranges.push([rebasedFrom, merge.sha]);
  ranges.push([pull.base.sha, pull.head.sha]);
  return ranges;
}

/** The PR's diff, or undefined when GitHub no longer has it (404/410). */
async function diffOf(pull: ApiPull, options: PullRecordOptions, ctx: ExtractContext): Promise<Diff | undefined> {
  if (options.checkoutDiff) {
    for (const [from, to] of checkoutRanges(pull, options.commits)) {
      const diff = await options.checkoutDiff(from, to);
      if (diff) return diff;
    }
    ctx.log.debug(`${options.owner}/${options.repo}#${pull.number}: commits missing from the checkout, asking the API`);
  }
  try {
    const diff = await pullRequestDiff(
      options.client,
      { owner: options.owner, repo: options.repo, number: pull.number },
      { filter: ctx.diffFilter, maxDiffLines: ctx.maxDiffLines, maxDiffBytes: ctx.maxDiffBytes, log: ctx.log, signal: ctx.signal },
    );
    if (pull.merge_commit_sha && options.commits?.isSquashOf(pull.merge_commit_sha, pull.number)) {
      options.diffCache?.put(pull.merge_commit_sha, diff);
    }
    return diff;
  } catch (error) {
    const status = statusOf(error);
    if (status !== 404 && status !== 410) throw error;
    ctx.log.warn(`${options.owner}/${options.repo}#${pull.number}: GitHub has no diff for it (${status}); skipped`);
    return undefined;
  }
}

/**
 * Build the record. `commitMessages` are the texts besides the body that may hold closing
 * keywords (the squash/merge commit message, or the PR's commits for a single PR).
 * Resolves to undefined when the PR has no diff any more.
 */
export async function pullRecord(
  pull: ApiPull,
  commitMessages: readonly string[],
  options: PullRecordOptions,
  ctx: ExtractContext,
): Promise<PullRecord | undefined> {
  const diff = await diffOf(pull, options, ctx);
  if (!diff) return undefined;
  const body = humanText(pull.body);
  const host = new URL(pull.html_url).host;
  // The repository as GitHub names it now, whatever spelling (or old name) was asked for.
  const repo = canonicalRepo(pull.base.repo?.full_name, options.owner, options.repo);
  const typed = { owner: options.owner, repo: options.repo };
  const closes = await resolveCloses([body, ...commitMessages], {
    client: options.client,
    repo: { ...splitRepo(repo), host, aliases: [typed] },
    cache: options.issues,
    log: ctx.log,
    signal: ctx.signal,
  });
  const merged = isMerged(pull);
  const record: PullRecord = {
    kind: "pull",
    repo,
    url: pull.html_url,
    author: personOfUser(pull.user),
    createdAt: pull.created_at,
    number: pull.number,
    title: humanText(pull.title),
    body,
    labels: labelNames(pull.labels),
    merged,
    baseRef: pull.base.ref,
    baseSha: pull.base.sha,
    headSha: pull.head.sha,
    diff,
    closes,
  };
  if (pull.author_association) record.authorAssociation = pull.author_association;
  if (merged && pull.merged_at) record.mergedAt = pull.merged_at;
  // Before the merge, merge_commit_sha is only GitHub's test merge: not part of history.
  if (merged && pull.merge_commit_sha) record.mergeSha = pull.merge_commit_sha;
  return record;
}
