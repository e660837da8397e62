// Builders of source records for tests of rules and the pipeline.
import type { CommitRecord, Diff, IssueRecord, PullRecord, ReviewCommentRecord } from "../../src/records.js";

export const sampleDiff = [
  "diff --git a/src/add.ts b/src/add.ts",
  "index 1111111..2222222 100644",
  "--- a/src/add.ts",
  "+++ b/src/add.ts",
  "@@ -1,3 +1,3 @@",
  " export function add(a: number, b: number) {",
  "-  return a - b;",
  "+  return a + b;",
  " }",
  "",
].join("\n");

export function diffOf(text = sampleDiff, overrides: Partial<Diff> = {}): Diff {
  return {
    text,
    lines: text === "" ? 0 : text.split("\n").length - 1,
    bytes: Buffer.byteLength(text),
    files: text === "" ? [] : [{ path: "src/add.ts", status: "modified", additions: 1, deletions: 1 }],
    dropped: [],
    tooLarge: false,
    ...overrides,
  };
}

export function commit(overrides: Partial<CommitRecord> = {}): CommitRecord {
  const message = overrides.message ?? "Fix the sign in add so sums are right";
  const [subject = "", ...rest] = message.split("\n");
  return {
    kind: "commit",
    repo: "widgets",
    author: { name: "Ada Lovelace", email: "ada@users.noreply.github.com" },
    createdAt: "2026-01-02T03:04:05Z",
    sha: "0123456789abcdef0123456789abcdef01234567",
    parents: ["89abcdef0123456789abcdef0123456789abcdef"],
    message,
    subject,
    body: rest.join("\n").trim(),
    trailers: "",
    diff: diffOf(),
    ...overrides,
  };
}

export function pull(overrides: Partial<PullRecord> = {}): PullRecord {
  return {
    kind: "pull",
    repo: "acme/widgets",
    url: "https://github.com/acme/widgets/pull/12",
    author: { login: "ada", type: "User" },
    createdAt: "2026-01-02T03:04:05Z",
    number: 12,
    title: "Fix the sign in add",
    body: "The add function subtracted its arguments; it now adds them, with a test.",
    authorAssociation: "MEMBER",
    labels: ["bug"],
    merged: true,
    mergedAt: "2026-01-03T00:00:00Z",
    mergeSha: "fedcba9876543210fedcba9876543210fedcba98",
    diff: diffOf(),
    closes: [],
    ...overrides,
  };
}

export function issue(overrides: Partial<IssueRecord> = {}): IssueRecord {
  return {
    kind: "issue",
    repo: "acme/widgets",
    url: "https://github.com/acme/widgets/issues/7",
    author: { login: "grace", type: "User" },
    createdAt: "2026-01-02T03:04:05Z",
    number: 7,
    title: "add() returns the wrong result",
    body: "Calling add(1, 2) returns -1 instead of 3.",
    labels: [],
    code: "",
    answer: {
      body: "That was a sign error; it is fixed on main, please update.",
      author: { login: "ada" },
      authorAssociation: "MEMBER",
    },
    ...overrides,
  };
}

export function reviewComment(overrides: Partial<ReviewCommentRecord> = {}): ReviewCommentRecord {
  return {
    kind: "review-comment",
    repo: "acme/widgets",
    url: "https://github.com/acme/widgets/pull/12#discussion_r1",
    author: { login: "grace", type: "User" },
    createdAt: "2026-01-02T03:04:05Z",
    id: 1,
    pullNumber: 12,
    path: "src/add.ts",
    diffHunk: "@@ -1,3 +1,3 @@\n export function add(a: number, b: number) {\n-  return a - b;\n+  return a + b;",
    body: "Please add a test for negative numbers here.",
    authorAssociation: "MEMBER",
    ...overrides,
  };
}
