/**
 * Redaction: what leaves the machine, decided by level, declared by the probes, and tested.
 *
 * Two sources of truth work together:
 * - the probe descriptors' `sensitive` field docs say which values are personal data (a user name,
 *   a MAC address, an SSID); at a level that covers that kind, the value becomes a placeholder, and
 *   the value is remembered so every other occurrence (in a path, a log line, a finding) goes too;
 * - free-text scrubbing catches what no descriptor can know about: secrets in command lines and
 *   environment-like strings, e-mail addresses, user names inside home-folder paths, and (strict)
 *   addresses.
 *
 * Secrets are removed at every level, including `off`. Placeholders are stable within a bundle
 * (`[user-1]` is always the same user), so a technician can still follow the story.
 */
import type { FieldDoc, SensitiveKind } from '../../probes/types';

export type RedactionLevel = 'off' | 'standard' | 'strict';
export const REDACTION_LEVELS: readonly RedactionLevel[] = ['off', 'standard', 'strict'];

/** Which kinds of personal data each level replaces. `secret` is in all of them. */
export const REDACTED_KINDS: Readonly<Record<RedactionLevel, ReadonlySet<SensitiveKind>>> = {
  off: new Set<SensitiveKind>(['secret']),
  // What IT needs to act (host name, addresses, serial numbers) stays; what says who the user is
  // or where they are (their name, e-mail, home Wi-Fi name) goes.
  standard: new Set<SensitiveKind>(['secret', 'username', 'email', 'ssid']),
  strict: new Set<SensitiveKind>([
    'secret',
    'username',
    'email',
    'ssid',
    'hostname',
    'ip',
    'mac',
    'serial',
    'path',
    'identifier',
  ]),
};

const PLACEHOLDER_PREFIX: Readonly<Record<SensitiveKind, string>> = {
  username: 'user',
  hostname: 'host',
  email: 'email',
  ip: 'ip',
  mac: 'mac',
  serial: 'serial',
  ssid: 'ssid',
  path: 'path',
  identifier: 'id',
  secret: 'secret',
};

/** Matches any placeholder this module writes, so a reader (or the consent preview) can mark them. */
export const PLACEHOLDER_PATTERN = /\[(?:user|host|email|ip|mac|serial|ssid|path|id)-\d+\]|\[secret\]/g;
const IS_PLACEHOLDER = /^(?:\[(?:user|host|email|ip|mac|serial|ssid|path|id)-\d+\]|\[secret\])$/;

const SECRET = '[secret]';

/**
 * Secret patterns, applied at every level. Each keeps the label and replaces the value, so the
 * technician sees that a password was there without seeing it.
 */
const SECRET_RULES: readonly { pattern: RegExp; replace: string | ((...groups: string[]) => string) }[] = [
  {
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: SECRET,
  },
  // Authorization: Bearer xyz / Basic abc= / token t
  {
    pattern:
      /\b((?:proxy-)?authorization)(\s*[:=]\s*)(?:(bearer|basic|token|digest|negotiate|ntlm)\s+)?[^\s"',;]+/gi,
    replace: (_m, name, sep, scheme) => `${name}${sep}${scheme ? `${scheme} ` : ''}${SECRET}`,
  },
  // user:password@ in URLs
  {
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@"']+:[^/\s@"']+@/gi,
    replace: (_m, scheme) => `${scheme}${SECRET}@`,
  },
  // --password value, -pwd=value, /password:value
  {
    pattern:
      /((?:^|\s)(?:--?|\/)(?:password|passwd|pass|pwd|token|secret|api-?key|access-?key|client-?secret|psk)(?:\s*[=:]\s*|\s+))("[^"]*"|'[^']*'|\S+)/gi,
    replace: (_m, flag) => `${flag}${SECRET}`,
  },
  // password=..., "token": "...", Key Content : ..., PSK=..., connection strings (up to ; or end)
  {
    pattern:
      /\b((?:[a-z0-9]+[_-])*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|client[_-]?secret|private[_-]?key|psk|wpa[_-]?passphrase|passphrase|key[ _]content|sas|sig|credential)s?)("?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&"'}]+)/gi,
    replace: (_m, name, sep) => `${name}${sep}${SECRET}`,
  },
  // Well-known token shapes that can appear anywhere.
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: SECRET }, // JWT
  {
    pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}/g,
    replace: SECRET,
  },
  { pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, replace: SECRET }, // Slack
  { pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, replace: SECRET }, // AWS access key id
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: SECRET }, // Google API key
  { pattern: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}/g, replace: SECRET }, // Stripe-style
];

