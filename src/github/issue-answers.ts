// The maintainers' answer to an issue: the first comment by the repository's owner, a
// member or a collaborator that answers something. Not a bot, not blank, not trivial
// ("thanks", and trivial.ts's comments of nothing else: "Thanks for the report!", "Looking
// into it.", "Duplicate of #45", "Closing as stale", "cc @alice"), not a triage question
// back to the reporter ("Can you share your version?"), and not the issue's own author: a
// maintainer following up on their own issue adds context, they do not answer it.
import type { IssueRecord } from "../records.js";
import { isTrivialText } from "../rules/trivial.js";
import type { ApiIssueComment } from "./api-types.js";
import { isBot } from "./bots.js";
import { personOfUser } from "./people.js";
import { humanText } from "../text/newlines.js";

export const MAINTAINER_ASSOCIATIONS: ReadonlySet<string> = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

export type IssueAnswer = NonNullable<IssueRecord["answer"]>;

export interface AnswerBook {
  /** Comments must come in order of creation. */
  add(comment: ApiIssueComment): void;
  answerFor(issueNumber: number, issueAuthor: string | undefined): IssueAnswer | undefined;
  readonly size: number;
}

/** The issue (or PR) number a comment belongs to, from its issue_url. */
export function issueNumberOfComment(comment: ApiIssueComment): number | undefined {
  const match = /\/issues\/(\d+)$/.exec(comment.issue_url ?? "") ?? /\/(?:issues|pull)\/(\d+)#/.exec(comment.html_url);
  return match ? Number(match[1]) : undefined;
}

/**
 * A short question asking the reporter for something (a version, logs, a reproduction):
 * the triage before an answer, not the answer. Narrow on purpose: "Have you tried
 * passing `height`?" is an answer phrased as a question, and stays one.
 */
const ASKS_FOR_DETAILS =
  /^(?:(?:can|could|would|will) you(?: please)?|please)\s+(?:share|post|provide|send|attach|paste|upload|include|add|give us|tell us|show us|let us know)\b|^(?:what|which)\s+(?:version|os|operating system|browser|platform|node(?:\.js)? version)\b/i;
const MAX_TRIAGE_WORDS = 25;

export function isTriageQuestion(text: string): boolean {
  const t = text.trim();
  return t.endsWith("?") && t.split(/\s+/).length <= MAX_TRIAGE_WORDS && ASKS_FOR_DETAILS.test(t);
}

const answersSomething = (body: string) => !isTrivialText(body) && !isTriageQuestion(body);

export function createAnswerBook(): AnswerBook {
  // Per issue at most two candidates, by different people: if the first is the issue's
  // author, the second is the answer. Keeps memory flat on repository-wide comment lists:
  // a comment that answers nothing is not kept, so it takes no one's place.
  const candidates = new Map<number, { login: string; answer: IssueAnswer }[]>();
  return {
    add(comment) {
      const author = personOfUser(comment.user);
      const body = humanText(comment.body);
      if (!MAINTAINER_ASSOCIATIONS.has(comment.author_association) || isBot(author) || !answersSomething(body)) return;
      const number = issueNumberOfComment(comment);
      if (number === undefined) return;
      const list = candidates.get(number) ?? [];
      const login = (author.login ?? "").toLowerCase();
      if (list.length >= 2 || list.some((candidate) => candidate.login === login)) return;
      list.push({ login, answer: { body, author, authorAssociation: comment.author_association, url: comment.html_url } });
      candidates.set(number, list);
    },
    answerFor(issueNumber, issueAuthor) {
      const author = issueAuthor?.toLowerCase();
      return candidates.get(issueNumber)?.find((candidate) => candidate.login !== author)?.answer;
    },
    get size() {
      return candidates.size;
    },
  };
}

/** The fenced code blocks of a Markdown text, fences kept, joined by blank lines. */
export function fencedCode(markdown: string): string {
  const blocks: string[] = [];
  let open: { fence: string; lines: string[] } | undefined;
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (open) {
      open.lines.push(line);
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]?.[0] === open.fence[0] && (close[1]?.length ?? 0) >= open.fence.length) {
        blocks.push(open.lines.join("\n"));
        open = undefined;
      }
      continue;
    }
    const start = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    // A backtick fence's info string cannot hold a backtick (CommonMark).
    if (start && !(start[1]?.startsWith("`") && start[2]?.includes("`"))) open = { fence: start[1] as string, lines: [line] };
  }
  // An unclosed fence runs to the end of the text; close it so the block stays balanced.
  if (open) blocks.push([...open.lines, open.fence].join("\n"));
  return blocks.join("\n\n");
}
