import assert from "node:assert/strict";
import { after, afterEach, describe, it } from "node:test";
import { inspect } from "node:util";
import { http, HttpResponse } from "msw";
import { GitHubError } from "../../src/errors.js";
import { createGitHubClient, tokenFromEnv } from "../../src/github/client.js";
import { createMemoryEtagStore } from "../../src/github/etag-store.js";
import { memoryLogger, type Logger } from "../../src/log.js";
import {
  at,
  createMockRepo,
  DIFF_MEDIA_TYPE,
  githubHandlers,
  issueFixture,
  startGitHubMock,
  type MockRequest,
} from "../helpers/github-mock.js";

const TOKEN = "ghp_s3cretT0kenThatMustNeverLeak0000000000";
const API = "https://api.github.com";
const ROUTE = "GET /repos/{owner}/{repo}/issues";
const PARAMS = { owner: "octocat", repo: "Hello-World", state: "closed" };

/** memoryLogger, but keeping progress lines too. */
function testLogger(): Logger & { lines: string[] } {
  const log = memoryLogger();
  return { ...log, progress: (message) => log.lines.push(`progress: ${message}`) };
}

const repo = createMockRepo();
for (let number = 1; number <= 250; number++) repo.issues.push(issueFixture({ number }));
const requests: MockRequest[] = [];
const server = startGitHubMock(...githubHandlers(repo, { log: requests }));

const client = (log = testLogger()) => createGitHubClient({ token: TOKEN, log, delayScale: 1, retries: 2 });

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...page);
  return items;
}

