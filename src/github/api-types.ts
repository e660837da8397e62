// The parts of GitHub's REST payloads that the extractors read. Hand-written and partial
// on purpose: the full generated types would tie every file to @octokit/*, and the
// fields below are the contract we rely on (see ../shared/github-api/examples.json).

export interface ApiUser {
  login: string;
  type?: string;
}

export interface ApiLabel {
  name?: string;
}

/** What issues and pull requests share (a pull request is an issue to GitHub). */
interface ApiIssueLike {
  number: number;
  title: string;
  user: ApiUser | null;
  author_association?: string;
  labels: (ApiLabel | string)[];
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface ApiPull extends ApiIssueLike {
  body: string | null;
  merged_at: string | null;
  /** Only on the single-pull endpoint. */
  merged?: boolean;
  merge_commit_sha: string | null;
  /** base.repo is the repository the PR is in (head.repo may be a fork's), named as it is now. */
  base: { ref: string; sha: string; repo?: { full_name: string } | null };
  head: { ref: string; sha: string };
}

export interface ApiIssue extends ApiIssueLike {
  body?: string | null;
  closed_at: string | null;
  comments?: number;
  /** Present when the "issue" is a pull request. */
  pull_request?: unknown;
}

export interface ApiIssueComment {
  id: number;
  body?: string;
  user: ApiUser | null;
  author_association: string;
  html_url: string;
  issue_url: string;
  created_at: string;
  updated_at: string;
}

export interface ApiReviewComment {
  id: number;
  path: string;
  diff_hunk: string;
  body: string;
  in_reply_to_id?: number;
  user: ApiUser | null;
  author_association?: string;
  html_url: string;
  pull_request_url: string;
  created_at: string;
  updated_at: string;
}

export interface ApiGitPerson {
  name?: string;
  email?: string;
  date?: string;
}

export interface ApiCommit {
  sha: string;
  html_url: string;
  commit: { message: string; author: ApiGitPerson | null; committer: ApiGitPerson | null };
  author: ApiUser | null;
  parents: { sha: string }[];
}

/** An entry of the pull request (or commit) files API. */
export interface ApiDiffEntry {
  /** The blob id of the file's new content. */
  sha?: string;
  filename: string;
  previous_filename?: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
}
