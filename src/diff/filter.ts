// Which files of a diff are worth learning from. By default lockfiles, vendored trees,
// minified and generated files are dropped: they are long, machine-written and teach a
// model nothing about the change. --include brings a file back, --exclude drops more.
import picomatch from "picomatch";

/** Machine-written files dropped unless an --include names them. */
export const DEFAULT_EXCLUDES = [
  // lockfiles
  "**/package-lock.json",
  "**/npm-shrinkwrap.json",
  "**/yarn.lock",
  "**/pnpm-lock.yaml",
  "**/bun.lockb",
  "**/bun.lock",
  "**/Cargo.lock",
  "**/poetry.lock",
  "**/Pipfile.lock",
  "**/uv.lock",
  "**/pdm.lock",
  "**/go.sum",
  "**/Gemfile.lock",
  "**/composer.lock",
  "**/mix.lock",
  "**/pubspec.lock",
  "**/Podfile.lock",
  "**/packages.lock.json",
  "**/flake.lock",
  "**/gradle.lockfile",
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
  include?: readonly string[];
  exclude?: readonly string[];
  /** Drop the default exclusions altogether. */
  noDefaultExcludes?: boolean;
}

/** True when a file at this path (repository-relative, `/`-separated) belongs in a diff. */
export type DiffFilter = (path: string) => boolean;

export function createDiffFilter(options: DiffFilterOptions = {}): DiffFilter {
  const glob = (patterns: readonly string[]) =>
    patterns.length === 0 ? () => false : picomatch(patterns as string[], { dot: true });
  const include = options.include ?? [];
  const isIncluded = glob(include);
  const isExcluded = glob(options.exclude ?? []);
  const isDefaultExcluded = options.noDefaultExcludes ? () => false : glob(DEFAULT_EXCLUDES);
  return (path) => {
    if (isExcluded(path)) return false;
    if (include.length > 0) return isIncluded(path);
    return !isDefaultExcluded(path);
  };
}
