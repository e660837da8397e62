// The one door to git. Small questions (is this a repository, where is its top level,
// what does this revision name) go through simple-git; the history itself streams from
// one `git log -p` process (commit-stream.ts), because simple-git buffers a command's
// whole output.
import { stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { CheckRepoActions, simpleGit, type SimpleGit } from "simple-git";
import { GitError } from "../errors.js";
import type { Diff } from "../records.js";
import { type CommitStreamOptions, diffBetween, type PatchOptions, streamCommits } from "./commit-stream.js";
import { firstLine } from "./git-process.js";
import type { ParsedCommit } from "./patch-parser.js";

export type { ParsedCommit } from "./patch-parser.js";

export interface GitClientOptions {
  /** The git executable; default `git` on the PATH. */
  gitBinary?: string;
}

export interface GitClient {
  /** The repository holding `path`. GitError (exit 2) when there is none or it is unreadable. */
  open(path: string): Promise<LocalRepository>;
}

/** Revisions resolved to commit shas: what `git log` walks is `include` minus the ancestors of `exclude`. */
export interface ResolvedRevisions {
  include: string[];
  exclude: string[];
}

export type CommitsOptions = Omit<CommitStreamOptions, "cwd" | "revisions" | "gitBinary" | "sinceAsFilter"> & {
  revisions: ResolvedRevisions;
};

export interface LocalRepository {
  /** Absolute path of the top level of the work tree (the git directory when bare). */
  readonly root: string;
  /** The top level's folder name: what records call `repo`. */
  readonly name: string;
  /**
   * Resolves revisions as `git log` takes them (`HEAD`, `main`, `v1..v2`, `^old`, `--all`)
   * to commit shas, once, so that a run walks exactly what it resolved.
   * GitError (exit 2) for an unknown revision or a repository without commits.
   */
  resolveRevisions(revisions: readonly string[]): Promise<ResolvedRevisions>;
  /**
   * The newest commit (by committer date, merges included) that the revisions reach: the
   * --state watermark. A later run given it as an exclusion sees only what came after.
   */
  newestCommitSha(revisions: ResolvedRevisions): Promise<string | undefined>;
  /** The non-merge commits the revisions reach, oldest first, each with its parsed diff. */
  commits(options: CommitsOptions): AsyncGenerator<ParsedCommit>;
  /** The diff from one revision to another (`git diff from to`), parsed like a commit's. */
  diff(from: string, to: string, options: Omit<PatchOptions, "cwd" | "gitBinary">): Promise<Diff>;
}

/** `--rev` values that start with a dash but are revisions, not options. */
const PSEUDO_REVISIONS = new Set(["--all", "--branches", "--tags", "--remotes"]);

export function createGitClient(options: GitClientOptions = {}): GitClient {
  return {
    async open(path) {
      const dir = resolve(path);
      const info = await stat(dir).catch(() => undefined);
      if (!info?.isDirectory()) throw new GitError(`${path}: no such directory`, { exitCode: 2 });
      const git = simpleGit({ baseDir: dir, binary: options.gitBinary ?? "git" });
      const root = await repositoryRoot(git, path);
      const version = await git.version();
      const sinceAsFilter = version.major > 2 || (version.major === 2 && version.minor >= 41);
      return openRepository(git, root, { gitBinary: options.gitBinary, sinceAsFilter });
    },
  };
}

async function repositoryRoot(git: SimpleGit, path: string): Promise<string> {
  try {
    if (await git.checkIsRepo(CheckRepoActions.IN_TREE)) return (await git.revparse(["--show-toplevel"])).trim();
    if (await git.checkIsRepo(CheckRepoActions.BARE)) return (await git.revparse(["--absolute-git-dir"])).trim();
  } catch (error) {
    // Such as "detected dubious ownership": the user's to fix, so exit 2.
    throw new GitError(`${path}: ${firstLine(messageOf(error))}`, { exitCode: 2, cause: error });
  }
  throw new GitError(`${path}: not a git repository`, { exitCode: 2 });
}

interface GitFeatures {
  gitBinary: string | undefined;
  sinceAsFilter: boolean;
}

function openRepository(git: SimpleGit, root: string, { gitBinary, sinceAsFilter }: GitFeatures): LocalRepository {
  const name = basename(root).replace(/\.git$/, "") || basename(dirname(root));
  const run = async (args: string[]) => (await git.raw(args)).trim();

  const resolveOne = async (revision: string): Promise<string[]> => {
    if (revision.startsWith("-") && !PSEUDO_REVISIONS.has(revision)) {
      throw new GitError(`${root}: "${revision}" is not a revision`, { exitCode: 2 });
    }
    let names: string[];
    try {
      // The trailing "--" makes git read the argument as a revision, never as a path.
      names = (await run(["rev-parse", revision, "--"])).split("\n").filter((l) => l !== "" && l !== "--");
      if (names.length === 0) return [];
      // Peel tags to their commits; a tree or blob is refused here.
      const peeled = await run(["rev-parse", ...names.map((n) => `${n.replace(/^\^/, "")}^{commit}`)]);
      return peeled.split("\n").map((sha, i) => (names[i]!.startsWith("^") ? `^${sha}` : sha));
    } catch (error) {
      if (await isEmpty()) throw new GitError(`${root}: the repository has no commits yet`, { exitCode: 2 });
      throw new GitError(`${root}: unknown revision "${revision}"`, { exitCode: 2, cause: error });
    }
  };
  const isEmpty = async () => (await run(["rev-list", "-n", "1", "--all"]).catch(() => "")) === "";

  return {
    root,
    name,
    async resolveRevisions(revisions) {
      const include = new Set<string>();
      const exclude = new Set<string>();
      for (const revision of revisions) {
        for (const sha of await resolveOne(revision)) {
          if (sha.startsWith("^")) exclude.add(sha.slice(1));
          else include.add(sha);
        }
      }
      return { include: [...include], exclude: [...exclude] };
    },
    async newestCommitSha(revisions) {
      if (revisions.include.length === 0) return undefined;
      const sha = await run(["rev-list", "-n", "1", ...revisionArgs(revisions)]);
      return sha === "" ? undefined : sha;
    },
    async *commits(options) {
      // Only exclusions: git would show nothing, not start a process for it.
      if (options.revisions.include.length === 0) return;
      yield* streamCommits({ ...options, cwd: root, gitBinary, sinceAsFilter, revisions: revisionArgs(options.revisions) });
    },
    diff(from, to, options) {
      return diffBetween(from, to, { ...options, cwd: root, gitBinary });
    },
  };
}

/** As git takes them: shas, then `^sha` for exclusions. */
export function revisionArgs(revisions: ResolvedRevisions): string[] {
  return [...revisions.include, ...revisions.exclude.map((sha) => `^${sha}`)];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
