// Commits of the default branch through the REST API: every commit it reaches, oldest
// first, merges skipped, as `local` (git log --no-merges) takes them: the commits of a
// branch merged with "Create a merge commit" are the branch's history too. A squash
// commit's diff is the pull request's, already fetched by the pulls extractor: taken from
// the shared cache instead of a second request. With a checkout, diffs are computed locally.
import type { Extractor } from "../src/extractor.js";
import type { CommitRecord } from "../src/records.js";
import { commitMessage } from "../src/text/commit-message.js";
import { loadCommitIndex, type CommitIndex, type IndexedCommit } from "../src/github/commit-index.js";
import { commitDiff, type DiffCache, type DiffForRange } from "../src/github/diffs.js";
import { mergedBranchCommits } from "../src/github/merged-branch.js";
import { mapOrdered } from "../src/github/ordered-pool.js";
import { canonicalRepo, repoOfWebUrl } from "../src/github/repo-name.js";
import { statusOf } from "../src/github/request-error.js";
import { isAfter, isAtOrAfter, leavesOutBot, listSince, type GitHubSourceOptions } from "../src/github/source-options.js";

export interface GitHubCommitsExtractorOptions extends GitHubSourceOptions {
  /** The branch already listed in this run (shared with the pulls extractor). */
  index?: CommitIndex;
  diffCache?: DiffCache;
  checkoutDiff?: DiffForRange;
}

/** git's empty tree: the "parent" of a root commit. */
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

export function githubCommitsExtractor(options: GitHubCommitsExtractorOptions): Extractor<CommitRecord> {
  const { client, owner, repo } = options;
  return {
    kind: "commit",
    async *extract(ctx) {
      const index =
        options.index ??
        (await loadCommitIndex(client, {
          owner,
          repo,
          since: listSince(options.updatedAfter, ctx.since),
          etags: options.etags,
          signal: ctx.signal,
        }));
      // Commits a merge made after the watermark brought in: new to the branch whatever
      // their own date.
      const merged = new Set<string>();
      const wanted = (commit: IndexedCommit) =>
        commit.parents.length <= 1 &&
        (merged.has(commit.sha) || isAfter(commit.committedAt, options.updatedAfter)) &&
        isAtOrAfter(commit.committedAt, ctx.since) &&
        !leavesOutBot(options, commit.author);
      // The listing, with what an incremental listing missed put before the merge that
      // brought it (one compare request per such merge; none on a first run).
      async function* walk(): AsyncGenerator<IndexedCommit> {
        for (const commit of index.history()) {
          const isNewMerge = commit.parents.length > 1 && options.updatedAfter !== undefined && isAfter(commit.committedAt, options.updatedAfter);
          if (isNewMerge && !index.hasMergedCommits(commit)) {
            for (const brought of await mergedBranchCommits(commit, { client, owner, repo, signal: ctx.signal })) {
              if (index.get(brought.sha) || merged.has(brought.sha)) continue;
              merged.add(brought.sha);
              yield brought;
            }
          }
          yield commit;
        }
      }
      const work = async (commit: IndexedCommit): Promise<CommitRecord | undefined> => {
        if (!wanted(commit)) return undefined;
        let diff = options.diffCache?.take(commit.sha);
        if (!diff && options.checkoutDiff) diff = await options.checkoutDiff(commit.parents[0] ?? EMPTY_TREE, commit.sha);
        if (!diff) {
          try {
            diff = await commitDiff(client, { owner, repo, sha: commit.sha }, {
              filter: ctx.diffFilter,
              maxDiffLines: ctx.maxDiffLines,
              maxDiffBytes: ctx.maxDiffBytes,
              log: ctx.log,
              signal: ctx.signal,
            });
          } catch (error) {
            if (statusOf(error) !== 404 && statusOf(error) !== 422) throw error;
            ctx.log.warn(`${owner}/${repo}@${commit.sha.slice(0, 12)}: GitHub has no diff for it; skipped`);
            return undefined;
          }
        }
        return {
          kind: "commit",
          // As GitHub names the repository now, not as it was typed (case, an old name).
          repo: canonicalRepo(repoOfWebUrl(commit.url), owner, repo),
          url: commit.url,
          author: commit.author,
          createdAt: commit.committedAt,
          sha: commit.sha,
          parents: commit.parents,
          ...commitMessage(commit.message),
          diff,
        };
      };
      for await (const { item, result } of mapOrdered(walk(), options.concurrency ?? 4, work)) {
        if (ctx.signal?.aborted) return;
        options.onSeen?.(item.committedAt);
        if (result) yield result;
      }
    },
  };
}
