// E-mail addresses are personal data: redacted as kind "email". Not redacted: GitHub's noreply
// addresses (made to be public), reserved example domains (RFC 2606: example.com/.org/.net,
// .example, .test, .invalid, .localhost), and things shaped like addresses that are not:
// icon@2x.png, git@github.com:owner/repo, https://user@host (a URL's user name).
import { NO_SPANS, PRIORITY, type Rule, type Span } from "./rule.js";

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const DOMAIN_SHAPE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}([A-Za-z]{2,24})$/;
const PUBLIC_DOMAIN = /(?:^|\.)(?:users\.noreply\.github\.com|example\.(?:com|org|net)|example|test|invalid|localhost)$/i;
// Top-level "domains" that are really file extensions: retina images, versioned files.
const FILE_EXTENSIONS = new Set(
  ("png jpg jpeg gif svg webp ico bmp avif js mjs cjs ts tsx jsx css scss sass less json md txt html " +
    "htm xml yml yaml toml lock map wasm vue svelte php py rb rs go java kt swift sh zip gz tgz pdf").split(" "),
);

function isLocalChar(c: number): boolean {
  // A-Z a-z 0-9 . _ % + -
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

function findEmails(text: string): readonly Span[] {
  let found: Span[] | undefined;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && !isAlnum(text.charCodeAt(start))) start++; // no leading dot or dash
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && !isAlnum(text.charCodeAt(end - 1))) end--; // "a@b.com." ends a sentence
    const domain = text.slice(at + 1, end);
    const tld = DOMAIN_SHAPE.exec(domain)?.[1];
    if (tld === undefined || FILE_EXTENSIONS.has(tld.toLowerCase())) continue;
    if (PUBLIC_DOMAIN.test(domain) || isNotAnAddress(text, start, at, end)) continue;
    (found ??= []).push({ start, end });
  }
  return found ?? NO_SPANS;
}

function isAlnum(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isNotAnAddress(text: string, start: number, at: number, end: number): boolean {
  const local = text.slice(start, at).toLowerCase();
  const domain = text.slice(at + 1, end).toLowerCase();
  if (local === "noreply" && domain === "github.com") return true; // GitHub's own web-commit address
  if (local === "git" && text[end] === ":") return true; // scp-style ssh remote
  // A user name in a URL: scheme://user@host or scheme://user:password@host (not mailto:).
  if (text.startsWith("//", start - 2)) return true;
  if (text[start - 1] !== ":") return false;
  let i = start - 1;
  while (i > 0 && start - i < 300 && !/[\s"'`<>()]/.test(text[i - 1] ?? "")) i--;
  return text.slice(i, start).includes("://");
}

// No keyword: the finder's own indexOf("@") is the cheapest prefilter there is.
export const EMAIL_RULE: Rule = { kind: "email", keywords: [], find: findEmails, priority: PRIORITY.pii };
