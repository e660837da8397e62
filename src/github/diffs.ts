// The diff of a pull request or a commit, through the API: the diff media type first,
// the files API when GitHub says the diff is too large (406), or a local checkout when
// the caller has one (then no request at all).
import type { Logger } from "../log.js";
import type { Diff } from "../records.js";
import type { ApiDiffEntry } from "./api-types.js";
import type { GitHubClient } from "./client.js";
import { diffFromText, type DiffTextOptions } from "./diff-text.js";
import { diffTextFromFiles } from "./files-diff.js";
import { statusOf } from "./request-error.js";

/**
 * A diff computed from a local clone: `git diff from...to` (three dots, what GitHub shows
 * for a pull request), with the run's file filter, --max-diff-lines and --max-diff-bytes applied. Resolves
 * to undefined when the clone lacks either commit; the API is asked then.
 */
export type DiffForRange = (from: string, to: string) => Promise<Diff | undefined>;

export interface FetchDiffOptions extends DiffTextOptions {
  log: Logger;
  signal?: AbortSignal;
}

/** 406: "too_large" (300 files or 20,000 lines); 422: GitHub gave up computing it. */
const isTooLarge = (error: unknown) => statusOf(error) === 406 || statusOf(error) === 422;

/** GitHub lists at most 3,000 files of a change. */
const MAX_FILES = 3000;

async function diffFromFileList(
  pages: AsyncGenerator<ApiDiffEntry[]>,
  options: FetchDiffOptions,
): Promise<Diff> {
  const entries: ApiDiffEntry[] = [];
  for await (const page of pages) {
    entries.push(...page);
    if (entries.length >= MAX_FILES) break;
  }
  const rebuilt = diffTextFromFiles(entries);
  const diff = diffFromText(rebuilt.text, options);
  return { ...diff, dropped: [...diff.dropped, ...rebuilt.dropped] };
}

export async function pullRequestDiff(
  client: GitHubClient,
  pull: { owner: string; repo: string; number: number },
  options: FetchDiffOptions,
): Promise<Diff> {
  const params = { owner: pull.owner, repo: pull.repo, pull_number: pull.number };
  try {
    const bytes = await client.getDiff("GET /repos/{owner}/{repo}/pulls/{pull_number}", params, { signal: options.signal });
    return diffFromText(bytes, options);
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    options.log.debug(`${pull.owner}/${pull.repo}#${pull.number}: diff too large for GitHub, rebuilding it from the files API`);
    const pages = client.pages<ApiDiffEntry>("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", params, {
      signal: options.signal,
    });
    return diffFromFileList(pages, options);
  }
}

export async function commitDiff(
  client: GitHubClient,
  commit: { owner: string; repo: string; sha: string },
  options: FetchDiffOptions,
): Promise<Diff> {
  const params = { owner: commit.owner, repo: commit.repo, ref: commit.sha };
  const context = `${commit.owner}/${commit.repo}@${commit.sha.slice(0, 12)}`;
  try {
    const bytes = await client.getDiff("GET /repos/{owner}/{repo}/commits/{ref}", params, { signal: options.signal, context });
    return diffFromText(bytes, options);
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    options.log.debug(`${context}: diff too large for GitHub, rebuilding it from the commit's files`);
    // The commit resource pages its `files` (300 a page) with a Link header like a list.
    const pages = client.pages<ApiDiffEntry>("GET /repos/{owner}/{repo}/commits/{ref}", params, {
      signal: options.signal,
      context,
      select: (data) => (data as { files?: ApiDiffEntry[] }).files ?? [],
    });
    return diffFromFileList(pages, options);
  }
}

/**
 * Diffs already fetched for a pull request, by the sha of its squash commit, so the
 * commits extractor does not fetch them again. Bounded: past `maxChars` of diff text,
 * nothing more is kept (those commits cost a request, as without the cache).
 */
export interface DiffCache {
  put(sha: string, diff: Diff): void;
  /** The diff for this commit, forgotten once taken. */
  take(sha: string): Diff | undefined;
}

export function createDiffCache(maxChars = 32 * 1024 * 1024): DiffCache {
  const diffs = new Map<string, Diff>();
  let chars = 0;
  return {
    put(sha, diff) {
      if (diffs.has(sha) || chars + diff.text.length > maxChars) return;
      diffs.set(sha, diff);
      chars += diff.text.length;
    },
    take(sha) {
      const diff = diffs.get(sha);
      if (diff) {
        diffs.delete(sha);
        chars -= diff.text.length;
      }
      return diff;
    },
  };
}
