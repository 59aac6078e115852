/**
 * Helpdesk credentials that are not written in the settings themselves.
 *
 * A secret setting (a token, a password, the relay secret) may say `credential:NAME` instead of the
 * value. The desktop app then takes NAME from its credential store, encrypted with the operating
 * system's key store through Electron's safeStorage (DPAPI on Windows, the Keychain on macOS, the
 * Secret Service/KWallet on Linux); the plain-Node CLI takes it from the environment variable
 * TRIAGE_CREDENTIAL_<NAME>. Either way the value never appears in policy, bundles, logs or the
 * renderer.
 */
import type { ProxyPolicy } from './proxy';
import { readFile } from 'node:fs/promises';
import { writeFileDurable } from '../fs-durable';
import { helpdeskSettingsSchema, type HelpdeskSettings } from './connectors';

export const CREDENTIAL_PREFIX = 'credential:';
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export class CredentialError extends Error {
  override readonly name = 'CredentialError';
}

/** What Electron's safeStorage offers, so the store can be tested without Electron. */
export interface SecretCipher {
  readonly available: boolean;
  /** The key store in use: on Linux 'basic_text' means no keyring, only a key built into the app. */
  readonly backend: string;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

/**
 * On Linux without a keyring Chromium falls back to a key compiled into every copy of the app, which
 * protects nothing; we refuse it rather than pretend the credential is safe.
 */
const PLAIN_TEXT_BACKENDS = new Set(['basic_text', 'unknown']);

export function environmentVariableFor(name: string): string {
  return `TRIAGE_CREDENTIAL_${name.toUpperCase().replace(/-/g, '_')}`;
}

function checkName(name: string): void {
  if (!NAME.test(name))
    throw new CredentialError(
      `"${name}" is not a valid credential name: use letters, digits, "-" and "_" (at most 64), starting with a letter.`,
    );
}

interface StoreFile {
  readonly version: 1;
  readonly entries: Record<string, string>;
}

/** Encrypted credentials in one file (mode 0600) in the user's state folder. */
export class CredentialStore {
  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  private checkCipher(): void {
    if (!this.cipher.available || PLAIN_TEXT_BACKENDS.has(this.cipher.backend)) {
      throw new CredentialError(
        'This computer has no secure key store for Triage to keep a helpdesk credential in' +
          (process.platform === 'linux'
            ? ' (on Linux a keyring such as GNOME Keyring or KWallet must be running in the session)'
            : '') +
          '. Triage will not keep it in plain text. Ask IT to send reports through a relay instead, or set the credential in the environment for command-line use.',
      );
    }
  }

  private async load(): Promise<StoreFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const entries: unknown = (parsed as { entries?: unknown } | null)?.entries;
    if (
      typeof entries !== 'object' ||
      entries === null ||
      Object.values(entries).some((v) => typeof v !== 'string')
    ) {
      throw new CredentialError(
        `The credential store ${this.file} is damaged. Delete the file and set the credentials again.`,
      );
    }
    return { version: 1, entries: { ...entries } };
  }

  async names(): Promise<string[]> {
    return Object.keys((await this.load()).entries).sort();
  }

  async set(name: string, value: string): Promise<void> {
    checkName(name);
    if (value.length === 0) throw new CredentialError('The credential is empty; nothing was stored.');
    this.checkCipher();
    const store = await this.load();
    const entries = { ...store.entries, [name]: this.cipher.encrypt(value).toString('base64') };
    await writeFileDurable(this.file, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`, 0o600);
  }

  async get(name: string): Promise<string | null> {
    const encrypted = (await this.load()).entries[name];
    if (encrypted === undefined) return null;
    this.checkCipher();
    try {
      return this.cipher.decrypt(Buffer.from(encrypted, 'base64'));
    } catch {
      throw new CredentialError(
        `The stored credential "${name}" cannot be decrypted (it was stored by another user or on another computer). Set it again.`,
      );
    }
  }

  async delete(name: string): Promise<boolean> {
    const store = await this.load();
    if (!(name in store.entries)) return false;
    const entries = Object.fromEntries(Object.entries(store.entries).filter(([key]) => key !== name));
    await writeFileDurable(this.file, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`, 0o600);
    return true;
  }
}

