// Octokit's RequestError converted at the boundary into the project's GitHubError, with
// a message that starts with context (which repository) and says what to fix. Duck-typed
// so that only client.ts imports @octokit/*.
import { GitHubError } from "../errors.js";

interface RequestErrorLike {
  name?: string;
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function isRequestErrorLike(error: unknown): error is RequestErrorLike {
  return error instanceof Error && typeof (error as { status?: unknown }).status === "number";
}

/** The status of a GitHubError or RequestError, else undefined. */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof GitHubError) return error.status;
  return isRequestErrorLike(error) ? error.status : undefined;
}

/** A reset time (epoch seconds in x-ratelimit-reset) as local HH:MM:SS. */
export function clockTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toTimeString().slice(0, 8);
}

function shortReason(error: RequestErrorLike): string {
  const data = error.response?.data;
  const message =
    data && typeof data === "object" && "message" in data && typeof data.message === "string"
      ? data.message
      : error.message;
  // Octokit appends " - https://docs.github.com/..." to the message; one line is enough.
  const line = (message.split(/\r?\n/)[0] ?? "").replace(/ - https:\/\/docs\.github\.com\S*$/, "").trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

type Headers = Record<string, string | number | undefined>;

/** A 403 that waiting would cure: primary or secondary rate limit (old wording: abuse). */
function isRateLimit(reason: string, headers: Headers): boolean {
  return (
    headers["retry-after"] !== undefined ||
    String(headers["x-ratelimit-remaining"]) === "0" ||
    /\brate limit|\babuse\b/i.test(reason)
  );
}

/**
 * Any other 403 is the token's access, which only the user can change (exit 2): an
 * organisation's SAML SSO the token is not authorised for, a permission a fine-grained
 * token or a workflow's GITHUB_TOKEN was not given, or no access at all.
 * https://docs.github.com/rest/authentication/authenticating-to-the-rest-api#authenticating-with-a-personal-access-token
 */
function forbidden(reason: string, headers: Headers): string {
  const sso = String(headers["x-github-sso"] ?? "");
  if (sso || /\bSAML\b|single sign-on/i.test(reason)) {
    const url = /\burl=([^\s;]+)/.exec(sso)?.[1];
    return (
      "the token is not authorised for the organisation's SAML single sign-on: authorise it for the organisation " +
      `(token settings, Configure SSO)${url ? ` at ${url}` : ""}`
    );
  }
  if (/not accessible by (?:personal access token|integration)/i.test(reason)) {
    const needs = headers["x-accepted-github-permissions"];
    return (
      `the token lacks a permission this needs (GitHub: "${reason}"): grant it read access` +
      `${needs ? ` (${String(needs)})` : " to contents, pull requests and issues"} ` +
      "in the fine-grained token's repository permissions, or in the workflow's permissions:"
    );
  }
  return `the token has no access (GitHub API answered 403: ${reason}): check GH_TOKEN/GITHUB_TOKEN and its access to the repository`;
}

/**
 * Convert whatever a request threw into a GitHubError. `context` names what was asked for
 * ("acme/widgets", "acme/widgets#12"); `scrub` removes the token from any text.
 */
export function toGitHubError(error: unknown, context: string, scrub: (text: string) => string): unknown {
  if (error instanceof GitHubError) return error;
  if (!isRequestErrorLike(error)) return error;
  if (error.name === "AbortError") return error;
  const status = error.status;
  const reason = scrub(shortReason(error));
  const where = context ? `${context}: ` : "";
  // The RequestError itself is not kept as `cause`: its request options would carry the
  // token into a --debug dump if Octokit ever stopped redacting it.
  if (status === 401) {
    return new GitHubError(`${where}bad credentials: check GH_TOKEN/GITHUB_TOKEN`, { status, exitCode: 2 });
  }
  if (status === 404) {
    return new GitHubError(`${where}not found, or the token cannot see it`, { status, exitCode: 2 });
  }
  const headers: Headers = error.response?.headers ?? {};
  if ((status === 403 || status === 429) && String(headers["x-ratelimit-remaining"]) === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    const when = Number.isFinite(reset) && reset > 0 ? ` (resets at ${clockTime(reset)})` : "";
    return new GitHubError(`${where}GitHub API rate limit exceeded${when}`, { status, exitCode: 1 });
  }
  if (status === 403 && !isRateLimit(reason, headers)) {
    return new GitHubError(`${where}${forbidden(reason, headers)}`, { status, exitCode: 2 });
  }
  // Octokit reports network failures as status 500 without a response.
  if (status === 500 && !error.response) {
    return new GitHubError(`${where}network error talking to the GitHub API: ${reason}`, { status, exitCode: 1 });
  }
  return new GitHubError(`${where}GitHub API answered ${status}: ${reason}`, { status, exitCode: 1 });
}
