// Runs the committed action bundle as a runner does: `node dist-action/index.js` in a
// child process, from a copy of the action (bundle, action.yml, mappings/)
// in a temporary folder where no node_modules can be found, with the inputs in INPUT_*
// variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GIT_TEST_ENV } from "../helpers/git-repo.js";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ActionCopy {
  /** The action's root, as the runner downloads it. */
  dir: string;
  /** A workspace beside it (GITHUB_WORKSPACE, the step's working directory). */
  workspace: string;
  cleanup(): Promise<void>;
}

/**
 * The action's files, no more: bundle, action.yml and mappings/ (no package.json, as in a
 * copy vendored under a project's .github/actions/). `into` puts them in that folder instead.
 */
export async function copyAction(options: { into?: string } = {}): Promise<ActionCopy> {
  const parent = await mkdtemp(join(tmpdir(), "gh-harvest-action-"));
  const dir = options.into ?? join(parent, "action");
  await mkdir(join(dir, "dist-action"), { recursive: true });
  await cp(join(REPO_ROOT, "dist-action/index.js"), join(dir, "dist-action/index.js"));
  await cp(join(REPO_ROOT, "action.yml"), join(dir, "action.yml"));
  await cp(join(REPO_ROOT, "mappings"), join(dir, "mappings"), { recursive: true });
  const workspace = join(parent, "workspace");
  await mkdir(workspace);
  return { dir, workspace, cleanup: () => rm(parent, { recursive: true, force: true }) };
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT, parsed (name=value and heredoc forms). */
  outputs: Record<string, string>;
  /** GITHUB_OUTPUT as written. */
  outputFile: string;
  summary: string;
}

/** Input names as the runner turns them into variables: INPUT_API-URL keeps its dash. */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, "_").toUpperCase()}`, v]));
}

export async function runAction(
  copy: ActionCopy,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  options: { workspace?: string } = {},
): Promise<ActionRun> {
  const workspace = options.workspace ?? copy.workspace;
  const files = await mkdtemp(join(tmpdir(), "gh-harvest-runner-"));
  const outputPath = join(files, "output");
  const summaryPath = join(files, "summary");
  await writeFile(outputPath, "");
  await writeFile(summaryPath, "");
  // Only what a runner sets: no NODE_OPTIONS (tsx), no NODE_PATH.
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: files,
    ...GIT_TEST_ENV,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    ...inputEnv(inputs),
    ...env,
  };
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        [join(copy.dir, "dist-action/index.js")],
        { cwd: workspace, env: childEnv, timeout: 60_000, maxBuffer: 64 << 20 },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== "number") reject(error);
          else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
        },
      );
    });
    const outputFile = await readFile(outputPath, "utf8");
    return { code, stdout, stderr, outputs: parseOutputFile(outputFile), outputFile, summary: await readFile(summaryPath, "utf8") };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

/** The runner's reading of GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === "") continue;
    const eq = line.indexOf("=");
    const heredoc = line.indexOf("<<");
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      outputs[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
    if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing ${delimiter} for ${name}`);
    outputs[name] = value.join("\n");
  }
  return outputs;
}

/** The workflow commands (`::name props::message`) a run printed. */
export function workflowCommands(stdout: string): { name: string; properties: Record<string, string>; message: string }[] {
  const found = [];
  for (const line of stdout.split("\n")) {
    const m = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
      const at = pair.indexOf("=");
      properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
    }
    found.push({ name: m[1] as string, properties, message: unescape(m[3] as string) });
  }
  return found;
}

function unescape(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
}
