// Credentials stored base64-encoded, where no rule for the plain form can see them: a PEM
// private key as a kubeconfig's `client-key-data` or a Kubernetes Secret's `tls.key` (the value
// starts LS0tLS1CRUdJTi, which is "-----BEGIN" encoded), and the `auth` of a Docker config.json
// `auths` entry or an .npmrc `_auth`, which is base64 of "user:password".
//
// Both are decoded before they are reported: a certificate (LS0tLS1CRUdJTiBDRVJU...) or a
// public key is as base64 as a private one, and "auth" holds other base64 in other files.
import { isPlaceholder } from "./entropy.js";
import { PRIORITY, type Rule } from "./rule.js";

// An RSA 8192 key is about 6.5 KB of base64, and a third more once encoded again.
const ENCODED_PEM = /\bLS0tLS1CRUdJTi[A-Za-z0-9+/]{100,12000}={0,2}/g;

// Docker's "auth": "..." (config.json) and npm's _auth = ... / "_auth": "..." (.npmrc).
const ENCODED_LOGIN = /(?:"_?auth"|\b_auth)[ \t]*[:=][ \t]*"?([A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])/g;

export const ENCODED_RULES: readonly Rule[] = [
  {
    kind: "private-key",
    keywords: ["ls0tls1crudjti"],
    pattern: ENCODED_PEM,
    // The header, decoded: 64 characters are 48 bytes, more than the longest BEGIN line.
    accept: (v) => /^-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY/.test(Buffer.from(v.slice(0, 64), "base64").toString("latin1")),
    priority: PRIORITY.structure,
  },
  {
    kind: "password",
    keywords: ["auth"],
    pattern: ENCODED_LOGIN,
    group: 1,
    accept: isEncodedLogin,
    // "auth" is in "author" and "OAuth" on many lines; the key ends right after it.
    near: (text, _start, end) => {
      const c = text[end];
      return c === '"' || c === " " || c === "\t" || c === "=" || c === ":";
    },
    priority: PRIORITY.context,
  },
];

// Printable "user:password" with a password that is no stand-in ("user:password", "x:xxx").
function isEncodedLogin(value: string): boolean {
  const decoded = Buffer.from(value, "base64").toString("latin1");
  const colon = decoded.indexOf(":");
  if (colon < 1 || !/^[\x21-\x7e]+$/.test(decoded)) return false;
  const password = decoded.slice(colon + 1);
  return password.length >= 4 && password !== decoded.slice(0, colon) && !isPlaceholder(password) && !/^[$<{]/.test(password);
}
