// References to issues and pull requests: numbers and links the change itself does not
// tell, which a model trained on them learns to make up ("Fixes #53", "Close #221 PR: ",
// a PR's URL alone on a line). Commit messages and PR descriptions lose every line that is
// nothing but such references, and a commit's subject loses a reference put before or
// after it, as GitHub's squash merge " (#123)" suffix is dropped. A reference inside a
// sentence ("as discussed in #53, the cache ...") is the author's and stays.
import type { MarkdownLine } from "../rules/markdown-lines.js";
import { withoutLines } from "../rules/strip-template.js";

/** #12, owner/repo#12, GH-12. */
const SHORT_REF = String.raw`(?:[\w.-]+\/[\w.-]+)?#\d+|\bgh-\d+\b`;
/** An issue's, a pull request's or a commit's web address, a bug tracker's entry, maybe in <>. */
const URL_REF = String.raw`<?https?:\/\/(?:[^\s/]+(?:\/\S*?)?\/(?:issues|pulls?|merge_requests|discussions|commits?|browse)\/(?:\d+|[0-9a-f]{7,40}|[a-z][a-z0-9]*-\d+)|[^\s/]+\/\S*?show_bug\.cgi\?id=\d+|bugs\.[^\s/]+\/(?:issue)?\d+)(?:[#/?][^\s>]*)?>?`;
/** One reference, as `stripClosingRefs` and commit messages read it. */
export const REFERENCE = String.raw`(?:${SHORT_REF}|${URL_REF})`;
const REFERENCES = String.raw`${REFERENCE}(?:\s*(?:,|&|\band\b|\s)\s*${REFERENCE})*`;

/** The words that put a reference on a line of its own: "Fixes", "Refs", "See also", "Reverts", "Depends on", "Duplicate of". */
const KEYWORD = String.raw`(?:(?:this|that)\s+(?:(?:pr|pull\s+request|change|commit|patch)\s+)?)?(?:close[sd]?|closing|fix(?:e[sd]|ing)?|resolve[sd]?|resolving|refs?|references?|see(?:\s+also)?|related(?:\s+to)?|relates\s+to|part\s+of|address(?:e[sd])?|reverts?|follow[- ]?up(?:\s+(?:to|of|for))?|cf\.?|depends?\s+on|blocked\s+by|duplicates?(?:\s+of)?|replace[sd]|replaced\s+by|supersedes|superseded\s+by)`;
/** What may stand between the keyword and the reference: "Fixes issue #12", "see pull request https://…". */
const NOUN = String.raw`(?:(?:the\s+)?(?:github\s+|gitlab\s+)?(?:issues?|bugs?|prs?|pull\s+requests?|tickets?)\s+)`;
/** A list item's bullet or number, a task's box, a quote's marks: "- ", "1. ", "- [x] ", "> ". */
const LEAD = String.raw`^\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?`;
/**
 * One statement of references: "Fixes #53", "Closes #12, #13", "(see #4)", "Part of #99". Each
 * space has one place to go: a line that is not one fails fast, however many statements.
 */
const STATEMENT = (keyword: string) => String.raw`(?:\(\s*)?(?:${keyword}(?:\s*:)?\s*)?${NOUN}?${REFERENCES}(?:\s*\))?`;

/** A line of references only, maybe a list item or a quote, maybe two statements: "Part of #99. Follow-up to #88.", a PR's URL. */
const REFERENCE_LINE = new RegExp(
  String.raw`${LEAD}${STATEMENT(`(?<keyword>${KEYWORD})`)}(?:\s*[.;]\s*${STATEMENT(KEYWORD)})*\s*[.;]?\s*$`,
  "i",
);
/** A line that only pings people, names a model cannot know: "cc @carol @dave-k", "/cc @alice", "CC: @team/reviewers". */
const PING_LINE = /^\s*(?:[-*+]\s+)?(?<keyword>\/?cc\b\s*:?\s*)(?:@[\w-]+(?:\/[\w.-]+)?(?:\s*(?:,|&|\band\b)?\s*))+[.]?\s*$/i;
/** A line that ends a sentence, so that a link on the next line is not the end of it. */
const ENDS_SENTENCE = /[.!?)]["'`*_]*\s*$/;
/** A label over a list of references: "Refs:", "See also:", "Related issues:". */
const REFERENCE_LABEL = /^\s*(?:refs?|references?|see(?: also)?|related(?: (?:issues?|prs?|pull requests?|to))?|links?|fixes|closes|resolves|issues?)\s*:\s*$/i;

/** Whether the line holds nothing but references to issues or pull requests. */
export function isReferenceLine(line: string): boolean {
  return REFERENCE_LINE.test(line);
}

/**
 * Which of the lines are references only (or pings of people only), and labels ("Refs:")
 * whose list held nothing else; code aside. A bare link or number that ends a
 * sentence of the line above ("Based on\nhttps://github.com/o/r/issues/1") is part of it and
 * stays; under a heading or a code block it stands alone.
 */
export function referenceLines(lines: readonly MarkdownLine[]): Set<number> {
  const found = new Set<number>();
  const isReference = (i: number) => lines[i]!.kind !== "code" && isReferenceLine(lines[i]!.text);
  // The last line kept that is not blank, unless it is the first (a subject ends no sentence
  // of the body), a heading or code: whether a bare reference under it stands alone.
  let above: string | undefined;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    const { text: line, kind } = lines[i]!;
    if (kind === "code" || kind === "heading") {
      above = undefined;
      first = false;
      continue;
    }
    if (REFERENCE_LABEL.test(line)) {
      let end = i + 1;
      while (end < lines.length && lines[end]!.kind !== "blank" && isReference(end)) end++;
      if (end > i + 1 && (end === lines.length || lines[end]!.kind === "blank")) {
        for (let j = i; j < end; j++) found.add(j);
        i = end - 1;
        continue;
      }
    }
    const reference = REFERENCE_LINE.exec(line) ?? PING_LINE.exec(line);
    if (reference && (reference.groups?.keyword !== undefined || above === undefined || ENDS_SENTENCE.test(above))) {
      found.add(i);
      continue;
    }
    if (kind !== "blank" && !first) above = line;
    first = false;
  }
  return found;
}

