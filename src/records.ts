// The typed records that flow through the pipeline. Every extractor yields one of the
// source records; mapping rules turn them into triples; the writer shapes triples into
// one of the output formats. These zod schemas are the single source of truth: the
// rule loader reads their keys to know which template fields exist.
import { z } from "zod";

export const SOURCE_KINDS = ["commit", "pull", "issue", "review-comment"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const PersonSchema = z.object({
  login: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  /** GitHub's account type ("User", "Bot", "Organization") when known. */
  type: z.string().optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const DIFF_FILE_STATUSES = ["added", "modified", "deleted", "renamed", "copied"] as const;

export const DiffFileSchema = z.object({
  path: z.string(),
  oldPath: z.string().optional(),
  status: z.enum(DIFF_FILE_STATUSES),
  additions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  /** The file's first line when it is a `#!` line and a hunk shows it (for its language). */
  shebang: z.string().optional(),
});
export type DiffFile = z.infer<typeof DiffFileSchema>;

export const DROP_REASONS = ["filtered", "binary", "non-utf8"] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/**
 * A change as a unified diff (`git diff` style, `diff --git` headers) after the file
 * filters. `text` is empty when nothing is left or when the diff is longer than
 * --max-diff-lines or --max-diff-bytes (then `tooLarge` is set and `lines` and `bytes`
 * still tell how long it was), so a huge commit never sits in memory and is never cut
 * mid-hunk.
 */
export const DiffSchema = z.object({
  text: z.string(),
  lines: z.number().int().nonnegative(),
  /** UTF-8 bytes of the kept sections (of `text`, when it is not too large). */
  bytes: z.number().int().nonnegative(),
  files: z.array(DiffFileSchema),
  dropped: z.array(z.object({ path: z.string(), reason: z.enum(DROP_REASONS) })),
  tooLarge: z.boolean(),
});
export type Diff = z.infer<typeof DiffSchema>;

const base = {
  /** OWNER/REPO, or the local repository's folder name. */
  repo: z.string(),
  url: z.string().optional(),
  author: PersonSchema,
  createdAt: z.string(),
};

export const CommitRecordSchema = z.object({
  kind: z.literal("commit"),
  ...base,
  sha: z.string(),
  parents: z.array(z.string()),
  /**
   * The author's words: the message with `\n` line ends and without the attribution
   * trailers at its end (src/text/trailers.ts); subject is its first line, body the rest,
   * both trimmed.
   */
  message: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The trailers removed from the message (Signed-off-by, Co-authored-by, ...), one a line. */
  trailers: z.string(),
  diff: DiffSchema,
});
export type CommitRecord = z.infer<typeof CommitRecordSchema>;

export const PullRecordSchema = z.object({
  kind: z.literal("pull"),
  ...base,
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  authorAssociation: z.string().optional(),
  labels: z.array(z.string()),
  merged: z.boolean(),
  mergedAt: z.string().optional(),
  baseRef: z.string().optional(),
  baseSha: z.string().optional(),
  headSha: z.string().optional(),
  mergeSha: z.string().optional(),
  diff: DiffSchema,
  /** Issues of the same repository that the PR closes, with their texts when fetched. */
  closes: z.array(
    z.object({ number: z.number().int(), title: z.string(), body: z.string(), url: z.string().optional() }),
  ),
});
export type PullRecord = z.infer<typeof PullRecordSchema>;

export const IssueRecordSchema = z.object({
  kind: z.literal("issue"),
  ...base,
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  labels: z.array(z.string()),
  closedAt: z.string().optional(),
  /** Code blocks quoted in the issue body, joined. */
  code: z.string(),
  /** The first reply by an owner, member or collaborator, if any. */
  answer: z
    .object({ body: z.string(), author: PersonSchema, authorAssociation: z.string(), url: z.string().optional() })
    .optional(),
});
export type IssueRecord = z.infer<typeof IssueRecordSchema>;

export const ReviewCommentRecordSchema = z.object({
  kind: z.literal("review-comment"),
  ...base,
  id: z.number().int(),
  pullNumber: z.number().int(),
  path: z.string(),
  diffHunk: z.string(),
  body: z.string(),
  inReplyTo: z.number().int().optional(),
  authorAssociation: z.string().optional(),
});
export type ReviewCommentRecord = z.infer<typeof ReviewCommentRecordSchema>;

export type SourceRecord = CommitRecord | PullRecord | IssueRecord | ReviewCommentRecord;

export const META_SOURCES = ["commit", "pull", "issue", "review-comment"] as const;

export const MetaSchema = z
  .object({
    id: z.string().min(1),
    source: z.enum(META_SOURCES),
    repo: z.string().min(1),
    mapping: z.string().min(1),
    url: z.string().optional(),
    sha: z.string().optional(),
    number: z.number().int().optional(),
    /** Languages of the files the diff touches, by extension. */
    languages: z.array(z.string()).optional(),
    /**
     * Files of the change left out of the diff in `input` (file filters, binary, not UTF-8),
     * only when there are some: the record shows part of the change, which a user may not want.
     */
    omittedFiles: z.number().int().positive().optional(),
    /** What redaction replaced in this record, by kind (never the values). */
    redacted: z.record(z.string(), z.number()).optional(),
  })
  .passthrough();
export type Meta = z.infer<typeof MetaSchema>;

/** What a mapping rule makes of a source record, before it is shaped into a format. */
export interface Triple {
  instruction: string;
  input: string;
  output: string;
  meta: Meta;
}
