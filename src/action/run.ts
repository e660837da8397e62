// The GitHub Action: reads the inputs, runs one gh-harvest command, and reports to the
// runner: outputs (GITHUB_OUTPUT), a job summary (GITHUB_STEP_SUMMARY), annotations.
// A failure is one `::error::` line and exit 1 (2 for what the workflow's author must
// fix, as the CLI's usage errors). The token is masked before anything else is printed.
import { mkdir, readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { tokenFromEnv } from "../github/client.js";
import { exitCodeOf, UsageError } from "../errors.js";
import type { HarvestOptions } from "../commands/harvest.js";
import { HARVEST_DEFAULTS } from "../harvest-defaults.js";
import type { CommandContext } from "../commands/harvest-deps.js";
import { runLocal } from "../commands/local.js";
import { runPr, runRepo } from "../commands/github.js";
import { runMerge } from "../commands/merge.js";
import { runRepos } from "../commands/repos.js";
import { createAnnotator, errorAnnotation } from "./annotations.js";
import { inInputNames } from "./input-names.js";
import {
  getBoolean,
  getCommand,
  getDate,
  getFormat,
  getInput,
  getList,
  getOptionalPositiveInt,
  getPositiveInt,
  getSecretPolicy,
  type ActionCommand,
} from "./inputs.js";
import { actionLogStream } from "./log-stream.js";
import { failureSummary, harvestSummary, mergeSummary, reposSummary, validateSummary } from "./summary.js";
import { validateStep } from "./validate-step.js";
import { addMask, annotation, fileCommands } from "./workflow-commands.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface ActionIO {
  stdout: NodeJS.WritableStream;
  env: Env;
  /** Aborted when the run is cancelled. */
  signal: AbortSignal;
}

interface StepResult {
  code: number;
  outputs: Record<string, string>;
  summary: string;
}

export async function runAction(io: ActionIO): Promise<number> {
  const { env, stdout } = io;
  const token = getInput(env, "token") || tokenFromEnv(env);
  if (token) stdout.write(addMask(token));
  const files = fileCommands(env);
  const log = actionLogStream(stdout);
  let command: ActionCommand | "" = "";
  try {
    command = getCommand(env);
    const ctx: CommandContext = {
      io: { stdout, stderr: log, env: withToken(env, token), signal: io.signal },
      debug: () => env.RUNNER_DEBUG === "1",
    };
    const result = await STEPS[command](env, ctx);
    await files.setOutputs(result.outputs);
    await files.appendSummary(result.summary);
    return result.code;
  } catch (error) {
    const message = inInputNames(error instanceof Error ? error.message : String(error));
    stdout.write(errorAnnotation(message, env.GITHUB_WORKSPACE));
    if (env.RUNNER_DEBUG === "1" && error instanceof Error && error.stack) stdout.write(`${error.stack}\n`);
    await files.appendSummary(failureSummary(`gh-harvest ${command}`.trim(), message)).catch(() => false);
    return error instanceof UsageError ? 2 : exitCodeOf(error);
  } finally {
    log.end();
  }
}

/** The commands read GH_TOKEN; the token input (default: the workflow's) goes there. */
function withToken(env: Env, token: string | undefined): NodeJS.ProcessEnv {
  const { GH_TOKEN: _gh, GITHUB_TOKEN: _github, ...rest } = env;
  return token ? { ...rest, GH_TOKEN: token } : rest;
}

type ActionHarvestOptions = HarvestOptions & { state?: string; redactPatterns: RegExp[] };

/** What local, pr and repo share; the same defaults as the CLI's flags. */
async function harvestOptions(env: Env): Promise<ActionHarvestOptions> {
  const options: ActionHarvestOptions = {
    out: getInput(env, "output"),
    mapping: getList(env, "mappings", "commas"),
    format: getFormat(env) ?? HARVEST_DEFAULTS.format,
    since: getDate(env, "since"),
    include: getList(env, "include", "commas"),
    exclude: getList(env, "exclude", "commas"),
    maxDiffLines: getPositiveInt(env, "max-diff-lines"),
    maxDiffBytes: getPositiveInt(env, "max-diff-bytes"),
    limit: getOptionalPositiveInt(env, "limit"),
    append: getBoolean(env, "append"),
    includeBots: getBoolean(env, "include-bots"),
    onSecret: getSecretPolicy(env),
    state: getInput(env, "state") || undefined,
    rejects: getInput(env, "rejects") || undefined,
    redactPatterns: [],
  };
  await outputFolder(options.out);
  if (options.rejects) await outputFolder(options.rejects);
  return options;
}

/** output: .harvest/dataset.jsonl needs no step of its own to make .harvest/. */
async function outputFolder(out: string): Promise<void> {
  if (out === "-") return;
  await mkdir(dirname(resolve(out)), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    // A file where a folder of the path should be (EEXIST, ENOTDIR), or no permission: the
    // workflow's to fix, in one line.
    throw new UsageError(`${out}: cannot make its folder (${error.code === "EEXIST" || error.code === "ENOTDIR" ? "a file is in the way" : (error.code ?? error.message)})`);
  });
}

