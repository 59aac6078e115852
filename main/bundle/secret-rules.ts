/**
 * The secret rules: what a secret looks like, as data, for the scrubber (main/bundle/redact.ts) and
 * for the description step's warning (renderer/src/screens/Describe.tsx). Pure and Node-free: no
 * imports at all, so the sandboxed renderer can use it as it is.
 *
 * Each rule keeps the label and replaces the value with `[secret]`, so the technician sees that a
 * secret was there without seeing it.
 *
 * The token shapes (AWS key ids, GitHub, GitLab, Slack, Discord, npm, PyPI, Stripe, Google,
 * SendGrid, JWT, private keys) follow the rule families of gitleaks (https://github.com/gitleaks/gitleaks,
 * config/gitleaks.toml, MIT licence, Copyright (c) 2019 Zachary Rice) and secretlint
 * (https://github.com/secretlint/secretlint, rule-preset-recommend, MIT licence, Copyright (c) 2019
 * azu). They are written anew here in JavaScript regex syntax (not copied), with bounded
 * quantifiers, so every rule is linear on hostile input: no nested unbounded quantifier, and every
 * candidate match is anchored by a look-behind or a word boundary.
 */

export const SECRET = '[secret]';

export interface SecretRule {
  readonly id: string;
  /** Always global. */
  readonly pattern: RegExp;
  /** The replacement; returning the match unchanged declines it (not a secret after all). */
  readonly replace: (match: string, ...groups: string[]) => string;
}

const keep =
  (n = 1) =>
  (_m: string, ...g: string[]): string =>
    `${g.slice(0, n).join('')}${SECRET}`;
const whole = (): string => SECRET;

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/** Long, random-looking and of mixed classes: how generated keys look, and hashes, GUIDs and words do not. */
function isRandomToken(value: string, minLength = 20): boolean {
  return (
    value.length >= minLength &&
    /[A-Z]/.test(value) &&
    /[a-z]/.test(value) &&
    /[0-9]/.test(value) &&
    entropy(value) >= 3.5
  );
}

