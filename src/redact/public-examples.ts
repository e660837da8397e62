// Credentials that their issuers print in public documentation: anyone can read them, so they
// are not findings, and a dataset about JWTs or Stripe or AWS that quotes them is not leaking
// anything. Flagging them would drop records under --on-secret drop for nothing secret.
//
// Each is kept here by a part that no other value shares (never a whole token, so this file
// holds nothing a secret scanner flags), and a value that holds one of these parts is the
// example: a rule may see the whole token or only its random part after the prefix.
const PUBLIC_PARTS = [
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html: the access key id
  // AKIAIOSFODNN7EXAMPLE and its secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY (the rules'
  // own "EXAMPLE" checks catch these too).
  "IOSFODNN7EXAMPLE",
  "bPxRfiCYEXAMPLEKEY",
  // https://jwt.io: the default token of the debugger (HS256, sub 1234567890, "John Doe",
  // iat 1516239022), by its signature.
  "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  // https://docs.stripe.com/api: the test secret key printed throughout the API reference,
  // by its part after sk_test_.
  "4eC39HqLyjWDarjtT1zdp7dc",
  // https://discord.com/developers/docs/reference#authentication: the bot token of the example
  // Authorization header, by its HMAC part.
  "ZnCjm1XVW7vRze4b7Cq4se7kKWs",
  // https://documentation.mailgun.com: the API key of samples.mailgun.org in every example of
  // the older documentation, by a part after key-.
  "xnjp29jd6fds4gc373sgvjxteol0",
];

/** True when the value is (or holds the random part of) a documented public example. */
export function isPublicExample(value: string): boolean {
  for (const part of PUBLIC_PARTS) if (value.includes(part)) return true;
  return false;
}