async function failure(promise: Promise<unknown>): Promise<GitHubError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GitHubError, `expected a GitHubError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected the request to fail");
}

describe("GitHub client", () => {
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  after(() => server.close());

  it("follows the Link header over several pages of 100", async () => {
    const github = client();
    const issues = await collect(github.pages<{ number: number }>(ROUTE, PARAMS));
    assert.equal(issues.length, 250);
    assert.deepEqual(
      requests.map((r) => new URL(r.path, API).searchParams.get("page") ?? "1"),
      ["1", "2", "3"],
    );
    assert.ok(requests.every((r) => r.path.includes("per_page=100")));
    assert.equal(github.stats().requests, 3);
    assert.equal(github.stats().rateLimitRemaining, 4999);
  });

  it("waits for the primary rate limit to reset, then retries, saying so on a line of its own", async () => {
    const reset = Math.floor(Date.now() / 1000) + 1;
    server.use(
      http.get(
        `${API}/repos/octocat/Hello-World/issues/7`,
        () =>
          HttpResponse.json(
            { message: "API rate limit exceeded for user ID 1." },
            { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) } },
          ),
        { once: true },
      ),
    );
    const log = testLogger();
    const github = client(log);
    const started = Date.now();
    const issue = await github.get<{ number: number }>("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: "octocat",
      repo: "Hello-World",
      issue_number: 7,
    });
    assert.equal(issue.number, 7);
    assert.equal(github.stats().requests, 2);
    assert.ok(Date.now() - started < 1000, "waits are scaled down in tests");
    // A line of its own even for a one-second wait: the progress line is not in a CI log.
    assert.deepEqual(log.lines.filter((line) => /waiting for the GitHub rate limit/.test(line)).map((line) => /^gh-harvest: waiting for the GitHub rate limit, resets at \d\d:\d\d:\d\d$/.test(line)), [true]);
  });

  it("says so in a line of its own when the wait is long enough to look like a hang (a CI log has no progress line)", async () => {
    const reset = Math.floor(Date.now() / 1000) + 30;
    server.use(
      http.get(
        `${API}/repos/octocat/Hello-World/issues/8`,
        () => HttpResponse.json({ message: "API rate limit exceeded for user ID 1." }, { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) } }),
        { once: true },
      ),
    );
    const log = testLogger();
    await client(log).get("GET /repos/{owner}/{repo}/issues/{issue_number}", { owner: "octocat", repo: "Hello-World", issue_number: 8 });
    assert.ok(log.lines.some((line) => /^gh-harvest: waiting for the GitHub rate limit, resets at \d\d:\d\d:\d\d$/.test(line)), log.lines.join("\n"));
  });

  it("gives up on a primary rate limit that does not reset, with the reset time", async () => {
    const reset = Math.floor(Date.now() / 1000) + 1;
    server.use(
      http.get(`${API}/repos/octocat/Hello-World/issues/7`, () =>
        HttpResponse.json(
          { message: "API rate limit exceeded" },
          { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) } },
        ),
      ),
    );
    const github = createGitHubClient({ token: TOKEN, log: testLogger(), delayScale: 1, rateLimitRetries: 1 });
    const error = await failure(github.get("GET /repos/{owner}/{repo}/issues/{issue_number}", { owner: "octocat", repo: "Hello-World", issue_number: 7 }));
    assert.equal(error.exitCode, 1);
    assert.match(error.message, /^octocat\/Hello-World#7: GitHub API rate limit exceeded \(resets at \d\d:\d\d:\d\d\)$/);
    assert.equal(github.stats().requests, 2);
  });

  for (const [status, message] of [
    [403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."],
    [429, "Too many requests"],
  ] as const) {
    it(`retries a secondary limit (${status} with retry-after)`, async () => {
      server.use(
        http.get(`${API}/repos/octocat/Hello-World/issues`, () => HttpResponse.json({ message }, { status, headers: { "retry-after": "1" } }), {
          once: true,
        }),
      );
      const log = testLogger();
      const github = client(log);
      const issues = await collect(github.pages(ROUTE, PARAMS));
      assert.equal(issues.length, 250);
      assert.equal(github.stats().requests, 4);
      assert.ok(log.lines.includes("gh-harvest: GitHub secondary rate limit: retrying in 1s"), log.lines.join("\n"));
    });
  }

  it("takes a bare 429 (no retry-after, no x-ratelimit headers) for a secondary limit: waits a minute, then retries", async () => {
    server.use(
      http.get(`${API}/repos/octocat/Hello-World/issues`, () => new HttpResponse(JSON.stringify({ message: "Too Many Requests" }), { status: 429, headers: { "content-type": "application/json" } }), {
        once: true,
      }),
    );
    const log = testLogger();
    const github = client(log);
    const issues = await collect(github.pages(ROUTE, PARAMS));
    assert.equal(issues.length, 250);
    assert.equal(github.stats().requests, 4);
    assert.deepEqual(log.lines.filter((line) => /rate limit/.test(line)), ["gh-harvest: GitHub secondary rate limit: retrying in 60s"]);
  });

  it("retries a 502 and a network error, then succeeds", async () => {
    server.use(
      http.get(`${API}/repos/octocat/Hello-World/issues/3`, () => new HttpResponse("bad gateway", { status: 502 }), { once: true }),
      http.get(`${API}/repos/octocat/Hello-World/issues/3`, () => HttpResponse.error(), { once: true }),
    );
    const github = client();
    const issue = await github.get<{ number: number }>("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: "octocat",
      repo: "Hello-World",
      issue_number: 3,
    });
    assert.equal(issue.number, 3);
    assert.equal(github.stats().requests, 3);
  });

  it("fails with exit 1 and the status once 5xx retries are spent", async () => {
    server.use(http.get(`${API}/repos/octocat/Hello-World/issues`, () => HttpResponse.json({ message: "Server Error" }, { status: 500 })));
    const github = client();
    const error = await failure(collect(github.pages(ROUTE, PARAMS)));
    assert.equal(error.exitCode, 1);
    assert.equal(error.message, "octocat/Hello-World: GitHub API answered 500: Server Error");
    assert.equal(github.stats().requests, 3);
  });

  it("turns 401 into exit 2 'bad credentials' without retrying", async () => {
    server.use(http.get(`${API}/repos/octocat/Hello-World/issues`, () => HttpResponse.json({ message: "Bad credentials" }, { status: 401 })));
    const github = client();
    const error = await failure(collect(github.pages(ROUTE, PARAMS)));
    assert.equal(error.exitCode, 2);
    assert.equal(error.status, 401);
    assert.equal(error.message, "octocat/Hello-World: bad credentials: check GH_TOKEN/GITHUB_TOKEN");
    assert.equal(github.stats().requests, 1);
  });

  it("turns a 403 for SAML SSO into exit 2 saying to authorise the token, with GitHub's link; a rate-limit 403 stays exit 1", async () => {
    const sso = "https://github.com/orgs/octo-org/sso?authorization_request=AZSCKtL4U8yX1H3sCQIVnVgmjmon5fWxks5YrqhJgah0b2tlbl9pZM4EuMz4";
    const message = "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.";
    server.use(http.get(`${API}/repos/octocat/Hello-World/issues`, () => HttpResponse.json({ message }, { status: 403, headers: { "x-github-sso": `required; url=${sso}` } })));
    const error = await failure(collect(client().pages(ROUTE, PARAMS)));
    assert.equal(error.exitCode, 2);
    assert.equal(
      error.message,
      `octocat/Hello-World: the token is not authorised for the organisation's SAML single sign-on: authorise it for the organisation (token settings, Configure SSO) at ${sso}`,
    );
    // A 403 that is a rate limit outlasting its retries stays a failed run.
    server.use(http.get(`${API}/repos/octocat/Hello-World/issues`, () => HttpResponse.json({ message: "You have exceeded a secondary rate limit." }, { status: 403 })));
    const github = createGitHubClient({ token: TOKEN, log: testLogger(), delayScale: 1, rateLimitRetries: 0 });
    const limited = await failure(collect(github.pages(ROUTE, PARAMS)));
    assert.equal(limited.exitCode, 1);
    assert.match(limited.message, /answered 403: You have exceeded a secondary rate limit/);
  });

  it("turns a 403 for a missing permission into exit 2 saying which to grant", async () => {
    server.use(
      http.get(`${API}/repos/octocat/Hello-World/issues`, () =>
        HttpResponse.json({ message: "Resource not accessible by personal access token" }, { status: 403, headers: { "x-accepted-github-permissions": "issues=read" } }),
      ),
    );
    const error = await failure(collect(client().pages(ROUTE, PARAMS)));
    assert.equal(error.exitCode, 2);
    assert.equal(
      error.message,
      'octocat/Hello-World: the token lacks a permission this needs (GitHub: "Resource not accessible by personal access token"): grant it read access (issues=read) in the fine-grained token\'s repository permissions, or in the workflow\'s permissions:',
    );
  });

  it("turns 404 into exit 2 naming the repository", async () => {
    const github = client();
    const error = await failure(collect(github.pages(ROUTE, { ...PARAMS, repo: "Nope" })));
    assert.equal(error.exitCode, 2);
    assert.equal(error.message, "octocat/Nope: not found, or the token cannot see it");
  });

  it("never lets the token into errors or log lines", async () => {
    const log = testLogger();
    const github = createGitHubClient({ token: TOKEN, log, delayScale: 1, retries: 1, rateLimitRetries: 0 });
    const errors: unknown[] = [];
    const sent: (string | null)[] = [];
    const answers = [
      HttpResponse.json({ message: `Bad credentials for ${TOKEN}` }, { status: 401 }),
      HttpResponse.json({ message: "Not Found" }, { status: 404 }),
      HttpResponse.json({ message: `boom ${TOKEN}` }, { status: 500 }),
      HttpResponse.json({ message: "API rate limit exceeded" }, { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1" } }),
    ];
    for (const answer of answers) {
      server.use(
        http.get(`${API}/repos/octocat/Hello-World/issues`, ({ request }) => {
          sent.push(request.headers.get("authorization"));
          return answer.clone();
        }),
      );
      try {
        await collect(github.pages(ROUTE, PARAMS));
      } catch (error) {
        errors.push(error);
      }
    }
    assert.equal(errors.length, 4);
    assert.ok(sent.some((header) => header?.includes(TOKEN)), "the token was sent");
    for (const error of errors) {
      const dump = `${String(error)} ${(error as Error).stack} ${inspect(error, { depth: 10 })} ${JSON.stringify(error)}`;
      assert.ok(!dump.includes(TOKEN), `token leaked in ${dump.slice(0, 200)}`);
    }
    assert.ok(!log.lines.join("\n").includes(TOKEN));
    // Octokit's own lines name a request by method and URL, not "[object Object]".
    assert.ok(!log.lines.join("\n").includes("[object Object]"), log.lines.join("\n"));
    assert.ok(log.lines.some((l) => /octokit: request GET https:\/\/api\.github\.com\/repos\/octocat\/Hello-World\/issues/.test(l)), log.lines.join("\n"));
  });

  it("does not scrub a token too short to be one, which would garble the message", async () => {
    const github = createGitHubClient({ token: "e", log: testLogger(), delayScale: 1 });
    server.use(http.get(`${API}/repos/octocat/Hello-World/issues`, () => HttpResponse.json({ message: "Validation failed for example" }, { status: 422 })));
    const error = await failure(collect(github.pages(ROUTE, PARAMS)));
    assert.equal(error.message, "octocat/Hello-World: GitHub API answered 422: Validation failed for example");
  });

  it("fails with exit 2 when the API URL answers a web page instead of JSON", async () => {
    const html = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in to continue</body></html>";
    let calls = 0;
    server.use(
      http.get("http://ghe.example.com/*", () => {
        calls += 1;
        return new HttpResponse(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
      }),
    );
    const github = createGitHubClient({ token: TOKEN, apiUrl: "http://ghe.example.com/", log: testLogger(), delayScale: 1, retries: 2 });
    const want = "the API at http://ghe.example.com/ did not answer JSON (is --api-url the REST root, e.g. http://ghe.example.com/api/v3?)";
    const listing = await failure(collect(github.pages(ROUTE, PARAMS)));
    assert.equal(listing.message, want);
    assert.equal(listing.exitCode, 2);
    const single = await failure(github.get("GET /repos/{owner}/{repo}", { owner: "octocat", repo: "Hello-World" }));
    assert.equal(single.message, want);
    assert.equal(calls, 2, "a web page is not retried");
  });

  it("fails with exit 2 when a list answers 200 with an object", async () => {
    server.use(http.get(`${API}/repos/octocat/Hello-World/issues`, () => HttpResponse.json({ message: "ok" })));
    const github = client();
    const error = await failure(collect(github.pages(ROUTE, PARAMS)));
    assert.equal(error.message, "octocat/Hello-World: the API at https://api.github.com/ answered 200 with an object where a list was expected (is --api-url the REST root?)");
    assert.equal(error.exitCode, 2);
    assert.equal(github.stats().requests, 1);
  });

  it("reads public data without a token, with a warning", async () => {
    const log = testLogger();
    const github = createGitHubClient({ log, delayScale: 1 });
    await collect(github.pages(ROUTE, { ...PARAMS, per_page: 100, page: 3 }));
    assert.equal(github.authenticated, false);
    assert.ok(log.lines.some((line) => line.startsWith("warning: no GH_TOKEN or GITHUB_TOKEN")));
    assert.equal(requests[0]?.authorization, null);
  });

  it("asks again with If-None-Match and takes 304 as an empty list", async () => {
    const etags = createMemoryEtagStore();
    const github = client();
    const params = { ...PARAMS, since: at(2450) };
    const first = await collect(github.pages(ROUTE, params, { etags }));
    assert.ok(first.length > 0 && first.length < 100, "a one-page list");
    assert.equal(Object.keys(etags.toJSON()).length, 1);
    const again = await collect(github.pages(ROUTE, params, { etags }));
    assert.deepEqual(again, []);
    assert.ok(requests[1]?.ifNoneMatch?.startsWith('W/"'));
    assert.equal(requests[1]?.status, 304);
    assert.deepEqual({ requests: github.stats().requests, notModified: github.stats().notModified }, { requests: 2, notModified: 1 });
  });

  it("keeps only the ETags a run touched, for the state file", async () => {
    const etags = createMemoryEtagStore({ "https://api.github.com/old?since=x": 'W/"old"' });
    await collect(client().pages(ROUTE, { ...PARAMS, since: at(2450) }, { etags }));
    assert.deepEqual(Object.keys(etags.touched()), [`${API}/repos/octocat/Hello-World/issues?per_page=100&state=closed&since=${encodeURIComponent(at(2450))}`]);
    assert.equal(Object.keys(etags.toJSON()).length, 2);
  });

  it("talks to an Enterprise Server API root, following its Link headers", async () => {
    const ghe = createMockRepo("team", "app");
    for (let number = 1; number <= 150; number++) ghe.issues.push(issueFixture({ number, repo: "team/app" }));
    server.use(...githubHandlers(ghe, { apiUrl: "https://ghe.example.com/api/v3", log: requests }));
    const github = createGitHubClient({ token: TOKEN, apiUrl: "https://ghe.example.com/api/v3/", log: testLogger() });
    const issues = await collect(github.pages(ROUTE, { owner: "team", repo: "app", state: "closed" }));
    assert.equal(issues.length, 150);
    assert.equal(github.apiUrl, "https://ghe.example.com/api/v3");
    assert.equal(requests.length, 2);
  });

  it("sends every request through an injected fetch", async () => {
    const urls: string[] = [];
    const fetchSpy: typeof fetch = async (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const github = createGitHubClient({ token: TOKEN, log: testLogger(), fetch: fetchSpy });
    await github.get("GET /repos/{owner}/{repo}/issues/{issue_number}", { owner: "octocat", repo: "Hello-World", issue_number: 1 });
    await collect(github.pages(ROUTE, PARAMS));
    assert.equal(urls.length, 4);
    assert.equal(urls[0], `${API}/repos/octocat/Hello-World/issues/1`);
  });

  it("keeps no ETag for the first page of a longer list sorted oldest first", async () => {
    const etags = createMemoryEtagStore();
    await collect(client().pages(ROUTE, { ...PARAMS, direction: "asc" }, { etags }));
    assert.deepEqual(etags.toJSON(), {});
    await collect(client().pages(ROUTE, { ...PARAMS, direction: "desc" }, { etags, newestFirst: true }));
    assert.equal(Object.keys(etags.toJSON()).length, 1);
  });

  it("fetches a diff in the diff media type as raw bytes", async () => {
    const bytes = Buffer.concat([Buffer.from("diff --git a/x b/x\n+caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    server.use(http.get(`${API}/repos/octocat/Hello-World/pulls/1`, () => new HttpResponse(bytes, { headers: { "content-type": "text/plain; charset=utf-8" } })));
    const diff = await client().getDiff("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner: "octocat", repo: "Hello-World", pull_number: 1 });
    assert.deepEqual(Buffer.from(diff), bytes);
  });

  it("sends the diff media type", async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${API}/repos/octocat/Hello-World/pulls/2`, ({ request }) => {
        seen.push(request.headers.get("accept") ?? "");
        return new HttpResponse("", { headers: { "content-type": "text/plain; charset=utf-8" } });
      }),
    );
    await client().getDiff("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner: "octocat", repo: "Hello-World", pull_number: 2 });
    assert.deepEqual(seen, [DIFF_MEDIA_TYPE]);
  });
});

describe("tokenFromEnv", () => {
  it("prefers GH_TOKEN, then GITHUB_TOKEN, ignoring blanks", () => {
    assert.equal(tokenFromEnv({ GH_TOKEN: "a", GITHUB_TOKEN: "b" }), "a");
    assert.equal(tokenFromEnv({ GH_TOKEN: " ", GITHUB_TOKEN: "b" }), "b");
    assert.equal(tokenFromEnv({}), undefined);
  });
});
