import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createDiffFilter, gitignoreGlobs } from "../../src/diff/filter.js";

const PATHS = [
  "README.md",
  "docs/guide.md",
  "docs/api/index.md",
  "docs/logo.png",
  "src/a.ts",
  "src/deep/b.ts",
  "src/vendor/lib.js",
  "src/app.js",
  "a.ts",
  "notes/docs.txt",
  "mydocs/x.txt",
  "build/out.js",
  "src/build/keep.js",
];

/** The paths the filter keeps, out of PATHS. */
const kept = (options: Parameters<typeof createDiffFilter>[0]) => PATHS.filter(createDiffFilter({ noDefaultExcludes: true, ...options }));
const without = (...paths: string[]) => PATHS.filter((p) => !paths.includes(p));

describe("diff filter: --include and --exclude as .gitignore patterns", () => {
  it("matches a pattern without a slash against the name at any depth", () => {
    assert.deepEqual(kept({ exclude: ["*.md"] }), without("README.md", "docs/guide.md", "docs/api/index.md"));
    assert.deepEqual(kept({ include: ["*.ts"] }), ["src/a.ts", "src/deep/b.ts", "a.ts"]);
    assert.deepEqual(kept({ include: ["b.ts"] }), ["src/deep/b.ts"]);
  });

  it("drops everything under a folder named with or without a trailing slash, at any depth", () => {
    const docs = ["docs/guide.md", "docs/api/index.md", "docs/logo.png"];
    assert.deepEqual(kept({ exclude: ["docs"] }), without(...docs));
    assert.deepEqual(kept({ exclude: ["docs/"] }), without(...docs));
    assert.deepEqual(kept({ exclude: ["api"] }), without("docs/api/index.md"));
    assert.deepEqual(kept({ exclude: ["build/"] }), without("build/out.js", "src/build/keep.js"));
    assert.deepEqual(kept({ include: ["docs/"] }), docs, "not notes/docs.txt nor mydocs/");
  });

  it("anchors a pattern with a slash at the start or in the middle at the root", () => {
    assert.deepEqual(kept({ exclude: ["src/vendor"] }), without("src/vendor/lib.js"));
    assert.deepEqual(kept({ exclude: ["vendor/lib.js"] }), PATHS, "not src/vendor/lib.js");
    assert.deepEqual(kept({ exclude: ["/build"] }), without("build/out.js"));
    assert.deepEqual(kept({ exclude: ["./build"] }), without("build/out.js"));
    assert.deepEqual(kept({ include: ["/*.ts"] }), ["a.ts"]);
    assert.deepEqual(kept({ include: ["docs/*.md"] }), ["docs/guide.md"]);
  });

  it("takes ** at the start, in the middle and at the end", () => {
    assert.deepEqual(kept({ include: ["docs/**"] }), ["docs/guide.md", "docs/api/index.md", "docs/logo.png"]);
    assert.deepEqual(kept({ include: ["docs/**/*.md"] }), ["docs/guide.md", "docs/api/index.md"]);
    assert.deepEqual(kept({ include: ["**/deep/*.ts"] }), ["src/deep/b.ts"]);
    assert.deepEqual(kept({ include: ["src/**/b.ts"] }), ["src/deep/b.ts"]);
  });

  it("keeps the default exclusions, and an --include of them brings a file back", () => {
    const filter = createDiffFilter();
    for (const path of ["package-lock.json", "web/yarn.lock", "vendor/x.go", "lib/vendor/y.js", "app.min.js", "dist/out.js", "api/__generated__/t.ts", "x.pb.go"]) {
      assert.equal(filter(path), false, path);
    }
    for (const path of ["src/app.ts", "README.md", "docs/vendor-notes.md"]) assert.equal(filter(path), true, path);
    assert.equal(createDiffFilter({ include: ["package-lock.json"] })("web/package-lock.json"), true);
    assert.equal(createDiffFilter({ exclude: ["*.md"] })("package-lock.json"), false);
  });

  it("drops the lockfiles of every common ecosystem, at any depth, and keeps their manifests", () => {
    const filter = createDiffFilter();
    const lockfiles = [
      "Gopkg.lock", "glide.lock", "go.sum", "go.work.sum", "deno.lock", "bun.lock", "web/.pnp.cjs", "Pipfile.lock", "pylock.toml",
      "pylock.dev.toml", "requirements.lock", "pixi.lock", "conda-lock.yml", "gems.locked", "symfony.lock", "rebar.lock",
      "App.xcworkspace/xcshareddata/swiftpm/Package.resolved", "Cartfile.resolved", "paket.lock", "Packages/packages-lock.json",
      "gradle.lockfile", "app/buildscript-gradle.lockfile", "gradle/dependency-locks/compileClasspath.lockfile", "conan.lock",
      "stack.yaml.lock", "cabal.project.freeze", "Manifest.toml", "Manifest-v1.11.toml", "renv.lock", "shard.lock", "nimble.lock",
      "widgets.opam.locked", "cpanfile.snapshot", "infra/.terraform.lock.hcl", "MODULE.bazel.lock", "charts/api/Chart.lock",
      "Berksfile.lock", "jsonnetfile.lock.json", "devbox.lock",
    ];
    for (const path of lockfiles) assert.equal(filter(path), false, path);
    const manifests = ["Gopkg.toml", "glide.yaml", "go.mod", "deno.json", "Pipfile", "pyproject.toml", "requirements.txt", "Package.swift", "Project.toml", "main.tf", "src/lock.ts"];
    for (const path of manifests) assert.equal(filter(path), true, path);
  });

  it("turns patterns into globs as documented", () => {
    assert.deepEqual(gitignoreGlobs("*.md"), ["**/*.md", "**/*.md/**"]);
    assert.deepEqual(gitignoreGlobs("docs/"), ["**/docs/**"]);
    assert.deepEqual(gitignoreGlobs("src/vendor"), ["src/vendor", "src/vendor/**"]);
    assert.deepEqual(gitignoreGlobs("/"), []);
  });
});
