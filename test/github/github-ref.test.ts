import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageError } from "../../src/errors.js";
import { parsePullRef, parseRepoRef, resolveApiUrl } from "../../src/github-ref.js";

describe("parsePullRef", () => {
  it("reads a github.com URL, with or without a tab suffix", () => {
    assert.deepEqual(parsePullRef("https://github.com/octocat/Hello-World/pull/123"), {
      owner: "octocat",
      repo: "Hello-World",
      number: 123,
      host: "github.com",
      scheme: "https",
    });
    assert.equal(parsePullRef("https://github.com/o/r/pull/7/files?w=1#diff").number, 7);
  });

  it("reads OWNER/REPO#N", () => {
    assert.deepEqual(parsePullRef("octocat/hello.world#12"), { owner: "octocat", repo: "hello.world", number: 12 });
  });

  it("reads an Enterprise Server URL, whose API is https://HOST/api/v3", () => {
    const ref = parsePullRef("https://github.example.com/team/app/pull/7");
    assert.deepEqual(ref, { owner: "team", repo: "app", number: 7, host: "github.example.com", scheme: "https" });
    assert.equal(resolveApiUrl({ host: ref.host, env: { GITHUB_API_URL: "https://api.github.com" } }), "https://github.example.com/api/v3");
    assert.equal(resolveApiUrl({ host: ref.host, flag: "https://proxy.example.com/api/" }), "https://proxy.example.com/api");
  });

  it("keeps the scheme typed for an Enterprise Server on plain http; github.com stays https", () => {
    const ref = parsePullRef("http://127.0.0.1:7777/acme/widgets/pull/1");
    assert.equal(resolveApiUrl({ host: ref.host, scheme: ref.scheme, env: {} }), "http://127.0.0.1:7777/api/v3");
    const public_ = parsePullRef("http://github.com/acme/widgets/pull/1");
    assert.equal(resolveApiUrl({ host: public_.host, scheme: public_.scheme, env: {} }), "https://api.github.com");
  });

  it("names where a bad API URL came from: the flag or the environment", () => {
    assert.throws(() => resolveApiUrl({ flag: "garbage" }), /^UsageError: invalid --api-url "garbage"/);
    assert.throws(() => resolveApiUrl({ env: { GITHUB_API_URL: "garbage" } }), /^UsageError: invalid GITHUB_API_URL "garbage"/);
  });

  for (const bad of ["octocat/Hello-World", "#12", "octocat/Hello-World#x", "https://github.com/octocat/Hello-World/issues/3", "octocat/Hello-World#0", "ftp://github.com/o/r/pull/1"]) {
    it(`rejects "${bad}" with what is expected`, () => {
      assert.throws(() => parsePullRef(bad), (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.equal(error.exitCode, 2);
        assert.match(error.message, /^invalid pull request reference ".*": /);
        return true;
      });
    });
  }
});

describe("resolveApiUrl", () => {
  it("prefers --api-url, then GITHUB_API_URL, then api.github.com for github.com refs", () => {
    assert.equal(resolveApiUrl({ host: "github.com", env: { GITHUB_API_URL: "http://127.0.0.1:9/" } }), "http://127.0.0.1:9");
    assert.equal(resolveApiUrl({ env: {} }), "https://api.github.com");
    assert.equal(resolveApiUrl({ flag: "http://localhost:1", env: { GITHUB_API_URL: "http://x" } }), "http://localhost:1");
    assert.throws(() => resolveApiUrl({ flag: "not a url" }), UsageError);
  });
});

describe("parseRepoRef", () => {
  it("reads OWNER/REPO and rejects anything else", () => {
    assert.deepEqual(parseRepoRef("octocat/Hello-World"), { owner: "octocat", repo: "Hello-World" });
    assert.deepEqual(parseRepoRef("https://github.com/octocat/Hello-World.git"), { owner: "octocat", repo: "Hello-World" });
    assert.throws(() => parseRepoRef("octocat"), /expected OWNER\/REPO/);
  });
});
