// The issues a pull request closes, with their title and body: from the issue cache when
// the issues were listed in this run, else one request per issue.
import type { Logger } from "../log.js";
import type { ApiIssue } from "./api-types.js";
import type { GitHubClient } from "./client.js";
import { closingIssueNumbers, type RepoIdentity } from "./closing-refs.js";
import type { ClosedIssue, IssueCache } from "./issue-cache.js";
import { statusOf } from "./request-error.js";
import { humanText } from "../text/newlines.js";

export interface ResolveClosesOptions {
  client: GitHubClient;
  repo: RepoIdentity;
  cache?: IssueCache;
  log: Logger;
  signal?: AbortSignal;
}

/** The issues that these texts (PR body, commit messages) close, fetched where needed. */
export async function resolveCloses(texts: readonly string[], options: ResolveClosesOptions): Promise<ClosedIssue[]> {
  const { owner, repo } = options.repo;
  const numbers = [...new Set(texts.flatMap((text) => closingIssueNumbers(text, options.repo)))];
  const closes: ClosedIssue[] = [];
  for (const number of numbers) {
    const cached = options.cache?.get(number);
    if (cached) {
      closes.push(cached);
      continue;
    }
    if (options.cache?.complete) continue;
    try {
      const issue = await options.client.get<ApiIssue>(
        "GET /repos/{owner}/{repo}/issues/{issue_number}",
        { owner, repo, issue_number: number },
        { signal: options.signal },
      );
      // "Fixes #12" where #12 is a pull request: not an issue to learn from.
      if (issue.pull_request !== undefined) continue;
      const closed = { number, title: humanText(issue.title), body: humanText(issue.body), url: issue.html_url };
      options.cache?.put(closed);
      closes.push(closed);
    } catch (error) {
      // A reference to a deleted or transferred issue is the author's typo, not our failure.
      const status = statusOf(error);
      if (status !== 404 && status !== 410) throw error;
      options.log.debug(`${owner}/${repo}#${number}: referenced as closed, but ${status}; ignored`);
    }
  }
  return closes;
}
