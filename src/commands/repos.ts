// `gh-harvest repos OWNER`: an organization's (or a user's) repositories as a GitHub
// Actions matrix, `{"include":[{"repo":"acme/api"},...]}`, for
// `strategy.matrix: ${{ fromJSON(needs.list.outputs.matrix) }}` and `${{ matrix.repo }}`.
// A matrix holds at most 256 jobs, so with more repositories than --max-jobs each job
// gets several, space-separated in `repo` (which `repo` and the action both accept).
import { GitHubError, UsageError } from "../errors.js";
import { createGitHubClient, tokenFromEnv, type GitHubClient, type RequestStats } from "../github/client.js";
import { resolveApiUrl } from "../github-ref.js";
import { createLogger } from "../log.js";
import type { CommandContext } from "./harvest-deps.js";

/** GitHub's cap on the jobs one matrix makes. */
export const MATRIX_MAX_JOBS = 256;

export interface RepoFilters {
  /** Keep archived repositories (default: left out). */
  archived: boolean;
  /** Keep forks (default: left out). */
  forks: boolean;
  /** Keep only repositories with one of these topics; empty: any. */
  topics: readonly string[];
  /** Keep only repositories whose main language is one of these; empty: any. */
  languages: readonly string[];
}

export interface ReposOptions extends RepoFilters {
  maxJobs: number;
  apiUrl?: string;
}

/** The fields of GitHub's repository objects that the filters read. */
interface RepositoryItem {
  full_name: string;
  archived?: boolean;
  fork?: boolean;
  disabled?: boolean;
  topics?: string[];
  language?: string | null;
}

export interface RepositoryListing {
  owner: string;
  /** Where the list came from: /orgs/OWNER/repos, or /users/OWNER/repos for a user account. */
  account: "organization" | "user";
  /** OWNER/NAME, sorted. */
  repos: string[];
  /** How many were left out, by reason: archived, fork, disabled, topic, language. */
  leftOut: Record<string, number>;
}

export interface RepoMatrix {
  include: { repo: string }[];
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export function checkOwner(owner: string): string {
  if (!LOGIN.test(owner)) throw new UsageError(`invalid owner "${owner}": name an organization or a user, e.g. octo-org (not OWNER/REPO)`);
  return owner;
}

export async function listRepositories(client: GitHubClient, owner: string, filters: RepoFilters, signal?: AbortSignal): Promise<RepositoryListing> {
  checkOwner(owner);
  const listing: RepositoryListing = { owner, account: "organization", repos: [], leftOut: {} };
  const topics = new Set(filters.topics.map((t) => t.toLowerCase()));
  const languages = new Set(filters.languages.map((l) => l.toLowerCase()));
  const reasonToLeaveOut = (item: RepositoryItem): string | undefined => {
    if (item.disabled) return "disabled";
    if (item.archived && !filters.archived) return "archived";
    if (item.fork && !filters.forks) return "fork";
    if (topics.size > 0 && !(item.topics ?? []).some((t) => topics.has(t.toLowerCase()))) return "topic";
    if (languages.size > 0 && !languages.has((item.language ?? "").toLowerCase())) return "language";
    return undefined;
  };
  const take = (page: RepositoryItem[]) => {
    for (const item of page) {
      const reason = reasonToLeaveOut(item);
      if (reason) listing.leftOut[reason] = (listing.leftOut[reason] ?? 0) + 1;
      else listing.repos.push(item.full_name);
    }
  };
  let firstPage = true;
  try {
    // type=all: every repository the token can see (private and internal ones too).
    for await (const page of client.pages<RepositoryItem>("GET /orgs/{org}/repos", { org: owner, type: "all" }, { context: owner, signal })) {
      firstPage = false;
      take(page);
    }
  } catch (error) {
    // Not an organization: a user account. Only the first page can say so.
    if (!(firstPage && error instanceof GitHubError && error.status === 404)) throw error;
    listing.account = "user";
    for await (const page of client.pages<RepositoryItem>("GET /users/{username}/repos", { username: owner, type: "owner" }, { context: owner, signal })) {
      take(page);
    }
  }
  listing.repos.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  return listing;
}

/** One job per repository, or as many per job as it takes to stay within maxJobs. */
export function repoMatrix(repos: readonly string[], maxJobs = MATRIX_MAX_JOBS): RepoMatrix {
  if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > MATRIX_MAX_JOBS) {
    throw new UsageError(`--max-jobs must be between 1 and ${MATRIX_MAX_JOBS} (GitHub's limit for one matrix), got ${maxJobs}`);
  }
  const perJob = Math.max(1, Math.ceil(repos.length / maxJobs));
  const include: { repo: string }[] = [];
  for (let i = 0; i < repos.length; i += perJob) include.push({ repo: repos.slice(i, i + perJob).join(" ") });
  return { include };
}

export function describeListing(listing: RepositoryListing, matrix: RepoMatrix): string {
  const n = listing.repos.length;
  const leftOut = Object.entries(listing.leftOut)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, count]) => `${reason} ${count}`)
    .join(", ");
  return (
    `gh-harvest: ${n} repositor${n === 1 ? "y" : "ies"} of ${listing.owner} in ${matrix.include.length} job${matrix.include.length === 1 ? "" : "s"}` +
    (leftOut ? ` (left out: ${leftOut})` : "")
  );
}

export interface ReposResult {
  listing: RepositoryListing;
  matrix: RepoMatrix;
  api: RequestStats;
}

export async function runRepos(owner: string, options: ReposOptions, ctx: CommandContext): Promise<ReposResult> {
  checkOwner(owner);
  repoMatrix([], options.maxJobs); // checks --max-jobs before any request
  const log = createLogger({ stream: ctx.io.stderr, debug: ctx.debug() });
  const client = createGitHubClient({ token: tokenFromEnv(ctx.io.env), apiUrl: resolveApiUrl({ flag: options.apiUrl, env: ctx.io.env }), log });
  const listing = await listRepositories(client, owner, options, ctx.io.signal);
  const matrix = repoMatrix(listing.repos, options.maxJobs);
  ctx.io.stdout.write(`${JSON.stringify(matrix)}\n`);
  if (listing.repos.length === 0) log.warn(`no repository of ${owner} is left after the filters (a job whose matrix is empty fails)`);
  log.info(describeListing(listing, matrix));
  return { listing, matrix, api: client.stats() };
}
