// Credentials whose issuer gives them a recognisable shape: a fixed prefix (ghp_, glpat-,
// AKIA, xoxb-, sk_live_, hf_, npm_, dckr_pat_, shpat_ ...) followed by random characters.
// Several patterns are ported from gitleaks' default config (MIT, (c) Zachary Rice,
// https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml); see rules.ts for
// why this project keeps its own table rather than running gitleaks' or secretlint's.
import { findDiscordTokens } from "./discord.js";
import { looksRandom } from "./entropy.js";
import { isPublicExample } from "./public-examples.js";
import { NO_SPANS, PRIORITY, type Rule, type Span } from "./rule.js";

/** Accepts a match whose part after `prefix` looks generated rather than typed. */
function randomAfter(prefix: RegExp, minEntropy = 3): Rule["accept"] {
  return (value) => looksRandom(value.replace(prefix, ""), minEntropy);
}

function issuer(kind: string, keywords: string[], pattern: RegExp, accept: Rule["accept"]): Rule {
  return { kind, keywords, pattern, accept, priority: PRIORITY.issuer };
}

export const TOKEN_RULES: readonly Rule[] = [
  // https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
  issuer("github-token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], /\bgh[pousr]_[A-Za-z0-9]{36,251}\b/g, randomAfter(/^gh._/)),
  issuer("github-token", ["github_pat_"], /\bgithub_pat_\w{82,240}\b/g, randomAfter(/^github_pat_/)),
  // https://docs.gitlab.com/security/tokens/#token-prefixes (gitleaks: gitlab-*); routable
  // tokens end in ".<version>.<crc>" (or ".<version><crc>").
  issuer(
    "gitlab-token",
    ["glpat-", "gldt-", "glrt-", "glcbt-", "glft-", "glimt-", "glagent-", "gloas-", "glffct-", "glsoat-", "glptt-"],
    /\bgl(?:pat|dt|rt|cbt|ft|imt|agent|oas|ffct|soat|ptt)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{2}\.?[0-9a-z]{6,10})?(?![\w-])/g,
    randomAfter(/^gl[a-z]+-/),
  ),
  issuer("gitlab-token", ["gr1348941"], /\bGR1348941[A-Za-z0-9_-]{20,64}(?![\w-])/g, randomAfter(/^GR1348941/)),
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
  // AKIAIOSFODNN7EXAMPLE is AWS's documented example key: public, so not a finding.
  issuer(
    "aws-access-key",
    ["akia", "asia", "abia", "acca", "a3t"],
    /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
    (v) => !v.endsWith("EXAMPLE") && looksRandom(v.slice(4), 2.5),
  ),
  // https://cloud.google.com/docs/authentication/api-keys (gitleaks: gcp-api-key)
  issuer("google-api-key", ["aiza"], /\bAIza[A-Za-z0-9_-]{35}(?![\w-])/g, randomAfter(/^AIza/)),
  issuer("google-client-secret", ["gocspx-"], /\bGOCSPX-[A-Za-z0-9_-]{28}(?![\w-])/g, randomAfter(/^GOCSPX-/)),
  // https://api.slack.com/authentication/token-types (gitleaks: slack-*)
  issuer(
    "slack-token",
    ["xox", "xapp-"],
    /\b(?:xox[abposrce]|xoxe\.xox[bp]|xapp)-(?:\d+-)?[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,6}\b/g,
    (v) => v.length >= 24 && looksRandom(v.replace(/^[a-z.]+-/, "").replace(/-/g, "")),
  ),
  issuer(
    "slack-webhook",
    ["hooks.slack.com"],
    /\bhttps?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{20,120}/g,
    randomAfter(/^.*\//),
  ),
  // https://docs.stripe.com/keys: secret (sk_) and restricted (rk_) keys, test mode too (they
  // read and write the account's test data); publishable pk_ keys are public by design.
  issuer(
    "stripe-key",
    ["sk_live", "sk_test", "sk_prod", "rk_live", "rk_test", "rk_prod", "whsec_"],
    /\b(?:[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9+/]{32,100})\b/g,
    randomAfter(/^[a-z]+_(?:[a-z]+_)?/),
  ),
  // Discord bot tokens: no fixed text in them for the prefilter; see discord.ts. Discord's own
  // example token (the API reference's Authorization header) is public (public-examples.ts).
  { kind: "discord-bot-token", keywords: [], find: findDiscordTokens, priority: PRIORITY.issuer },
  // https://discord.com/developers/docs/resources/webhook#execute-webhook: /webhooks/<id>/<token>,
  // under /api/ or a versioned /api/v10/, on discord.com, its canary and ptb hosts or discordapp.com.
  issuer(
    "discord-webhook",
    ["discord.com/api/", "discordapp.com/api/"],
    /\bhttps?:\/\/(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api\/(?:v\d{1,2}\/)?webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,100}(?![\w-])/g,
    randomAfter(/^.*\//),
  ),
  // https://www.twilio.com/docs/glossary/what-is-a-sid: API key (SK) and account (AC) SIDs;
  // each is half of a credential pair, and the auth token is caught by its assignment.
  // No keywords: "sk" and "ac" are in every text; see findTwilioSids.
  { kind: "twilio-key", keywords: [], find: findTwilioSids, priority: PRIORITY.issuer },
  // https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys: SG.<22>.<43>
  issuer("sendgrid-key", ["sg."], /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![\w-])/g, randomAfter(/^SG\./)),
  // OpenAI: legacy sk-<48> (with "T3BlbkFJ", base64 of "OpenAI", inside), project, service-account
  // and admin keys sk-proj-/sk-svcacct-/sk-admin- (gitleaks: openai-api-key).
  issuer(
    "openai-key",
    ["sk-"],
    /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{48})(?![\w-])/g,
    randomAfter(/^sk-(?:[a-z]+-)?/),
  ),
  // https://docs.anthropic.com/en/api/getting-started: sk-ant-api03-..., also admin01/oat01.
  issuer("anthropic-key", ["sk-ant-"], /\bsk-ant-[a-z]{2,8}\d{2}-[A-Za-z0-9_-]{32,250}(?![\w-])/g, randomAfter(/^sk-ant-[a-z0-9]+-/)),
  // https://huggingface.co/docs/hub/security-tokens: hf_ + 34 letters; api_org_ for organisations.
  issuer(
    "huggingface-token",
    ["hf_", "api_org_"],
    /\b(?:hf_|api_org_)[A-Za-z0-9]{34}\b/g,
    (v) => /[a-z]/.test(v.slice(3)) && /[A-Z]/.test(v) && looksRandom(v.replace(/^(?:hf|api_org)_/, "")),
  ),
  // https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
  issuer("npm-token", ["npm_"], /\bnpm_[A-Za-z0-9]{36}\b/g, randomAfter(/^npm_/)),
  // https://pypi.org/help/#apitoken: macaroons whose base64 starts with "pypi.org" (or test.pypi.org).
  issuer(
    "pypi-token",
    ["pypi-age"],
    /\bpypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,4000}(?![\w-])/g,
    randomAfter(/^pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)/),
  ),
  // https://docs.docker.com/security/for-developers/access-tokens/ (personal and organisation)
  issuer("dockerhub-token", ["dckr_"], /\bdckr_(?:pat|oat)_[A-Za-z0-9_-]{20,100}(?![\w-])/g, randomAfter(/^dckr_..._/)),
  // https://docs.digitalocean.com/reference/api/create-personal-access-token/ (gitleaks: digitalocean-*)
  issuer("digitalocean-token", ["dop_v1_", "doo_v1_", "dor_v1_"], /\bdo[opr]_v1_[a-f0-9]{64}\b/g, randomAfter(/^do._v1_/)),
  // Shopify admin, shared-secret, custom-app and private-app tokens (gitleaks: shopify-*)
  issuer("shopify-token", ["shpat_", "shpss_", "shpca_", "shppa_"], /\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b/g, randomAfter(/^shp.._/)),
  // https://core.telegram.org/bots/api#authorizing-your-bot: <bot id>:<35 characters>, also
  // glued to the "bot" of a request URL (https://api.telegram.org/bot<token>/getMe).
  issuer("telegram-bot-token", [":aa"], /(?:\b|(?<=\/bot))\d{6,12}:AA[A-Za-z0-9_-]{33}(?![\w-])/g, randomAfter(/^\d+:AA/)),
  // https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes: service (hvs.) and
  // batch (hvb.) tokens (gitleaks: vault-*). The older "s." ones have no prefix worth a keyword.
  issuer("vault-token", ["hvs.", "hvb."], /\bhv(?:s\.[A-Za-z0-9_-]{90,120}|b\.[A-Za-z0-9_-]{138,300})(?![\w-])/g, randomAfter(/^hv.\./)),
  // HCP Terraform and Terraform Enterprise API tokens: <14>.atlasv1.<60-70> (gitleaks:
  // hashicorp-tf-api-token), in credentials.tfrc.json, .terraformrc and TF_TOKEN_<host>.
  issuer(
    "terraform-token",
    ["atlasv1"],
    /\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![\w=-])/g,
    (v) => looksRandom(v.replace(".atlasv1.", "")),
  ),
  // https://docs.databricks.com/en/dev-tools/auth/pat.html: dapi + 32 hex, some with a "-2"
  // suffix (gitleaks: databricks-api-token).
  issuer("databricks-token", ["dapi"], /\bdapi[0-9a-f]{32}(?:-\d)?\b/g, randomAfter(/^dapi/)),
  // https://devcenter.heroku.com/articles/authentication: HRKU-AA + 58 since 2024 (gitleaks:
  // heroku-api-key-v2). The older keys are UUIDs, found as generic secrets by their name.
  issuer("heroku-api-key", ["hrku-aa"], /\bHRKU-AA[A-Za-z0-9_-]{58}(?![\w-])/g, randomAfter(/^HRKU-AA/)),
  // Mailgun's private API keys: key-<32 lower-case letters and digits> (gitleaks:
  // mailgun-private-api-token); its pubkey- validation keys are public. Mailgun's documented
  // sample key is public too (public-examples.ts).
  issuer("mailgun-key", ["key-"], /\bkey-[0-9a-z]{32}\b/g, (v) => /\d/.test(v.slice(4)) && looksRandom(v.slice(4))),
  // Its newer private and webhook signing keys, <32 hex>-<8 hex>-<8 hex>, on a line that names
  // Mailgun (gitleaks: mailgun-signing-key): mailgun.client({ username: "api", key: "..." }).
  {
    kind: "mailgun-key",
    keywords: ["mailgun"],
    pattern: /mailgun[^\n]{0,200}?(?<![\w-])([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![\w-])/gi,
    group: 1,
    accept: (v) => looksRandom(v.replace(/-/g, "")),
    priority: PRIORITY.issuer,
  },
  // A JSON Web Token: base64url header and payload (both JSON objects, so "eyJ"), signature.
  issuer(
    "jwt",
    ["eyj"],
    /\beyJ[A-Za-z0-9_-]{10,4000}\.ey[A-Za-z0-9_-]{10,16000}\.[A-Za-z0-9_-]{0,8000}/g,
    // jwt.io's default token is public (public-examples.ts).
    (v) => isJwtHeader(v.slice(0, v.indexOf("."))) && !isPublicExample(v),
  ),
];

