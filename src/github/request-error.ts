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
  const headers = error.response?.headers ?? {};
  if ((status === 403 || status === 429) && String(headers["x-ratelimit-remaining"]) === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    const when = Number.isFinite(reset) && reset > 0 ? ` (resets at ${clockTime(reset)})` : "";
    return new GitHubError(`${where}GitHub API rate limit exceeded${when}`, { status, exitCode: 1 });
  }
  // Octokit reports network failures as status 500 without a response.
  if (status === 500 && !error.response) {
    return new GitHubError(`${where}network error talking to the GitHub API: ${reason}`, { status, exitCode: 1 });
  }
  return new GitHubError(`${where}GitHub API answered ${status}: ${reason}`, { status, exitCode: 1 });
}
