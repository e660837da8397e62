// A commit message as records hold it: `\n` line ends, what tools wrote into it (an AI
// assistant's footer, "[skip ci]"), attribution trailers and a squash merge's " (#N)"
// removed, and split into subject (first line) and body (the rest), both trimmed. Shared by
// the local and the API commit extractors so that both give rules the same fields.
import { humanText } from "./newlines.js";
import { stripCiSkip } from "./tool-text.js";
import { stripTrailers } from "./trailers.js";

export interface CommitMessage {
  /** The author's words: the message without its attribution trailers. */
  message: string;
  subject: string;
  body: string;
  /** The attribution trailers removed from its end, one a line. */
  trailers: string;
}

/**
 * GitHub's squash and merge ends the subject with the pull request's number, " (#123)": a
 * number the change does not tell, which a model would learn to make up.
 */
const PULL_SUFFIX = /^([^\n]*?\S)[ \t]+\(#\d+\)[ \t]*(?=\n|$)/;

export function commitMessage(raw: string): CommitMessage {
  const { text: full, trailers } = stripTrailers(stripCiSkip(humanText(raw)));
  const text = full.replace(PULL_SUFFIX, "$1");
  const newline = text.indexOf("\n");
  return {
    message: text,
    subject: (newline < 0 ? text : text.slice(0, newline)).trim(),
    body: newline < 0 ? "" : text.slice(newline + 1).trim(),
    trailers: trailers.join("\n"),
  };
}
