// Closed issues of a repository through the REST API, each with the maintainers' answer
// (first comment by an OWNER, MEMBER or COLLABORATOR) and the code quoted in its body.
//
// Requests: comments come from the repository-wide endpoint (one request per 100
// comments of the whole repository) rather than one request per issue, and only as far as
// the issues handled so far need: issues are listed least recently updated first, and no
// comment on an issue is newer than its updated_at, so the oldest comments answer the first
// issues and a run that --limit ends early reads a few pages, not the whole repository's
// comments before its first record. On an incremental run only the issues updated since the
// watermark are handled; their comments may be older than the watermark, so a few are asked
// for issue by issue, many through the repository-wide list from the oldest one's creation.
import type { ExtractContext, Extractor } from "../src/extractor.js";
import type { IssueRecord } from "../src/records.js";
import type { ApiIssue, ApiIssueComment } from "../src/github/api-types.js";
import { createAnswerBook, fencedCode, type AnswerBook } from "../src/github/issue-answers.js";
import type { IssueCache } from "../src/github/issue-cache.js";
import { labelNames, personOfUser } from "../src/github/people.js";
import { canonicalRepo, repoOfWebUrl } from "../src/github/repo-name.js";
import { statusOf } from "../src/github/request-error.js";
import { isAfter, isAtOrAfter, leavesOutBot, listSince, type GitHubSourceOptions } from "../src/github/source-options.js";
import { humanText } from "../src/text/newlines.js";

export interface IssuesExtractorOptions extends GitHubSourceOptions {
  /** Filled with every closed issue listed, for the pulls extractor's `closes`. */
  cache?: IssueCache;
}

/** Up to this many changed issues, comments are asked for issue by issue. */
const PER_ISSUE_COMMENTS_MAX = 50;

function issueRecord(issue: ApiIssue, answers: AnswerBook, owner: string, repo: string): IssueRecord {
  const author = personOfUser(issue.user);
  const body = humanText(issue.body);
  const record: IssueRecord = {
    kind: "issue",
    // As GitHub names the repository now, not as it was typed (case, an old name).
    repo: canonicalRepo(repoOfWebUrl(issue.html_url), owner, repo),
    url: issue.html_url,
    author,
    createdAt: issue.created_at,
    number: issue.number,
    title: humanText(issue.title),
    body,
    labels: labelNames(issue.labels),
    code: fencedCode(body),
  };
  if (issue.closed_at) record.closedAt = issue.closed_at;
  const answer = answers.answerFor(issue.number, author.login);
  if (answer) record.answer = answer;
  return record;
}