/** Rules for shapes that can appear anywhere; applied in this order, before the key=value scan. */
export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'private-key',
    pattern:
      /-----BEGIN [A-Z ]{0,40}PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY( BLOCK)?-----|$)/g,
    replace: whole,
  },
  // Authorization: Bearer xyz / Basic abc= / token t
  {
    id: 'authorization',
    pattern:
      /\b((?:proxy-)?authorization)(\s{0,5}[:=]\s{0,5})(?:(bearer|basic|token|digest|negotiate|ntlm)\s{1,5})?[^\s"',;]{1,4096}/gi,
    replace: (_m, name = '', sep = '', scheme) => `${name}${sep}${scheme ? `${scheme} ` : ''}${SECRET}`,
  },
  // user:password@ in URLs
  {
    id: 'url-userinfo',
    pattern: /\b([a-z][a-z0-9+.-]{0,30}:\/\/)[^/\s:@"']{1,256}:[^/\s@"']{1,256}@/gi,
    replace: (_m, scheme = '') => `${scheme}${SECRET}@`,
  },
  // --password value, -pwd=value, /password:value, --token=value
  {
    id: 'secret-flag',
    pattern:
      /((?:^|\s)(?:--?|\/)(?:password|passwd|pass|pwd|token|secret|api-?key|access-?key|client-?secret|psk)(?:\s{0,5}[=:]\s{0,5}|\s{1,5}))("[^"\n]{0,1000}"|'[^'\n]{0,1000}'|\S{1,4096})/gi,
    replace: keep(),
  },
  // netsh wlan show profile key=clear
  { id: 'wifi-key', pattern: /\b(key content\s{0,40}:\s{0,5})[^\r\n]{1,512}/gi, replace: keep() },
  // PowerShell: ConvertTo-SecureString 'plain' -AsPlainText
  {
    id: 'powershell-securestring',
    pattern:
      /\b(ConvertTo-SecureString\s{1,5}(?:-String\s{1,5})?)('[^'\n]{0,1000}'|"[^"\n]{0,1000}"|[^\s|;)]{1,1000})/gi,
    replace: keep(),
  },
  // Webhook URLs: the path after the host is the credential.
  {
    id: 'slack-webhook',
    pattern: /(https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9+/_-]{8,300}/gi,
    replace: keep(),
  },
  {
    id: 'office-webhook',
    pattern:
      /(\.webhook\.office\.com\/webhookb2\/|outlook\.office(?:365)?\.com\/webhook\/)[^\s"'<>]{8,1000}/gi,
    replace: keep(),
  },
  {
    id: 'discord-webhook',
    pattern:
      /(https?:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/)[0-9]{5,30}\/[A-Za-z0-9_-]{20,200}/gi,
    replace: keep(),
  },
  // Tokens with a known prefix: the prefix stays, so the technician knows what kind it was.
  {
    id: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096}/g,
    replace: whole,
  },
  { id: 'github', pattern: /\b(gh[pousr]_)[A-Za-z0-9]{30,255}/g, replace: keep() },
  { id: 'github-fine-grained', pattern: /\b(github_pat_)[A-Za-z0-9_]{22,255}/g, replace: keep() },
  {
    id: 'gitlab',
    pattern: /\b(glpat-|gldt-|glrt-|glptt-|glsoat-|gloas-|glcbt-)[A-Za-z0-9_-]{20,255}/g,
    replace: keep(),
  },
  { id: 'slack-token', pattern: /\b(xox[abposr]-)[A-Za-z0-9-]{10,255}/g, replace: keep() },
  { id: 'npm', pattern: /\b(npm_)[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, replace: keep() },
  { id: 'pypi', pattern: /\b(pypi-)AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}/g, replace: keep() },
  { id: 'stripe', pattern: /\b([sr]k_(?:live|test)_)[0-9A-Za-z]{16,255}/g, replace: keep() },
  { id: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, replace: whole },
  {
    id: 'sendgrid',
    pattern: /\b(SG\.)[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    replace: keep(),
  },
  {
    id: 'aws-access-key-id',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[0-9A-Z]{16}(?![0-9A-Z])/g,
    replace: whole,
  },
  // An AWS secret access key without its label: exactly 40 base64 characters, random-looking
  // (a SHA-1 or a commit id is hex, one case only, so it stays).
  {
    id: 'aws-secret-access-key',
    pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    replace: (m) => (isRandomToken(m) && entropy(m) >= 4 ? SECRET : m),
  },
  // Typed by a person: "my password is X", "pw X", "mein Passwort ist X", "Kennwort lautet X".
  {
    id: 'natural-language',
    pattern:
      /\b(passwor[dt]|kennwort|passwd|pwd|pw|passcode)((?:\s{1,3}(?:is|was|ist|war|lautet|wäre|would be|should be))?\s{0,3}[:=]?\s{1,3})("[^"\n]{1,200}"|'[^'\n]{1,200}'|\S{1,200})/gi,
    replace: (m, name = '', sep = '', value = '') =>
      looksLikeAPassword(value) ? `${name}${sep}${SECRET}` : m,
  },
];

/** A word someone typed as their password (has a digit or a symbol), not "expired" or "reset". */
function looksLikeAPassword(value: string): boolean {
  const bare = value.replace(/^["']|["']$/g, '').replace(/[.,;!?]$/, '');
  if (bare.length < 4 || bare.startsWith('[')) return false;
  return /[0-9]/.test(bare) || /[^A-Za-z0-9äöüÄÖÜß]/.test(bare);
}

// ---------------------------------------------------------------------------------------------
// key=value, key: value, "key": "value" — the key decides, or, for unknown keys, the value's entropy.

/** A key (one word; a dotted or dashed key is judged by its last word) and its separator. */
const KEY_SEP = /(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]{0,63})(\\?["']?\s{0,5}[:=]\s{0,5})/g;
/** Key words that are secrets on their own. */
const SECRET_WORDS = new Set([
  'password',
  'passwords',
  'passwd',
  'pwd',
  'pass',
  'pw',
  'passphrase',
  'passwort',
  'kennwort',
  'secret',
  'secrets',
  'token',
  'tokens',
  'psk',
  'sas',
  'sig',
  'auth',
  'credential',
  'credentials',
  'creds',
  'apikey',
  'accesskey',
  'privatekey',
  'accountkey',
  'sharedaccesskey',
  'clientsecret',
]);
/** Parts that make a key a secret wherever they appear in it (PGPASSWORD, AWS_SECRET_ACCESS_KEY…). */
const SECRET_PARTS =
  /password|passwd|passphrase|passwort|kennwort|secret|apikey|accesskey|privatekey|accountkey|sharedaccesskey|connectionstring|credential|authtoken|accesstoken|refreshtoken|sessiontoken|idtoken|bearertoken|signingkey|encryptionkey|masterkey/;
/** A last word that makes a key about a secret, not a secret itself (PasswordLastSet, SharedAccessKeyName). */
const ABOUT_A_SECRET = new Set([
  'name',
  'names',
  'id',
  'ids',
  'type',
  'kind',
  'file',
  'path',
  'dir',
  'length',
  'len',
  'policy',
  'expiry',
  'expires',
  'expired',
  'expiration',
  'ttl',
  'lifetime',
  'hint',
  'url',
  'uri',
  'endpoint',
  'enabled',
  'disabled',
  'required',
  'set',
  'changed',
  'changeable',
  'age',
  'count',
  'last',
  'status',
  'state',
  'format',
  'version',
  'store',
  'provider',
  'mode',
  'header',
  'field',
  'label',
  'algorithm',
  'size',
  'bits',
  'usage',
  'location',
  'prompt',
  'reset',
  'min',
  'max',
  'minimum',
  'maximum',
  'history',
  'complexity',
  'method',
  'scheme',
  'server',
  'host',
  'issuer',
  'audience',
  'scope',
]);
/** Keys whose values are the bundle's own plain facts, never judged by entropy. */
const PLAIN_FACTS =
  /(?:^|_)(?:id|guid|uuid|hash|sha\d*|md5|checksum|digest|thumbprint|fingerprint|version|build|path|file|dir|url|uri|name|serial|model|sku)$/;
/** Before a bare `Key`: the word that makes it a secret (X-Api-Key, private-key, Shared.Access.Key). */
const KEY_QUALIFIER =
  /(?:api|access|private|account|secret|shared|signing|encryption|master|subscription|license|client)[-._]?$/i;

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_]+/)
    .filter(Boolean);
}

function isSecretKey(key: string, before: string): boolean {
  const parts = words(key);
  const last = parts[parts.length - 1] ?? '';
  if (parts.length > 1 && ABOUT_A_SECRET.has(last)) return false;
  if (parts.some((w) => SECRET_WORDS.has(w)) || SECRET_PARTS.test(parts.join(''))) return true;
  return last === 'key' && parts.length === 1 && KEY_QUALIFIER.test(before);
}

const TOKEN_CHAR = /[A-Za-z0-9+/_.~-]/;
const BARE_END = /[\s,;&"'}<>)\]]/;

/** Where the value that starts at `at` ends; `whole` also takes `=` (base64 padding, a password's). */
function valueEnd(text: string, at: number, whole: boolean): number {
  const c = text[at];
  const escaped = c === '\\' && (text[at + 1] === '"' || text[at + 1] === "'");
  if (c === '"' || c === "'" || escaped) {
    const close = escaped ? `\\${text[at + 1]}` : c;
    const end = text.indexOf(close, at + close.length);
    if (end !== -1 && end - at <= 1000 && !text.slice(at, end).includes('\n')) return end + close.length;
  }
  if (c === '{') {
    const end = text.indexOf('}', at);
    if (end !== -1 && end - at <= 500) return end + 1;
  }
  let end = at;
  while (end < text.length && !BARE_END.test(text[end] ?? ' ') && (whole || text[end] !== '=')) end += 1;
  return end;
}

function scrubKeyValues(text: string, found: () => void): string {
  let out = '';
  let copied = 0;
  KEY_SEP.lastIndex = 0;
  for (let m = KEY_SEP.exec(text); m; m = KEY_SEP.exec(text)) {
    const [all, key = ''] = m;
    const start = m.index + all.length;
    if (
      start >= text.length ||
      text.startsWith(SECRET, start) ||
      /^\[[a-z]+-\d+\]/.test(text.slice(start, start + 16))
    )
      continue;
    let end = -1;
    if (isSecretKey(key, text.slice(Math.max(0, m.index - 16), m.index))) end = valueEnd(text, start, true);
    else if (!PLAIN_FACTS.test(words(key).join('_'))) {
      // Only a token's characters, and at most 512 of them: linear even when every word is a key.
      let candidate = start;
      while (candidate - start <= 512 && TOKEN_CHAR.test(text[candidate] ?? ' ')) candidate += 1;
      const value = text.slice(start, candidate);
      if (candidate - start <= 512 && !value.startsWith('/') && isRandomToken(value)) end = candidate;
    }
    if (end <= start) continue;
    found();
    out += `${text.slice(copied, start)}${SECRET}`;
    copied = end;
    KEY_SEP.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Replaces every secret in a text; returns the text and how many secrets it held. */
export function scrubSecrets(text: string): { text: string; secrets: number } {
  let secrets = 0;
  let result = text;
  for (const rule of SECRET_RULES) {
    result = result.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''));
      const replaced = rule.replace(match, ...groups);
      if (replaced !== match) secrets += 1;
      return replaced;
    });
  }
  result = scrubKeyValues(result, () => (secrets += 1));
  return { text: result, secrets };
}

/** Whether a text holds something that looks like a password or a key (the description step warns). */
export function looksLikeSecret(text: string): boolean {
  return text !== '' && scrubSecrets(text).secrets > 0;
}
