// From a problem's place in the parsed record (a field path and an offset in its text) back
// to its column in the raw line, through JSON's escapes. Runs only for lines that have
// problems, so the common clean line never pays for it.

type Segment = string | number;

/** "messages[2].content" → ["messages", 2, "content"]. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/**
 * 1-based column of `offset` characters into the string value at `path`, or of the value
 * itself when it is not a string; undefined when the path is not in the line.
 */
export function columnOf(line: string, path: Segment[], offset = 0): number | undefined {
  let i = 0;
  const ws = () => {
    for (let c = line.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = line.charCodeAt(++i));
  };
  const skipString = () => {
    i++;
    while (i < line.length && line[i] !== '"') i += line[i] === "\\" ? 2 : 1;
    i++;
  };
  const readKey = (): string => {
    const start = i;
    skipString();
    return JSON.parse(line.slice(start, i)) as string;
  };
  const skipValue = (): void => {
    ws();
    const c = line[i];
    if (c === '"') return skipString();
    if (c !== "{" && c !== "[") {
      while (i < line.length && !",]}".includes(line[i]!)) i++;
      return;
    }
    let depth = 0;
    while (i < line.length) {
      const d = line[i];
      if (d === '"') {
        skipString();
        continue;
      }
      if (d === "{" || d === "[") depth++;
      else if (d === "}" || d === "]") depth--;
      i++;
      if (depth === 0) return;
    }
  };
  try {
    for (const seg of path) {
      ws();
      if (typeof seg === "string") {
        if (line[i] !== "{") return undefined;
        i++;
        let found = false;
        let last: number | undefined;
        // The last of repeated keys wins in JSON.parse, so keep looking after a match.
        while (i < line.length) {
          ws();
          if (line[i] === "}") break;
          const key = readKey();
          ws();
          i++; // ':'
          ws();
          if (key === seg) {
            last = i;
            found = true;
          }
          skipValue();
          ws();
          if (line[i] === ",") i++;
        }
        if (!found || last === undefined) return undefined;
        i = last;
      } else {
        if (line[i] !== "[") return undefined;
        i++;
        for (let k = 0; k < seg; k++) {
          skipValue();
          ws();
          if (line[i] !== ",") return undefined;
          i++;
        }
        ws();
      }
    }
    ws();
    if (line[i] !== '"' || offset === 0) return i + 1 + (line[i] === '"' && offset === 0 ? 1 : 0);
    // Walk the escapes of the string up to the offset-th decoded character.
    let j = i + 1;
    for (let n = 0; n < offset && j < line.length && line[j] !== '"'; n++) j += line[j] === "\\" ? (line[j + 1] === "u" ? 6 : 2) : 1;
    return j + 1;
  } catch {
    return undefined;
  }
}
