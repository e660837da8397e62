// Pull request review comments (the ones on lines of a diff) through the REST API:
// repository-wide, one request per 100 comments, or those of a single pull request.
import type { Extractor } from "../src/extractor.js";
import type { ReviewCommentRecord } from "../src/records.js";
import type { ApiReviewComment } from "../src/github/api-types.js";
import { personOfUser } from "../src/github/people.js";
import { canonicalRepo, repoOfWebUrl } from "../src/github/repo-name.js";
import { isAfter, isAtOrAfter, leavesOutBot, listSince, type GitHubSourceOptions } from "../src/github/source-options.js";
import { humanText } from "../src/text/newlines.js";

export interface ReviewCommentsExtractorOptions extends GitHubSourceOptions {
  /** Only this pull request's comments (for `gh-harvest pr`). */
  pullNumber?: number;
}

/** `owner`/`repo` as asked for; the record names the repository as the comment's URL does. */
export function reviewCommentRecord(comment: ApiReviewComment, owner: string, repo: string): ReviewCommentRecord | undefined {
  const pullNumber = Number(/\/pulls\/(\d+)$/.exec(comment.pull_request_url)?.[1]);
  if (!Number.isSafeInteger(pullNumber)) return undefined;
  const record: ReviewCommentRecord = {
    kind: "review-comment",
    repo: canonicalRepo(repoOfWebUrl(comment.html_url), owner, repo),
    url: comment.html_url,
    author: personOfUser(comment.user),
    createdAt: comment.created_at,
    id: comment.id,
    pullNumber,
    path: comment.path,
    // The hunk is a diff: its carriage returns are the file's, kept.
    diffHunk: comment.diff_hunk,
    body: humanText(comment.body),
  };
  if (comment.in_reply_to_id !== undefined && comment.in_reply_to_id !== null) record.inReplyTo = comment.in_reply_to_id;
  if (comment.author_association) record.authorAssociation = comment.author_association;
  return record;
}

export function reviewCommentsExtractor(options: ReviewCommentsExtractorOptions): Extractor<ReviewCommentRecord> {
  const { client, owner, repo } = options;
  return {
    kind: "review-comment",
    async *extract(ctx) {
      const incremental = options.updatedAfter !== undefined;
      const pages =
        options.pullNumber === undefined
          ? client.pages<ApiReviewComment>(
              "GET /repos/{owner}/{repo}/pulls/comments",
              {
                owner,
                repo,
                // Incremental runs follow updates (edited comments come back); a full run
                // reads in order of creation.
                sort: incremental ? "updated" : "created",
                direction: "asc",
                since: listSince(options.updatedAfter, ctx.since),
              },
              { etags: options.etags, signal: ctx.signal },
            )
          : client.pages<ApiReviewComment>(
              "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
              { owner, repo, pull_number: options.pullNumber },
              { signal: ctx.signal },
            );
      for await (const page of pages) {
        for (const comment of page) {
          if (ctx.signal?.aborted) return;
          if (!isAfter(comment.updated_at, options.updatedAfter)) continue;
          options.onSeen?.(comment.updated_at);
          if (!isAtOrAfter(comment.created_at, ctx.since)) continue;
          if (leavesOutBot(options, personOfUser(comment.user))) continue;
          const record = reviewCommentRecord(comment, owner, repo);
          if (record) yield record;
        }
      }
    },
  };
}
