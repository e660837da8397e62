import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Triple } from "../../src/records.js";
import { checkTriple, createTripleChecker, type Problem } from "../../src/validate/index.js";
import { TOKEN } from "./dataset.js";

const meta = { id: "local:demo@abc:commit-message", source: "commit" as const, repo: "demo", mapping: "commit-message", sha: "abc" };
const triple = (over: Partial<Triple> = {}): Triple => ({
  instruction: "Write a commit message for the following change.",
  input: "diff --git a/a.ts b/a.ts\n--- a/a.ts\n+++ b/a.ts\n@@ -1 +1 @@\n-const a = 1;\n+const a = 2;\n",
  output: "Raise the default retry count to two\n\nOne retry was not enough on flaky CI runners.",
  meta,
  ...over,
});
const codes = (problems: Problem[]) => problems.map((p) => p.code).sort();

describe("checkTriple", () => {
  it("finds nothing in a clean triple, and allows an empty input", () => {
    assert.deepEqual(checkTriple(triple()), []);
    assert.deepEqual(checkTriple(triple({ input: "" })), []);
  });

  it("rejects an empty or blank instruction or output, naming the field", () => {
    const problems = checkTriple(triple({ instruction: "", output: " \n " }));
    assert.deepEqual(
      problems.map(({ code, severity, field }) => ({ code, severity, field })),
      [
        { code: "empty-field", severity: "error", field: "instruction" },
        { code: "empty-field", severity: "error", field: "output" },
      ],
    );
  });

  it("rejects placeholders in the output", () => {
    for (const output of ["<your_code_here>", "def f():\n    # TODO: implement\n", "...", "Lorem ipsum dolor sit amet", "lorem ipsum", "Intro\n\nLorem ipsum.\n"]) {
      assert.deepEqual(codes(checkTriple(triple({ output }))), ["placeholder"], output);
    }
    assert.deepEqual(checkTriple(triple({ output: "Add retries\n\nTODO: implement backoff in a follow-up." })), []);
    // Text about filler text is not filler.
    const question = triple({ instruction: "What is lorem ipsum and where does it come from?", output: "Lorem ipsum is scrambled Latin from Cicero, used as filler text since the 1500s." });
    assert.deepEqual(checkTriple(question), []);
  });

  it("tells a leftover slot from a value documentation asks the reader to fill in", () => {
    for (const output of [
      "<your code here>",
      "Here it is:\n\n[insert summary here]",
      "def parse(s):\n    # TODO: implement this function\n    pass",
      "def parse(s):\n    pass  # TODO: implement",
    ]) {
      assert.deepEqual(codes(checkTriple(triple({ output }))), ["placeholder"], output);
    }
    for (const output of [
      'curl -H "Authorization: Bearer <your-token>" https://api.github.com/user',
      "stringData:\n  password: <your-password>",
      "Best regards,\n[Your Name]",
      "INSERT INTO users (name) VALUES ('<insert name>');",
      "```html\n<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n```",
    ]) {
      assert.deepEqual(checkTriple(triple({ output })), [], output);
    }
    // An input is material: only one that is nothing but a stand-in is a placeholder.
    assert.deepEqual(codes(checkTriple(triple({ input: "<your_code_here>" }))), ["placeholder"]);
    assert.deepEqual(checkTriple(triple({ input: "diff --git a/t.md b/t.md\n--- a/t.md\n+++ b/t.md\n@@ -1 +1 @@\n-x\n+Paste <your code here> to start.\n" })), []);
  });

  it("rejects a lone surrogate, with its position", () => {
    const [p] = checkTriple(triple({ output: "ok \udc00 ok" }));
    assert.equal(p?.code, "invalid-utf8");
    assert.equal(p?.field, "output");
    assert.equal(p?.offset, 3);
  });

  it("reports a credential's kind and position, never its value", () => {
    const input = `+const token = "${TOKEN}";\n`;
    const problems = checkTriple(triple({ input }));
    assert.deepEqual(codes(problems), ["secret"]);
    const [p] = problems;
    assert.equal(p?.severity, "error");
    assert.equal(p?.field, "input");
    assert.equal(p?.offset, input.indexOf("ghp_"));
    assert.match(p!.message, /github/);
    assert.ok(!JSON.stringify(problems).includes(TOKEN.slice(4, 16)));
  });

  it("warns about vague, compound and passive instructions", () => {
    assert.deepEqual(codes(checkTriple(triple({ instruction: "improve it" }))), ["vague-instruction"]);
    assert.deepEqual(codes(checkTriple(triple({ instruction: "Fix the off-by-one in paginate() and add a regression test." }))), ["compound-instruction"]);
    assert.deepEqual(codes(checkTriple(triple({ instruction: "What does this change do? Why was it needed?" }))), ["compound-instruction"]);
    assert.deepEqual(codes(checkTriple(triple({ instruction: "A summary of this change needs to be written." }))), ["passive-instruction"]);
    for (const p of checkTriple(triple({ instruction: "fix it" }))) assert.equal(p.severity, "warning");
  });

  it("stays quiet on the instructions of the built-in mapping rules", () => {
    const instructions = [
      "Write a commit message for the following change.",
      'Write a pull request description for the following change titled "Add caching and remove the old retry loop".',
      "Review the following change to src/cache.ts.",
      "Crash when the config file is missing\n\nSteps: run `widgets init` and then run `widgets build`. It fails and prints a stack trace.",
    ];
    for (const instruction of instructions) assert.deepEqual(checkTriple(triple({ instruction })), [], instruction);
  });

  it("warns about mixed indentation in a diff and an unclosed code fence", () => {
    const input = "diff --git a/Makefile b/Makefile\n--- a/Makefile\n+++ b/Makefile\n@@ -1,2 +1,3 @@\n build:\n \tgo build\n+    go vet\n";
    const [mixed] = checkTriple(triple({ input }));
    assert.equal(mixed?.code, "mixed-indentation");
    assert.match(mixed!.message, /Makefile/);
    assert.equal(mixed?.offset, input.indexOf("+    go vet"));
    // A commit that turns tabs into spaces is a fix, not a mix.
    const reindent = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,2 @@\n def f():\n-\treturn 1\n+    return 1\n";
    assert.deepEqual(checkTriple(triple({ input: reindent })), []);
    const [fence] = checkTriple(triple({ output: "Use:\n\n```sh\nnpm test\n\nand done" }));
    assert.equal(fence?.code, "unbalanced-fence");
    assert.deepEqual(checkTriple(triple({ output: "Use:\n\n```sh\nnpm test\n```\n\n~~~\nx\n~~~" })), []);
  });

  it("stays quiet on ordinary records the warnings used to catch: arithmetic, clauses, Makefiles, a README's code blocks", () => {
    assert.deepEqual(checkTriple(triple({ instruction: "What is 15 * 4?" })), []);
    assert.deepEqual(checkTriple(triple({ instruction: "Create a Python class that can add and remove items from a shopping cart." })), []);
    assert.deepEqual(checkTriple(triple({ instruction: "Explain how to add and delete rows in pandas." })), []);
    assert.deepEqual(codes(checkTriple(triple({ instruction: "Fix the parser and add a test for empty input." }))), ["compound-instruction"]);
    const makefile = "```makefile\nSRCS = main.c \\\n       util.c \\\n       io.c\n\napp: $(SRCS)\n\tgcc -o $@ $^\n```";
    assert.deepEqual(checkTriple(triple({ output: makefile })), []);
    // A recipe line indented with spaces is make's "missing separator": still reported.
    assert.deepEqual(codes(checkTriple(triple({ output: makefile.replace("\tgcc", "    gcc") + "\n" + "```make\nall:\n\tcc a.c\n    cc b.c\n```" }))), ["mixed-indentation"]);
    const continued = "diff --git a/Makefile b/Makefile\n--- a/Makefile\n+++ b/Makefile\n@@ -1,2 +1,4 @@\n app: main.c\n \tcc -o app main.c \\\n+\t    -Wall \\\n+\t    -O2\n";
    assert.deepEqual(checkTriple(triple({ input: continued })), []);
    const readme = "````markdown\n## Usage\n\n```go\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n```\n\n```python\ndef main():\n    print(\"hi\")\n```\n````";
    assert.deepEqual(checkTriple(triple({ output: readme })), []);
    const mixedReadme = readme.replace('    print("hi")', '    print("hi")\n\tprint("bye")');
    const [mixed] = checkTriple(triple({ output: mixedReadme }));
    assert.equal(mixed?.code, "mixed-indentation");
    assert.equal(mixed?.offset, mixedReadme.indexOf('\tprint("bye")'));
  });

  it("warns too-long over maxTokens, with the tokenizer given", () => {
    const [p] = checkTriple(triple(), { maxTokens: 10 });
    assert.equal(p?.code, "too-long");
    assert.match(p!.message, /about \d+ tokens \(estimated\), over --max-tokens 10/);
    const [exact] = checkTriple(triple(), { maxTokens: 10, countTokens: (t) => t.length, tokenizer: "cl100k" });
    assert.match(exact!.message, /\d+ cl100k tokens/);
  });

  it("skips ignored codes", () => {
    assert.deepEqual(checkTriple(triple({ output: "", instruction: "fix it" }), { ignore: ["empty-field", "vague-instruction"] }), []);
  });
});

describe("createTripleChecker", () => {
  it("reports a triple already seen in the run as a duplicate", () => {
    const checker = createTripleChecker();
    assert.deepEqual(checker.check(triple()), []);
    assert.deepEqual(checker.check(triple({ output: "Something else entirely, for real." })), []);
    const again = checker.check(triple({ meta: { ...meta, id: "other" } }));
    assert.deepEqual(codes(again), ["duplicate"]);
    assert.match(again[0]!.message, /record 1/);
  });
});
