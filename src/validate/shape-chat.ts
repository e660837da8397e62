// The chat shapes. openai follows the OpenAI cookbook's format checker ("Data preparation
// and analysis for chat model fine-tuning"): a non-empty `messages` list; each message an
// object with a known role and string content (or content parts, or tool calls on an
// assistant turn); no unknown keys; and an assistant message to train on. sharegpt is the
// same idea with from/value and human/gpt (or Axolotl's user/assistant/tool), minus the
// unknown-key rule (ShareGPT dumps commonly carry extra keys such as `markdown`), and it must
// end on the model's turn, as LLaMA-Factory requires.
import { OPENAI_ROLES, SHAREGPT_ROLES } from "../format-keys.js";
import { checkMeta, withContext, type RecordShape } from "./shape-alpaca.js";
import { problem, quote, type Problem } from "./problem.js";
import { isBlank, splitUserTurn, typeName, type TextField } from "./text-field.js";

interface Dialect {
  list: "messages" | "conversations";
  role: "role" | "from";
  content: "content" | "value";
  roles: readonly string[];
  user: string;
  assistant: string;
  /** Keys a turn may have; undefined: any. */
  keys?: ReadonlySet<string>;
  /** Keys that stand in for content on an assistant turn (it calls a tool instead). */
  calls: readonly string[];
  /** Other names of the roles that loaders accept, as the role they stand for. */
  aliases: Readonly<Record<string, string>>;
  /**
   * The roles a conversation may end with; undefined: any, as long as one turn is the
   * assistant's (OpenAI trains on every assistant message; its cookbook checker asks only
   * that there is one).
   */
  finals?: readonly string[];
}

const OPENAI: Dialect = {
  list: "messages",
  role: "role",
  content: "content",
  roles: OPENAI_ROLES,
  user: "user",
  assistant: "assistant",
  keys: new Set(["role", "content", "name", "weight", "function_call", "tool_calls", "tool_call_id", "refusal"]),
  calls: ["tool_calls", "function_call"],
  aliases: {},
};

const SHAREGPT: Dialect = {
  list: "conversations",
  role: "from",
  content: "value",
  roles: SHAREGPT_ROLES,
  user: "human",
  assistant: "gpt",
  calls: [],
  // Axolotl's from/value datasets map user, assistant and tool onto these (role_value_mappings).
  aliases: { user: "human", assistant: "gpt", tool: "observation" },
  // LLaMA-Factory drops a conversation that does not end on the model's turn; a tool call is
  // one (it trains the model to call the tool).
  finals: ["gpt", "function_call"],
};

/** The other dialect's turn keys: what a file mixing the two (conversations of role/content) uses. */
const OTHER = new Map<Dialect, Dialect>([
  [OPENAI, SHAREGPT],
  [SHAREGPT, OPENAI],
]);

export const openaiShape = (record: Record<string, unknown>, problems: Problem[]) => chatShape(OPENAI, record, problems);
export const sharegptShape = (record: Record<string, unknown>, problems: Problem[]) => chatShape(SHAREGPT, record, problems);

