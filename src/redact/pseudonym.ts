// --pseudonymize: author logins and names replaced by stable pseudonyms ("user-3f2a9c1e").
// The same name gives the same pseudonym in every record and every run with the same salt,
// so a model can still learn "the same person wrote both", but not who.
import { createHmac } from "node:crypto";

export interface PseudonymizerOptions {
  /**
   * Secret key of the HMAC. Without one, anyone can hash a list of known logins and match
   * them; with a salt kept private, the pseudonyms cannot be reversed that way.
   */
  salt?: string;
  /** Default "user-". */
  prefix?: string;
  /** Hex digits kept from the HMAC; default 8 (about 4 billion values, few collisions). */
  length?: number;
}

/** Maps a login or a name to its pseudonym. Case and surrounding spaces do not matter. */
export type Pseudonymizer = (nameOrLogin: string) => string;

export function createPseudonymizer(options: PseudonymizerOptions = {}): Pseudonymizer {
  const salt = options.salt ?? "";
  const prefix = options.prefix ?? "user-";
  const length = Math.min(Math.max(options.length ?? 8, 4), 64);
  const cache = new Map<string, string>();
  return (nameOrLogin) => {
    const key = nameOrLogin.normalize("NFC").trim().toLowerCase();
    if (key === "") return nameOrLogin;
    let pseudonym = cache.get(key);
    if (pseudonym === undefined) {
      pseudonym = prefix + createHmac("sha256", salt).update(key).digest("hex").slice(0, length);
      cache.set(key, pseudonym);
    }
    return pseudonym;
  };
}

/**
 * Replaces each of `names` (logins, display names) where it stands as a word of its own in
 * `text`, "@login" mentions included, by its pseudonym. Longer names first, so "Jane Doe" is
 * one pseudonym rather than "Jane" and "Doe". Other @mentions, npm scopes and decorators are
 * left alone: only names the caller knows to be people are replaced.
 */
export function pseudonymizeText(text: string, names: Iterable<string>, pseudonymize: Pseudonymizer): string {
  return namesReplacer(names, pseudonymize)(text);
}

/**
 * pseudonymizeText with the names compiled once: a run replaces the same names in every
 * text, so the pattern is built when the names change, not per text.
 */
export function namesReplacer(names: Iterable<string>, pseudonymize: Pseudonymizer): (text: string) => string {
  const unique = [...new Set([...names].map((n) => n.trim()).filter((n) => n.length >= 2))];
  if (unique.length === 0) return (text) => text;
  unique.sort((a, b) => b.length - a.length);
  const alternatives = unique.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  const pattern = new RegExp(`(?<![\\w-])(?:${alternatives.join("|")})(?![\\w-])`, "giu");
  return (text) => (text === "" ? text : text.replace(pattern, (found) => pseudonymize(found.replace(/\s+/g, " "))));
}
