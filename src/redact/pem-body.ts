// Private keys seen without their BEGIN line. A diff shows a key's lines only where the change
// is: a hunk in the middle of key.pem holds base64 lines and no BEGIN/END at all (its header's
// function-context text often one more key line), a change just below a key inlined in YAML
// shows its last lines and its END. findPrivateKeys (rules-structure.ts) starts from BEGIN and
// misses both. Here, a run of PEM body lines is key material when
// - it ends at an `-----END ... PRIVATE KEY-----` line (or starts after a BEGIN one), whatever
//   its length; or
// - it holds at least MIN_FULL_LINES full-width lines, or starts with a hunk header whose
//   function-context text is a full line, and no BEGIN/END line of something public
//   (CERTIFICATE, PUBLIC KEY, PGP SIGNATURE...) borders it.
// The second also takes a fragment of a certificate or a PGP public key whose framing is out of
// the hunk. Those are public, so redacting one hides nothing secret: the cost is one marker
// where the data had random base64 that teaches a model nothing (and, under --on-secret drop,
// one record). Keeping key fragments out is worth it; a key's body cannot be told from a
// certificate's line by line.
//
// Speed: every text is scanned, and almost none holds such a run, so the finder reads one
// character in 128 and, where it is base64, the stretch of base64 around it: in code, a word of a
// few characters. Only a stretch of exactly a line's width (64 for PEM and PGP armour, 70 for
// OpenSSH) makes it parse the line and the lines around. One in 128 is enough: of three body
// lines in a row with at most 29 characters between them (line break, diff sign, indentation,
// quotes), a character 128 further on from one that falls between the first two lands in the
// third. So a run needs three full lines (a diff's hunk inside a key shows seven: three lines of
// context either side of the changed one), and the 128-step costs about half of a 64-step.
import { bodyLine, isBase64, type BodyLine } from "./pem-lines.js";
import { NO_SPANS, type Span } from "./rule.js";

const WIDTHS = [64, 70] as const;
const STRIDE = 128;
const MAX_WIDTH = 70;
/** Full lines a run without BEGIN or END needs (see STRIDE). */
const MIN_FULL_LINES = 3;
/** Armour headers (PGP's "Version: ...", PEM's "Proc-Type: ...") and blank lines between a BEGIN line and the body. */
const MAX_HEADER_LINES = 4;

