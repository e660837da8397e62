// What every GitHub extractor is given besides the ExtractContext.
import type { Person } from "../records.js";
import { BOT_AUTHOR, isBotWork } from "./bots.js";
import type { GitHubClient } from "./client.js";
import type { EtagStore } from "./etag-store.js";

export interface GitHubSourceOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /**
   * The watermark from --state: only items updated (commits: committed) strictly after
   * this instant (ISO) are listed. Items at the watermark itself were seen last time.
   */
  updatedAfter?: string;
  /** Conditional requests for the lists; persisted by the caller with the watermark. */
  etags?: EtagStore;
  /**
   * false: skip bot items (isBot) before spending requests on them. The pipeline skips
   * them anyway unless --include-bots, so pass that flag here. Default true.
   */
  includeBots?: boolean;
  /**
   * Told each listed item's updated_at (commits: committed date) in stream order, skipped
   * items included, so the caller can keep the newest as the next watermark.
   */
  onSeen?: (updatedAt: string) => void;
  /** Per-item requests (diffs) in flight at once. Default 4. */
  concurrency?: number;
  /** Told why an item was left out before it became a record, for the run's summary. */
  onSkipped?: (reason: string) => void;
}

/**
 * Whether a bot's item is left out here, before any request for it (includeBots false), and
 * then counted as the pipeline would count it: by its author, or by a body that is a bot's
 * template (a pull request's, an issue's). Call once an item.
 */
export function leavesOutBot(options: Pick<GitHubSourceOptions, "includeBots" | "onSkipped">, person: Person, body?: string | null): boolean {
  if (options.includeBots !== false || !isBotWork(person, body)) return false;
  options.onSkipped?.(BOT_AUTHOR);
  return true;
}

/** The later of the watermark and --since, as the API's `since` parameter. */
export function listSince(updatedAfter: string | undefined, since: Date | undefined): string | undefined {
  if (updatedAfter === undefined) return since?.toISOString();
  if (since === undefined) return updatedAfter;
  return Date.parse(updatedAfter) >= since.getTime() ? updatedAfter : since.toISOString();
}

/** Later than the watermark (exclusive: items at the watermark were seen last time). */
export function isAfter(iso: string, watermark: string | undefined): boolean {
  return watermark === undefined || Date.parse(iso) > Date.parse(watermark);
}

/** At or after --since (inclusive, as the contract says). */
export function isAtOrAfter(iso: string, since: Date | undefined): boolean {
  return since === undefined || Date.parse(iso) >= since.getTime();
}
