// Real temporary git repositories for tests: build a history (files as text or bytes,
// authors, dates, branches, merges, renames, modes), then check a diff with `git apply`.
// Git runs without the user's global and system config, with fixed dates, so a history
// built twice is the same history.
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface Person {
  name: string;
  email: string;
}

export interface CommitOptions {
  author?: Person;
  committer?: Person;
  /** Author date (and committer date unless `committerDate`); default: a minute after the latest date so far. */
  date?: string | Date;
  committerDate?: string | Date;
  allowEmpty?: boolean;
  /** Stage every change (git add -A) first; default true. */
  all?: boolean;
  /** Store the message in this encoding, declared in the commit (i18n.commitEncoding). */
  encoding?: string;
}

export interface GitRunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  cwd?: string;
}

export interface TempRepo {
  readonly dir: string;
  /** Runs git in the repository and returns stdout (trimmed of its last line feed). */
  git(args: readonly string[], options?: GitRunOptions): Promise<string>;
  /** Runs git and returns stdout as bytes. */
  gitBytes(args: readonly string[], options?: GitRunOptions): Promise<Buffer>;
  write(path: string, content: string | Buffer, options?: { executable?: boolean }): Promise<void>;
  writeFiles(files: Record<string, string | Buffer>): Promise<void>;
  read(path: string): Promise<Buffer>;
  remove(path: string): Promise<void>;
  /** git mv. */
  rename(from: string, to: string): Promise<void>;
  chmod(path: string, executable: boolean): Promise<void>;
  symlink(target: string, path: string): Promise<void>;
  /**
   * Commits (by default everything in the work tree) and returns the new sha. A Buffer
   * message is stored as those bytes (with `encoding`, declared as that encoding).
   */
  commit(message: string | Buffer, options?: CommitOptions): Promise<string>;
  /** Creates a branch at `from` (default HEAD) without switching to it. */
  branch(name: string, from?: string): Promise<void>;
  checkout(ref: string): Promise<void>;
  /** A merge commit (--no-ff) of `ref` into the current branch; returns its sha. */
  merge(ref: string, message: string, options?: CommitOptions): Promise<string>;
  tag(name: string, ref?: string, message?: string): Promise<void>;
  revParse(revision: string): Promise<string>;
  /** Feeds a `git fast-import` stream: the quick way to a long history. */
  fastImport(stream: string | Buffer): Promise<void>;
  /** The file's bytes at a revision, undefined when it does not exist there. */
  fileAt(revision: string, path: string): Promise<Buffer | undefined>;
  cleanup(): Promise<void>;
}

/** A clean environment for git: no global or system config, no pager, no prompts. */
export const GIT_TEST_ENV: Record<string, string> = {
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_TERMINAL_PROMPT: "0",
  GIT_PAGER: "cat",
  LC_ALL: "C",
};

export const DEFAULT_AUTHOR: Person = { name: "Ada Lovelace", email: "ada@example.com" };
const FIRST_DATE = Date.parse("2024-01-01T10:00:00Z");

