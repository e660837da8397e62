// Who is a bot. Used for every source: GitHub accounts (login, type) and the authors of
// local commits (name, email). Bot work teaches a model to write like a bot.
import type { Person } from "../records.js";

/** Why a bot's item is skipped, in the run's summary. */
export const BOT_AUTHOR = "bot author";

/** Automation accounts that do not always carry the [bot] suffix. */
const BOT_NAMES = new Set([
  "dependabot",
  "dependabot-preview",
  "renovate",
  "renovate-bot",
  "renovatebot",
  "github-actions",
  "greenkeeper",
  "snyk-bot",
  "allcontributors",
  "imgbot",
  "imgbotapp",
  "pre-commit-ci",
  "mergify",
  "weblate",
  "semantic-release-bot",
]);

const BOT_EMAILS = new Set([
  "bot@renovateapp.com",
  "support@dependabot.com",
  "noreply@dependabot.com",
  // ImgBot commits as "ImgBotApp <ImgBotHelp@gmail.com>".
  "imgbothelp@gmail.com",
  // Weblate's own commits (translators' commits carry the translator as author).
  "noreply@weblate.org",
  "hosted@weblate.org",
]);

/**
 * The suffixes automation accounts take: "[bot]" (GitHub Apps), "-bot" or "_bot" (logins),
 * " (bot)" (display names). Only as a separate word: "Paul Bottein" or "Talbot" is a person.
 */
const BOT_SUFFIX = /(?:\[bot\]|[-_]bot|\s\(bot\))$/;

function isBotName(name: string | undefined): boolean {
  if (!name) return false;
  const lower = name.trim().toLowerCase();
  return BOT_SUFFIX.test(lower) || BOT_NAMES.has(lower);
}

function isBotEmail(email: string | undefined): boolean {
  if (!email) return false;
  const lower = email.trim().toLowerCase();
  if (BOT_EMAILS.has(lower)) return true;
  // GitHub's noreply address of an app: 49699333+dependabot[bot]@users.noreply.github.com
  const local = lower.endsWith("@users.noreply.github.com") ? lower.split("@")[0] ?? "" : "";
  return isBotName(local.replace(/^\d+\+/, ""));
}

/** True for `[bot]` accounts, type Bot, dependabot, renovate, github-actions & co. */
export function isBot(person: Person | undefined | null): boolean {
  if (!person) return false;
  if (person.type?.toLowerCase() === "bot") return true;
  return isBotName(person.login) || isBotName(person.name) || isBotEmail(person.email);
}
