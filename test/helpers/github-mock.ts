// A GitHub REST mock for tests and the bench: msw handlers over an in-memory repository
// whose payloads are built from GitHub's own examples (fixtures/github/examples.json).
// It pages with Link headers, filters by since/sort/direction as GitHub does, answers
// If-None-Match with 304, serves diffs in the diff media type, and logs every request.
import { createHash } from "node:crypto";
import { http, HttpResponse, type HttpHandler } from "msw";
import { readFileSync } from "node:fs";
import { setupServer, type SetupServer } from "msw/node";

type Json = Record<string, any>;

const EXAMPLES = JSON.parse(readFileSync(new URL("../../fixtures/github/examples.json", import.meta.url), "utf8")) as Json;
const example = (name: string): Json => structuredClone(EXAMPLES[name]);
const WEB = "https://github.com";
const API = "https://api.github.com";

export const at = (minute: number) => new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString().replace(".000Z", "Z");
export const sha = (seed: string | number) => createHash("sha1").update(String(seed)).digest("hex");
export const user = (login: string, type = /\[bot\]$/.test(login) ? "Bot" : "User") => ({ ...example("issue").user, login, type });

/** A pull request (full shape; list endpoints serve it simplified). Times in minutes. */
export function pullFixture(o: { number: number; title?: string; body?: string | null; login?: string; merged?: boolean;
  created?: number; updated?: number; association?: string; labels?: string[]; mergeSha?: string; repo?: string }): Json {
  const pull = example("pull-request");
  const full = o.repo ?? "octocat/Hello-World";
  const merged = o.merged ?? true;
  const created = o.created ?? o.number * 10;
  Object.assign(pull, {
    id: o.number, number: o.number, title: o.title ?? `Change number ${o.number}`, state: "closed",
    body: o.body === undefined ? `This pull request changes thing ${o.number} in a careful way.` : o.body,
    user: user(o.login ?? "octocat"), author_association: o.association ?? "MEMBER",
    labels: (o.labels ?? []).map((name) => ({ ...pull.labels[0], name })),
    url: `${API}/repos/${full}/pulls/${o.number}`, html_url: `${WEB}/${full}/pull/${o.number}`,
    created_at: at(created), updated_at: at(o.updated ?? created + 5), closed_at: at(created + 5),
    merged_at: merged ? at(created + 5) : null, merged, merge_commit_sha: o.mergeSha ?? sha(`merge${o.number}`),
  });
  pull.head = { ...pull.head, ref: `topic-${o.number}`, sha: sha(`head${o.number}`) };
  pull.base = { ...pull.base, ref: "main", sha: sha(`base${o.number}`), repo: { ...pull.base.repo, name: full.split("/")[1], full_name: full } };
  return pull;
}

/** An issue; `pull: true` makes it the issues endpoint's view of a pull request. */
export function issueFixture(o: { number: number; title?: string; body?: string | null; login?: string; state?: string;
  created?: number; updated?: number; comments?: number; pull?: boolean; repo?: string }): Json {
  const issue = example("issue");
  const full = o.repo ?? "octocat/Hello-World";
  const created = o.created ?? o.number * 10;
  const { pull_request: pr, ...rest } = issue;
  return {
    ...rest, id: 100_000 + o.number, number: o.number, title: o.title ?? `Problem number ${o.number}`,
    body: o.body === undefined ? `Something is broken in part ${o.number}.` : o.body, user: user(o.login ?? "someone"),
    author_association: "NONE", state: o.state ?? "closed", comments: o.comments ?? 0,
    url: `${API}/repos/${full}/issues/${o.number}`, html_url: `${WEB}/${full}/${o.pull ? "pull" : "issues"}/${o.number}`,
    created_at: at(created), updated_at: at(o.updated ?? created + 3), closed_at: o.state === "open" ? null : at(created + 3),
    ...(o.pull ? { pull_request: { ...pr, html_url: `${WEB}/${full}/pull/${o.number}` } } : {}),
  };
}

export function issueCommentFixture(o: { id: number; issue: number; body: string; login?: string; association?: string;
  created?: number; repo?: string }): Json {
  const full = o.repo ?? "octocat/Hello-World";
  const created = o.created ?? o.issue * 10 + 1;
  return { ...example("issue-comment"), id: o.id, body: o.body, user: user(o.login ?? "octocat"),
    author_association: o.association ?? "MEMBER", issue_url: `${API}/repos/${full}/issues/${o.issue}`,
    html_url: `${WEB}/${full}/issues/${o.issue}#issuecomment-${o.id}`, created_at: at(created), updated_at: at(created) };
}

