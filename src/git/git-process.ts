// Runs one git command whose output may be as long as a repository's whole history, and
// yields its stdout as Buffers while it runs. This is child_process and not simple-git
// (src/git/client.ts) on purpose: simple-git collects a command's whole output before it
// answers, which for `git log -p` over a long history is gigabytes. Here git writes into a
// pipe that is read only as fast as the consumer pulls, so memory stays constant.
import { spawn } from "node:child_process";
import { GitError } from "../errors.js";

export interface GitProcessOptions {
  cwd: string;
  args: readonly string[];
  /** Written to git's stdin, then closed (revisions for --stdin). */
  input?: string;
  signal?: AbortSignal;
  /** Classifies git's stderr when it fails. */
  describeFailure?: (stderr: string) => GitError;
  gitBinary?: string;
}

const STDERR_LIMIT = 8192;

/**
 * Git's stdout, chunk by chunk. Ends quietly when `signal` aborts; throws GitError when git
 * fails. Leaving the loop early (break, return, abort) kills git and waits for it: no
 * process outlives the iteration.
 */
export async function* gitOutput(options: GitProcessOptions): AsyncGenerator<Buffer> {
  if (options.signal?.aborted) return;
  const child = spawn(options.gitBinary ?? "git", options.args, {
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"],
    // C locale: git's messages are parsed below; no pager, no prompt for credentials.
    env: { ...process.env, LC_ALL: "C", LANGUAGE: "", GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0" },
  });
  let stderr = "";
  child.stderr.on("data", (data: Buffer) => {
    if (stderr.length < STDERR_LIMIT) stderr += data.toString("utf8");
  });
  let spawnError: Error | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once("error", (error) => {
      spawnError = error;
      resolve(null);
    });
    child.once("close", (code) => resolve(code));
  });
  // git may exit before reading all of stdin (a bad revision): that EPIPE is not the error.
  child.stdin.on("error", () => {});
  child.stdin.end(options.input ?? "");

  const kill = () => child.kill("SIGTERM");
  options.signal?.addEventListener("abort", kill, { once: true });
  try {
    for await (const chunk of child.stdout) {
      if (options.signal?.aborted) return;
      yield chunk as Buffer;
      if (options.signal?.aborted) return;
    }
    const code = await exited;
    if (options.signal?.aborted) return;
    if (spawnError) {
      throw new GitError(`cannot run git: ${spawnError.message}`, { cause: spawnError });
    }
    if (code !== 0) {
      throw options.describeFailure?.(stderr) ?? new GitError(`git ${options.args[0] ?? ""} failed: ${firstLine(stderr)}`);
    }
  } finally {
    options.signal?.removeEventListener("abort", kill);
    if (child.exitCode === null && child.signalCode === null && !spawnError) kill();
    child.stdout.destroy();
    await exited;
  }
}

/** The first line of git's stderr without its "fatal: " / "error: " prefix. */
export function firstLine(stderr: string): string {
  const line = stderr.split("\n").find((l) => l.trim() !== "") ?? "no message";
  return line.replace(/^(fatal|error): /, "").trim();
}
