// What a rule's templates and conditions can name, per source kind. The keys of these
// views are the only valid template fields: the loader rejects any other name, so a
// typo in a rule file fails at load time instead of rendering an empty string.
import type {
  CommitRecord,
  IssueRecord,
  Person,
  PullRecord,
  ReviewCommentRecord,
  SourceKind,
  SourceRecord,
} from "../records.js";

export type FieldValue = string | number | boolean;

/** The fields that hold the first line of a text whose rest may follow: a commit's subject, a title. */
export const HEADLINE_FIELDS: ReadonlySet<string> = new Set(["subject", "title", "issueTitle"]);
type View<R> = Record<string, (record: R) => FieldValue>;

const personName = (p: Person) => p.login ?? p.name ?? "";
const filePaths = (r: { diff: { files: { path: string }[] } }) => r.diff.files.map((f) => f.path).join("\n");

const commitView: View<CommitRecord> = {
  repo: (r) => r.repo,
  sha: (r) => r.sha,
  shortSha: (r) => r.sha.slice(0, 12),
  message: (r) => r.message,
  subject: (r) => r.subject,
  body: (r) => r.body,
  trailers: (r) => r.trailers,
  diff: (r) => r.diff.text,
  files: filePaths,
  author: (r) => personName(r.author),
  date: (r) => r.createdAt,
};

const pullView: View<PullRecord> = {
  repo: (r) => r.repo,
  number: (r) => r.number,
  title: (r) => r.title,
  body: (r) => r.body,
  diff: (r) => r.diff.text,
  files: filePaths,
  labels: (r) => r.labels.join(", "),
  merged: (r) => r.merged,
  author: (r) => personName(r.author),
  authorAssociation: (r) => r.authorAssociation ?? "",
  baseRef: (r) => r.baseRef ?? "",
  url: (r) => r.url ?? "",
  date: (r) => r.createdAt,
  closesCount: (r) => r.closes.length,
  // The first closed issue: issue-fix asks the model to solve it.
  issueNumber: (r) => r.closes[0]?.number ?? 0,
  issueTitle: (r) => r.closes[0]?.title ?? "",
  issueBody: (r) => r.closes[0]?.body ?? "",
};

const issueView: View<IssueRecord> = {
  repo: (r) => r.repo,
  number: (r) => r.number,
  title: (r) => r.title,
  body: (r) => r.body,
  code: (r) => r.code,
  labels: (r) => r.labels.join(", "),
  author: (r) => personName(r.author),
  answer: (r) => r.answer?.body ?? "",
  answerAuthor: (r) => (r.answer ? personName(r.answer.author) : ""),
  answerAssociation: (r) => r.answer?.authorAssociation ?? "",
  url: (r) => r.url ?? "",
  date: (r) => r.createdAt,
};

const reviewCommentView: View<ReviewCommentRecord> = {
  repo: (r) => r.repo,
  pullNumber: (r) => r.pullNumber,
  path: (r) => r.path,
  diffHunk: (r) => r.diffHunk,
  body: (r) => r.body,
  isReply: (r) => r.inReplyTo !== undefined,
  author: (r) => personName(r.author),
  authorAssociation: (r) => r.authorAssociation ?? "",
  url: (r) => r.url ?? "",
  date: (r) => r.createdAt,
};

const VIEWS: { [K in SourceKind]: View<Extract<SourceRecord, { kind: K }>> } = {
  commit: commitView,
  pull: pullView,
  issue: issueView,
  "review-comment": reviewCommentView,
};

export function fieldNames(kind: SourceKind): string[] {
  return Object.keys(VIEWS[kind]);
}

export function fieldValue(record: SourceRecord, field: string): FieldValue {
  const view = VIEWS[record.kind] as View<SourceRecord>;
  const get = view[field];
  if (!get) throw new Error(`no field ${field} on ${record.kind} records`);
  return get(record);
}
