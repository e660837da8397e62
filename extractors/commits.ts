// The commits of a local git repository as CommitRecords: every non-merge commit the
// revisions reach, oldest first, each with its diff against its parent (the empty tree
// for a root commit), filtered and bounded by the context's diff limits. In a shallow
// clone, the commits whose parents were not fetched are skipped: their change is unknown.
import type { Extractor } from "../src/extractor.js";
import type { GitClient, LocalRepository, ResolvedRevisions } from "../src/git/client.js";
import type { ParsedCommit } from "../src/git/patch-parser.js";
import type { CommitRecord } from "../src/records.js";
import { commitMessage } from "../src/text/commit-message.js";

export interface LocalCommitsOptions {
  /** Any directory inside the repository. */
  path: string;
  /** What `git log` would walk (`--rev`); default HEAD. */
  revs?: readonly string[];
  /**
   * The tips the previous run walked (--state): what any of them reaches was harvested, so
   * it is excluded, as in `git log ^tip... rev`. One that is no longer in the repository
   * (force-push and gc, fresh clone) is left out and reported to onMissingStateSha.
   */
  stateSince?: string | readonly string[];
  /** Told each stateSince sha that names no commit of the repository, and whether others are left. */
  onMissingStateSha?: (sha: string, repository: LocalRepository, othersLeft: boolean) => void;
  /**
   * Told when the repository has no commit yet: it yields nothing, and that is no error (a
   * scheduled job set up with a new repository). Without it, resolving the revisions fails.
   */
  onEmptyRepository?: (repository: LocalRepository) => void;
  git: GitClient;
  /** Also report copies (git log -C); off by default like git log. */
  findCopies?: boolean;
}

export interface LocalCommitsExtractor extends Extractor<CommitRecord> {
  readonly kind: "commit";
  /** The repository's folder name, as records' `repo`. */
  repoName(): Promise<string>;
  /**
   * The shas to save in --state after a complete run: every tip the revisions resolved to
   * (before extract() walked them, so commits made during the run are not skipped by the
   * next one). All of them, not only the newest: with several --rev, the others' commits
   * would be harvested again. Empty when the revisions name no commit.
   */
  tips(): Promise<string[]>;
  /** What extract() left out before any rule saw it, by reason; the run's summary counts it. */
  skipped(): Readonly<Record<string, number>>;
}

/** The summary's reason for a commit whose diff cannot be known in a shallow clone. */
export const SHALLOW_BOUNDARY = "shallow clone boundary (parent not fetched)";

interface Prepared {
  repository: LocalRepository;
  revisions: ResolvedRevisions;
  tips: string[];
}

export function localCommits(options: LocalCommitsOptions): LocalCommitsExtractor {
  let prepared: Promise<Prepared> | undefined;
  let boundaries = 0;
  // Open and resolve once: extract() and tips() then agree on the same shas.
  const prepare = () =>
    (prepared ??= (async () => {
      const repository = await options.git.open(options.path);
      if (options.onEmptyRepository && !(await repository.hasCommits())) {
        options.onEmptyRepository(repository);
        return { repository, revisions: { include: [], exclude: [] }, tips: [] };
      }
      const revs = options.revs && options.revs.length > 0 ? options.revs : ["HEAD"];
      const remembered = [...new Set(typeof options.stateSince === "string" ? [options.stateSince] : (options.stateSince ?? []))];
      const missing = new Set(await repository.missingCommits(remembered));
      for (const sha of missing) options.onMissingStateSha?.(sha, repository, missing.size < remembered.length);
      const resolved = await repository.resolveRevisions(revs);
      // Remembered shas are full commit names already checked: no need to resolve them.
      const exclude = [...new Set([...resolved.exclude, ...remembered.filter((sha) => !missing.has(sha))])];
      return { repository, revisions: { include: resolved.include, exclude }, tips: resolved.include };
    })());

  return {
    kind: "commit",
    async repoName() {
      return (await prepare()).repository.name;
    },
    async tips() {
      return [...(await prepare()).tips];
    },
    skipped() {
      const counts: Record<string, number> = {};
      if (boundaries > 0) counts[SHALLOW_BOUNDARY] = boundaries;
      return counts;
    },
    async *extract(ctx) {
      const { repository, revisions } = await prepare();
      const commits = repository.commits({
        revisions,
        since: ctx.since,
        signal: ctx.signal,
        diffFilter: ctx.diffFilter,
        maxDiffLines: ctx.maxDiffLines,
        maxDiffBytes: ctx.maxDiffBytes,
        findCopies: options.findCopies,
      });
      let scanned = 0;
      let skippedHere = 0;
      try {
        for await (const commit of commits) {
          scanned++;
          ctx.log.progress(`${repository.name}: ${scanned} commits scanned`);
          // git log shows a shallow clone's oldest commits as roots: their patch would be the
          // whole tree as added files, not their change, and would not apply at the real parent.
          if (commit.parents.length === 0 && (await repository.isShallowBoundary(commit.sha))) {
            boundaries++;
            skippedHere++;
            continue;
          }
          yield commitRecord(repository.name, commit);
        }
        ctx.log.debug(`${repository.name}: ${scanned} commits scanned`);
      } finally {
        if (skippedHere > 0 && !ctx.signal?.aborted) {
          const what = skippedHere === 1 ? "1 commit" : `${skippedHere} commits`;
          ctx.log.warn(
            `${repository.root}: skipped ${what} at the boundary of a shallow clone (parent not fetched, so the change is unknown); ` +
              "fetch the whole history with `git fetch --unshallow` (actions/checkout: fetch-depth: 0)",
          );
        }
      }
    },
  };
}

export function commitRecord(repo: string, commit: ParsedCommit): CommitRecord {
  return {
    kind: "commit",
    repo,
    author: { name: commit.author.name, email: commit.author.email },
    // The contract's --since is on the committed date, so that is the record's date.
    createdAt: commit.committerDate,
    sha: commit.sha,
    parents: commit.parents,
    ...commitMessage(commit.rawMessage),
    diff: commit.diff,
  };
}
