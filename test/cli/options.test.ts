// Option values a script can get wrong: each is one line on stderr and exit 2, before any
// work (no harvest that ends in a rename to "", no --include "" crashing the glob matcher).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "../helpers/cli.js";

describe("option values", () => {
  for (const args of [["--include", ""], ["--exclude", " "], ["-o", ""], ["--rejects", ""], ["--state", ""], ["-m", ""], ["--rev", ""]]) {
    it(`refuses an empty ${args[0]}`, async () => {
      const result = await runCli(["local", ".", ...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^gh-harvest: option .* argument .* is invalid\. expected a value, got an empty string/);
      assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
      assert.equal(result.stdout, "");
    });
  }

  it("refuses a date that does not exist rather than rolling it over into the next month", async () => {
    for (const since of ["2024-02-30", "2023-02-29", "2024-04-31", "2024-02-30T10:00:00Z"]) {
      const result = await runCli(["local", ".", "--since", since]);
      assert.equal(result.code, 2, since);
      assert.match(result.stderr, /expected an ISO date such as 2026-01-31/);
    }
    const leap = await runCli(["local", "/nonexistent-gh-harvest-repo", "--since", "2024-02-29"]);
    assert.doesNotMatch(leap.stderr, /ISO date/, "2024-02-29 is a day");
  });

  it("refuses two outputs of one run in one file", async () => {
    for (const args of [["-o", "out.jsonl", "--rejects", "./out.jsonl"], ["-o", "o.jsonl", "--state", "o.jsonl"], ["--rejects", "r.jsonl", "--state", "r.jsonl"]]) {
      const result = await runCli(["local", ".", ...args]);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, /^gh-harvest: (-o|--rejects) and (--rejects|--state) name the same file \(.*\); give each its own\n$/);
    }
  });

  it("takes --rejects - as stdout, but not with -o - too", async () => {
    const both = await runCli(["local", ".", "--rejects", "-"]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--rejects - and --out - would both write to stdout; give one of them a file\n$/);
  });

  it("refuses --pseudonymize without a secret salt: pseudonyms anyone could recompute are none", async () => {
    const result = await runCli(["local", ".", "--pseudonymize"], { env: {} });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^gh-harvest: --pseudonymize needs a secret salt: --pseudonymize-salt or env GH_HARVEST_SALT/);
  });

  it("points a usage error at the help of the command it was given to", async () => {
    const wrong = await runCli(["validate", "--no-such-option", "x.jsonl"]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /^gh-harvest: unknown option '--no-such-option' \(see gh-harvest validate --help\)\n$/);
    const command = await runCli(["harvest"]);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /\(see gh-harvest --help\)\n$/);
  });

  it("prints the help on stdout with status 0 when no command is given", async () => {
    const none = await runCli([]);
    assert.equal(none.code, 0);
    assert.match(none.stdout, /^Usage: gh-harvest /);
    assert.match(none.stdout, /\n {2}validate /);
    assert.equal(none.stderr, "");
  });

  it("names the defaults that --help would otherwise show as []", async () => {
    const help = await runCli(["local", "--help"]);
    assert.match(help.stdout, /--rev <revision>[\s\S]*?\(default:\s+HEAD\)/);
    assert.match(help.stdout, /--exclude <glob>[\s\S]*?\(default:\s+lockfiles, vendored, minified and generated\s+files\)/);
    assert.doesNotMatch(help.stdout, /default: \[\]/);
  });
});