/**
 * The text without its lines of references only (see referenceLines), and a heading whose
 * section held only such lines ("## Related issues" over "Fixes #12"); blank lines left in a
 * row become one, none at either end.
 */
export function stripReferenceLines(text: string): string {
  return withoutLines(text, (lines) => {
    const found = referenceLines(lines);
    return new Set(lines.filter((_, i) => found.has(i)));
  });
}

/** "Close #221 PR: ", "Close GH-9: ", "Issue #195: ", "[#12] ", "#24 ", "Fix #12: " before a subject. */
const SUBJECT_PREFIX = new RegExp(
  String.raw`^(?:\[\s*${REFERENCE}\s*\]\s*:?\s*|(?:(?:${KEYWORD}|merge[sd]?)\s+)?${NOUN}?(?:${SHORT_REF})(?:\s+pr)?\s*(?:[:.]|\s-|\s–)\s*|#\d+\s+(?=\w))`,
  "i",
);
/**
 * The words before a trailing "#12" that make it part of the sentence: "Changelog for #12",
 * "Reconcile #1 and #2", "This improves #12". Others leave it a tag: "Remove duplicated code #44".
 */
const IN_SENTENCE =
  /(?:^|\s)(?:for|of|in|into|from|to|and|or|with|without|within|by|on|at|about|after|before|since|until|see|per|via|like|than|as|is|over|under|around|across|against|between|through|toward|towards|regarding|re|including|behind|issue|issues|pr|bug|#\d+|close[sd]?|fix(?:e[sd])?|resolve[sd]?|(?:improve|implement|address|supersede|replace|revert|follow|complete|extend|continue|update|reopen|undo|redo)(?:s|d|ed)?|mentioned|described|reported|introduced|discussed|requested|proposed|raised|noted|cf\.?)$/i;
/** After a subject: " (fixes #187)", " - fixes #5", ".  This fixes #12", ", closes #3". */
const SUBJECT_SUFFIX = new RegExp(
  String.raw`(?:\s*\(\s*(?:${KEYWORD}\s*:?\s*)?${NOUN}?${REFERENCES}\s*\)|(?:\s*[-–,;]|(?<=\.))\s+${KEYWORD}\s*:?\s*${NOUN}?${REFERENCES})\.?$`,
  "i",
);
/**
 * GitHub's squash and merge ends the subject with the pull request's number, " (#123)". In
 * a revert's subject, the reverted commit's number is inside the quotes: 'Revert "Add x (#12)"'.
 */
const PULL_SUFFIX = /[ \t]+\(#\d+\)(?="*[ \t]*$)/;

/** The line without the " (#123)" a squash merge puts at its end (also a squash list's bullet: "* update README (#826)"). */
export const stripPullNumber = (line: string) => line.replace(PULL_SUFFIX, "");

const BARE_SUFFIX = /\s+#\d+\.?$/;
/** A verb's form before a trailing "#12": "test covering #229", "fixed #9". */
const VERB_FORM = /\w(?:ing|ed)$/i;

/** The subject without the references put before or after it; unchanged when nothing else would be left. */
export function stripSubjectReferences(subject: string): string {
  let text = subject;
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = stripPullNumber(text);
    const prefix = SUBJECT_PREFIX.exec(text);
    if (prefix && prefix[0].length < text.length) text = text.slice(prefix[0].length);
    const suffix = SUBJECT_SUFFIX.exec(text);
    if (suffix && suffix.index > 0) text = text.slice(0, suffix.index);
    const bare = BARE_SUFFIX.exec(text);
    const before = bare ? text.slice(0, bare.index) : "";
    if (bare && bare.index > 0 && !IN_SENTENCE.test(before) && !VERB_FORM.test(before)) text = before;
  }
  return text.trimEnd();
}
