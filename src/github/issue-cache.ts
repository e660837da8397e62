// Closed issues seen while listing issues, so that a pull request that closes one needs
// no request of its own for the issue's title and body.
import type { PullRecord } from "../records.js";

export type ClosedIssue = PullRecord["closes"][number];

export interface IssueCache {
  get(number: number): ClosedIssue | undefined;
  put(issue: ClosedIssue): void;
  /**
   * True once every closed issue of the repository has been listed into the cache (and
   * none forgotten): a miss then means "not a closed issue" and costs no request. Not after
   * a listing filtered by --since or a watermark, which leaves older issues out.
   */
  complete: boolean;
}

/** Bounded: past `maxEntries` the oldest are forgotten and the cache is no longer complete. */
export function createIssueCache(maxEntries = 20_000): IssueCache {
  const issues = new Map<number, ClosedIssue>();
  let complete = false;
  let forgotten = false;
  return {
    get: (number) => issues.get(number),
    put(issue) {
      issues.set(issue.number, issue);
      if (issues.size > maxEntries) {
        const oldest = issues.keys().next().value;
        if (oldest !== undefined) issues.delete(oldest);
        forgotten = true;
      }
    },
    get complete() {
      return complete && !forgotten;
    },
    set complete(value: boolean) {
      complete = value;
    },
  };
}
