// The entry points the CLI calls: every GitHub source of a repository (`repo`), or one
// pull request with its review comments (`pr`), as one stream of source records.
//
// `repo` runs the extractors in the order that lets them share what they fetched:
//   1. closed issues (their titles and bodies fill the cache the PRs' `closes` read);
//   2. the default branch's commits are listed once (commit messages, squash commits);
//   3. merged PRs (their diffs fill the cache keyed by squash commit);
//   4. review comments;
//   5. commits (a squash commit's diff taken from the cache, not fetched again).
import { githubCommitsExtractor } from "../../extractors/github-commits.js";
import { issuesExtractor } from "../../extractors/issues.js";
import { fetchPull, fetchPullRecord, pullsExtractor } from "../../extractors/pulls.js";
import { reviewCommentsExtractor } from "../../extractors/review-comments.js";
import type { ExtractContext } from "../extractor.js";
import type { SourceKind, SourceRecord } from "../records.js";
import type { ApiPull } from "./api-types.js";
import type { GitHubClient } from "./client.js";
import { loadCommitIndex, type CommitIndex } from "./commit-index.js";
import { createDiffCache, type DiffForRange } from "./diffs.js";
import type { EtagStore } from "./etag-store.js";
import { createIssueCache } from "./issue-cache.js";
import { isAtOrAfter, listSince } from "./source-options.js";

export interface RepoSourcesOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** Which records to produce (those the chosen mapping rules read). */
  kinds: readonly SourceKind[];
  /** Watermarks from --state: one for all kinds, or one per kind (ISO, exclusive). */
  updatedAfter?: string | Partial<Record<SourceKind, string>>;
  etags?: EtagStore;
  /** With --checkout: diffs from the local clone, no diff requests. */
  checkoutDiff?: DiffForRange;
  /** false: skip bots' items before any request for them. Default true. */
  includeBots?: boolean;
  /** Each listed item's updated_at (commits: committed date), per kind, in stream order. */
  onSeen?: (kind: SourceKind, updatedAt: string) => void;
  concurrency?: number;
  /** Told why an item was left out before it became a record (a bot's), for the run's summary. */
  onSkipped?: (reason: string) => void;
}

export async function* repoSources(options: RepoSourcesOptions, ctx: ExtractContext): AsyncGenerator<SourceRecord> {
  const { client, owner, repo, kinds } = options;
  const watermark = (kind: SourceKind) =>
    typeof options.updatedAfter === "string" ? options.updatedAfter : options.updatedAfter?.[kind];
  const common = (kind: SourceKind) => ({
    client,
    owner,
    repo,
    updatedAfter: watermark(kind),
    etags: options.etags,
    includeBots: options.includeBots,
    concurrency: options.concurrency,
    onSkipped: options.onSkipped,
    onSeen: options.onSeen && ((updatedAt: string) => options.onSeen?.(kind, updatedAt)),
  });
  const wants = (kind: SourceKind) => kinds.includes(kind);
  if (!wants("commit") && !wants("pull") && !wants("issue") && !wants("review-comment")) return;

  const indexKind = wants("commit") ? "commit" : "pull";
  // Listed when the first extractor that reads it starts, not before the issues: a run that
  // --limit ends among the issues does not pay for the branch's whole history.
  let index: Promise<CommitIndex> | undefined;
  const commitIndex = () =>
    (index ??= loadCommitIndex(client, {
      owner,
      repo,
      since: listSince(watermark(indexKind), ctx.since),
      etags: options.etags,
      signal: ctx.signal,
    }));
  const issues = createIssueCache();
  const diffCache = createDiffCache();

  if (wants("issue")) yield* issuesExtractor({ ...common("issue"), cache: issues }).extract(ctx);
  if (ctx.signal?.aborted) return;
  if (wants("pull")) {
    yield* pullsExtractor({
      ...common("pull"),
      checkoutDiff: options.checkoutDiff,
      commits: await commitIndex(),
      issues: wants("issue") ? issues : undefined,
      diffCache: wants("commit") ? diffCache : undefined,
    }).extract(ctx);
  }
  if (wants("review-comment")) yield* reviewCommentsExtractor(common("review-comment")).extract(ctx);
  if (wants("commit")) {
    const index = await commitIndex();
    yield* githubCommitsExtractor({ ...common("commit"), index, diffCache, checkoutDiff: options.checkoutDiff }).extract(ctx);
  }
}

export interface PullRequestSourcesOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  number: number;
  /** Default: the pull request and its review comments. */
  kinds?: readonly SourceKind[];
  checkoutDiff?: DiffForRange;
  /** The pull request, when the caller already asked for it (pr --state): not asked again. */
  pull?: ApiPull;
  /** Told why an item was left out before it became a record, for the run's summary. */
  onSkipped?: (reason: string) => void;
}

const CREATED_BEFORE_SINCE = "pull request created before --since";

/** One pull request (merged or not) and its review comments, for `gh-harvest pr`. */
export async function* pullRequestSources(
  options: PullRequestSourcesOptions,
  ctx: ExtractContext,
): AsyncGenerator<SourceRecord> {
  const kinds = options.kinds ?? ["pull", "review-comment"];
  if (kinds.includes("pull")) {
    const pull = options.pull ?? (await fetchPull(options, ctx.signal));
    // --since keeps items created at or after it: the pull request too, not only its
    // comments. Decided before its diff and commits are asked for.
    if (isAtOrAfter(pull.created_at, ctx.since)) {
      const record = await fetchPullRecord({ ...options, pull }, ctx);
      if (record) yield record;
    } else {
      options.onSkipped?.(CREATED_BEFORE_SINCE);
    }
  }
  if (kinds.includes("review-comment")) {
    const { client, owner, repo, number } = options;
    // ctx.since, when given, filters these by creation as it does for `repo`.
    yield* reviewCommentsExtractor({ client, owner, repo, pullNumber: number }).extract(ctx);
  }
}