const BEGIN_OR_END = /^[+ -]?[ \t]*["'`]?-----(BEGIN|END) ([A-Z0-9 _-]{1,60})-----/;
const END_PRIVATE = /-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const ARMOUR_HEADER = /^[+ -]?[ \t]*["'`]?(?:[A-Za-z-]{2,20}: .{0,120}|)["'`]?(?:\\n)?["'`]?[ \t,+]*\r?$/;

interface Run {
  start: number;
  end: number;
  /** Offsets of the lines just outside the run: the first character of the line before, the line after. */
  before: number;
  after: number;
  full: number;
}

/**
 * Runs of body lines without BEGIN: sampled ones, and those a hunk header starts. One finder for
 * both, as the scanner calls every finder from one place: each more makes that call slower.
 */
export function findKeyBodies(text: string): readonly Span[] {
  const sampled = findSampledRuns(text);
  const headed = findKeyHeaders(text);
  return headed === NO_SPANS ? sampled : sampled === NO_SPANS ? headed : [...sampled, ...headed];
}

/** Runs of body lines with enough full lines, found by sampling (see the head of this file). */
function findSampledRuns(text: string): readonly Span[] {
  let found: Span[] | undefined;
  const n = text.length;
  for (let p = n < MIN_FULL_LINES * WIDTHS[0] ? n : STRIDE - 1; p < n; p += STRIDE) {
    if (!isBase64(text.charCodeAt(p))) continue;
    let from = p;
    while (from > 0 && p - from <= MAX_WIDTH && isBase64(text.charCodeAt(from - 1))) from--;
    let to = p + 1;
    while (to < n && to - from <= MAX_WIDTH + 1 && isBase64(text.charCodeAt(to))) to++;
    // Shorter: a word; longer: a long base64 string (a data URL, a hash), not wrapped as PEM is.
    const width = bodyWidth(to - from);
    if (width === 0) continue;
    const lineStart = text.lastIndexOf("\n", from - 1) + 1;
    const line = bodyLine(text, lineStart, lineEnd(text, lineStart), width);
    if (!line?.full) continue;
    const run = runAround(text, lineStart, line, width);
    if (isKey(text, run)) (found ??= []).push({ start: run.start, end: run.end });
    // On past the run, in step: its lines are all read.
    if (run.after > p) p += Math.ceil((run.after - p) / STRIDE) * STRIDE - STRIDE;
  }
  return found ?? NO_SPANS;
}

/**
 * A hunk header whose function-context text is a full body line: git took it from a file of
 * base64 lines, and it is key material however few of them the hunk shows (one character in
 * 128 may miss it). Code's function lines are never base64.
 */
function findKeyHeaders(text: string): readonly Span[] {
  let found: Span[] | undefined;
  for (let at = text.indexOf("@@ -"); at !== -1; at = text.indexOf("@@ -", at + 4)) {
    if (at > 0 && text.charCodeAt(at - 1) !== 10) continue;
    const end = lineEnd(text, at);
    if (end - at < 12 + WIDTHS[0]) continue; // shorter than "@@ -1 +1 @@ " and a full line
    for (const width of WIDTHS) {
      const line = bodyLine(text, at, end, width);
      if (!line?.full) continue;
      const run = runAround(text, at, line, width);
      if (isKey(text, run, 1)) (found ??= []).push({ start: run.start, end: run.end });
    }
  }
  return found ?? NO_SPANS;
}

/** The lines just above an `-----END ... PRIVATE KEY-----` line whose BEGIN is not in the text, with the END line. */
export function findKeyTails(text: string): readonly Span[] {
  let found: Span[] | undefined;
  END_PRIVATE.lastIndex = 0;
  for (let m = END_PRIVATE.exec(text); m !== null; m = END_PRIVATE.exec(text)) {
    const endLine = text.lastIndexOf("\n", m.index - 1) + 1;
    if (!BEGIN_OR_END.test(text.slice(endLine, m.index + m[0].length)) || endLine === 0) continue;
    // The line above, and the run it ends, read at both widths: a last line is short at either.
    let run: Run | undefined;
    for (const width of WIDTHS) {
      const candidate = runAbove(text, endLine, width);
      if (candidate && (!run || candidate.start < run.start)) run = candidate;
    }
    if (!run) continue;
    (found ??= []).push({ start: run.start, end: m.index + m[0].length });
  }
  return found ?? NO_SPANS;
}

/** The run of body lines that ends on the line above `lineStart`, or undefined. */
function runAbove(text: string, lineStart: number, width: number): Run | undefined {
  let at = text.lastIndexOf("\n", lineStart - 2) + 1;
  let line = bodyLine(text, at, lineStart - 1, width);
  if (line?.checksum && at > 0) {
    const checksumAt = at;
    at = text.lastIndexOf("\n", at - 2) + 1;
    line = bodyLine(text, at, checksumAt - 1, width);
  }
  if (!line || line.checksum) return undefined;
  const run = runAround(text, at, line, width);
  return run.after === lineStart ? run : undefined;
}

/** The width a stretch of `length` base64 characters is a full line of (one more: the "+" of a diff's added line), or 0. */
function bodyWidth(length: number): number {
  for (const w of WIDTHS) if (length === w || length === w + 1) return w;
  return 0;
}

/**
 * The run of body lines around `line` (which starts at `lineStart`): full lines, a last line
 * after them (and a PGP checksum), then more full lines (a key replaced by another in a diff:
 * the old key's lines, then the new one's), and above them the hunk header whose
 * function-context text is a body line.
 */
function runAround(text: string, lineStart: number, line: BodyLine, width: number): Run {
  let start = line.start;
  let end = line.end;
  let full = line.full ? 1 : 0;
  let endsWithLast = line.last || line.checksum;
  // Upwards.
  let before = lineStart;
  while (before > 0 && !text.startsWith("@@ ", before)) {
    const at = text.lastIndexOf("\n", before - 2) + 1;
    const prev = bodyLine(text, at, before - 1, width);
    if (!prev || prev.checksum) break;
    if (prev.last && !text.startsWith("@@ ", at)) {
      // The last line of a block above, only when a full line is above it in turn.
      if (at === 0) break;
      const at2 = text.lastIndexOf("\n", at - 2) + 1;
      const prev2 = bodyLine(text, at2, at - 1, width);
      if (!prev2?.full || text.startsWith("@@ ", at2)) break;
      start = prev2.start;
      full++;
      before = at2;
      continue;
    }
    // A hunk header whose function-context text is a body line starts the run: nothing above
    // it belongs to its hunk.
    start = prev.start;
    if (prev.full) full++;
    before = at;
  }
  // Downwards.
  let after = lineEnd(text, lineStart) + 1;
  while (after < text.length) {
    const next = bodyLine(text, after, lineEnd(text, after), width);
    if (!next || text.startsWith("@@ ", after)) break;
    if (next.full) {
      full++;
      endsWithLast = false;
    } else if (endsWithLast && !next.checksum) {
      break; // two last lines in a row: this is no body
    } else if (next.checksum && !endsWithLast) {
      break;
    } else {
      endsWithLast = true;
    }
    end = next.end;
    after = lineEnd(text, after) + 1;
  }
  return { start, end, before, after: Math.min(after, text.length), full };
}

/** Whether a run is key material: by the BEGIN or END line beside it, else by its length. */
function isKey(text: string, run: Run, minFull = MIN_FULL_LINES): boolean {
  const below = framing(text, run.after);
  if (below?.kind === "END") return below.private;
  // Above: a BEGIN line, maybe with armour headers and a blank line between. Not above a hunk
  // header: the line there is another hunk's.
  let at = run.before;
  for (let i = 0; i <= MAX_HEADER_LINES && at > 0 && !text.startsWith("@@ ", at); i++) {
    at = text.lastIndexOf("\n", at - 2) + 1;
    const above = framing(text, at);
    if (above) return above.kind === "BEGIN" && above.private;
    if (!ARMOUR_HEADER.test(text.slice(at, lineEnd(text, at)))) break;
  }
  return run.full >= minFull;
}

function framing(text: string, at: number): { kind: string; private: boolean } | undefined {
  if (at >= text.length) return undefined;
  const m = BEGIN_OR_END.exec(text.slice(at, Math.min(lineEnd(text, at), at + 100)));
  return m ? { kind: m[1]!, private: m[2]!.includes("PRIVATE") } : undefined;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl === -1 ? text.length : nl;
}
