// References to issues and pull requests: numbers and links the change itself does not
// tell, which a model trained on them learns to make up ("Fixes #53", "Close #221 PR: ",
// a PR's URL alone on a line). Commit messages and PR descriptions lose every line that is
// nothing but such references, and a commit's subject loses a reference put before or
// after it, as GitHub's squash merge " (#123)" suffix is dropped. A reference inside a
// sentence ("as discussed in #53, the cache ...") is the author's and stays.
import { squeezeBlankLines } from "./blank-lines.js";

/** #12, owner/repo#12, GH-12. */
const SHORT_REF = String.raw`(?:[\w.-]+\/[\w.-]+)?#\d+|\bgh-\d+\b`;
/** An issue's, a pull request's or a commit's web address, a bug tracker's entry, maybe in <>. */
const URL_REF = String.raw`<?https?:\/\/(?:[^\s/]+(?:\/\S*?)?\/(?:issues|pulls?|merge_requests|discussions|commits?|browse)\/(?:\d+|[0-9a-f]{7,40}|[a-z][a-z0-9]*-\d+)|[^\s/]+\/\S*?show_bug\.cgi\?id=\d+|bugs\.[^\s/]+\/(?:issue)?\d+)(?:[#/?][^\s>]*)?>?`;
/** One reference, as `stripClosingRefs` and commit messages read it. */
export const REFERENCE = String.raw`(?:${SHORT_REF}|${URL_REF})`;
const REFERENCES = String.raw`${REFERENCE}(?:\s*(?:,|&|\band\b|\s)\s*${REFERENCE})*`;

/** The words that put a reference on a line of its own: "Fixes", "Refs", "See also", "Reverts". */
const KEYWORD = String.raw`(?:this\s+|that\s+)?(?:close[sd]?|closing|fix(?:e[sd]|ing)?|resolve[sd]?|resolving|refs?|references?|see(?:\s+also)?|related(?:\s+to)?|relates\s+to|part\s+of|address(?:e[sd])?|reverts?|follow[- ]?up(?:\s+(?:to|of|for))?|cf\.?)`;
/** What may stand between the keyword and the reference: "Fixes issue #12", "see pull request https://…". */
const NOUN = String.raw`(?:(?:the\s+)?(?:github\s+|gitlab\s+)?(?:issues?|bugs?|prs?|pull\s+requests?|tickets?)\s+)`;

/** A line of references only, maybe a list item or in parentheses: "Fixes #53", "Closes #12, #13", "* fixes #685", "(see #4)", a PR's URL. */
const REFERENCE_LINE = new RegExp(
  String.raw`^\s*(?:[-*+]\s+)?\(?\s*(?<keyword>${KEYWORD}\s*:?\s*${NOUN}?)?${NOUN}?${REFERENCES}\s*\)?\s*[.;]?\s*$`,
  "i",
);
/** A line that ends a sentence, so that a link on the next line is not the end of it. */
const ENDS_SENTENCE = /[.!?)]["'`*_]*\s*$/;
/** A label over a list of references: "Refs:", "See also:", "Related issues:". */
const REFERENCE_LABEL = /^\s*(?:refs?|references?|see(?: also)?|related(?: (?:issues?|prs?|pull requests?|to))?|links?|fixes|closes|resolves|issues?)\s*:\s*$/i;

/** Whether the line holds nothing but references to issues or pull requests. */
export function isReferenceLine(line: string): boolean {
  return REFERENCE_LINE.test(line);
}

const isBlank = (line: string) => line.trim() === "";

/**
 * Which of the lines are references only, and labels ("Refs:") whose list held nothing
 * else. A bare link or number that ends a sentence of the line above ("Based on\nhttps://
 * github.com/o/r/issues/1") is part of it and stays.
 */
export function referenceLines(lines: readonly string[]): Set<number> {
  const found = new Set<number>();
  // The last line kept that is not blank, unless it is the first (a subject ends no sentence
  // of the body): whether a bare reference under it stands alone.
  let above: string | undefined;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (REFERENCE_LABEL.test(line)) {
      let end = i + 1;
      while (end < lines.length && !isBlank(lines[end]!) && isReferenceLine(lines[end]!)) end++;
      if (end > i + 1 && (end === lines.length || isBlank(lines[end]!))) {
        for (let j = i; j < end; j++) found.add(j);
        i = end - 1;
        continue;
      }
    }
    const reference = REFERENCE_LINE.exec(line);
    if (reference && (reference.groups?.keyword !== undefined || above === undefined || ENDS_SENTENCE.test(above))) {
      found.add(i);
      continue;
    }
    if (!isBlank(line) && !first) above = line;
    first = false;
  }
  return found;
}

/** The text without its lines of references only (see referenceLines); blank lines left in a row become one, none at either end. */
export function stripReferenceLines(text: string): string {
  const lines = text.split("\n");
  const found = referenceLines(lines);
  return found.size === 0 ? text : squeezeBlankLines(lines.filter((_, i) => !found.has(i)).join("\n"));
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