export function reviewCommentFixture(o: { id: number; pull: number; body: string; path?: string; inReplyTo?: number;
  login?: string; created?: number; repo?: string }): Json {
  const full = o.repo ?? "octocat/Hello-World";
  const { in_reply_to_id: _reply, ...comment } = example("pull-request-review-comment");
  const created = o.created ?? o.pull * 10 + 2;
  return { ...comment, id: o.id, body: o.body, path: o.path ?? "src/app.ts", user: user(o.login ?? "reviewer"),
    author_association: "MEMBER", pull_request_url: `${API}/repos/${full}/pulls/${o.pull}`,
    html_url: `${WEB}/${full}/pull/${o.pull}#discussion_r${o.id}`, created_at: at(created), updated_at: at(created),
    diff_hunk: "@@ -1,3 +1,3 @@\n const a = 1;\n-const b = 2;\n+const b = 3;",
    ...(o.inReplyTo === undefined ? {} : { in_reply_to_id: o.inReplyTo }) };
}

export function commitFixture(o: { sha: string; message: string; parents: string[]; minute: number; name?: string;
  email?: string; login?: string | null; repo?: string }): Json {
  const { files: _files, stats: _stats, ...commit } = example("commit");
  const person = { name: o.name ?? "Mona Octocat", email: o.email ?? "mona@example.com", date: at(o.minute) };
  return { ...commit, sha: o.sha, html_url: `${WEB}/${o.repo ?? "octocat/Hello-World"}/commit/${o.sha}`,
    commit: { ...commit.commit, message: o.message, author: person, committer: person },
    author: o.login === null ? null : user(o.login ?? "octocat"), parents: o.parents.map((p) => ({ sha: p, url: "" })) };
}

export function diffEntryFixture(o: { filename: string; status: string; patch?: string; previous_filename?: string;
  additions?: number; deletions?: number; sha?: string }): Json {
  const entry: Json = { ...example("diff-entry"), ...o, additions: o.additions ?? 0, deletions: o.deletions ?? 0 };
  entry.changes = entry.additions + entry.deletions;
  if (o.patch === undefined) delete entry.patch;
  return entry;
}

/** A diff the mock serves: text, raw bytes, or an error answer. */
export type MockDiff = string | Uint8Array | { status: number; body: Json };

export interface MockRepo {
  owner: string;
  repo: string;
  pulls: Json[];
  /** Issues, and the pull requests the issues endpoint lists too (with `pull_request`). */
  issues: Json[];
  issueComments: Json[];
  reviewComments: Json[];
  /** The default branch's commits (any order: served newest first). */
  commits: Json[];
  pullDiffs: Map<number, MockDiff>;
  pullFiles: Map<number, Json[]>;
  pullCommits: Map<number, Json[]>;
  commitDiffs: Map<string, MockDiff>;
  commitFiles: Map<string, Json[]>;
}

export function createMockRepo(owner = "octocat", repo = "Hello-World"): MockRepo {
  return {
    owner,
    repo,
    pulls: [],
    issues: [],
    issueComments: [],
    reviewComments: [],
    commits: [],
    pullDiffs: new Map(),
    pullFiles: new Map(),
    pullCommits: new Map(),
    commitDiffs: new Map(),
    commitFiles: new Map(),
  };
}

export interface MockRequest {
  method: string;
  /** Path and query, without the API root. */
  path: string;
  accept: string;
  authorization: string | null;
  ifNoneMatch: string | null;
  status?: number;
}

export const DIFF_MEDIA_TYPE = "application/vnd.github.v3.diff";

export const TOO_LARGE = {
  status: 406,
  body: {
    message:
      "Sorry, the diff exceeded the maximum number of files (300). Consider using 'List pull requests files' API or locally cloning the repository instead.",
    errors: [{ resource: "PullRequest", field: "diff", code: "too_large" }],
    documentation_url: "https://docs.github.com/rest/pulls/pulls#list-pull-requests-files",
    status: "406",
  },
} as const;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as Json, { status, headers: { "x-ratelimit-remaining": "4999", ...headers } });
const notFound = () => json({ message: "Not Found", documentation_url: "https://docs.github.com/rest" }, 404);
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);

