// Every non-merge commit of some revisions with its patch, oldest first, from ONE
// `git log -p` process parsed as it streams (not a process per commit).
import { GitError } from "../errors.js";
import type { Diff } from "../records.js";
import type { DiffLimits } from "./diff-builder.js";
import { firstLine, gitOutput } from "./git-process.js";
import { COMMIT_FORMAT } from "./commit-header.js";
import { PatchParser, type ParsedCommit } from "./patch-parser.js";

export interface CommitStreamOptions extends DiffLimits {
  /** The repository's top level. */
  cwd: string;
  /** Resolved revisions as `git rev-parse` prints them: shas, and `^sha` for exclusions. */
  revisions: readonly string[];
  /** Only commits committed at or after this instant. */
  since?: Date;
  signal?: AbortSignal;
  /** Also detect copies (-C): sections with status "copied". */
  findCopies?: boolean;
  /**
   * git >= 2.41 has --since-as-filter, which tests every commit's date. Plain --since
   * stops walking a line of history at its first older commit, so a commit whose clock
   * ran behind hides its ancestors (the same as `git log --since` shows).
   */
  sinceAsFilter?: boolean;
  gitBinary?: string;
}

/**
 * Settings that make the patch the same whatever the user's git config says (global, or
 * the repository's own .git/config): a config could drop or rename the a/ b/ prefixes
 * (diff.noprefix, diff.mnemonicPrefix), hide the root commit's patch (log.showRoot), print
 * blank context lines without their space (diff.suppressBlankEmpty), shrink the context
 * (diff.context 0 gives hunks `git apply` refuses without --unidiff-zero) or merge nearby
 * hunks (diff.interHunkContext), summarize or hide submodules (diff.submodule,
 * diff.ignoreSubmodules), run an external diff or textconv filter, add signature checks to
 * the output (log.showSignature), lengthen the index lines' names (core.abbrev), pick
 * another diff algorithm (diff.algorithm) or hunk placement (diff.indentHeuristic), reorder
 * the files (diff.orderFile), stop detecting renames in a big commit (diff.renameLimit),
 * show only a subfolder (diff.relative), or call a file binary past a size
 * (core.bigFileThreshold). Each is pinned to git's default.
 *
 * Index lines: `--abbrev=7` rather than `--full-index`. Both ignore core.abbrev; full names
 * would be stable even when a later object shares a 7-digit prefix (git then prints 8), but
 * cost two 40-digit hashes a file, tokens a model learns nothing from, and GitHub's own
 * diffs (`repo` without --checkout) abbreviate to 7: the same commit reads the same from both.
 */
export const PATCH_ARGS = [
  "-p",
  "-M",
  "-l1000",
  "--unified=3",
  "--inter-hunk-context=0",
  "--diff-algorithm=myers",
  "--indent-heuristic",
  "--abbrev=7",
  "-O/dev/null",
  "--no-relative",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--submodule=short",
  "--ignore-submodules=none",
  "--src-prefix=a/",
  "--dst-prefix=b/",
] as const;
export const PATCH_CONFIG = [
  "-c",
  "core.quotepath=off",
  "-c",
  "diff.suppressBlankEmpty=false",
  "-c",
  "core.bigFileThreshold=512m",
  // A user's attributes file could mark files binary or give them a diff driver whose
  // funcname changes the hunk headers; the repository's own .gitattributes still apply.
  "-c",
  "core.attributesFile=/dev/null",
] as const;

export function logArguments(options: Pick<CommitStreamOptions, "since" | "findCopies" | "sinceAsFilter">): string[] {
  const args = [
    ...PATCH_CONFIG,
    "log",
    "--no-merges",
    "--root",
    "--reverse",
    "--no-show-signature",
    "--encoding=UTF-8",
    `--format=${COMMIT_FORMAT}`,
    ...PATCH_ARGS,
  ];
  if (options.findCopies) args.push("-C");
  // Committer time in whole seconds, rounded up: a commit at second s is at or after
  // `since` exactly when s >= ceil(since). "@<seconds>" leaves no room for date parsing.
  if (options.since) {
    const option = options.sinceAsFilter ? "--since-as-filter" : "--since";
    args.push(`${option}=@${Math.ceil(options.since.getTime() / 1000)}`);
  }
  args.push("--stdin");
  return args;
}

export async function* streamCommits(options: CommitStreamOptions): AsyncGenerator<ParsedCommit> {
  const parser = new PatchParser(options);
  const since = options.since?.getTime();
  const wanted = (commit: ParsedCommit) => since === undefined || Date.parse(commit.committerDate) >= since;
  const output = gitOutput({
    cwd: options.cwd,
    args: logArguments(options),
    // Revisions through stdin: no command-line length limit (--all on a repository with
    // thousands of refs) and no way for a revision to be read as an option.
    input: `${options.revisions.join("\n")}\n`,
    signal: options.signal,
    gitBinary: options.gitBinary,
    describeFailure: (stderr) => new GitError(`${options.cwd}: git log failed: ${firstLine(stderr)}`),
  });
  for await (const chunk of output) {
    parser.push(chunk);
    for (const commit of parser.take()) {
      if (wanted(commit)) yield commit;
      if (options.signal?.aborted) return;
    }
  }
  if (options.signal?.aborted) return;
  parser.end();
  for (const commit of parser.take()) if (wanted(commit)) yield commit;
}

export interface PatchOptions extends DiffLimits {
  cwd: string;
  /** `git diff from...to`: the change since the two diverged, as GitHub shows a pull request. */
  sinceMergeBase?: boolean;
  signal?: AbortSignal;
  gitBinary?: string;
}

/** `git diff from to` as one Diff, parsed the same way (for pull requests in a local clone). */
export async function diffBetween(from: string, to: string, options: PatchOptions): Promise<Diff> {
  const parser = new PatchParser(options, false);
  const range = options.sinceMergeBase ? [`${from}...${to}`] : [from, to];
  const args = [...PATCH_CONFIG, "diff", ...PATCH_ARGS, "--end-of-options", ...range, "--"];
  for await (const chunk of gitOutput({
    cwd: options.cwd,
    args,
    signal: options.signal,
    gitBinary: options.gitBinary,
    describeFailure: (stderr) => new GitError(`${options.cwd}: git diff ${from} ${to} failed: ${firstLine(stderr)}`),
  })) {
    parser.push(chunk);
  }
  parser.end();
  return parser.diff();
}