export async function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      {
        cwd: options.cwd ?? cwd,
        encoding: "buffer",
        maxBuffer: 1 << 30,
        env: { ...process.env, ...GIT_TEST_ENV, ...options.env },
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.join(" ")}: ${stderr.toString() || stdout.toString() || error.message}`));
        else resolve(stdout);
      },
    );
    // git may exit without reading stdin; that is not an error here.
    child.stdin?.on("error", () => {});
    child.stdin?.end(options.input ?? "");
  });
}

export async function createTempRepo(options: { name?: string; initialBranch?: string } = {}): Promise<TempRepo> {
  const parent = await mkdtemp(join(tmpdir(), "gh-harvest-test-"));
  const dir = join(parent, options.name ?? "repo");
  await mkdir(dir);
  const gitBytes = (args: readonly string[], o?: GitRunOptions) => runGit(dir, args, o);
  const git = async (args: readonly string[], o?: GitRunOptions) => (await gitBytes(args, o)).toString("utf8").replace(/\n$/, "");
  await git(["init", "-q", `--initial-branch=${options.initialBranch ?? "main"}`]);
  await git(["config", "user.name", DEFAULT_AUTHOR.name]);
  await git(["config", "user.email", DEFAULT_AUTHOR.email]);
  await git(["config", "commit.gpgsign", "false"]);
  // Dates move forward one minute per commit from the last one given, so that the
  // history's clock never runs backwards unless a test says so.
  let lastDate = FIRST_DATE - 60_000;

  const commitEnv = (o: CommitOptions): Record<string, string> => {
    const date = iso(o.date ?? new Date(lastDate + 60_000));
    const author = o.author ?? DEFAULT_AUTHOR;
    const committer = o.committer ?? author;
    lastDate = Math.max(lastDate + 60_000, Date.parse(date), o.committerDate ? Date.parse(iso(o.committerDate)) : 0);
    return {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: o.committerDate ? iso(o.committerDate) : date,
    };
  };

  const repo: TempRepo = {
    dir,
    git,
    gitBytes,
    async write(path, content, o) {
      const file = join(dir, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      if (o?.executable !== undefined) await chmod(file, o.executable ? 0o755 : 0o644);
    },
    async writeFiles(files) {
      for (const [path, content] of Object.entries(files)) await repo.write(path, content);
    },
    read: (path) => readFile(join(dir, path)),
    async remove(path) {
      await rm(join(dir, path), { recursive: true, force: true });
    },
    async rename(from, to) {
      await mkdir(dirname(join(dir, to)), { recursive: true });
      await git(["mv", "--", from, to]);
    },
    async chmod(path, executable) {
      await chmod(join(dir, path), executable ? 0o755 : 0o644);
    },
    async symlink(target, path) {
      await symlink(target, join(dir, path));
    },
    async commit(message, o = {}) {
      if (o.all ?? true) await git(["add", "-A"]);
      const args = ["commit", "-q", "--no-verify", "-F", "-"];
      if (o.allowEmpty) args.push("--allow-empty");
      const config = o.encoding ? ["-c", `i18n.commitEncoding=${o.encoding}`] : [];
      const input = typeof message !== "string" ? message : o.encoding === "ISO-8859-1" ? Buffer.from(message, "latin1") : message;
      await git([...config, ...args], { input, env: commitEnv(o) });
      return git(["rev-parse", "HEAD"]);
    },
    async branch(name, from = "HEAD") {
      await git(["branch", name, from]);
    },
    async checkout(ref) {
      await git(["checkout", "-q", ref]);
    },
    async merge(ref, message, o = {}) {
      await git(["merge", "-q", "--no-ff", "--no-edit", "-m", message, ref], { env: commitEnv(o) });
      return git(["rev-parse", "HEAD"]);
    },
    async tag(name, ref = "HEAD", message) {
      await git(message ? ["tag", "-a", "-m", message, name, ref] : ["tag", name, ref], { env: commitEnv({}) });
    },
    async fastImport(stream) {
      await git(["fast-import", "--quiet", "--done"], { input: stream });
    },
    revParse: (revision) => git(["rev-parse", "--verify", "--end-of-options", revision]),
    async fileAt(revision, path) {
      try {
        return await gitBytes(["cat-file", "blob", `${revision}:${path}`]);
      } catch {
        return undefined;
      }
    },
    async cleanup() {
      await rm(parent, { recursive: true, force: true });
    },
  };
  return repo;
}

function iso(date: string | Date): string {
  return typeof date === "string" ? date : date.toISOString();
}

export interface ApplyResult {
  /** Paths whose content or mode the diff changed, relative to the parent. */
  changed: string[];
  /** Paths where the parent with the diff applied differs from the commit. */
  differing: string[];
}

const emptyTrees: Record<string, string> = {};

/**
 * Applies `diffText` with `git apply` at the commit's parent (an empty tree for a root
 * commit) and compares the result with the commit. `index` (default) applies in a
 * throwaway index (git apply --cached) and compares blobs and modes; `worktree` checks
 * the parent out in a temporary work tree, applies there and compares the files' bytes.
 */
export async function applyAtParent(
  repoDir: string,
  commit: { sha: string; parents: readonly string[] },
  diffText: string,
  options: { mode?: "index" | "worktree" } = {},
): Promise<ApplyResult> {
  const scratch = await mkdtemp(join(tmpdir(), "gh-harvest-apply-"));
  const patch = join(scratch, "change.patch");
  await writeFile(patch, diffText);
  const git = (args: readonly string[], o?: GitRunOptions) => runGit(repoDir, args, o);
  const text = async (args: readonly string[], o?: GitRunOptions) => (await git(args, o)).toString("utf8");
  try {
    const parent = commit.parents[0];
    const emptyTree = (emptyTrees[repoDir] ??= (await text(["hash-object", "-t", "tree", "--stdin"], { input: "" })).trim());
    const parentTree = parent ? `${parent}^{tree}` : emptyTree;
    const env = { GIT_INDEX_FILE: join(scratch, "index") };
    await git(parent ? ["read-tree", parentTree] : ["read-tree", "--empty"], { env });
    if (options.mode === "worktree") {
      const work = join(scratch, "work");
      await mkdir(work);
      const gitDir = (await text(["rev-parse", "--absolute-git-dir"])).trim();
      const inWork = { ...env, GIT_DIR: gitDir, GIT_WORK_TREE: work };
      await git(["checkout-index", "-a"], { cwd: work, env: inWork });
      // Outside any repository, git apply patches plain files, like patch(1).
      await git(["apply", "--whitespace=nowarn", patch], { cwd: work });
      // Read the work tree back into the index so the comparison below is the same.
      await git(["add", "-A"], { cwd: work, env: inWork });
    } else {
      await git(["apply", "--cached", "--whitespace=nowarn", patch], { env });
    }
    const result = (await text(["write-tree"], { env })).trim();
    const names = async (a: string, b: string) =>
      (await text(["diff-tree", "-r", "-z", "--name-only", "--no-renames", a, b])).split("\0").filter(Boolean);
    const changed = await names(parentTree, result);
    const differing = changed.length === 0 ? [] : await names(result, commit.sha).then((all) => all.filter((p) => changed.includes(p)));
    return { changed, differing };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** True when the path exists (for checks on a work tree). */
export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
