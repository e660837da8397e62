// The only importer of @octokit/*. The client is assembled from Octokit plugins
// (throttling for rate limits, retry for 5xx and network errors) and exposes a narrow
// surface: one resource, one diff as bytes, or a list as an async generator of pages.
// Errors leave this file as GitHubError; the token never leaves it at all.
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { GitHubError } from "../errors.js";
import type { Logger } from "../log.js";
import type { EtagStore } from "./etag-store.js";
import { clockTime, isRequestErrorLike, statusOf, toGitHubError } from "./request-error.js";

type OctokitPlugin = Parameters<typeof Octokit.plugin>[0];

export const DEFAULT_API_URL = "https://api.github.com";

/** The token to use: GH_TOKEN, else GITHUB_TOKEN, else none (unauthenticated). */
export function tokenFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of ["GH_TOKEN", "GITHUB_TOKEN"]) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * Whether a token is long enough to look for in text. Real tokens are 40 characters or
 * more; scrubbing a short one by substring garbles everything else (GH_TOKEN=x turns
 * "example" into "e***ample"), while it protects nothing worth protecting.
 */
export function isScrubbableToken(token: string | undefined): token is string {
  return token !== undefined && token.length >= 8;
}

/**
 * Every request but a diff's wants JSON. Octokit hands over any other 200 answer as a
 * string (HTML, or JSON it could not parse) or bytes, which would fail later with a
 * TypeError far from the cause.
 */
function expectsJson(options: { mediaType?: { format?: string }; request?: { parseSuccessResponseBody?: boolean } }): boolean {
  return !options.mediaType?.format && options.request?.parseSuccessResponseBody !== false;
}

const isJsonBody = (data: unknown) => typeof data === "object" && data !== null && !(data instanceof ArrayBuffer);

/**
 * A 200 that is not JSON: --api-url names a web page (a GHES web root without /api/v3, a
 * proxy's sign-in page), not the REST API. The user's to fix, hence exit 2.
 */
function notJsonError(apiUrl: string): GitHubError {
  const url = new URL(apiUrl);
  return new GitHubError(
    `the API at ${url.href} did not answer JSON (is --api-url the REST root, e.g. ${url.protocol}//${url.host}/api/v3?)`,
    { exitCode: 2 },
  );
}

/**
 * A 200 whose JSON is not the list asked for: --api-url names something that speaks JSON
 * but not GitHub's REST API (a proxy, a GraphQL or web root). Like notJsonError, the
 * user's to fix.
 */
function notListError(apiUrl: string, context: string): GitHubError {
  const where = context ? `${context}: ` : "";
  return new GitHubError(
    `${where}the API at ${new URL(apiUrl).href} answered 200 with an object where a list was expected (is --api-url the REST root?)`,
    { exitCode: 2 },
  );
}

export interface GitHubClientOptions {
  token?: string;
  /** REST root, e.g. https://HOST/api/v3 for Enterprise Server. Default api.github.com. */
  apiUrl?: string;
  log: Logger;
  /** The HTTP layer; default globalThis.fetch (which msw intercepts in tests). */
  fetch?: typeof fetch;
  userAgent?: string;
  /** Retries of a 5xx or a network error, with back-off of 1, 4, 9... seconds. Default 3. */
  retries?: number;
  /** How many times a rate limit (primary or secondary) is waited out. Default 3. */
  rateLimitRetries?: number;
  /** Milliseconds per second of any wait (back-off, retry-after, reset). 1000; tests use ~1. */
  delayScale?: number;
}

export type RouteParams = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** What an error message starts with; default "OWNER/REPO" (or "#N") from the params. */
  context?: string;
}

export interface PageOptions<T> extends RequestOptions {
  /** Ask with If-None-Match; a 304 ends the list at once ("nothing changed"). */
  etags?: EtagStore;
  /**
   * The list is sorted newest first, so an unchanged first page means an unchanged list.
   * Otherwise an ETag is kept only when the first page was the whole list.
   */
  newestFirst?: boolean;
  /** Where the items are in a page's body; default the body itself. */
  select?: (data: unknown) => T[];
}

