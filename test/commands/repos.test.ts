import { describe, it, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { http, HttpResponse } from "msw";
import { repoMatrix } from "../../src/commands/repos.js";
import { listPage, startGitHubMock } from "../helpers/github-mock.js";
import { runCli } from "../helpers/cli.js";

const API = "https://api.github.com";
const token = ["ghp", "_", "ReposTestTokenNeverPrinted0123456789ab"].join("");
const env = { GH_TOKEN: token };

const repository = (full: string, o: { archived?: boolean; fork?: boolean; disabled?: boolean; topics?: string[]; language?: string | null } = {}) => ({
  full_name: full,
  name: full.split("/")[1],
  archived: o.archived ?? false,
  fork: o.fork ?? false,
  disabled: o.disabled ?? false,
  topics: o.topics ?? [],
  language: o.language === undefined ? "Python" : o.language,
});

const ORG = [
  repository("acme/Zeta"),
  repository("acme/alpha", { topics: ["ml"], language: "Go" }),
  repository("acme/legacy", { archived: true }),
  repository("acme/their-lib", { fork: true }),
  repository("acme/frozen", { disabled: true }),
  repository("acme/beta", { topics: ["web"], language: "TypeScript" }),
  ...Array.from({ length: 101 }, (_, i) => repository(`acme/svc-${String(i).padStart(3, "0")}`, { language: null })),
];
const requested: string[] = [];
const server = startGitHubMock(
  http.get(`${API}/orgs/:org/repos`, ({ request, params }) => {
    requested.push(new URL(request.url).pathname + new URL(request.url).search);
    return params.org === "acme" ? listPage(request, ORG) : HttpResponse.json({ message: "Not Found" }, { status: 404 });
  }),
  http.get(`${API}/users/:user/repos`, ({ request, params }) => {
    requested.push(new URL(request.url).pathname + new URL(request.url).search);
    return params.user === "mona" ? listPage(request, [repository("mona/site"), repository("mona/cli")]) : HttpResponse.json({ message: "Not Found" }, { status: 404 });
  }),
);
after(() => server.close());
afterEach(() => {
  requested.length = 0;
});

const matrixOf = (stdout: string) => JSON.parse(stdout) as { include: { repo: string }[] };
const reposOf = (stdout: string) => matrixOf(stdout).include.flatMap((e) => e.repo.split(" "));

describe("gh-harvest repos", () => {
  it("prints an organization's repositories as a matrix, sorted, without archived, forked or disabled ones", async () => {
    const result = await runCli(["repos", "acme"], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.endsWith("}\n") && result.stdout.split("\n").length === 2, "one line of JSON");
    const repos = reposOf(result.stdout);
    assert.equal(repos.length, 104);
    assert.deepEqual(repos.slice(0, 3), ["acme/alpha", "acme/beta", "acme/svc-000"]);
    assert.equal(repos.at(-1), "acme/Zeta", "sorted without regard to case");
    assert.deepEqual(matrixOf(result.stdout).include[0], { repo: "acme/alpha" }, "one repository a job");
    assert.deepEqual(requested, ["/orgs/acme/repos?per_page=100&type=all", "/orgs/acme/repos?per_page=100&type=all&page=2"]);
    assert.match(result.stderr, /104 repositories of acme in 104 jobs \(left out: archived 1, disabled 1, fork 1\)/);
    assert.ok(!result.stderr.includes(token));
  });

  it("keeps archived repositories and forks when asked, and filters by topic and language", async () => {
    const all = await runCli(["repos", "acme", "--archived", "--forks"], { env });
    assert.equal(all.code, 0, all.stderr);
    assert.ok(reposOf(all.stdout).includes("acme/legacy") && reposOf(all.stdout).includes("acme/their-lib"));
    const topics = await runCli(["repos", "acme", "--topic", "ml", "--topic", "web"], { env });
    assert.deepEqual(reposOf(topics.stdout), ["acme/alpha", "acme/beta"], "any of the topics");
    const language = await runCli(["repos", "acme", "--language", "typescript", "--language", "Go"], { env });
    assert.deepEqual(reposOf(language.stdout), ["acme/alpha", "acme/beta"], "any of the languages, in any case");
    assert.match(language.stderr, /left out: language 102/);
  });

  it("shares jobs between repositories beyond --max-jobs", async () => {
    const result = await runCli(["repos", "acme", "--max-jobs", "10"], { env });
    assert.equal(result.code, 0, result.stderr);
    const { include } = matrixOf(result.stdout);
    assert.equal(include.length, 10);
    assert.deepEqual(include.map((e) => e.repo.split(" ").length), [11, 11, 11, 11, 11, 11, 11, 11, 11, 5]);
    assert.deepEqual(repoMatrix(["a/b", "c/d", "e/f"], 2), { include: [{ repo: "a/b c/d" }, { repo: "e/f" }] });
    assert.deepEqual(repoMatrix([]), { include: [] });
  });

  it("falls back to a user's repositories when the owner is not an organization", async () => {
    const result = await runCli(["repos", "mona"], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(reposOf(result.stdout), ["mona/cli", "mona/site"]);
    assert.deepEqual(requested.map((r) => r.replace(/\?.*/, "")), ["/orgs/mona/repos", "/users/mona/repos"]);
  });

  it("warns when nothing is left, since an empty matrix fails a job", async () => {
    const result = await runCli(["repos", "acme", "--topic", "nothing-has-this"], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '{"include":[]}\n');
    assert.match(result.stderr, /warning: no repository of acme is left after the filters/);
  });

  it("exits 2 for an unknown owner, an OWNER/REPO, or too many jobs", async () => {
    const unknown = await runCli(["repos", "nobody-here"], { env });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^gh-harvest: nobody-here: not found, or the token cannot see it$/m);
    const slug = await runCli(["repos", "acme/widgets"], { env });
    assert.equal(slug.code, 2);
    assert.match(slug.stderr, /invalid owner "acme\/widgets": name an organization or a user/);
    const tooMany = await runCli(["repos", "acme", "--max-jobs", "300"], { env });
    assert.equal(tooMany.code, 2);
    assert.match(tooMany.stderr, /--max-jobs must be between 1 and 256/);
    assert.equal(requested.filter((r) => r.startsWith("/orgs/acme")).length, 0, "no request before the options are checked");
  });
});
