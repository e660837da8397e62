// `gh-harvest pr <ref>` and `gh-harvest repo <owner/name...>`: GitHub items through the
// REST API, with --state keeping per-kind watermarks and ETags between runs (for `pr`, the
// pull request's updated_at).
import { UsageError } from "../errors.js";
import type { ExtractContext } from "../extractor.js";
import { createGitClient } from "../git/client.js";
import { createGitHubClient, isScrubbableToken, tokenFromEnv, type GitHubClient, type RequestStats } from "../github/client.js";
import { fetchPull } from "../../extractors/pulls.js";
import type { ApiPull } from "../github/api-types.js";
import type { DiffForRange } from "../github/diffs.js";
import { createMemoryEtagStore } from "../github/etag-store.js";
import { canonicalRepo } from "../github/repo-name.js";
import { isAfter } from "../github/source-options.js";
import { pullRequestSources, repoSources } from "../github/sources.js";
import { parsePullRef, parseRepoRef, resolveApiUrl } from "../github-ref.js";
import type { Logger } from "../log.js";
import type { RunSummary } from "../pipeline.js";
import type { SourceKind, SourceRecord } from "../records.js";
import { resolveRules } from "../rules/loader.js";
import type { Rule } from "../rules/rule.js";
import { loadState, saveState, type StateFile } from "../write/state.js";
import { harvest, selectionOf, warnOnChangedSelection, type HarvestOptions } from "./harvest.js";
import { createHarvestDeps, type CommandContext } from "./harvest-deps.js";

export interface GitHubOptions extends HarvestOptions {
  apiUrl?: string;
  state?: string;
  redactPatterns: RegExp[];
}

export interface RepoOptions extends GitHubOptions {
  checkout?: string;
}

/** What a run wrote, and what it cost of the API (the GitHub Action's job summary shows both). */
export interface GitHubRunSummary extends RunSummary {
  api: RequestStats;
}

const ALL_KINDS: readonly SourceKind[] = ["pull", "issue", "review-comment", "commit"];
const kindsOf = (rules: readonly Rule[]) => ALL_KINDS.filter((k) => rules.some((r) => r.source === k));

/** The client warns itself when there is no token (public data, 60 requests an hour). */
function connect(apiUrl: string, ctx: CommandContext, log: Logger): GitHubClient {
  return createGitHubClient({ token: tokenFromEnv(ctx.io.env), apiUrl, log });
}

/**
 * The harvest's collaborators, whose redactor also knows the run's own token: pasted into
 * a PR or an issue, a classic 40-hex token (still common on Enterprise Server) matches no
 * credential pattern, and would reach a record or the rejects file as it is.
 */
function harvestDeps(ctx: CommandContext, options: GitHubOptions) {
  const token = tokenFromEnv(ctx.io.env);
  const redactLiterals = isScrubbableToken(token) ? [{ kind: "github-token", value: token }] : [];
  return createHarvestDeps(ctx, { redactPatterns: options.redactPatterns, redactLiterals });
}

const PR_KINDS: readonly SourceKind[] = ["pull", "review-comment"];

export async function runPr(ref: string, options: GitHubOptions, ctx: CommandContext): Promise<GitHubRunSummary> {
  const target = parsePullRef(ref);
  const apiUrl = resolveApiUrl({ flag: options.apiUrl, env: ctx.io.env, host: target.host, scheme: target.scheme });
  const state: StateFile | undefined = options.state ? await loadState(options.state) : undefined;
  const deps = harvestDeps(ctx, options);
  try {
    const client = connect(apiUrl, ctx, deps.log);
    let pull: ApiPull | undefined;
    let key: string | undefined;
    // Nothing new still makes the run's output, as local and repo do with --state: an empty
    // file (or, with --append, the file as it was), so a workflow's next step finds it.
    let unchanged = false;
    if (options.state && state) {
      // A bad -m is a usage error even on a run that turns out to have nothing to do.
      resolveRules(options.mapping, PR_KINDS);
      // One request decides whether there is anything new: the pull request's updated_at
      // moves with its body, its commits and its review comments.
      pull = await fetchPull({ client, ...target }, deps.signal);
      const name = canonicalRepo(pull.base.repo?.full_name, target.owner, target.repo);
      key = `github:${new URL(apiUrl).host}/${name}#${target.number}`;
      warnOnChangedSelection(options.state, `${name}#${target.number}`, state.sources[key], options, deps.log);
      const harvestedAt = state.sources[key]?.watermarks?.pull;
      if (harvestedAt !== undefined && !isAfter(pull.updated_at, harvestedAt)) {
        deps.log.info(`gh-harvest: ${name}#${target.number}: not updated since the last run (${options.state}); nothing to harvest`);
        unchanged = true;
      }
    }
    const skipped: Record<string, number> = {};
    const summary = await harvest(
      {
        produces: PR_KINDS,
        records: (ectx, rules) =>
          unchanged ? noRecords() : pullRequestSources(
            { client, ...target, pull, kinds: kindsOf(rules), onSkipped: (reason) => (skipped[reason] = (skipped[reason] ?? 0) + 1) },
            ectx,
          ),
        skipped: () => skipped,
        stateFile: options.state,
        async afterWrite(summary) {
          // Cut short by --limit or a closed reader, the run did not harvest the whole PR.
          if (!options.state || !state || !pull || !key || unchanged || summary.limitReached || summary.readerClosed) return;
          state.sources[key] = { ...state.sources[key], watermarks: { pull: pull.updated_at }, selection: selectionOf(options) };
          await saveState(options.state, state);
        },
      },
      options,
      deps,
    );
    return { ...summary, api: client.stats() };
  } finally {
    deps.finish();
  }
}

