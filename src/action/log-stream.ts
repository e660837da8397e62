// The run's log lines, passed on to the runner's log; a warning of gh-harvest's logger
// ("gh-harvest: warning: ...") becomes a `::warning::` annotation so it shows on the run.
import { Writable } from "node:stream";
import { inInputNames } from "./input-names.js";
import { annotation } from "./workflow-commands.js";

const WARNING = /^gh-harvest: warning: (.*)$/;

export function actionLogStream(out: NodeJS.WritableStream): NodeJS.WriteStream {
  let partial = "";
  const line = (text: string) => {
    const warning = WARNING.exec(text);
    return warning ? annotation("warning", inInputNames(warning[1] as string), { title: "gh-harvest" }) : `${inInputNames(text)}\n`;
  };
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      const text = lines.map(line).join("");
      if (text === "" || out.write(text)) callback();
      else out.once("drain", () => callback());
    },
    final(callback) {
      if (partial !== "") out.write(line(partial));
      partial = "";
      callback();
    },
  });
  // A line logged after the run ended is lost, not a crash.
  stream.on("error", () => {});
  // The logger draws progress lines only on a terminal; the runner's log is not one.
  return Object.assign(stream, { isTTY: false }) as unknown as NodeJS.WriteStream;
}