function chatShape(d: Dialect, record: Record<string, unknown>, problems: Problem[]): RecordShape {
  const texts: TextField[] = [];
  const identity: string[] = [];
  checkMeta(record, problems);
  const turns = record[d.list];
  if (turns === undefined) {
    problems.push(problem("missing-field", `no "${d.list}" field`, { field: d.list }));
    return { texts, identity };
  }
  if (!Array.isArray(turns)) {
    problems.push(problem("wrong-type", `"${d.list}" must be an array, not ${typeName(turns)}`, { field: d.list }));
    return { texts, identity };
  }
  if (turns.length === 0) {
    problems.push(problem("empty-field", `"${d.list}" is empty`, { field: d.list }));
    return { texts, identity };
  }
  // Turns written in the other dialect ("conversations" of role/content, as some exports do):
  // one finding for the line, rather than a missing key for every turn and a missing reply.
  const other = OTHER.get(d)!;
  if (turns.every((t) => isTurnOf(other, t) && !isTurnOf(d, t))) {
    problems.push(
      problem("missing-field", `the turns of "${d.list}" have "${other.role}" and "${other.content}" where they need "${d.role}" and "${d.content}"`, {
        field: `${d.list}[0]`,
      }),
    );
    return { texts, identity };
  }
  let seenUser = false;
  let seenAssistant = false;
  let lastRole: unknown;
  // A turn without content: the record has no identity to compare (two such records are
  // not the same conversation; each has its missing-field already).
  let incomplete = false;
  turns.forEach((turn: unknown, i) => {
    const at = `${d.list}[${i}]`;
    if (turn === null || typeof turn !== "object" || Array.isArray(turn)) {
      problems.push(problem("wrong-type", `${at} must be an object, not ${typeName(turn)}`, { field: at }));
      lastRole = undefined;
      return;
    }
    const t = turn as Record<string, unknown>;
    const given = t[d.role];
    const role = typeof given === "string" ? (d.aliases[given] ?? given) : given;
    lastRole = role;
    if (role === undefined) problems.push(problem("missing-field", `${at} has no "${d.role}"`, { field: `${at}.${d.role}` }));
    else if (typeof role !== "string") {
      problems.push(problem("wrong-type", `${at}.${d.role} must be a string, not ${typeName(role)}`, { field: `${at}.${d.role}` }));
    } else if (!d.roles.includes(role)) {
      problems.push(problem("unknown-role", `${at} has role ${quote(role)}; expected one of ${d.roles.join(", ")}`, { field: `${at}.${d.role}` }));
    }
    if (d.keys) {
      for (const key of Object.keys(t)) {
        if (!d.keys.has(key)) problems.push(problem("unknown-key", `${at} has an unknown key ${quote(key)}`, { field: `${at}.${key}` }));
      }
    }
    if (d === OPENAI && t.weight !== undefined && t.weight !== 0 && t.weight !== 1) {
      problems.push(problem("wrong-type", `${at}.weight must be 0 or 1`, { field: `${at}.weight` }));
    }
    if (role === d.assistant) seenAssistant = true;
    const kind = role === d.user && !seenUser ? "first-user" : role === d.assistant ? "output" : "other";
    if (role === d.user) seenUser = true;
    identity.push(typeof role === "string" ? role : JSON.stringify(role) ?? "");
    const content = checkContent(d, t, at, kind, texts, problems);
    if (content === undefined) incomplete = true;
    else identity.push(content);
  });
  const article = /^[aeiou]/.test(d.assistant) ? "an" : "a";
  if (d.finals && !d.finals.includes(lastRole as string)) {
    const last = typeof lastRole === "string" ? ` (the last is ${quote(lastRole)})` : "";
    const ends = d.finals.map((r, i) => (i === 0 ? `${article} ${r}` : r)).join(" or ");
    problems.push(problem("missing-assistant", `the conversation must end with ${ends} message${last}`, { field: d.list }));
  } else if (!d.finals && !seenAssistant) {
    problems.push(problem("missing-assistant", `the conversation has no ${d.assistant} message: there is nothing to train on`, { field: d.list }));
  }
  if (!incomplete && d === SHAREGPT) withContext(record, ["system"], identity);
  return { texts, identity: incomplete ? [] : identity };
}

/**
 * Checks a turn's content, adds its texts, and returns what identifies it for duplicates:
 * the text, or the JSON of a value of the wrong type (42 and null are not the same reply);
 * undefined when there is none.
 */
function checkContent(d: Dialect, t: Record<string, unknown>, at: string, kind: string, texts: TextField[], problems: Problem[]): string | undefined {
  const path = `${at}.${d.content}`;
  const content = t[d.content];
  // An empty tool_calls list calls nothing: the turn then needs its content.
  const calls = kind === "output" && d.calls.some((k) => (Array.isArray(t[k]) ? (t[k] as unknown[]).length > 0 : t[k] !== undefined && t[k] !== null));
  if (content === undefined || content === null) {
    if (calls) return JSON.stringify(d.calls.map((k) => t[k]));
    if (content === undefined) {
      problems.push(problem("missing-field", `${at} has no "${d.content}"`, { field: path }));
      return undefined;
    }
    problems.push(problem("wrong-type", `${path} must be a string, not null`, { field: path }));
    return "null";
  }
  if (typeof content === "string") {
    if (isBlank(content) && !calls) problems.push(problem("empty-field", `${path} is ${content === "" ? "empty" : "blank"}`, { field: path }));
    if (kind === "first-user") texts.push(...splitUserTurn(path, content));
    else texts.push({ path, text: content, role: kind === "output" ? "output" : "other", base: 0 });
    return content;
  }
  if (d === OPENAI && Array.isArray(content)) {
    content.forEach((part: unknown, j) => {
      const p = part as Record<string, unknown> | null;
      if (!p || typeof p !== "object" || typeof p.type !== "string") {
        problems.push(problem("wrong-type", `${path}[${j}] must be a content part with a "type"`, { field: `${path}[${j}]` }));
      } else if (p.type === "text") {
        if (typeof p.text === "string") texts.push({ path: `${path}[${j}].text`, text: p.text, role: kind === "output" ? "output" : "other", base: 0 });
        else problems.push(problem("wrong-type", `${path}[${j}].text must be a string`, { field: `${path}[${j}].text` }));
      }
    });
    return JSON.stringify(content);
  }
  problems.push(problem("wrong-type", `${path} must be a string, not ${typeName(content)}`, { field: path }));
  return JSON.stringify(content);
}

/** An object turn with the dialect's role or content key. */
function isTurnOf(d: Dialect, turn: unknown): boolean {
  return turn !== null && typeof turn === "object" && (d.role in turn || d.content in turn);
}