/**
 * A repository's entry, under whichever spelling of OWNER/REPO it was saved: GitHub's names
 * ignore case, so `repo ACME/Widgets` continues what `repo acme/widgets` harvested.
 */
function savedKey(state: StateFile | undefined, key: string): string {
  if (!state || key in state.sources) return key;
  return Object.keys(state.sources).find((saved) => saved.toLowerCase() === key.toLowerCase()) ?? key;
}

async function* noRecords(): AsyncGenerator<SourceRecord> {}

export async function runRepo(targets: readonly string[], options: RepoOptions, ctx: CommandContext): Promise<GitHubRunSummary> {
  const repos = targets.map(parseRepoRef);
  if (options.checkout && repos.length > 1) throw new UsageError("--checkout takes one repository; name one OWNER/REPO with it");
  const apiUrl = resolveApiUrl({ flag: options.apiUrl, env: ctx.io.env });
  const state: StateFile | undefined = options.state ? await loadState(options.state) : undefined;
  const repository = options.checkout ? await createGitClient().open(options.checkout) : undefined;
  const host = new URL(apiUrl).host;
  const deps = harvestDeps(ctx, options);
  // Per repository: what this run saw, saved to the state file after the output is written.
  const runs = repos.map(({ owner, repo }) => {
    const key = savedKey(state, `github:${host}/${owner}/${repo}`);
    const saved = state?.sources[key];
    return { owner, repo, key, saved, etags: createMemoryEtagStore(saved?.etags ?? {}), seen: { ...(saved?.watermarks ?? {}) } as Record<string, string> };
  });
  if (options.state) for (const run of runs) warnOnChangedSelection(options.state, `${run.owner}/${run.repo}`, run.saved, options, deps.log);
  try {
    const client = connect(apiUrl, ctx, deps.log);
    const fromCheckout = { asked: 0, missed: 0, missedFrom: new Set<string>() };
    const skipped: Record<string, number> = {};
    async function* records(ectx: ExtractContext, rules: readonly Rule[]): AsyncIterable<SourceRecord> {
      const checkoutDiff = repository ? localDiffs(repository, ectx, fromCheckout) : undefined;
      for (const run of runs) {
        yield* repoSources(
          {
            client,
            owner: run.owner,
            repo: run.repo,
            kinds: kindsOf(rules),
            updatedAfter: run.saved?.watermarks,
            etags: run.etags,
            checkoutDiff,
            includeBots: options.includeBots,
            onSkipped: (reason) => (skipped[reason] = (skipped[reason] ?? 0) + 1),
            onSeen: (kind, updatedAt) => {
              const before = run.seen[kind];
              if (!before || Date.parse(updatedAt) > Date.parse(before)) run.seen[kind] = updatedAt;
            },
          },
          ectx,
        );
      }
    }
    const summary = await harvest(
      {
        produces: ALL_KINDS,
        records,
        skipped: () => skipped,
        stateFile: options.state,
        async afterWrite(summary) {
          // A run cut short by --limit did not list everything up to what it saw. Only the
          // ETags this run used are kept: list URLs carry the watermark, so older ones
          // would never be asked for again.
          if (!options.state || !state || summary.limitReached || summary.readerClosed) return;
          for (const run of runs) {
            state.sources[run.key] = { ...run.saved, watermarks: run.seen, etags: run.etags.touched(), selection: selectionOf(options) };
          }
          await saveState(options.state, state);
        },
      },
      options,
      deps,
    );
    // A shallow (actions/checkout's default) or stale clone lacks commits: each such diff
    // cost a request after all. Said once, not only under --debug. When the clone has
    // every range's start, it is complete: what it lacks is pull request branches, deleted
    // after a merge whose commits on the branch could not be told apart; fetching more
    // history would not help.
    if (fromCheckout.missed > 0 && repository) {
      const starts = [...fromCheckout.missedFrom].filter((sha) => sha !== EMPTY_TREE);
      const incomplete = (await repository.missingCommits(starts)).length > 0;
      deps.log.warn(
        `--checkout ${options.checkout}: ${fromCheckout.missed} of ${fromCheckout.asked} diffs were not in the clone and came from the API ` +
          (incomplete
            ? "(a shallow or stale clone? fetch the history: git fetch --unshallow, or actions/checkout's fetch-depth: 0)"
            : "(pull requests whose branch is gone and whose commits did not land as one squash, merge or rebase)"),
      );
    }
    const stats = client.stats();
    deps.log.debug(`${stats.requests} API requests (${stats.notModified} not modified), ${stats.rateLimitRemaining ?? "?"} left`);
    return { ...summary, api: stats };
  } finally {
    deps.finish();
  }
}

// `from` is a tree, not a commit, for a root commit: no merge base to look for.
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

/**
 * --checkout: a PR's diff from the local clone, from the merge base as GitHub shows it
 * (base...head); undefined (ask the API) when the clone lacks a commit.
 */
function localDiffs(
  repository: Awaited<ReturnType<ReturnType<typeof createGitClient>["open"]>>,
  ctx: ExtractContext,
  counts: { asked: number; missed: number; missedFrom: Set<string> },
): DiffForRange {
  return async (from, to) => {
    counts.asked++;
    try {
      const sinceMergeBase = from !== EMPTY_TREE;
      return await repository.diff(from, to, { diffFilter: ctx.diffFilter, maxDiffLines: ctx.maxDiffLines, maxDiffBytes: ctx.maxDiffBytes, signal: ctx.signal, sinceMergeBase });
    } catch (error) {
      ctx.log.debug(`--checkout has no diff ${from.slice(0, 12)}..${to.slice(0, 12)} (${(error as Error).message}); asking the API`);
      counts.missed++;
      counts.missedFrom.add(from);
      return undefined;
    }
  };
}
