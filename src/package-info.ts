// The package's root (for mappings/) and version. Found from this module's own place:
// src/, dist/src/, or the Action's bundle in dist-action/. The walk up accepts only
// gh-harvest's own folder, never a user's project that happens to hold a package.json and a
// mappings/ folder (an action vendored under .github/actions/ sits inside one).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Set by the Action's bundle (scripts/build-action.ts): a vendored copy of the action may
// hold only action.yml, dist-action/ and mappings/, without package.json.
declare const __GH_HARVEST_VERSION__: string | undefined;

function isOurRoot(dir: string): boolean {
  if (!existsSync(join(dir, "mappings"))) return false;
  // The Action as committed: its bundle and the built-in rules side by side.
  if (existsSync(join(dir, "dist-action", "index.js")) && existsSync(join(dir, "mappings", "commit-message.yaml")) && existsSync(join(dir, "action.yml"))) {
    return true;
  }
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name === "gh-harvest";
  } catch {
    return false;
  }
}

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (isOurRoot(dir)) return dir;
    dir = dirname(dir);
  }
  throw new Error("cannot find gh-harvest's own folder (with its mappings/) above its code");
}

export function packageVersion(): string {
  if (typeof __GH_HARVEST_VERSION__ === "string") return __GH_HARVEST_VERSION__;
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}
