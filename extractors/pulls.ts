// Merged pull requests of a repository through the REST API, oldest update first; and a
// single pull request (merged or not) for `gh-harvest pr`.
//
// Requests: one per 100 closed PRs for the list, one per merged PR for its diff (none
// with a checkout), none for the issues it closes when the issues were listed in the same
// run. Closing keywords are read from the body and from the squash/merge commit message
// in the commit index (also listed once per run): asking for every PR's commits would
// cost one more request per PR, and GitHub's default squash message already carries the
// messages of the PR's commits.
import type { ExtractContext, Extractor } from "../src/extractor.js";
import type { PullRecord } from "../src/records.js";
import type { ApiCommit, ApiPull } from "../src/github/api-types.js";
import { mapOrdered } from "../src/github/ordered-pool.js";
import { labelNames, personOfUser } from "../src/github/people.js";
import { isMerged, pullRecord, type PullRecordOptions } from "../src/github/pull-record.js";
import { isAfter, isAtOrAfter, leavesOutBot, type GitHubSourceOptions } from "../src/github/source-options.js";

/** The fields a record needs: list items carry whole repository objects, not worth holding. */
function slimPull(pull: ApiPull): ApiPull {
  const { number, title, body, user, author_association, labels, html_url, created_at, updated_at } = pull;
  return {
    number,
    title,
    body,
    user: user && { login: user.login, type: user.type },
    author_association,
    labels: labelNames(labels),
    html_url,
    created_at,
    updated_at,
    merged_at: pull.merged_at,
    merge_commit_sha: pull.merge_commit_sha,
    base: { ref: pull.base.ref, sha: pull.base.sha, repo: pull.base.repo && { full_name: pull.base.repo.full_name } },
    head: { ref: pull.head.ref, sha: pull.head.sha },
  };
}

export interface PullsExtractorOptions extends GitHubSourceOptions, PullRecordOptions {}

/**
 * The closed PRs to consider. Without a watermark or --since: the whole list, oldest
 * update first, streamed. With one: newest first, stopping at the first PR not updated
 * since (the pulls API has no `since`), then replayed oldest first; only what changed is
 * held, and the unchanged first page answers 304 on the next run.
 */
async function* closedPulls(options: PullsExtractorOptions, ctx: ExtractContext): AsyncGenerator<ApiPull> {
  const route = "GET /repos/{owner}/{repo}/pulls";
  const base = { owner: options.owner, repo: options.repo, state: "closed", sort: "updated" };
  const listOptions = { etags: options.etags, signal: ctx.signal };
  if (options.updatedAfter === undefined && ctx.since === undefined) {
    for await (const page of options.client.pages<ApiPull>(route, { ...base, direction: "asc" }, listOptions)) {
      yield* page;
    }
    return;
  }
  const changed: ApiPull[] = [];
  pages: for await (const page of options.client.pages<ApiPull>(route, { ...base, direction: "desc" }, {
    ...listOptions,
    newestFirst: true,
  })) {
    for (const pull of page) {
      if (!isAfter(pull.updated_at, options.updatedAfter) || !isAtOrAfter(pull.updated_at, ctx.since)) break pages;
      changed.push(slimPull(pull));
    }
  }
  yield* changed.reverse();
}

export function pullsExtractor(options: PullsExtractorOptions): Extractor<PullRecord> {
  return {
    kind: "pull",
    async *extract(ctx) {
      const wanted = (pull: ApiPull) =>
        isMerged(pull) &&
        isAtOrAfter(pull.created_at, ctx.since) &&
        !leavesOutBot(options, personOfUser(pull.user), pull.body);
      const work = async (pull: ApiPull) => {
        if (!wanted(pull)) return undefined;
        const messages = options.commits?.messagesOfPull(pull.merge_commit_sha ?? undefined, pull.head.sha) ?? [];
        return pullRecord(pull, messages, options, ctx);
      };
      for await (const { item, result } of mapOrdered(closedPulls(options, ctx), options.concurrency ?? 4, work)) {
        if (ctx.signal?.aborted) return;
        options.onSeen?.(item.updated_at);
        if (result) yield result;
      }
    },
  };
}

export interface SinglePullOptions extends Pick<PullsExtractorOptions, "client" | "owner" | "repo" | "checkoutDiff"> {
  number: number;
  /** The pull request, when the caller already asked for it (pr --state compares its updated_at). */
  pull?: ApiPull;
}

/** One request: the pull request itself. */
export function fetchPull(options: Omit<SinglePullOptions, "pull">, signal?: AbortSignal): Promise<ApiPull> {
  const params = { owner: options.owner, repo: options.repo, pull_number: options.number };
  return options.client.get<ApiPull>("GET /repos/{owner}/{repo}/pulls/{pull_number}", params, { signal });
}

/**
 * One pull request, merged or not (the rules decide). Its own commits are read for closing
 * keywords: one request, worth it for a single PR.
 */
export async function fetchPullRecord(options: SinglePullOptions, ctx: ExtractContext): Promise<PullRecord | undefined> {
  const pull = options.pull ?? (await fetchPull(options, ctx.signal));
  const params = { owner: options.owner, repo: options.repo, pull_number: options.number };
  const messages: string[] = [];
  for await (const page of options.client.pages<ApiCommit>("GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", params, {
    signal: ctx.signal,
  })) {
    messages.push(...page.map((commit) => commit.commit.message));
  }
  return pullRecord(pull, messages, options, ctx);
}
