// The commits of a local git repository as CommitRecords: every non-merge commit the
// revisions reach, oldest first, each with its diff against its parent (the empty tree
// for a root commit), filtered and bounded by the context's diff limits.
import type { Extractor } from "../src/extractor.js";
import type { GitClient, LocalRepository, ResolvedRevisions } from "../src/git/client.js";
import type { ParsedCommit } from "../src/git/patch-parser.js";
import type { CommitRecord } from "../src/records.js";

export interface LocalCommitsOptions {
  /** Any directory inside the repository. */
  path: string;
  /** What `git log` would walk (`--rev`); default HEAD. */
  revs?: readonly string[];
  /**
   * The watermark of the previous run (--state): only commits it does not reach are
   * harvested, as in `git log <sha>..<rev>`. Several shas exclude what any of them reaches.
   */
  stateSince?: string | readonly string[];
  git: GitClient;
  /** Also report copies (git log -C); off by default like git log. */
  findCopies?: boolean;
}

export interface LocalCommitsExtractor extends Extractor<CommitRecord> {
  readonly kind: "commit";
  /** The repository's folder name, as records' `repo`. */
  repoName(): Promise<string>;
  /**
   * The sha to save as the --state watermark after a complete run: the newest commit the
   * revisions reached when they were resolved (before extract() walked them), so commits
   * made during the run are not skipped by the next one. Undefined when nothing is reached.
   */
  watermark(): Promise<string | undefined>;
}

interface Prepared {
  repository: LocalRepository;
  revisions: ResolvedRevisions;
}

export function localCommits(options: LocalCommitsOptions): LocalCommitsExtractor {
  let prepared: Promise<Prepared> | undefined;
  // Open and resolve once: extract() and watermark() then agree on the same shas.
  const prepare = () =>
    (prepared ??= (async () => {
      const repository = await options.git.open(options.path);
      const revs = options.revs && options.revs.length > 0 ? options.revs : ["HEAD"];
      const stateSince = typeof options.stateSince === "string" ? [options.stateSince] : (options.stateSince ?? []);
      const revisions = await repository.resolveRevisions([...revs, ...stateSince.map((sha) => `^${sha}`)]);
      return { repository, revisions };
    })());

  return {
    kind: "commit",
    async repoName() {
      return (await prepare()).repository.name;
    },
    async watermark() {
      const { repository, revisions } = await prepare();
      return repository.newestCommitSha({ include: revisions.include, exclude: [] });
    },
    async *extract(ctx) {
      const { repository, revisions } = await prepare();
      const commits = repository.commits({
        revisions,
        since: ctx.since,
        signal: ctx.signal,
        diffFilter: ctx.diffFilter,
        maxDiffLines: ctx.maxDiffLines,
        findCopies: options.findCopies,
      });
      let scanned = 0;
      for await (const commit of commits) {
        scanned++;
        ctx.log.progress(`${repository.name}: ${scanned} commits scanned`);
        yield commitRecord(repository.name, commit);
      }
      ctx.log.debug(`${repository.name}: ${scanned} commits scanned`);
    },
  };
}

export function commitRecord(repo: string, commit: ParsedCommit): CommitRecord {
  const message = commit.rawMessage.replace(/\n+$/, "");
  const newline = message.indexOf("\n");
  const subject = (newline < 0 ? message : message.slice(0, newline)).trim();
  const body = newline < 0 ? "" : message.slice(newline + 1).trim();
  return {
    kind: "commit",
    repo,
    author: { name: commit.author.name, email: commit.author.email },
    // The contract's --since is on the committed date, so that is the record's date.
    createdAt: commit.committerDate,
    sha: commit.sha,
    parents: commit.parents,
    message,
    subject,
    body,
    diff: commit.diff,
  };
}
