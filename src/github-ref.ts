// What the user names on the command line: a pull request (`pr <ref>`) or a repository
// (`repo <owner/name>`), and which REST API root serves it.
import { UsageError } from "./errors.js";

export interface PullRef {
  owner: string;
  repo: string;
  number: number;
  /** The web host when the ref was a URL (github.com, or an Enterprise Server host). */
  host?: string;
  /** The URL's scheme: an Enterprise Server on plain http is reached on plain http. */
  scheme?: "http" | "https";
}

export interface RepoRef {
  owner: string;
  repo: string;
}

// GitHub: owner of letters, digits and single hyphens; repository also . and _.
const OWNER = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})`;
const REPO = String.raw`[A-Za-z0-9._-]{1,100}`;
const SHORT = new RegExp(`^(${OWNER})/(${REPO})#(\\d+)$`);
const SLUG = new RegExp(`^(${OWNER})/(${REPO})$`);
const PULL_PATH = new RegExp(`^/(${OWNER})/(${REPO})/pull/(\\d+)(?:/[^?#]*)?$`);

const PULL_FORMS = "https://github.com/OWNER/REPO/pull/N, OWNER/REPO#N or https://HOST/OWNER/REPO/pull/N";

function pullNumber(text: string, ref: string): number {
  const number = Number(text);
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`invalid pull request reference "${ref}": the number must be a positive integer`);
  }
  return number;
}

const stripGit = (repo: string) => repo.replace(/\.git$/, "");

/** Parse `https://github.com/O/R/pull/N`, `O/R#N` or `https://HOST/O/R/pull/N`. */
export function parsePullRef(ref: string): PullRef {
  const text = ref.trim();
  const short = SHORT.exec(text);
  if (short) return { owner: short[1] as string, repo: stripGit(short[2] as string), number: pullNumber(short[3] as string, ref) };
  let url: URL | undefined;
  try {
    url = /^https?:\/\//i.test(text) ? new URL(text) : undefined;
  } catch {
    url = undefined;
  }
  const path = url ? PULL_PATH.exec(url.pathname.replace(/\/+$/, "")) : null;
  if (!url || !path) throw new UsageError(`invalid pull request reference "${ref}": expected ${PULL_FORMS}`);
  return {
    owner: path[1] as string,
    repo: stripGit(path[2] as string),
    number: pullNumber(path[3] as string, ref),
    host: url.host.toLowerCase(),
    scheme: url.protocol === "http:" ? "http" : "https",
  };
}

/** Parse `OWNER/REPO` (a trailing .git and a github.com URL are accepted too). */
export function parseRepoRef(ref: string): RepoRef {
  const text = ref.trim().replace(/^https?:\/\/(?:www\.)?github\.com\//i, "").replace(/\/+$/, "");
  const slug = SLUG.exec(text);
  if (!slug) throw new UsageError(`invalid repository "${ref}": expected OWNER/REPO, e.g. octocat/Hello-World`);
  return { owner: slug[1] as string, repo: stripGit(slug[2] as string) };
}

const PUBLIC_HOSTS = new Set(["github.com", "www.github.com"]);

/**
 * The REST root for a web host: api.github.com, api.SUB.ghe.com, else SCHEME://HOST/api/v3
 * with the scheme the user typed (an Enterprise Server inside a network may serve plain
 * http; switching to https would fail with a TLS error far from the cause).
 */
export function apiUrlForHost(host: string, scheme: "http" | "https" = "https"): string {
  const lower = host.toLowerCase();
  if (PUBLIC_HOSTS.has(lower)) return "https://api.github.com";
  if (lower.endsWith(".ghe.com")) return `https://api.${lower}`;
  return `${scheme}://${lower}/api/v3`;
}

/**
 * Which API to talk to: --api-url, else the Enterprise host of a PR URL, else
 * GITHUB_API_URL, else api.github.com.
 */
export function resolveApiUrl(input: {
  flag?: string;
  env?: Readonly<Record<string, string | undefined>>;
  host?: string;
  scheme?: "http" | "https";
}): string {
  const flag = input.flag?.trim();
  const fromHost = input.host && !PUBLIC_HOSTS.has(input.host.toLowerCase()) ? apiUrlForHost(input.host, input.scheme) : undefined;
  const fromEnv = input.env?.GITHUB_API_URL?.trim();
  const chosen = flag || fromHost || fromEnv || "https://api.github.com";
  try {
    const url = new URL(chosen);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http");
  } catch {
    // Name where the value came from: a bad GITHUB_API_URL is fixed in the environment.
    const source = flag ? "--api-url" : fromHost ? "the pull request URL's host" : "GITHUB_API_URL";
    throw new UsageError(`invalid ${source} "${chosen}": expected a URL such as https://HOST/api/v3`);
  }
  return chosen.replace(/\/+$/, "");
}
