// A key written twice in one object: {"output": "a", ..., "output": "b"}. JSON.parse, Python's
// json and every fine-tuning loader keep the last value without a word, so the first one is
// lost from training: a hand-merged line or a botched edit. JSON.parse cannot tell, so the
// line is compared with the parsed record: every key of the line ends in `":`, and a line
// with as many of those as the record has keys has no key twice. Only a line where the two
// counts differ (a duplicate, or keys written `"key" : value`) is scanned key by key.

export interface DuplicateKey {
  key: string;
  /** The object that holds it, as a path from the record ([] for the record itself). */
  path: (string | number)[];
  /** 0-based index in the line of the repeated key's opening quote. */
  index: number;
}

/** The repeated keys of a line that JSON.parse turned into `value`; [] for almost every line. */
export function duplicateKeys(line: string, value: unknown): DuplicateKey[] {
  const parsed = keyCount(value);
  // Equal counts: no key twice. Not quite proof on a line that mixes `"a": 1` and `"b" : 2`
  // with a duplicate among them, which the spaced key would hide; no JSON writer mixes them.
  if (keyColons(line) === parsed) return [];
  return scanKeys(line);
}

/** `":` where the quote closes a string (it is not escaped): the end of a key, in valid JSON. */
function keyColons(line: string): number {
  let n = 0;
  for (let i = line.indexOf('":'); i >= 0; i = line.indexOf('":', i + 2)) {
    let backslashes = 0;
    for (let j = i - 1; line.charCodeAt(j) === 92; j--) backslashes++;
    if ((backslashes & 1) === 0) n++;
  }
  return n;
}

/** Keys of every object in the value, with a stack of its own (JSON may nest 100,000 deep). */
function keyCount(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === "object") stack.push(item);
      continue;
    }
    for (const key in v) {
      n++;
      const child = (v as Record<string, unknown>)[key];
      if (child !== null && typeof child === "object") stack.push(child);
    }
  }
  return n;
}

interface Frame {
  /** An object's keys so far; undefined for an array. */
  keys: Set<string> | undefined;
  /** The segment of the child being read: the last key, or the array index. */
  at: string | number;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

/** Every repeated key of a valid JSON line, walked token by token. */
function scanKeys(line: string): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Frame[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const top = stack.at(-1);
    if (c === 123 /* { */) stack.push({ keys: new Set(), at: "", expectKey: true });
    else if (c === 91 /* [ */) stack.push({ keys: undefined, at: 0, expectKey: false });
    else if (c === 125 /* } */ || c === 93 /* ] */) stack.pop();
    else if (c === 44 /* , */ && top) {
      if (top.keys) top.expectKey = true;
      else (top.at as number)++;
    } else if (c === 34 /* " */) {
      const start = i;
      for (i++; i < line.length && line.charCodeAt(i) !== 34; i++) if (line.charCodeAt(i) === 92) i++;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(line.slice(start, i + 1)) as string;
        if (top.keys.has(key)) out.push({ key, path: stack.slice(0, -1).map((f) => f.at), index: start });
        top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
    }
  }
  return out;
}
