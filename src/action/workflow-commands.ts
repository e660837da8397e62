// How a JavaScript action talks to the runner: workflow commands on stdout (annotations,
// masks) and file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). Written out here rather
// than taken from @actions/core, whose format this follows:
// https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
import { randomUUID } from "node:crypto";
import { appendFile } from "node:fs/promises";

/** A command's message: the runner reads %, CR and LF as escapes. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (file=..., title=...): also `:` and `,`, which end a property. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export type AnnotationLevel = "error" | "warning" | "notice";

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

export function command(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${name}${props ? ` ${props}` : ""}::${escapeData(message)}\n`;
}

export function annotation(level: AnnotationLevel, message: string, properties: AnnotationProperties = {}): string {
  return command(level, { ...properties }, message);
}

/** Asks the runner to replace the value with *** in every later log line. */
export function addMask(secret: string): string {
  return command("add-mask", {}, secret);
}

/**
 * GITHUB_OUTPUT's format: `name=value` for one line; a value with line breaks in the
 * heredoc form `name<<DELIMITER`, value, `DELIMITER`, with a delimiter the value cannot hold.
 */
export function outputLines(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (value.includes(delimiter)) throw new Error(`the output ${name} holds its own delimiter`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export interface FileCommands {
  /** Appends the outputs to GITHUB_OUTPUT; false when the variable is not set. */
  setOutputs(outputs: Record<string, string>): Promise<boolean>;
  /** Appends markdown to GITHUB_STEP_SUMMARY; false when the variable is not set. */
  appendSummary(markdown: string): Promise<boolean>;
}

export function fileCommands(env: Readonly<Record<string, string | undefined>>): FileCommands {
  const append = async (variable: string, text: string) => {
    const path = env[variable];
    if (!path) return false;
    await appendFile(path, text, "utf8");
    return true;
  };
  return {
    setOutputs: (outputs) =>
      append(
        "GITHUB_OUTPUT",
        Object.entries(outputs)
          .map(([name, value]) => outputLines(name, value))
          .join(""),
      ),
    appendSummary: (markdown) => append("GITHUB_STEP_SUMMARY", markdown.endsWith("\n") ? markdown : `${markdown}\n`),
  };
}
