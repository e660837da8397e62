// Where and why a line is not JSON. JSON.parse says neither consistently (V8's messages
// change between Node versions, some carry no position, and some quote the line: a secret
// would end up in the report), so a failed line is scanned again by this small parser,
// which only runs on lines JSON.parse rejected.

export interface JsonSyntaxError {
  /** 0-based index in the line. */
  index: number;
  message: string;
  /** A comma right before `}` or `]`: its own code, and the line can be checked without it. */
  trailingComma: boolean;
}

class Stop {
  constructor(readonly error: JsonSyntaxError) {}
}

export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string, at = i, trailingComma = false): never => {
    throw new Stop({ index: at, message, trailingComma });
  };
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  const describe = (at: number) => (at >= text.length ? "the line ends in the middle of the record (is it cut short?)" : `unexpected character ${JSON.stringify(text[at])}`);
  const value = (depth: number): void => {
    if (depth > 10_000) fail("nested too deeply");
    ws();
    const c = text[i];
    if (c === "{") return container("}", depth, () => {
      ws();
      if (text[i] === "'") fail("keys must be in double quotes, not single quotes");
      if (text[i] !== '"') fail(i >= text.length ? describe(i) : `expected a key in double quotes, found ${JSON.stringify(text[i])}`);
      string();
      ws();
      if (text[i] !== ":") fail(i >= text.length ? describe(i) : `expected ":" after the key`);
      i++;
      value(depth + 1);
    });
    if (c === "[") return container("]", depth, () => value(depth + 1));
    if (c === '"') return string();
    if (c === "'") fail("strings must be in double quotes, not single quotes");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"]) if (text.startsWith(word, i)) return void (i += word.length);
    fail(i >= text.length ? describe(i) : `expected a value, found ${JSON.stringify(c)}`);
  };
  const container = (close: "}" | "]", depth: number, item: () => void): void => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === close) return void i++;
      if (text[i] !== ",") fail(i >= text.length ? describe(i) : `expected "," or "${close}" after a value, found ${JSON.stringify(text[i])}`);
      const comma = i++;
      ws();
      if (text[i] === close) fail(`trailing comma before ${close}`, comma, true);
    }
  };
  const string = (): void => {
    const start = i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i >= text.length) fail("a string is never closed", start);
      if (c === 34) return void i++;
      if (c < 0x20) fail("a control character inside a string; escape it (\\n, \\t, \\u0000)");
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("a \\u escape needs four hex digits");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`an invalid escape "\\${e ?? ""}" in a string`);
      } else i++;
    }
  };
  const number = (): void => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (!found || found[0] === "-") fail("a malformed number");
    i += found![0].length;
    const next = text[i];
    if (next !== undefined && /[0-9.eE]/.test(next)) fail("a malformed number (leading zero, or a dot or exponent without digits)");
  };
  try {
    value(0);
    ws();
    // `{...},`: a line of a JSON array turned into JSONL with its comma left on. A trailing
    // comma too: reported, then the record is checked without it.
    if (text[i] === "," && text.slice(i + 1).trim() === "") fail("a comma after the record (JSONL puts one record a line, without commas)", i, true);
    if (i < text.length) fail("unexpected text after the end of the record (two records on one line?)");
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.error;
    if (e instanceof RangeError) return { index: i, message: "nested too deeply", trailingComma: false };
    throw e;
  }
}