/** One page of a list, with Link, ETag and 304 like GitHub. */
export function listPage(request: Request, items: unknown[]): Response {
  const url = new URL(request.url);
  const perPage = Math.min(100, Number(url.searchParams.get("per_page") ?? 30));
  const page = Number(url.searchParams.get("page") ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set("page", String(n));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links = page < last ? [link(page + 1, "next"), link(last, "last")] : [];
  const body = JSON.stringify(items.slice((page - 1) * perPage, page * perPage));
  const etag = `W/"${createHash("sha1").update(body).digest("hex")}"`;
  if (request.headers.get("if-none-match") === etag) return new HttpResponse(null, { status: 304, headers: { etag } });
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", etag, "x-ratelimit-remaining": "4999" };
  if (links.length > 0) headers.link = links.join(", ");
  return new HttpResponse(body, { headers });
}

/** since / sort / direction the way GitHub's list endpoints read them. */
function sorted(request: Request, items: Json[], defaults: { sort: string; direction: string; since?: string }): Json[] {
  const params = new URL(request.url).searchParams;
  const sort = params.get("sort") ?? defaults.sort;
  const direction = params.get("direction") ?? (params.get("sort") ? (sort === "created" ? "desc" : "asc") : defaults.direction);
  const since = params.get("since");
  const sinceField = defaults.since ?? "updated_at";
  const key = sort === "updated" ? "updated_at" : "created_at";
  return items
    .filter((item) => !since || time(item[sinceField]) >= Date.parse(since))
    .sort((a, b) => (time(a[key]) - time(b[key])) * (direction === "asc" ? 1 : -1) || (a.id ?? a.number) - (b.id ?? b.number));
}

function diffResponse(diff: MockDiff | undefined): Response {
  if (diff === undefined) return notFound();
  if (typeof diff === "object" && !(diff instanceof Uint8Array)) return json(diff.body, diff.status);
  return new HttpResponse(diff as string | Uint8Array<ArrayBuffer>, { headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Simplify a full pull request into the shape list endpoints return. */
const simplePull = ({ merged: _m, mergeable: _a, rebaseable: _r, mergeable_state: _s, merged_by: _b, comments: _c, review_comments: _rc, maintainer_can_modify: _mm, commits: _co, additions: _ad, deletions: _de, changed_files: _cf, ...rest }: Json) => rest;

export function githubHandlers(repo: MockRepo, options: { apiUrl?: string; log?: MockRequest[] } = {}): HttpHandler[] {
  const root = `${(options.apiUrl ?? "https://api.github.com").replace(/\/+$/, "")}/repos/:owner/:repo`;
  type Resolver = (info: { request: Request; params: Record<string, string> }) => Response | Promise<Response>;
  const route = (path: string, resolve: Resolver) =>
    http.get(`${root}${path}`, async ({ request, params }) => {
      const url = new URL(request.url);
      const entry: MockRequest = {
        method: request.method,
        path: url.pathname.replace(/^.*?(?=\/repos\/)/, "") + url.search,
        accept: request.headers.get("accept") ?? "",
        authorization: request.headers.get("authorization"),
        ifNoneMatch: request.headers.get("if-none-match"),
      };
      options.log?.push(entry);
      const p = params as Record<string, string>;
      const response =
        p.owner?.toLowerCase() === repo.owner.toLowerCase() && p.repo?.toLowerCase() === repo.repo.toLowerCase()
          ? await resolve({ request, params: p })
          : notFound();
      entry.status = response.status;
      return response;
    });
  const wantsDiff = (request: Request) => (request.headers.get("accept") ?? "").includes(DIFF_MEDIA_TYPE);
  const pull = (number: string) => repo.pulls.find((p) => p.number === Number(number));
  return [
    route("/pulls/comments", ({ request }) =>
      listPage(request, sorted(request, repo.reviewComments, { sort: "created", direction: "asc" })),
    ),
    route("/pulls", ({ request }) => {
      const state = new URL(request.url).searchParams.get("state") ?? "open";
      const pulls = repo.pulls.filter((p) => state === "all" || p.state === state).map(simplePull);
      return listPage(request, sorted(request, pulls, { sort: "created", direction: "desc" }));
    }),
    route("/pulls/:number", ({ request, params }) => {
      const found = pull(params.number as string);
      if (!found) return notFound();
      return wantsDiff(request) ? diffResponse(repo.pullDiffs.get(found.number)) : json(found);
    }),
    route("/pulls/:number/files", ({ request, params }) => listPage(request, repo.pullFiles.get(Number(params.number)) ?? [])),
    route("/pulls/:number/commits", ({ request, params }) => listPage(request, repo.pullCommits.get(Number(params.number)) ?? [])),
    route("/pulls/:number/comments", ({ request, params }) => {
      const mine = repo.reviewComments.filter((c) => c.pull_request_url.endsWith(`/pulls/${params.number}`));
      return listPage(request, sorted(request, mine, { sort: "created", direction: "asc" }));
    }),
    route("/issues/comments", ({ request }) =>
      listPage(request, sorted(request, repo.issueComments, { sort: "created", direction: "asc" })),
    ),
    route("/issues", ({ request }) => {
      const state = new URL(request.url).searchParams.get("state") ?? "open";
      const issues = repo.issues.filter((i) => state === "all" || i.state === state);
      return listPage(request, sorted(request, issues, { sort: "created", direction: "desc" }));
    }),
    route("/issues/:number", ({ params }) => {
      const found = repo.issues.find((i) => i.number === Number(params.number));
      return found ? json(found) : notFound();
    }),
    route("/issues/:number/comments", ({ request, params }) => {
      const mine = repo.issueComments.filter((c) => c.issue_url.endsWith(`/issues/${params.number}`));
      return listPage(request, sorted(request, mine, { sort: "created", direction: "asc" }));
    }),
    route("/commits", ({ request }) => {
      const since = new URL(request.url).searchParams.get("since");
      const commits = repo.commits
        .filter((c) => !since || time(c.commit.committer.date) >= Date.parse(since))
        .sort((a, b) => time(b.commit.committer.date) - time(a.commit.committer.date));
      return listPage(request, commits);
    }),
    // base...head: the commits head reaches and base does not, oldest first, paged (Link).
    route("/compare/:basehead", ({ request, params }) => {
      const [base = "", head = ""] = (params.basehead as string).split("...");
      const bySha = new Map(repo.commits.map((c) => [c.sha as string, c]));
      const reach = (from: string) => {
        const seen = new Set<string>();
        for (const queue = [from]; queue.length > 0; ) {
          const commit = bySha.get(queue.pop() as string);
          if (!commit || seen.has(commit.sha)) continue;
          seen.add(commit.sha);
          queue.push(...commit.parents.map((p: Json) => p.sha));
        }
        return seen;
      };
      if (!bySha.has(base) || !bySha.has(head)) return notFound();
      const behind = reach(base);
      const commits = [...reach(head)]
        .filter((s) => !behind.has(s))
        .map((s) => bySha.get(s) as Json)
        .sort((a, b) => time(a.commit.committer.date) - time(b.commit.committer.date));
      const page = listPage(request, commits);
      return page.json().then((slice) =>
        json({ url: request.url.split("?")[0], html_url: `${WEB}/${repo.owner}/${repo.repo}/compare/${base}...${head}`, status: "diverged", ahead_by: commits.length, behind_by: 0, total_commits: commits.length, commits: slice, files: [] }, 200, { link: page.headers.get("link") ?? "" }),
      );
    }),
    route("/commits/:sha", ({ request, params }) => {
      const sha = params.sha as string;
      const found = repo.commits.find((c) => c.sha === sha) ?? [...repo.pullCommits.values()].flat().find((c) => c.sha === sha);
      if (!found) return json({ message: `No commit found for SHA: ${sha}` }, 422);
      if (wantsDiff(request)) return diffResponse(repo.commitDiffs.get(sha));
      // The commit resource pages its files like a list (Link header).
      const files = repo.commitFiles.get(sha) ?? [];
      const page = listPage(request, files);
      return page.json().then((slice) => json({ ...found, files: slice }, 200, { link: page.headers.get("link") ?? "" }));
    }),
  ];
}

/** An msw server that fails on any request no handler answers. */
export function startGitHubMock(...handlers: HttpHandler[]): SetupServer {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: "error" });
  return server;
}