export interface RequestStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Of which answered 304 Not Modified (free of the rate limit). */
  notModified: number;
  rateLimitRemaining?: number;
  rateLimitReset?: Date;
}

export interface GitHubClient {
  readonly apiUrl: string;
  readonly authenticated: boolean;
  get<T>(route: string, params?: RouteParams, options?: RequestOptions): Promise<T>;
  /** A resource in the diff media type, as raw bytes (a diff need not be UTF-8). */
  getDiff(route: string, params?: RouteParams, options?: RequestOptions): Promise<Uint8Array>;
  /** The pages of a list (per_page=100), following the Link header. */
  pages<T>(route: string, params?: RouteParams, options?: PageOptions<T>): AsyncGenerator<T[]>;
  stats(): RequestStats;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { log, token } = options;
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, "");
  const delayScale = options.delayScale ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const scrub = (text: string) => (isScrubbableToken(token) ? text.split(token).join("***") : text);
  const stats: RequestStats = { requests: 0, notModified: 0 };
  if (!token) log.warn("no GH_TOKEN or GITHUB_TOKEN: reading public data unauthenticated (60 requests an hour)");

  const noteHeaders = (headers: Record<string, unknown> | undefined) => {
    const remaining = Number(headers?.["x-ratelimit-remaining"]);
    const reset = Number(headers?.["x-ratelimit-reset"]);
    if (headers?.["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining)) stats.rateLimitRemaining = remaining;
    if (headers?.["x-ratelimit-reset"] !== undefined && Number.isFinite(reset)) stats.rateLimitReset = new Date(reset * 1000);
  };

  // Registered before throttling, so it sits closest to the wire: counts every attempt.
  const counting: OctokitPlugin = (octokit) => {
    octokit.hook.wrap("request", async (request, requestOptions) => {
      stats.requests += 1;
      try {
        const response = await request(requestOptions);
        noteHeaders(response.headers);
        if (expectsJson(requestOptions) && response.status !== 204 && !isJsonBody(response.data)) throw notJsonError(apiUrl);
        return response;
      } catch (error) {
        if (isRequestErrorLike(error)) {
          noteHeaders(error.response?.headers);
          if (error.status === 304) stats.notModified += 1;
          // plugin-throttling recognises a secondary limit by its message only; a 403 that
          // carries retry-after is one whatever it says, and so is any 429 that is not the
          // primary limit: a proxy in front of Enterprise Server may send a bare 429. Without
          // retry-after, GitHub says to wait at least a minute (the plugin's fallback, 60 s).
          // https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
          const headers = error.response?.headers ?? {};
          const limited = error.status === 429 || (error.status === 403 && headers["retry-after"] !== undefined);
          if (limited && !/\bsecondary rate\b/i.test(error.message) && String(headers["x-ratelimit-remaining"]) !== "0") {
            error.message = `secondary rate limit: ${error.message}`;
          }
        }
        throw error;
      }
    });
    return {};
  };

  // Octokit logs a request as its options object: shown as METHOD URL, never whole (its
  // headers hold the token).
  const shown = (arg: unknown) => {
    if (typeof arg !== "object" || arg === null) return String(arg);
    const { method, url } = arg as { method?: unknown; url?: unknown };
    return typeof method === "string" && typeof url === "string" ? `${method} ${url}` : "";
  };
  const quiet = (...args: unknown[]) => log.debug(scrub(`octokit: ${args.map(shown).filter(Boolean).join(" ")}`));
  const GitHubOctokit = Octokit.plugin(counting, throttling, retry);
  const octokit = new GitHubOctokit({
    auth: token,
    baseUrl: apiUrl,
    userAgent: options.userAgent ?? "gh-harvest",
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    request: options.fetch ? { fetch: options.fetch } : {},
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: delayScale,
      // 429 is plugin-throttling's to decide; retrying it here too would double the wait.
      doNotRetry: [304, 400, 401, 403, 404, 406, 410, 422, 429, 451],
    },
    throttle: {
      retryAfterBaseValue: delayScale,
      // Every wait is a line of its own, however short: the progress line is throttled and
      // absent from a CI log or a cron mail, and a counter that stops needs a reason. A
      // wait that will not happen (retries spent) is not announced: the error says it.
      onRateLimit: (retryAfter: number, _opts: unknown, _octokit: unknown, retryCount: number) => {
        const retry = retryCount < rateLimitRetries;
        if (retry) log.info(`gh-harvest: waiting for the GitHub rate limit, resets at ${clockTime(Math.floor(Date.now() / 1000) + retryAfter)}`);
        return retry;
      },
      onSecondaryRateLimit: (retryAfter: number, _opts: unknown, _octokit: unknown, retryCount: number) => {
        const retry = retryCount < rateLimitRetries;
        if (retry) log.info(`gh-harvest: GitHub secondary rate limit: retrying in ${retryAfter}s`);
        return retry;
      },
    },
  });

  const contextOf = (params: RouteParams, options?: RequestOptions) => {
    if (options?.context !== undefined) return options.context;
    if (params.owner === undefined || params.repo === undefined) return "";
    const number = params.pull_number ?? params.issue_number;
    return `${params.owner}/${params.repo}${number === undefined ? "" : `#${number}`}`;
  };
  const fail = (error: unknown, params: RouteParams, options?: RequestOptions) =>
    toGitHubError(error, contextOf(params, options), scrub);

  return {
    apiUrl,
    authenticated: Boolean(token),
    stats: () => ({ ...stats }),

    async get<T>(route: string, params: RouteParams = {}, options: RequestOptions = {}) {
      try {
        const response = await octokit.request(route, { ...params, request: { signal: options.signal } });
        return response.data as T;
      } catch (error) {
        throw fail(error, params, options);
      }
    },

    async getDiff(route: string, params: RouteParams = {}, options: RequestOptions = {}) {
      try {
        // Unparsed, so that bytes which are not UTF-8 survive to be judged file by file.
        const response = await octokit.request(route, {
          ...params,
          mediaType: { format: "diff" },
          request: { signal: options.signal, parseSuccessResponseBody: false },
        });
        const body = response.data as unknown as ReadableStream<Uint8Array> | null;
        return new Uint8Array(await new Response(body).arrayBuffer());
      } catch (error) {
        throw fail(error, params, options);
      }
    },

    async *pages<T>(route: string, params: RouteParams = {}, options: PageOptions<T> = {}) {
      const first = octokit.request.endpoint(route, { per_page: 100, ...params });
      const etag = options.etags?.get(first.url);
      // Only the first page is conditional: its ETag is the one we keep.
      const requestPage = Object.assign(
        (page: { method: string; url: string; headers: Record<string, string> }) =>
          octokit.request({
            ...page,
            headers: etag && page.url === first.url ? { ...page.headers, "if-none-match": etag } : page.headers,
            request: { signal: options.signal },
          }),
        { endpoint: octokit.request.endpoint },
      ) as unknown as typeof octokit.request;
      const select = options.select ?? ((data: unknown) => data as T[]);
      let onFirstPage = true;
      try {
        for await (const response of octokit.paginate.iterator(requestPage, first as never)) {
          if (onFirstPage) {
            onFirstPage = false;
            const headers = response.headers as Record<string, string | undefined>;
            const hasNext = /rel="next"/.test(headers.link ?? "");
            if (options.etags && headers.etag && (options.newestFirst || !hasNext)) {
              options.etags.set(first.url, headers.etag);
            }
          }
          const items = select(response.data);
          if (!Array.isArray(items)) throw notListError(apiUrl, contextOf(params, options));
          yield items;
        }
      } catch (error) {
        // A 304 can only answer the conditional first page: nothing changed since last time.
        if (onFirstPage && statusOf(error) === 304) return;
        throw fail(error, params, options);
      }
    },
  };
}