const harvested = (title: string, out: string, s: Awaited<ReturnType<typeof runLocal>>, api?: Parameters<typeof harvestSummary>[3]): StepResult => ({
  code: 0,
  outputs: { records: String(s.written), rejected: String(s.rejected), file: out },
  summary: harvestSummary(title, s, out, api),
});

function rejectedWarning(ctx: CommandContext, rejected: number): void {
  if (rejected > 0) ctx.io.stdout.write(annotation("warning", `${rejected} record${rejected === 1 ? " failed validation and was" : "s failed validation and were"} not written (the rejects input keeps them, with their reasons)`, { title: "gh-harvest" }));
}

const STEPS: Record<ActionCommand, (env: Env, ctx: CommandContext) => Promise<StepResult>> = {
  async local(env, ctx) {
    const paths = getList(env, "target", "lines");
    const options = await harvestOptions(env);
    const summary = await runLocal(paths.length > 0 ? paths : ["."], { ...options, revs: [] }, ctx);
    rejectedWarning(ctx, summary.rejected);
    return harvested(`gh-harvest local ${paths.join(", ") || "."}`, options.out, summary);
  },

  async pr(env, ctx) {
    const ref = getInput(env, "target") || (await pullFromEvent(env));
    const options = await harvestOptions(env);
    const summary = await runPr(ref, { ...options, apiUrl: getInput(env, "api-url") || undefined }, ctx);
    rejectedWarning(ctx, summary.rejected);
    return harvested(`gh-harvest pr ${ref}`, options.out, summary, summary.api);
  },

  async repo(env, ctx) {
    const listed = getList(env, "target", "words");
    const repos = listed.length > 0 ? listed : [env.GITHUB_REPOSITORY ?? ""].filter(Boolean);
    if (repos.length === 0) throw new UsageError("input target: name the repository, OWNER/REPO (GITHUB_REPOSITORY is not set)");
    const options = await harvestOptions(env);
    const summary = await runRepo(repos, { ...options, apiUrl: getInput(env, "api-url") || undefined, checkout: getInput(env, "checkout") || undefined }, ctx);
    rejectedWarning(ctx, summary.rejected);
    return harvested(`gh-harvest repo ${repos.join(", ")}`, options.out, summary, summary.api);
  },

  async validate(env, ctx) {
    const listed = getList(env, "target", "lines");
    const targets = listed.length > 0 ? listed : [getInput(env, "output")];
    const { summary, rejectedLines } = await validateStep(targets, { format: getFormat(env), workspace: env.GITHUB_WORKSPACE }, ctx.io.stdout);
    if (summary.errors > 0) {
      ctx.io.stdout.write(annotation("error", `${summary.errors} validation errors on ${rejectedLines} lines of ${targets.join(", ")}`, { title: "gh-harvest validate" }));
    }
    return {
      code: summary.errors > 0 ? 1 : 0,
      outputs: { records: String(summary.records), rejected: String(rejectedLines), file: targets.join("\n") },
      summary: validateSummary(`gh-harvest validate ${targets.join(", ")}`, summary, rejectedLines),
    };
  },

  async repos(env, ctx) {
    const owner = getInput(env, "target") || env.GITHUB_REPOSITORY_OWNER || "";
    if (!owner) throw new UsageError("input target: name the organization or user (GITHUB_REPOSITORY_OWNER is not set)");
    const filters = {
      archived: getBoolean(env, "archived"),
      forks: getBoolean(env, "forks"),
      topics: getList(env, "topic", "words"),
      languages: getList(env, "language", "commas"),
      maxJobs: getPositiveInt(env, "max-jobs"),
      apiUrl: getInput(env, "api-url") || undefined,
    };
    const { listing, matrix, api } = await runRepos(owner, filters, ctx);
    return {
      code: 0,
      outputs: { matrix: JSON.stringify(matrix), count: String(listing.repos.length), records: "0", rejected: "0", file: "" },
      summary: reposSummary(listing, matrix, api),
    };
  },

  async merge(env, ctx) {
    const inputs = getList(env, "target", "lines");
    if (inputs.length === 0) throw new UsageError("input target: name the JSONL shards (files or folders) to merge");
    const out = getInput(env, "output");
    await outputFolder(out);
    const annotator = createAnnotator(env.GITHUB_WORKSPACE);
    const { code, summary } = await runMerge(inputs, { out }, { stdout: ctx.io.stdout, stderr: ctx.io.stderr }, (file, p) => ctx.io.stdout.write(annotator.line(file, p)));
    return {
      code,
      outputs: { records: String(summary.written), rejected: String(summary.invalid), file: out },
      summary: mergeSummary(summary, out),
    };
  },
};

/** On a pull_request (or pull_request_target, or a PR's issue_comment) event: that pull request. */
async function pullFromEvent(env: Env): Promise<string> {
  const repo = env.GITHUB_REPOSITORY;
  const payload = env.GITHUB_EVENT_PATH ? await readFile(env.GITHUB_EVENT_PATH, "utf8").then(JSON.parse, () => undefined) : undefined;
  const number = payload?.pull_request?.number ?? (payload?.issue?.pull_request ? payload.issue.number : undefined);
  if (!repo || typeof number !== "number") throw new UsageError("input target: name the pull request, OWNER/REPO#N or its URL (this event is not about one)");
  return `${repo}#${number}`;
}