/** An argument that announces a secret as the next argument. */
const SECRET_FLAG =
  /^(?:--?|\/)(?:password|passwd|pass|pwd|p|token|secret|api-?key|access-?key|client-?secret|psk|key)$/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** The user-name segment of a home folder: /home/x, /Users/x, C:\Users\x (but not Public/Default). */
const HOME_SEGMENT = /((?:^|[\s"'=(:])(?:[A-Za-z]:)?[\\/](?:home|Users|users)[\\/])([^\\/\s"',;:)]+)/g;
const NOT_A_USER = new Set(['public', 'default', 'default user', 'all users', 'shared', 'guest', '[user']);
const MAC = /\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b/g;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const IPV6 =
  /\b(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}\b|\b(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?\b/g;
/** Addresses that identify nobody, kept even in strict mode so technicians can read routes. */
const UNIDENTIFYING_IPS = new Set(['127.0.0.1', '0.0.0.0', '255.255.255.255', '::1', '::']);

/** Values shorter than this are not replaced in free text: "a" or "pc" would shred every sentence. */
const MIN_KNOWN_VALUE_LENGTH = 3;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface RedactionSummary {
  readonly level: RedactionLevel;
  /** How many distinct values of each kind were replaced. */
  readonly replaced: Readonly<Partial<Record<SensitiveKind, number>>>;
  /** How many secrets were removed. */
  readonly secrets: number;
}

/** Replaces sensitive values with stable placeholders; one instance per bundle. */
export class Redactor {
  private readonly kinds: ReadonlySet<SensitiveKind>;
  private readonly placeholders = new Map<SensitiveKind, Map<string, string>>();
  private knownPattern: { regex: RegExp; lookup: Map<string, string> } | null = null;
  private secrets = 0;

  constructor(readonly level: RedactionLevel) {
    this.kinds = REDACTED_KINDS[level];
  }

  covers(kind: SensitiveKind): boolean {
    return this.kinds.has(kind);
  }

  /** The placeholder for a value of a kind, the same every time within this bundle. */
  placeholder(kind: SensitiveKind, value: string): string {
    if (kind === 'secret') return SECRET;
    let byValue = this.placeholders.get(kind);
    if (!byValue) {
      byValue = new Map();
      this.placeholders.set(kind, byValue);
    }
    const key =
      kind === 'hostname' || kind === 'username' || kind === 'email' || kind === 'mac'
        ? value.toLowerCase()
        : value;
    let placeholder = byValue.get(key);
    if (!placeholder) {
      placeholder = `[${PLACEHOLDER_PREFIX[kind]}-${byValue.size + 1}]`;
      byValue.set(key, placeholder);
      this.knownPattern = null;
    }
    return placeholder;
  }

  /** Replaces a value the descriptors call sensitive, if this level covers its kind. */
  redactField(kind: SensitiveKind, value: string): string {
    if (value === '' || IS_PLACEHOLDER.test(value)) return value;
    if (kind === 'secret') {
      this.secrets += 1;
      return SECRET;
    }
    return this.covers(kind) ? this.placeholder(kind, value) : value;
  }

  private knownValues(): { regex: RegExp; lookup: Map<string, string> } | null {
    if (this.knownPattern) return this.knownPattern;
    const lookup = new Map<string, string>();
    for (const [kind, byValue] of this.placeholders) {
      for (const [value, placeholder] of byValue) {
        // A root ("/", "C:\\") says nothing about anyone and would mangle every path in the text;
        // a named path ("/Volumes/Projects", "D:\\Clients") goes wherever it appears, e.g. in a finding.
        if (kind === 'path' && !/[A-Za-z0-9]{2}/.test(value)) continue;
        if (value.length >= MIN_KNOWN_VALUE_LENGTH) lookup.set(value.toLowerCase(), placeholder);
      }
    }
    if (lookup.size === 0) return null;
    const alternatives = [...lookup.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    // Whole words only: the user "ann" must not turn "channel" into "ch[user-1]el".
    this.knownPattern = {
      regex: new RegExp(`(?<![A-Za-z0-9_])(?:${alternatives.join('|')})(?![A-Za-z0-9_])`, 'gi'),
      lookup,
    };
    return this.knownPattern;
  }

  /** Scrubs free text: secrets always; known values, e-mails, home folders and addresses by level. */
  scrubText(text: string): string {
    let result = text;
    for (const rule of SECRET_RULES) {
      result = result.replace(rule.pattern, (...args: unknown[]) => {
        this.secrets += 1;
        return typeof rule.replace === 'string' ? rule.replace : rule.replace(...(args as string[]));
      });
    }
    if (this.covers('username')) {
      result = result.replace(HOME_SEGMENT, (whole, prefix: string, name: string) =>
        NOT_A_USER.has(name.toLowerCase()) ? whole : `${prefix}${this.placeholder('username', name)}`,
      );
    }
    const known = this.knownValues();
    if (known)
      result = result.replace(known.regex, (match) => known.lookup.get(match.toLowerCase()) ?? match);
    if (this.covers('email')) result = result.replace(EMAIL, (email) => this.placeholder('email', email));
    if (this.covers('mac')) result = result.replace(MAC, (mac) => this.placeholder('mac', mac));
    if (this.covers('ip')) {
      const address = (ip: string): string => (UNIDENTIFYING_IPS.has(ip) ? ip : this.placeholder('ip', ip));
      result = result
        .replace(IPV4, address)
        .replace(IPV6, (ip) => (ip.includes('::') || ip.split(':').length > 3 ? address(ip) : ip));
    }
    return result;
  }

  /**
   * Scrubs a program's argument list, where a secret flag and its value are separate elements
   * (`['--password', 'x']`), which per-string scrubbing cannot see.
   */
  scrubArgs(args: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i] ?? '';
      out.push(this.scrubText(arg));
      if (SECRET_FLAG.test(arg) && i + 1 < args.length) {
        this.secrets += 1;
        out.push(SECRET);
        i += 1;
      }
    }
    return out;
  }

  /** Scrubs every string inside a JSON-like value (object keys are structure, left alone). */
  scrubValue<T>(value: T): T {
    if (typeof value === 'string') return this.scrubText(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.scrubValue(item)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.scrubValue(v)]),
      ) as T;
    }
    return value;
  }

  /**
   * Replaces the fields a probe's descriptor marks sensitive (walking `a`, `a.b`, `a[].b` paths).
   * Call this for every probe before scrubbing free text, so known values are learnt first.
   */
  redactData(fields: Readonly<Record<string, FieldDoc>>, data: unknown): unknown {
    const visit = (value: unknown, prefix: string): unknown => {
      if (Array.isArray(value)) return value.map((item) => visit(item, `${prefix}[]`));
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const path = prefix === '' ? key : `${prefix}.${key}`;
        const kind = fields[path]?.sensitive;
        if (kind && typeof child === 'string') out[key] = this.redactField(kind, child);
        else if (kind && Array.isArray(child) && child.every((c) => typeof c === 'string'))
          out[key] = child.map((c: string) => this.redactField(kind, c));
        else if (kind === 'secret' && child !== null) out[key] = SECRET;
        else out[key] = visit(child, path);
      }
      return out;
    };
    return visit(data, '');
  }

  summary(): RedactionSummary {
    const replaced: Partial<Record<SensitiveKind, number>> = {};
    for (const [kind, byValue] of this.placeholders) if (byValue.size > 0) replaced[kind] = byValue.size;
    return { level: this.level, replaced, secrets: this.secrets };
  }
}
