// Problems of a file as annotations (`::error file=...,line=...::`), so that they show on
// the file in a pull request. GitHub shows only the first 10 annotations of each level in a
// step (50 in a job; actions/toolkit docs/problem-matchers.md), so past a cap the rest go to
// the log as plain lines instead of flooding it with commands that would be dropped anyway.
// https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Problem } from "../validate/problem.js";
import { annotation } from "./workflow-commands.js";

/** 9: the tenth of a step is the run's own summary annotation ("N validation errors..."), printed last. */
export const ANNOTATIONS_PER_SEVERITY = 9;

/** Annotations name files relative to the workspace (the repository's root). */
export function workspacePath(file: string, workspace: string | undefined, cwd = process.cwd()): string {
  if (!workspace) return file;
  const absolute = resolve(cwd, file);
  const inside = relative(resolve(workspace), absolute);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return file;
  return inside.split(sep).join("/");
}

export interface Annotator {
  /** The line to print for one problem: an annotation while under the cap, else plain text. */
  line(file: string, problem: Problem): string;
  /** Problems printed as plain lines because of the cap. */
  readonly overflow: number;
}

export function createAnnotator(workspace: string | undefined, cap = ANNOTATIONS_PER_SEVERITY): Annotator {
  const shown = { error: 0, warning: 0 };
  let overflow = 0;
  return {
    line(file, p) {
      if (shown[p.severity] >= cap) {
        overflow++;
        return `${file}:${p.line ?? 0}: ${p.severity} ${p.code}: ${p.message}\n`;
      }
      shown[p.severity]++;
      return annotation(p.severity, p.message, { file: workspacePath(file, workspace), line: p.line, col: p.column, title: `gh-harvest ${p.code}` });
    },
    get overflow() {
      return overflow;
    },
  };
}

/** A UsageError such as `mappings/x.yaml:7: when.body.minWords: ...` annotates that file and line. */
export function errorAnnotation(message: string, workspace: string | undefined): string {
  const located = /^(\S+?):(\d+): (.+)$/s.exec(message);
  if (located) {
    const [, file, line, rest] = located as unknown as [string, string, string, string];
    return annotation("error", rest, { file: workspacePath(file, workspace), line: Number(line), title: "gh-harvest" });
  }
  return annotation("error", message, { title: "gh-harvest" });
}
