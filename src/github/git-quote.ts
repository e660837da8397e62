// Paths in diff headers the way git writes them: a path with a quote, a backslash or a
// control character is C-quoted ("a/tab\there"), with octal escapes for raw bytes.
const ESCAPES: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", '"': '"', "\\": "\\" };

/** Undo git's C-quoting of a path. Text that is not quoted is returned as is. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char !== "\\") {
      bytes.push(...Buffer.from(char, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(...Buffer.from(ESCAPES[next] ?? next, "utf8"));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Quote a path (with its a/ or b/ prefix) when git would. */
export function quoteGitPath(path: string): string {
  if (!/["\\\x00-\x1f\x7f]/.test(path)) return path;
  const inner = path.replace(/["\\\x00-\x1f\x7f]/g, (char) => {
    const named = Object.entries(ESCAPES).find(([, value]) => value === char)?.[0];
    return named ? `\\${named}` : `\\${char.charCodeAt(0).toString(8).padStart(3, "0")}`;
  });
  return `"${inner}"`;
}

/**
 * The two paths of a `diff --git a/X b/Y` line (prefixes stripped). Unquoted paths with
 * spaces are ambiguous; like git, assume both sides name the same file then.
 */
export function pathsOfDiffGitLine(line: string): { oldPath: string; newPath: string } | undefined {
  const rest = line.replace(/^diff --git /, "");
  const quoted = /^("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/.exec(rest);
  const strip = (side: string) => unquoteGitPath(side).replace(/^[ab]\//, "");
  if (rest.startsWith('"') || rest.endsWith('"')) {
    if (quoted) return { oldPath: strip(quoted[1] as string), newPath: strip(quoted[2] as string) };
  }
  // a/X b/X: the middle " b/" of a line of length 2n+5.
  if ((rest.length - 1) % 2 === 0) {
    const half = (rest.length - 1) / 2;
    const left = rest.slice(0, half);
    const right = rest.slice(half + 1);
    if (left.slice(2) === right.slice(2) && left.startsWith("a/") && right.startsWith("b/")) {
      return { oldPath: left.slice(2), newPath: right.slice(2) };
    }
  }
  const split = rest.indexOf(" b/");
  if (split > 0) return { oldPath: strip(rest.slice(0, split)), newPath: strip(rest.slice(split + 1)) };
  return undefined;
}
