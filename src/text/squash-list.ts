// The list GitHub's "Squash and merge" writes under the subject: one paragraph "* subject"
// per commit of the branch, each commit's body after it. What a person wrote there stays;
// what GitHub's buttons and a branch's housekeeping wrote goes: the bullet that repeats the
// subject, "* Update README.md", "* Apply suggestions from code review", "* Merge branch
// 'main' into x", "* PR comments", "* fix", "* lint" (the project's trivial texts). When no
// bullet is left, nothing of the list is.
import { isTrivialText } from "../rules/trivial.js";
import { codeLines } from "./code-lines.js";
import { stripPullNumber } from "./references.js";

/** A paragraph of one line that is a bullet: how GitHub writes each commit's subject. */
const BULLET = /^\* +(\S[^\n]*)$/;
const comparable = (text: string) =>
  stripPullNumber(text)
    .toLowerCase()
    .replace(/[.!\s]+$/, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The message (subject on its first line, paragraphs apart by blank lines) without the
 * squash list's bullets that say nothing the subject or the diff does not.
 */
export function tidySquashList(message: string): string {
  const paragraphs = message.split(/\n[ \t]*\n/);
  if (paragraphs.length < 2) return message;
  const subject = comparable(paragraphs[0]!.split("\n", 1)[0]!);
  // Where each paragraph starts: a bullet in a code block is code.
  const code = codeLines(message.split("\n"));
  const starts: number[] = [];
  paragraphs.reduce((line, paragraph) => (starts.push(line), line + paragraph.split("\n").length + 1), 0);
  // Each paragraph judged once, where it stands in the message.
  const items = paragraphs.map((paragraph, i) => ({ paragraph, item: i > 0 && !code[starts[i]!] ? BULLET.exec(paragraph.trimEnd())?.[1] : undefined }));
  return items
    .filter(({ item }) => item === undefined || (comparable(item) !== subject && !isTrivialText(stripPullNumber(item))))
    .map(({ paragraph, item }) => (item === undefined ? paragraph : stripPullNumber(paragraph)))
    .join("\n\n");
}
