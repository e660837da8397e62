// The commits a merge commit brought to the default branch, when the branch listing does
// not hold them: after an incremental run's `since`, a branch commit made before the
// watermark but merged after it is not listed (GitHub filters the list by commit date).
// One compare request per such merge: `first-parent...merged-parent` lists exactly the
// commits the merged side has and the branch had not (git log A..B).
// https://docs.github.com/rest/commits/commits#compare-two-commits
import type { ApiCommit } from "./api-types.js";
import type { GitHubClient } from "./client.js";
import { indexedCommit, type IndexedCommit } from "./commit-index.js";

export interface MergedBranchOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  signal?: AbortSignal;
}

/** The merged side's commits, oldest first, merges included (the caller skips them). */
export async function mergedBranchCommits(merge: IndexedCommit, options: MergedBranchOptions): Promise<IndexedCommit[]> {
  const [first, ...merged] = merge.parents;
  if (!first) return [];
  const commits: IndexedCommit[] = [];
  const context = `${options.owner}/${options.repo}@${merge.sha.slice(0, 12)}`;
  // An octopus merge has several merged sides; each is compared with the first parent.
  for (const side of merged) {
    for await (const page of options.client.pages<ApiCommit>(
      "GET /repos/{owner}/{repo}/compare/{basehead}",
      { owner: options.owner, repo: options.repo, basehead: `${first}...${side}` },
      // The compare answer pages its `commits` (oldest first) with a Link header.
      { signal: options.signal, context, select: (data) => (data as { commits?: ApiCommit[] }).commits ?? [] },
    )) {
      commits.push(...page.map(indexedCommit));
    }
  }
  return commits;
}
