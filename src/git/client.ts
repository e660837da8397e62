// The one door to git. Small questions (is this a repository, where is its top level,
// what does this revision name) go through simple-git; the history itself streams from
// one `git log -p` process (commit-stream.ts), because simple-git buffers a command's
// whole output.
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { CheckRepoActions, simpleGit, type SimpleGit } from "simple-git";
import { GitError } from "../errors.js";
import type { Diff } from "../records.js";
import { type CommitStreamOptions, diffBetween, type PatchOptions, streamCommits } from "./commit-stream.js";
import { firstLine, gitOutput } from "./git-process.js";
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
  /** False for a repository without a single commit yet (`git init` and nothing more). */
  hasCommits(): Promise<boolean>;
  /**
   * Which of these shas name no commit of the repository (any more): a --state file may
   * remember a commit that a force-push and a gc, or a fresh clone, took away.
   */
  missingCommits(shas: readonly string[]): Promise<string[]>;
  /**
   * True when git shows this commit without parents only because a shallow clone cut them
   * off: its object names parents that were not fetched. False for a real root commit.
   */
  isShallowBoundary(sha: string): Promise<boolean>;
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
      if (info?.isFile()) throw new GitError(`${path}: is a file; name the repository's folder`, { exitCode: 2 });
      if (!info?.isDirectory()) throw new GitError(`${path}: no such directory`, { exitCode: 2 });
      const git = simpleGit({ baseDir: dir, binary: options.gitBinary ?? "git" });
      const root = await repositoryRoot(git, path);
      const version = await git.version();
      const sinceAsFilter = version.major > 2 || (version.major === 2 && version.minor >= 41);
      return openRepository(git, root, { cwd: dir, gitBinary: options.gitBinary, sinceAsFilter });
    },
  };
}

async function repositoryRoot(git: SimpleGit, path: string): Promise<string> {
  try {
    if (await git.checkIsRepo(CheckRepoActions.IN_TREE)) return (await git.revparse(["--show-toplevel"])).trim();
    if (await git.checkIsRepo(CheckRepoActions.BARE)) return (await git.revparse(["--absolute-git-dir"])).trim();
    // Inside a work tree's .git folder (`local repo/.git`): the repository is the work tree.
    if ((await git.revparse(["--is-inside-git-dir"]).catch(() => "")).trim() === "true") {
      return dirname((await git.revparse(["--absolute-git-dir"])).trim());
    }
  } catch (error) {
    // No git at all: the machine's to fix, not the path.
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || /spawn .*ENOENT/.test(messageOf(error))) {
      throw new GitError("cannot run git: it is not installed, or not on PATH", { exitCode: 1, cause: error });
    }
    // Such as "detected dubious ownership": the user's to fix, so exit 2.
    throw new GitError(`${path}: ${firstLine(messageOf(error))}`, { exitCode: 2, cause: error });
  }
  throw new GitError(`${path}: not a git repository`, { exitCode: 2 });
}

interface GitFeatures {
  /** Where simple-git runs git: the directory given to open(). */
  cwd: string;
  gitBinary: string | undefined;
  sinceAsFilter: boolean;
}

function openRepository(git: SimpleGit, root: string, { cwd, gitBinary, sinceAsFilter }: GitFeatures): LocalRepository {
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
  let shallowCommits: Promise<Set<string>> | undefined;
  // The commits whose parents a shallow clone did not fetch, one sha a line in
  // $GIT_DIR/shallow (https://git-scm.com/docs/gitrepository-layout). --git-path finds it in
  // a linked work tree too, and answers relative to the directory git ran in.
  const readShallowFile = async (): Promise<Set<string>> => {
    if ((await run(["rev-parse", "--is-shallow-repository"]).catch(() => "")) !== "true") return new Set();
    const path = resolve(cwd, await run(["rev-parse", "--git-path", "shallow"]));
    const text = await readFile(path, "utf8").catch(() => "");
    return new Set(text.split("\n").filter((line) => line !== ""));
  };

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
    async hasCommits() {
      return !(await isEmpty());
    },
    async missingCommits(shas) {
      // Only hexadecimal names are asked about: anything else is no commit name either.
      const asked = shas.filter((sha) => /^[0-9a-f]{4,64}$/i.test(sha));
      if (asked.length === 0) return [...shas];
      // One process for all of them; a line per input, in order: "<sha> commit" when found.
      const chunks: Buffer[] = [];
      for await (const chunk of gitOutput({
        cwd: root,
        args: ["cat-file", "--batch-check=%(objectname) %(objecttype)"],
        input: asked.map((sha) => `${sha}^{commit}\n`).join(""),
        gitBinary,
        describeFailure: (stderr) => new GitError(`${root}: git cat-file failed: ${firstLine(stderr)}`),
      })) {
        chunks.push(chunk);
      }
      const lines = Buffer.concat(chunks).toString("utf8").split("\n");
      const found = new Set(asked.filter((_, i) => /^[0-9a-f]+ commit$/.test(lines[i] ?? "")));
      return shas.filter((sha) => !found.has(sha));
    },
    async isShallowBoundary(sha) {
      shallowCommits ??= readShallowFile();
      if (!(await shallowCommits).has(sha)) return false;
      // The raw object keeps its parent lines though git log shows none; a real root commit
      // has none (a depth-1 clone of a one-commit history lists its root as shallow too).
      // Only the header: a message may say "parent ".
      const object = await run(["cat-file", "commit", sha]);
      const blank = object.indexOf("\n\n");
      const header = blank < 0 ? object : object.slice(0, blank);
      return /^parent [0-9a-f]+$/m.test(header);
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
