// Other secret scanners, wrapped to the Redactor's scan() shape, so the corpus test's figures
// can be set beside them (bench/redact.ts --compare). Neither is a dependency of gh-harvest:
// gitleaks' rules are read from a JSON copy of its gitleaks.toml given on the command line,
// secretlint is imported only if it is installed.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { shannonEntropy } from "../../src/redact/entropy.js";

export interface Span {
  kind: string;
  start: number;
  end: number;
}

export interface Engine {
  name: string;
  scan(text: string): Promise<Span[]> | Span[];
}

interface GitleaksAllowlist {
  regexes?: string[];
  stopwords?: string[];
  regexTarget?: "secret" | "match" | "line";
  condition?: string;
  paths?: string[];
}

interface GitleaksRule {
  id: string;
  regex?: string;
  entropy?: number;
  secretGroup?: number;
  keywords?: string[];
  allowlists?: GitleaksAllowlist[];
  path?: string;
}

/** Go RE2 syntax to JavaScript: inline (?i) becomes the whole regex's flag (a little wider). */
function goRegex(source: string): RegExp | undefined {
  let flags = "gd";
  let s = source;
  if (/\(\?i\)|\(\?i:/.test(s)) flags += "i";
  if (/\(\?s\)/.test(s)) flags += "s";
  s = s.replace(/\(\?[is]+\)/g, "").replace(/\(\?-?i:/g, "(?:").replace(/\\z/g, "$").replace(/\(\?P</g, "(?<");
  try {
    return new RegExp(s, flags);
  } catch {
    return undefined;
  }
}

/** gitleaks' default rules: regex, keywords, entropy, secret group, global and rule allowlists. */
export async function gitleaksEngine(jsonPath: string): Promise<Engine & { ported: number; skipped: string[] }> {
  const config = JSON.parse(await readFile(jsonPath, "utf8")) as {
    allowlist?: GitleaksAllowlist;
    rules: GitleaksRule[];
  };
  const globalRegexes = (config.allowlist?.regexes ?? []).map(goRegex).filter((r): r is RegExp => r !== undefined);
  const globalStopwords = config.allowlist?.stopwords ?? [];
  const skipped: string[] = [];
  const rules = config.rules.flatMap((rule) => {
    const pattern = rule.regex ? goRegex(rule.regex) : undefined;
    if (!pattern || rule.path) {
      skipped.push(rule.id);
      return [];
    }
    const allow = (rule.allowlists ?? []).filter((a) => !a.paths || a.condition === "AND");
    return [{ rule, pattern, allow: allow.map((a) => ({ ...a, compiled: (a.regexes ?? []).map(goRegex).filter((r): r is RegExp => !!r) })) }];
  });
  const allowed = (regexes: RegExp[], value: string) => regexes.some((r) => ((r.lastIndex = 0), r.test(value)));
  return {
    name: "gitleaks (ported rules)",
    ported: rules.length,
    skipped,
    scan(text) {
      const lower = text.toLowerCase();
      const out: Span[] = [];
      for (const { rule, pattern, allow } of rules) {
        if (rule.keywords && rule.keywords.length > 0 && !rule.keywords.some((k) => lower.includes(k.toLowerCase()))) continue;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
          if (m[0].length === 0) pattern.lastIndex++;
          let group = rule.secretGroup ?? 0;
          if (group === 0) group = m.findIndex((g, i) => i > 0 && g !== undefined && g !== "");
          if (group < 0) group = 0;
          const secret = m[group] ?? m[0];
          const range = m.indices?.[group] ?? m.indices?.[0];
          if (!range) continue;
          if (rule.entropy && shannonEntropy(secret) < rule.entropy) continue;
          if (allowed(globalRegexes, secret) || globalStopwords.some((w) => secret.toLowerCase().includes(w))) continue;
          const lineStart = text.lastIndexOf("\n", m.index) + 1;
          const lineEnd = text.indexOf("\n", m.index + m[0].length);
          const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
          const dropped = allow.some((a) => {
            const target = a.regexTarget === "match" ? m[0] : a.regexTarget === "line" ? line : secret;
            return allowed(a.compiled, target) || (a.stopwords ?? []).some((w) => secret.toLowerCase().includes(w));
          });
          if (!dropped) out.push({ kind: rule.id, start: range[0], end: range[1] });
        }
      }
      return out;
    },
  };
}

/** secretlint's recommended preset, through @secretlint/core, if both are installed. */
export async function secretlintEngine(fromDir = process.cwd()): Promise<Engine | undefined> {
  const require = createRequire(`${fromDir}/`);
  let core: { lintSource: (o: unknown) => Promise<{ messages: { ruleId: string; range: [number, number] }[] }> };
  let preset: { creator: unknown };
  try {
    core = await import(require.resolve("@secretlint/core"));
    preset = await import(require.resolve("@secretlint/secretlint-rule-preset-recommend"));
  } catch {
    return undefined;
  }
  const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: preset.creator }] };
  return {
    name: "secretlint (preset-recommend)",
    async scan(text) {
      const result = await core.lintSource({
        source: { filePath: "/corpus.txt", content: text, contentType: "text" },
        options: { config },
      });
      return result.messages.map((m) => ({ kind: m.ruleId.replace("@secretlint/secretlint-rule-", ""), start: m.range[0], end: m.range[1] }));
    },
  };
}
