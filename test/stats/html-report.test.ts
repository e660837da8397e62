import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { runStats } from "../../src/commands/stats.js";
import { renderText } from "../../src/stats/html-records.js";
import { mixedTriples, tempDir, type TempDir } from "./fixture.js";
import { countColour, decodePng } from "./png.js";

// CHROMIUM_BIN names another browser binary; CHROMIUM_BIN= (empty) skips the browser test.
const CHROMIUM = process.env.CHROMIUM_BIN ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const io = () => ({ stdout: new PassThrough().resume(), stderr: new PassThrough().resume() });

/** Headless Chromium, isolated and quiet: its own profile, no background traffic. */
async function chromium(args: string[], userDataDir: string) {
  const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${userDataDir}`];
  return promisify(execFile)(CHROMIUM!, [...flags, ...args], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
}

describe("stats --html", () => {
  let tmp: TempDir;
  let html: string;
  let page: string;
  before(async () => {
    tmp = tempDir("gh-harvest-html-");
    html = join(tmp.dir, "report.html");
    await runStats([tmp.write("data.jsonl", mixedTriples())], { html }, io());
    page = readFileSync(html, "utf8");
  });
  after(() => tmp.remove());

  it("loads nothing from the network: no remote src or href, and a CSP that forbids it", () => {
    assert.doesNotMatch(page, /\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    assert.doesNotMatch(page, /@import|url\(\s*["']?(?:https?:)?\/\//i);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(page, /<link\b/i);
  });

  it("escapes record texts: a PR body's markup shows as text", () => {
    assert.equal(page.match(/<script>/g)?.length, 1, "only the page's own script");
    assert.doesNotMatch(page, /<img/);
    assert.match(page, /Fixes &#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62; and &#60;img src=&#34;https:\/\/evil\.example\/p\.png&#34;&#62; &#38; more/);
  });

  it("inlines the charts as SVG and the sample as collapsible records", () => {
    assert.equal(page.match(/<svg /g)?.length, 6); // lengths, rules, languages, repos, sources, redacted
    assert.equal(page.match(/<details class="record"/g)?.length, 50);
  });

  it("colours the lines of a diff and leaves other text alone", () => {
    const out = renderText("Intro -- with dashes\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old <b>\n+new\n context\n\nAfter the diff: + not an addition");
    assert.match(out, /^Intro -- with dashes\n<span class="file">diff --git a\/x b\/x<\/span>\n<span class="file">--- a\/x<\/span>\n<span class="file">\+\+\+ b\/x<\/span>\n<span class="hunk">@@ -1 \+1 @@<\/span>\n<span class="del">-old &#60;b&#62;<\/span>\n<span class="add">\+new<\/span>\n context\n\nAfter the diff: \+ not an addition$/);
  });

  it("renders in headless Chromium: charts in the DOM, the filter works, the screenshot shows bars and a diff", { skip: CHROMIUM ? false : "chromium is not installed (apt-get install -y chromium); the HTML report was not opened in a browser" }, async () => {
    const profiles = [mkdtempSync(join(tmp.dir, "chromium-")), mkdtempSync(join(tmp.dir, "chromium-"))];
    const screenshot = join(tmp.dir, "report.png");
    try {
      const url = pathToFileURL(html).href;
      const [{ stdout: dom }, { stdout: filtered }] = await Promise.all([
        chromium(["--dump-dom", `--screenshot=${screenshot}`, "--window-size=1200,2000", url], profiles[0]!),
        chromium(["--dump-dom", "--window-size=1200,2000", `${url}#q=pr-description`], profiles[1]!),
      ]);
      assert.match(dom, /<html lang="en" data-ready="yes">/, "the page's script ran to its end");
      assert.equal(dom.match(/<svg /g)?.length, 6);
      assert.ok((dom.match(/<rect /g)?.length ?? 0) >= 20, "bars drawn");
      assert.doesNotMatch(dom, /<img/);
      // #q=pr-description filtered the sample to the 6 PR records
      assert.equal(filtered.match(/<details class="record"[^>]*\shidden=""/g)?.length, 44);
      assert.match(filtered, /<span id="shown">6<\/span>/);

      const image = decodePng(readFileSync(screenshot));
      assert.deepEqual([image.width, image.height], [1200, 2000]);
      const bars = countColour(image, [0x09, 0x69, 0xda], 0, 1000);
      assert.ok(bars > 20_000, `${bars} pixels of bar blue in the upper half`);
      const added = countColour(image, [0xda, 0xfb, 0xe1], 0, image.height, 4);
      const removed = countColour(image, [0xff, 0xeb, 0xe9], 0, image.height, 4);
      assert.ok(added > 1000 && removed > 1000, `diff lines painted: ${added} green, ${removed} red pixels`);
    } finally {
      for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    }
  });
});
