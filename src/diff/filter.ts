// Which files of a diff are worth learning from. By default lockfiles, vendored trees,
// minified and generated files are dropped: they are long, machine-written and teach a
// model nothing about the change. Most are known by their path; the others by what their
// hunks show (section-content.ts), which the diff readers check when `judgesContent` says
// so. --include keeps only the files it names (default exclusions or not), --exclude drops
// more; both take .gitignore-style patterns.
import picomatch from "picomatch";

/** Machine-written files dropped unless an --include names them. */
export const DEFAULT_EXCLUDES = [
  // lockfiles, by ecosystem
  "**/package-lock.json", // npm
  "**/npm-shrinkwrap.json",
  "**/yarn.lock",
  "**/.pnp.cjs", // Yarn Plug'n'Play's resolution maps
  "**/.pnp.js",
  "**/.pnp.loader.mjs",
  "**/pnpm-lock.yaml",
  "**/bun.lockb",
  "**/bun.lock",
  "**/deno.lock",
  "**/Cargo.lock",
  "**/poetry.lock", // Python
  "**/Pipfile.lock",
  "**/uv.lock",
  "**/pdm.lock",
  "**/pylock.toml", // PEP 751
  "**/pylock.*.toml",
  "**/requirements.lock", // Rye
  "**/requirements-dev.lock",
  "**/pixi.lock",
  "**/conda-lock.yml",
  "**/go.sum", // Go
  "**/go.work.sum",
  "**/Gopkg.lock", // dep
  "**/glide.lock",
  "**/Gemfile.lock", // Ruby
  "**/gems.locked",
  "**/composer.lock", // PHP
  "**/symfony.lock",
  "**/mix.lock", // Elixir
  "**/rebar.lock", // Erlang
  "**/pubspec.lock", // Dart
  "**/Podfile.lock", // CocoaPods
  "**/Package.resolved", // Swift Package Manager
  "**/Cartfile.resolved", // Carthage
  "**/packages.lock.json", // NuGet
  "**/packages-lock.json", // Unity
  "**/paket.lock",
  "**/*.lockfile", // Gradle: gradle.lockfile, buildscript-gradle.lockfile, dependency-locks/
  "**/conan.lock", // C and C++
  "**/stack.yaml.lock", // Haskell
  "**/cabal.project.freeze",
  "**/Manifest.toml", // Julia
  "**/JuliaManifest.toml",
  "**/Manifest-v*.toml",
  "**/renv.lock", // R
  "**/shard.lock", // Crystal
  "**/nimble.lock", // Nim
  "**/*.opam.locked", // OCaml
  "**/cpanfile.snapshot", // Perl (Carton)
  "**/jsonnetfile.lock.json",
  "**/flake.lock", // Nix
  "**/devbox.lock",
  "**/.terraform.lock.hcl",
  "**/MODULE.bazel.lock",
  "**/Chart.lock", // Helm
  "**/Berksfile.lock", // Chef
  "**/Brewfile.lock.json",
  // vendored trees
  "**/vendor/**",
  "**/node_modules/**",
  "**/third_party/**",
  "**/third-party/**",
  "**/bower_components/**",
  // minified, bundled and generated files
  "**/*.min.js",
  "**/*.min.css",
  "**/*.min.mjs",
  "**/*.map",
  "**/dist/**",
  "**/*.pb.go",
  "**/*_pb2.py",
  "**/*_pb2_grpc.py",
  "**/*.pb.cc",
  "**/*.pb.h",
  "**/*.generated.*",
  "**/*.g.dart",
  "**/__generated__/**",
  "**/__snapshots__/**",
  "**/*.snap",
] as const;

export interface DiffFilterOptions {
  /** --include patterns, read as .gitignore reads its lines (see gitignoreGlobs). */
  include?: readonly string[];
  /** --exclude patterns, read the same way. */
  exclude?: readonly string[];
  /** Drop the default exclusions altogether. */
  noDefaultExcludes?: boolean;
}

export interface DiffFilter {
  /** True when a file at this path (repository-relative, `/`-separated) belongs in a diff. */
  (path: string): boolean;
  /**
   * The default exclusions apply, so a kept file is dropped too when its hunks show it
   * machine-written (SectionContent#machineWritten). Not with --include: it names the files to keep.
   */
  readonly judgesContent?: boolean;
}

export function createDiffFilter(options: DiffFilterOptions = {}): DiffFilter {
  const glob = (patterns: readonly string[]) =>
    patterns.length === 0 ? () => false : picomatch(patterns as string[], { dot: true });
  const include = options.include ?? [];
  const isIncluded = glob(include.flatMap(gitignoreGlobs));
  const isExcluded = glob((options.exclude ?? []).flatMap(gitignoreGlobs));
  const isDefaultExcluded = options.noDefaultExcludes ? () => false : glob(DEFAULT_EXCLUDES);
  const filter = (path: string) => {
    if (isExcluded(path)) return false;
    if (include.length > 0) return isIncluded(path);
    return !isDefaultExcluded(path);
  };
  return Object.assign(filter, { judgesContent: include.length === 0 && !options.noDefaultExcludes });
}

/**
 * A user's pattern as the picomatch globs that match the file paths .gitignore would
 * (https://git-scm.com/docs/gitignore#_pattern_format), because that is what git and eslint
 * users expect: without a slash, or with only a trailing one, it matches a name at any depth
 * (`*.md` keeps docs/guide.md too); a slash at the start or in the middle anchors it at the
 * root (`src/vendor`, `/build`); and a pattern that names a folder (`docs`, `docs/`) matches
 * every file under it, since a diff names files only. A trailing slash means a folder only.
 */
export function gitignoreGlobs(pattern: string): string[] {
  const folderOnly = pattern.endsWith("/");
  let glob = pattern.replace(/\/+$/, "");
  const anchored = glob.includes("/");
  // "./src" is how a shell user writes the root-anchored "/src".
  glob = glob.replace(/^(\.?\/)+/, "");
  if (glob === "") return [];
  if (!anchored) glob = `**/${glob}`;
  return folderOnly ? [`${glob}/**`] : [glob, `${glob}/**`];
}