export function issuesExtractor(options: IssuesExtractorOptions): Extractor<IssueRecord> {
  const { client, owner, repo } = options;
  const commentPages = (since: string | undefined, ctx: ExtractContext) =>
    client.pages<ApiIssueComment>("GET /repos/{owner}/{repo}/issues/comments", { owner, repo, sort: "created", direction: "asc", since }, { signal: ctx.signal });
  const listComments = async (answers: AnswerBook, since: string | undefined, ctx: ExtractContext) => {
    for await (const page of commentPages(since, ctx)) for (const comment of page) answers.add(comment);
  };
  const listIssueComments = async (answers: AnswerBook, number: number, ctx: ExtractContext) => {
    const params = { owner, repo, issue_number: number };
    try {
      for await (const page of client.pages<ApiIssueComment>(
        "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
        params,
        { signal: ctx.signal },
      )) {
        for (const comment of page) answers.add(comment);
      }
    } catch (error) {
      // Gone (deleted) since it was listed: that issue goes without an answer, the others
      // are not lost to the catch-all 410 below.
      if (statusOf(error) !== 410) throw error;
      ctx.log.debug(`${owner}/${repo}#${number}: comments answered 410; no answer`);
    }
  };
  const closedIssues = (ctx: ExtractContext) =>
    client.pages<ApiIssue>(
      "GET /repos/{owner}/{repo}/issues",
      { owner, repo, state: "closed", sort: "updated", direction: "asc", since: listSince(options.updatedAfter, ctx.since) },
      { etags: options.etags, signal: ctx.signal },
    );
  const wanted = (issue: ApiIssue, ctx: ExtractContext) =>
    issue.pull_request === undefined &&
    isAtOrAfter(issue.created_at, ctx.since) &&
    !leavesOutBot(options, personOfUser(issue.user), issue.body);
  const remember = (issue: ApiIssue) => {
    if (issue.pull_request === undefined) {
      options.cache?.put({ number: issue.number, title: humanText(issue.title), body: humanText(issue.body), url: issue.html_url });
    }
  };

  // Only a listing of every closed issue makes a cache miss mean "not a closed issue". With
  // --since or a watermark the list holds only recently updated issues, while a PR merged
  // after the cut-off may close an issue last touched before it: fetched one by one then.
  const markCacheComplete = (ctx: ExtractContext) => {
    if (options.cache && listSince(options.updatedAfter, ctx.since) === undefined) options.cache.complete = true;
  };

  async function* closedIssueRecords(ctx: ExtractContext): AsyncGenerator<IssueRecord> {
    const answers = createAnswerBook();
    if (options.updatedAfter === undefined) {
      // The comments since --since (a comment is never older than its issue), read along
      // with the issues they answer.
      const comments = commentReader(commentPages(ctx.since?.toISOString(), ctx), answers);
      try {
        for await (const page of closedIssues(ctx)) {
          for (const issue of page) {
            if (ctx.signal?.aborted) return;
            remember(issue);
            options.onSeen?.(issue.updated_at);
            if (!wanted(issue, ctx)) continue;
            if ((issue.comments ?? 1) > 0) await comments.readThrough(issue.updated_at);
            yield issueRecord(issue, answers, owner, repo);
          }
        }
      } finally {
        await comments.close();
      }
      markCacheComplete(ctx);
      return;
    }
    const changed: ApiIssue[] = [];
    for await (const page of closedIssues(ctx)) {
      changed.push(...page.filter((issue) => isAfter(issue.updated_at, options.updatedAfter)));
    }
    changed.forEach(remember);
    markCacheComplete(ctx);
    // Decided once an issue: a bot's is counted as skipped once.
    const kept = new Set(changed.filter((issue) => wanted(issue, ctx)));
    const needed = [...kept].filter((issue) => (issue.comments ?? 1) > 0);
    if (needed.length > PER_ISSUE_COMMENTS_MAX) {
      const oldest = needed.reduce((min, issue) => (issue.created_at < min ? issue.created_at : min), needed[0]?.created_at ?? "");
      await listComments(answers, oldest, ctx);
    } else {
      for (const issue of needed) await listIssueComments(answers, issue.number, ctx);
    }
    for (const issue of changed) {
      if (ctx.signal?.aborted) return;
      options.onSeen?.(issue.updated_at);
      if (kept.has(issue)) yield issueRecord(issue, answers, owner, repo);
    }
  }

  return {
    kind: "issue",
    async *extract(ctx) {
      try {
        yield* closedIssueRecords(ctx);
      } catch (error) {
        // 410 "Issues are disabled for this repo": a repository without issues, not a
        // failed run; its PRs, review comments and commits are still worth harvesting.
        if (statusOf(error) !== 410) throw error;
        ctx.log.warn(`${owner}/${repo}: issues are disabled (410); no issue records`);
        // No issue can be closed by a PR then: a miss in the cache costs no request.
        if (options.cache) options.cache.complete = true;
      }
    },
  };
}

/**
 * The repository-wide comment list, oldest first, read a page at a time as far as an issue
 * needs: through its updated_at, which every comment on it was created by.
 */
function commentReader(pages: AsyncGenerator<ApiIssueComment[]>, answers: AnswerBook) {
  let readUntil = -Infinity;
  let done = false;
  return {
    async readThrough(updatedAt: string): Promise<void> {
      const until = Date.parse(updatedAt);
      // A comment created at that very second may be on the next page: read past it.
      while (!done && !(readUntil > until)) {
        const next = await pages.next();
        if (next.done) {
          done = true;
          return;
        }
        for (const comment of next.value) answers.add(comment);
        const last = next.value.at(-1);
        if (last) readUntil = Date.parse(last.created_at);
      }
    },
    async close(): Promise<void> {
      await pages.return(undefined);
    },
  };
}