const TWILIO_SID = /\b(?:SK|AC)[0-9a-f]{32}\b/y;

const TWILIO_SID_LENGTH = 34;

// The pattern, tried only where an upper-case "K" or "C" (rare in code, and found by indexOf,
// which is faster than irregexp on the pattern) follows "S" or "A" and precedes a hex digit.
function findTwilioSids(text: string): readonly Span[] {
  if (text.length < TWILIO_SID_LENGTH) return NO_SPANS;
  let found: Span[] | undefined;
  // SK (an API key) and AC (an account): the second letter, then the first letter's code.
  for (let p = 0; p < 2; p++) {
    const second = p === 0 ? "K" : "C";
    const first = p === 0 ? 83 : 65;
    for (let i = text.indexOf(second, 1); i !== -1; i = text.indexOf(second, i + 1)) {
      if (text.charCodeAt(i - 1) !== first || !isLowerHex(text.charCodeAt(i + 1))) continue;
      TWILIO_SID.lastIndex = i - 1;
      const sid = TWILIO_SID.exec(text)?.[0];
      if (sid !== undefined && looksRandom(sid.slice(2))) (found ??= []).push({ start: i - 1, end: i - 1 + sid.length });
    }
  }
  return found ?? NO_SPANS;
}

function isLowerHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

function isJwtHeader(segment: string): boolean {
  try {
    const header = Buffer.from(segment, "base64url").toString("utf8");
    return /^\s*\{/.test(header) && /"(?:alg|typ|kid|enc)"\s*:/.test(header);
  } catch {
    return false;
  }
}
