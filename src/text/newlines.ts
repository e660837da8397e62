// Line ends of the texts people write: a squash merge made on GitHub keeps the browser's
// `\r\n` in the commit message, and PR bodies, issues and comments come from the API the
// same way. A record mixing `\r\n` and `\n` teaches a model to print carriage returns, so
// every human text is read with `\n` only. Never applied to a diff: there a `\r` is part
// of the file's content, and the patch would no longer apply.
import { stripToolLines } from "./tool-text.js";

/** `\r\n` and a lone `\r` as `\n`. */
export function normaliseNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * A text from the API (a body may be null): where a person's words enter a record, so also
 * where the lines a tool signed them with (an AI assistant's footer) are left out.
 */
export function humanText(text: string | null | undefined): string {
  return stripToolLines(normaliseNewlines(text ?? ""));
}
