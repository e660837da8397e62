import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { createLogger } from "../src/log.js";

function stream(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY: boolean; columns: number };
  s.isTTY = isTTY;
  s.columns = 40;
  let text = "";
  s.on("data", (c: Buffer) => (text += c.toString()));
  return { s: s as unknown as NodeJS.WriteStream, text: () => text };
}

describe("logger", () => {
  it("draws a progress line on a terminal, clears it before other lines, and cuts it to the width", () => {
    const { s, text } = stream(true);
    const log = createLogger({ stream: s });
    log.progress(`120 commits scanned, 80 records written ${"x".repeat(80)}`);
    log.warn("something to know");
    log.done();
    assert.match(text(), /^\r\x1b\[2K120 commits scanned, 80 records written/);
    assert.ok(!text().includes("x".repeat(40)), "cut to the terminal's width");
    assert.match(text(), /\r\x1b\[2Kgh-harvest: warning: something to know\n$/);
  });

  it("is silent about progress when stderr is not a terminal", () => {
    const { s, text } = stream(false);
    const log = createLogger({ stream: s });
    log.progress("120 commits scanned");
    log.info("done");
    log.debug("hidden without --debug");
    assert.equal(text(), "done\n");
  });
});
