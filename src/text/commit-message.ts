// A commit message as records hold it: the author's words only. `\n` line ends; without
// what tools wrote into it (an AI assistant's footer, "[skip ci]", git's "This reverts
// commit <sha>."), its trailers, the references to issues and pull requests the diff does
// not tell ("Fixes #12" lines, "Close #221 PR: " and a squash merge's " (#123)" around the
// subject), and the bullets of a squash merge's list that only repeat the subject or say
// "Update README.md". Split into subject (first line) and body (the rest), both trimmed.
// Shared by the local and the API commit extractors so that both give rules the same fields.
import { squeezeBlankLines } from "./blank-lines.js";
import { humanText } from "./newlines.js";
import { stripReferenceLines, stripSubjectReferences } from "./references.js";
import { tidySquashList } from "./squash-list.js";
import { stripCiSkip } from "./tool-text.js";
import { stripTrailers } from "./trailers.js";

export interface CommitMessage {
  /** The author's words: the message without its trailers and what tools wrote. */
  message: string;
  subject: string;
  body: string;
  /** The trailers removed from it, one a line. */
  trailers: string;
}

/** git's line in a revert's message; the reason, when the author gave one, is elsewhere. */
const REVERT_LINE = /^This reverts commit [0-9a-f]{7,64}(?:,\s*reversing\s+changes made to [0-9a-f]{7,64})?\.?[ \t]*$/gim;

export function commitMessage(raw: string): CommitMessage {
  const written = stripReferenceLines(stripCiSkip(humanText(raw)).replace(REVERT_LINE, ""));
  const { text: full, trailers } = stripTrailers(written);
  const newline = full.indexOf("\n");
  const subject = stripSubjectReferences(newline < 0 ? full : full.slice(0, newline));
  const lines = tidySquashList(newline < 0 ? subject : `${subject}${full.slice(newline)}`).split("\n");
  // As git's own cleanup leaves a message: no trailing spaces, no blank lines in a row.
  const text = squeezeBlankLines(lines.map((line) => line.trimEnd()).join("\n"));
  const end = text.indexOf("\n");
  return {
    message: text,
    subject: (end < 0 ? text : text.slice(0, end)).trim(),
    // Blank lines only: an indented block's indentation is the code's.
    body: end < 0 ? "" : text.slice(end + 1).replace(/^(?:[ \t]*\n)+/, ""),
    trailers: trailers.join("\n"),
  };
}
