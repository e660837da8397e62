// Typed errors, converted at the boundary (src/cli.ts) into an exit status and one line
// on stderr. Each message starts with context and says what to fix.

/** Bad input from the user: unknown option, malformed ref, bad rule file... Exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly exitCode = 2;
}

/** A git command failed (not a repository, unknown revision...). Exit 1 unless usage. */
export class GitError extends Error {
  override readonly name = "GitError";
  readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options);
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** The GitHub API failed. 401 and 404 are the user's to fix (exit 2); the rest exit 1. */
export class GitHubError extends Error {
  override readonly name = "GitHubError";
  readonly status: number | undefined;
  readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown; status?: number; exitCode?: number }) {
    super(message, options);
    this.status = options?.status;
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** Any other failure of a run (I/O, validation of the whole run). Exit 1. */
export class RunError extends Error {
  override readonly name = "RunError";
  readonly exitCode = 1;
}

export function exitCodeOf(error: unknown): number {
  if (error && typeof error === "object" && "exitCode" in error && typeof error.exitCode === "number") {
    return error.exitCode;
  }
  return 1;
}
