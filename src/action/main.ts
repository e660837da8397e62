// The action's entry point, bundled into dist-action/index.js (see scripts/build-action.ts):
// the runner starts it with `node`, the inputs in INPUT_* variables.
import { runAction } from "./run.js";
import { annotation } from "./workflow-commands.js";

const controller = new AbortController();
// A cancelled run gets SIGINT, then SIGTERM: stop cleanly, leaving no partial output.
process.once("SIGINT", () => controller.abort());
process.once("SIGTERM", () => controller.abort());

runAction({ stdout: process.stdout, env: process.env, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(annotation("error", `gh-harvest: ${error instanceof Error ? error.message : String(error)}`));
    process.exitCode = 1;
  },
);
