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
import { SECRET, scrubSecrets } from './secret-rules';

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

/** An argument that announces a secret as the next argument. */
const SECRET_FLAG =
  /^(?:--?|\/)(?:password|passwd|pass|pwd|p|token|secret|api-?key|access-?key|client-?secret|psk|key)$/i;
// Bounded everywhere (RFC 5321: a local part has at most 64 characters, a label 63): an unbounded
// run before a required "@" makes the search quadratic on a long run of letters.
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
/** The user-name segment of a home folder: /home/x, /Users/x, C:\Users\x (but not Public/Default). */
const HOME_SEGMENT = /((?:^|[\s"'=(:])(?:[A-Za-z]:)?[\\/](?:home|Users|users)[\\/])([^\\/\s"',;:)]+)/g;
const NOT_A_USER = new Set(['public', 'default', 'default user', 'all users', 'shared', 'guest', '[user']);
const MAC = /\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b/g;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const IPV6 =
  /\b(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}\b|\b(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?\b/g;
/** Addresses that identify nobody, kept even in strict mode so technicians can read routes. */
const UNIDENTIFYING_IPS = new Set(['127.0.0.1', '0.0.0.0', '255.255.255.255', '::1', '::']);

/** Values shorter than this are not replaced in free text: "a" or "pc" would shred every sentence. */
const MIN_KNOWN_VALUE_LENGTH = 3;
/**
 * User names that are also ordinary words ("Root cause", "SharedAccessKeyName=Root", "admin page"):
 * such a name, or one of three letters or fewer, is replaced only where it stands as the user: in a
 * home folder, as DOMAIN\\name, as name@, after user= / user: (and in the fields the descriptors mark).
 */
const COMMON_WORD_USERS = new Set([
  'root',
  'admin',
  'administrator',
  'user',
  'users',
  'test',
  'guest',
  'demo',
  'dev',
  'support',
  'service',
  'office',
  'home',
  'sales',
  'info',
  'student',
  'teacher',
  'owner',
  'default',
  'public',
  'system',
  'local',
  'desktop',
  'laptop',
  'master',
  'main',
  'work',
  'server',
  'backup',
  'temp',
  'operator',
  'manager',
  'setup',
  'install',
  'helpdesk',
  'kiosk',
  'reception',
  'office',
  'training',
]);
const isCommonWordUser = (name: string): boolean => name.length <= 3 || COMMON_WORD_USERS.has(name);

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
    const contextual = new Map<string, string>();
    for (const [kind, byValue] of this.placeholders) {
      for (const [value, placeholder] of byValue) {
        // A root ("/", "C:\\") says nothing about anyone and would mangle every path in the text;
        // a named path ("/Volumes/Projects", "D:\\Clients") goes wherever it appears, e.g. in a finding.
        if (kind === 'path' && !/[A-Za-z0-9]{2}/.test(value)) continue;
        if (kind === 'username' && isCommonWordUser(value)) {
          if (value !== '') contextual.set(value.toLowerCase(), placeholder);
          continue;
        }
        if (value.length >= MIN_KNOWN_VALUE_LENGTH) lookup.set(value.toLowerCase(), placeholder);
      }
    }
    const words = (map: Map<string, string>): string =>
      [...map.keys()]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|');
    const patterns: string[] = [];
    // Whole words only: the user "anna" must not turn "channel" into "ch[user-1]el".
    if (lookup.size > 0) patterns.push(`(?<![A-Za-z0-9_])(?:${words(lookup)})(?![A-Za-z0-9_])`);
    if (contextual.size > 0) {
      const names = words(contextual);
      patterns.push(
        `(?<=[A-Za-z0-9_-]\\\\|\\b(?:user(?:name)?|login|logon|account)\\s{0,3}[:=]\\s{0,3})(?:${names})(?![A-Za-z0-9_])`,
        `(?<![A-Za-z0-9_.+-])(?:${names})(?=@)`,
      );
      for (const [value, placeholder] of contextual) lookup.set(value, placeholder);
    }
    if (patterns.length === 0) return null;
    this.knownPattern = { regex: new RegExp(patterns.join('|'), 'gi'), lookup };
    return this.knownPattern;
  }

  /** Removes secrets only (main/bundle/secret-rules.ts), at every level: for what is otherwise kept as typed. */
  scrubSecrets(text: string): string {
    const scrubbed = scrubSecrets(text);
    this.secrets += scrubbed.secrets;
    return scrubbed.text;
  }

  /** Scrubs free text: secrets always; known values, e-mails, home folders and addresses by level. */
  scrubText(text: string): string {
    let result = this.scrubSecrets(text);
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
    // A secret can span arguments (`my password is X`, a PEM key split on spaces): whatever the
    // joined command line loses to the secret rules goes from the arguments too.
    const joined = scrubSecrets(args.join(' ')).text;
    const spanning = new Set(args.filter((a) => a.length > 0 && !joined.includes(a)));
    for (let i = 0; i < args.length; i += 1) {
      if (spanning.has(args[i] ?? '') && this.scrubSecrets(args[i] ?? '') === args[i]) {
        this.secrets += 1;
        out.push(SECRET);
        continue;
      }
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
