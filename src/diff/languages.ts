// The languages a diff touches, for meta.languages and --languages: by a file's name, else
// its extension, else the interpreter its first line names (`#!/bin/sh`), when a hunk shows
// that line.
const BY_EXTENSION: Record<string, string> = {
  py: "python", pyi: "python", rs: "rust", ts: "typescript", tsx: "typescript", mts: "typescript",
  cts: "typescript", js: "javascript", jsx: "javascript", mjs: "javascript", cjs: "javascript",
  go: "go", java: "java", kt: "kotlin", kts: "kotlin", scala: "scala", groovy: "groovy", gradle: "groovy",
  rb: "ruby", php: "php", pl: "perl", pm: "perl",
  c: "c", h: "c", cc: "cpp", cpp: "cpp", cxx: "cpp", hpp: "cpp", hh: "cpp", cs: "csharp",
  swift: "swift", m: "objective-c", mm: "objective-c", dart: "dart", lua: "lua", r: "r",
  jl: "julia", ex: "elixir", exs: "elixir", erl: "erlang", hs: "haskell", ml: "ocaml",
  clj: "clojure", sh: "shell", bash: "shell", zsh: "shell", ps1: "powershell", sql: "sql",
  html: "html", css: "css", scss: "css", vue: "vue", svelte: "svelte", zig: "zig", nim: "nim",
  md: "markdown", rst: "restructuredtext", yaml: "yaml", yml: "yaml", toml: "toml", json: "json", tf: "terraform",
  mk: "make", cmake: "cmake", dockerfile: "dockerfile",
};

// Files known by their whole name, most without an extension.
const BY_NAME: Record<string, string> = {
  Dockerfile: "dockerfile",
  Containerfile: "dockerfile",
  Makefile: "make",
  makefile: "make",
  GNUmakefile: "make",
  "CMakeLists.txt": "cmake",
  configure: "shell", // autoconf's output, a POSIX shell script
  gradlew: "shell",
  ".bashrc": "shell",
  ".bash_profile": "shell",
  ".profile": "shell",
  ".zshrc": "shell",
  Jenkinsfile: "groovy",
  Rakefile: "ruby",
  Gemfile: "ruby",
  Guardfile: "ruby",
  Podfile: "ruby",
  Vagrantfile: "ruby",
  Fastfile: "ruby",
  Capfile: "ruby",
  Brewfile: "ruby",
};

// What a `#!` line's program runs, by its name without a version (python3.12 is python).
const BY_INTERPRETER: Record<string, string> = {
  sh: "shell", bash: "shell", dash: "shell", ash: "shell", ksh: "shell", mksh: "shell", zsh: "shell",
  python: "python", pypy: "python", ruby: "ruby", perl: "perl", php: "php", node: "javascript", nodejs: "javascript",
  lua: "lua", rscript: "r", julia: "julia", elixir: "elixir", escript: "erlang", pwsh: "powershell",
  runghc: "haskell", runhaskell: "haskell", make: "make", swift: "swift", scala: "scala", groovy: "groovy",
};

/** Every language name meta.languages can hold, sorted. */
export const LANGUAGE_NAMES: readonly string[] = [
  ...new Set([...Object.values(BY_EXTENSION), ...Object.values(BY_NAME), ...Object.values(BY_INTERPRETER)]),
].sort();

/** A file's language by its path, else by its `#!` line (the file's first line, when it is one). */
export function languageOf(path: string, shebang?: string): string | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const byName = BY_NAME[name] ?? (name.startsWith("Dockerfile.") ? "dockerfile" : undefined);
  if (byName) return byName;
  const dot = name.lastIndexOf(".");
  const byExtension = dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
  return byExtension ?? (shebang === undefined ? undefined : interpreterOf(shebang));
}

/** `#!/bin/sh`, `#!/usr/bin/env python3`, `#!/usr/bin/env -S node --no-warnings`: the language it runs. */
function interpreterOf(shebang: string): string | undefined {
  const words = /^#!\s*(.*)$/.exec(shebang.trim())?.[1]?.split(/\s+/) ?? [];
  let program = words.shift()?.replace(/^.*\//, "");
  // env's options and VAR=value settings come before the program.
  if (program === "env") program = words.find((w) => !w.startsWith("-") && !w.includes("="))?.replace(/^.*\//, "");
  return program ? BY_INTERPRETER[program.toLowerCase().replace(/[\d.]+$/, "")] : undefined;
}

/** Distinct languages of the files, sorted, so records are byte-identical across runs. */
export function languagesOf(files: Iterable<{ path: string; shebang?: string }>): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const lang = languageOf(file.path, file.shebang);
    if (lang) found.add(lang);
  }
  return [...found].sort();
}