/** Where `credential:NAME` values come from in this process: the app's store, or the environment. */
export type CredentialSource = (name: string) => Promise<string | null>;

export function environmentCredentials(env: NodeJS.ProcessEnv = process.env): CredentialSource {
  return async (name) => env[environmentVariableFor(name)] ?? null;
}

export function storeCredentials(store: CredentialStore): CredentialSource {
  return (name) => store.get(name);
}

/**
 * Replaces every `credential:NAME` string in the helpdesk settings by the credential, then checks
 * the result again (a stored token must meet the same rules as one written in place).
 */
export async function resolveCredentials(
  settings: HelpdeskSettings,
  source: CredentialSource,
  where: string,
): Promise<HelpdeskSettings> {
  const missing: string[] = [];
  // Settings are JSON: strings, numbers, booleans, arrays and objects (some connectors nest their auth).
  const walk = async (value: unknown): Promise<unknown> => {
    if (typeof value === 'string' && value.startsWith(CREDENTIAL_PREFIX)) {
      const name = value.slice(CREDENTIAL_PREFIX.length);
      checkName(name);
      const secret = await source(name);
      if (secret === null) missing.push(name);
      return secret;
    }
    if (Array.isArray(value)) return Promise.all(value.map(walk));
    if (typeof value === 'object' && value !== null) {
      const entries = await Promise.all(
        Object.entries(value).map(async ([key, inner]) => [key, await walk(inner)] as const),
      );
      return Object.fromEntries(entries);
    }
    return value;
  };
  const resolved = await walk(settings);
  if (missing.length > 0) {
    throw new CredentialError(
      `The helpdesk settings refer to the credential${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')}, but ${where} has none by that name. ${howToSet(missing[0] ?? '')}`,
    );
  }
  const checked = helpdeskSettingsSchema.safeParse(resolved);
  if (!checked.success) {
    throw new CredentialError(
      `A stored helpdesk credential is not valid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
    );
  }
  return checked.data;
}

function howToSet(name: string): string {
  return process.versions.electron
    ? `Store it as the signed-in user with: Triage --headless credential set ${name}`
    : `Set the environment variable ${environmentVariableFor(name)}, or store it in the installed app with: Triage --headless credential set ${name}`;
}

/**
 * The app's store, installed by the Electron corner at start (safeStorage exists only there). In
 * plain Node there is none and credentials come from the environment.
 */
let installedStore: CredentialStore | null = null;

export function installCredentialStore(store: CredentialStore | null): void {
  installedStore = store;
}

export function installedCredentialStore(): CredentialStore | null {
  return installedStore;
}

/** Resolves `credential:NAME` references with whatever this process has: the app's store or the environment. */
export function resolveWithInstalled(
  settings: HelpdeskSettings,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HelpdeskSettings> {
  return installedStore
    ? resolveCredentials(settings, storeCredentials(installedStore), "this user's Triage credential store")
    : resolveCredentials(settings, environmentCredentials(env), 'the environment');
}

/**
 * The policy's proxy settings with a `credential:NAME` ProxyPassword filled in, from the same
 * places as the helpdesk's secrets (the app's store, else the environment).
 */
export async function resolveProxyWithInstalled(
  proxy: ProxyPolicy | null,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProxyPolicy | null> {
  if (!proxy?.password?.startsWith(CREDENTIAL_PREFIX)) return proxy;
  const name = proxy.password.slice(CREDENTIAL_PREFIX.length);
  checkName(name);
  const [source, where] = installedStore
    ? [storeCredentials(installedStore), "this user's Triage credential store"]
    : [environmentCredentials(env), 'the environment'];
  const password = await source(name);
  if (password === null)
    throw new CredentialError(
      `ProxyPassword refers to the credential "${name}", but ${where} has none by that name. ${howToSet(name)}`,
    );
  return { ...proxy, password };
}
