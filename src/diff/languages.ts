// The languages a diff touches, by file extension, for meta.languages and --languages.
const BY_EXTENSION: Record<string, string> = {
  py: "python", pyi: "python", rs: "rust", ts: "typescript", tsx: "typescript", mts: "typescript",
  cts: "typescript", js: "javascript", jsx: "javascript", mjs: "javascript", cjs: "javascript",
  go: "go", java: "java", kt: "kotlin", kts: "kotlin", scala: "scala", rb: "ruby", php: "php",
  c: "c", h: "c", cc: "cpp", cpp: "cpp", cxx: "cpp", hpp: "cpp", hh: "cpp", cs: "csharp",
  swift: "swift", m: "objective-c", mm: "objective-c", dart: "dart", lua: "lua", r: "r",
  jl: "julia", ex: "elixir", exs: "elixir", erl: "erlang", hs: "haskell", ml: "ocaml",
  clj: "clojure", sh: "shell", bash: "shell", zsh: "shell", ps1: "powershell", sql: "sql",
  html: "html", css: "css", scss: "css", vue: "vue", svelte: "svelte", zig: "zig", nim: "nim",
  md: "markdown", yaml: "yaml", yml: "yaml", toml: "toml", json: "json", tf: "terraform",
};

const BY_NAME: Record<string, string> = {
  Dockerfile: "dockerfile",
  Makefile: "make",
  "CMakeLists.txt": "cmake",
};

/** Every language name meta.languages can hold, sorted. */
export const LANGUAGE_NAMES: readonly string[] = [...new Set([...Object.values(BY_EXTENSION), ...Object.values(BY_NAME)])].sort();

export function languageOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const byName = BY_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
}

/** Distinct languages of the paths, sorted, so records are byte-identical across runs. */
export function languagesOf(paths: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const p of paths) {
    const lang = languageOf(p);
    if (lang) found.add(lang);
  }
  return [...found].sort();
}
