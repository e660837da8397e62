// Builds the GitHub Action's bundle, dist-action/index.js: src/action/main.ts and every
// dependency in one ES module, so that the runner, which downloads the repository but
// runs no `npm install`, finds all it needs. The bundle is committed. esbuild's output is
// a function of its version (pinned in package.json), the sources and node_modules, so
// `--check` rebuilds in memory and fails when the committed file differs: a test does the
// same (test/action/bundle.test.ts). mappings/ is read from the action's root at run time
// (src/package-info.ts walks up from dist-action/ to it); the version is built in.
//
//   npm run build:action          write dist-action/index.js
//   npm run check:action          exit 1 if it is not what the sources build
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE_PATH = "dist-action/index.js";

/**
 * gpt-tokenizer's vocabularies (megabytes) serve only `--tokenizer o200k|cl100k` and
 * `stats`, which the action never runs; left out, they are imported lazily and never.
 */
export const EXTERNAL = ["gpt-tokenizer", "gpt-tokenizer/*"];

// esbuild turns a CommonJS dependency's require("fs") into a call of `require`, which an
// ES module lacks: the banner makes one.
const BANNER = [
  "// The gh-harvest GitHub Action, bundled by scripts/build-action.ts from src/action/main.ts. Do not edit:",
  "// change the sources, then run `npm run build:action`.",
  'import { createRequire as __ghHarvestCreateRequire } from "node:module";',
  "const require = __ghHarvestCreateRequire(import.meta.url);",
].join("\n");

export interface BuiltBundle {
  text: string;
  metafile: Metafile;
}

async function packageVersionAt(root: string): Promise<string> {
  return (JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string }).version;
}

export async function buildActionBundle(root = ROOT): Promise<BuiltBundle> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["src/action/main.ts"],
    outfile: BUNDLE_PATH,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    external: EXTERNAL,
    banner: { js: BANNER },
    // The version without package.json at run time (src/package-info.ts).
    define: { __GH_HARVEST_VERSION__: JSON.stringify(await packageVersionAt(root)) },
    legalComments: "eof",
    charset: "utf8",
    metafile: true,
    write: false,
    logLevel: "error",
  });
  const file = result.outputFiles.find((f) => f.path === join(root, BUNDLE_PATH));
  if (!file) throw new Error(`esbuild wrote no ${BUNDLE_PATH}`);
  return { text: file.text, metafile: result.metafile };
}

/** Whether the committed bundle is what the sources build now. */
export async function checkActionBundle(root = ROOT): Promise<{ fresh: boolean; built: BuiltBundle; committed: string | undefined }> {
  const built = await buildActionBundle(root);
  const committed = await readFile(join(root, BUNDLE_PATH), "utf8").catch(() => undefined);
  return { fresh: committed === built.text, built, committed };
}

async function cli(args: readonly string[]): Promise<number> {
  if (args.includes("--check")) {
    const { fresh, committed } = await checkActionBundle();
    if (fresh) {
      process.stdout.write(`${BUNDLE_PATH} is up to date\n`);
      return 0;
    }
    process.stderr.write(`${BUNDLE_PATH} ${committed === undefined ? "is missing" : "is older than the sources"}: run npm run build:action and commit it\n`);
    return 1;
  }
  const { text } = await buildActionBundle();
  await mkdir(dirname(join(ROOT, BUNDLE_PATH)), { recursive: true });
  await writeFile(join(ROOT, BUNDLE_PATH), text);
  process.stdout.write(`wrote ${BUNDLE_PATH} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
