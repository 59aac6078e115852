/**
 * Helpdesk credentials kept out of settings: encrypted at rest by the OS key store, refused when
 * the only "key store" is a key built into the app, and filled into `credential:NAME` settings.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCredential } from '../../../main/cli/credential-command';
import { helpdeskFrom } from '../../../main/cli/ticket-commands';
import {
  resolveProxyWithInstalled,
  CredentialStore,
  installCredentialStore,
  resolveCredentials,
  type SecretCipher,
} from '../../../main/tickets/credentials';
import type { HelpdeskSettings } from '../../../main/tickets/connectors';

/** Stands in for the OS key store: AES-GCM with a key only this "user" has. */
function osKeyStore(backend = 'gnome_libsecret'): SecretCipher {
  const key = randomBytes(32);
  return {
    available: true,
    backend,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const scratch = () => join(mkdtempSync(join(tmpdir(), 'triage-cred-')), 'credentials.json');
const SECRET = 'rt-token-5f0c2a9e7d';
const rtSettings = (token: string): HelpdeskSettings => ({
  kind: 'request-tracker',
  url: 'https://rt.example.org',
  queue: 'Triage',
  token,
  customField: 'CorrelationId',
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]) =>
    ({ write: (text: string) => sink.push(text) }) as unknown as NodeJS.WriteStream;
  return { io: { stdout: stream(out), stderr: stream(err) }, out, err };
}

describe('the credential store', () => {
  it('keeps the secret encrypted, readable only by its owner', async () => {
    const file = scratch();
    const store = new CredentialStore(file, osKeyStore());
    await store.set('rt-token', SECRET);
    expect(await store.get('rt-token')).toBe(SECRET);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.names()).toEqual(['rt-token']);
    expect(await store.delete('rt-token')).toBe(true);
    expect(await store.get('rt-token')).toBeNull();
  });

  it('refuses to store anything when the only key store is the key built into the app (Linux without a keyring)', async () => {
    const file = scratch();
    await expect(new CredentialStore(file, osKeyStore('basic_text')).set('rt-token', SECRET)).rejects.toThrow(
      /no secure key store.*will not keep it in plain text/s,
    );
    await expect(
      new CredentialStore(file, { ...osKeyStore(), available: false }).set('rt-token', SECRET),
    ).rejects.toThrow(/relay/);
    expect(() => readFileSync(file)).toThrow();
  });

  it('says to set the secret again when it was stored by someone else', async () => {
    const file = scratch();
    await new CredentialStore(file, osKeyStore()).set('rt-token', SECRET);
    await expect(new CredentialStore(file, osKeyStore()).get('rt-token')).rejects.toThrow(
      /cannot be decrypted.*Set it again/,
    );
  });

  it('reports a damaged file instead of overwriting it', async () => {
    const file = scratch();
    writeFileSync(file, '{"entries": 42}');
    await expect(new CredentialStore(file, osKeyStore()).set('other', SECRET)).rejects.toThrow(/damaged/);
    expect(readFileSync(file, 'utf8')).toBe('{"entries": 42}');
  });

  it('refuses names that could not be written as a setting', async () => {
    await expect(new CredentialStore(scratch(), osKeyStore()).set('../x', SECRET)).rejects.toThrow(
      /not a valid credential name/,
    );
  });
});

describe('settings that refer to a credential', () => {
  it('get the secret filled in and checked like one written in place', async () => {
    const resolved = await resolveCredentials(
      rtSettings('credential:rt-token'),
      async (name) => (name === 'rt-token' ? SECRET : null),
      'the test',
    );
    expect(resolved).toMatchObject({ token: SECRET, queue: 'Triage' });
    await expect(
      resolveCredentials(rtSettings('credential:rt-token'), async () => 'short', 'the test'),
    ).rejects.toThrow(/token: is missing or too short/);
  });

  it('say which credential is missing and how to provide it', async () => {
    await expect(
      resolveCredentials(rtSettings('credential:rt-token'), async () => null, 'the environment'),
    ).rejects.toThrow(/"rt-token".*TRIAGE_CREDENTIAL_RT_TOKEN/);
  });

  it('are resolved from the environment by the CLI', async () => {
    const env = {
      TRIAGE_HELPDESK: JSON.stringify(rtSettings('credential:rt-token')),
      TRIAGE_CREDENTIAL_RT_TOKEN: SECRET,
    };
    expect((await helpdeskFrom(undefined, env)).settings).toMatchObject({ token: SECRET });
    await expect(helpdeskFrom(undefined, { TRIAGE_HELPDESK: env.TRIAGE_HELPDESK })).rejects.toThrow(
      /TRIAGE_HELPDESK environment variable: .*TRIAGE_CREDENTIAL_RT_TOKEN/,
    );
  });
});

describe('triage credential', () => {
  afterEach(() => installCredentialStore(null));

  it('explains that plain Node cannot store credentials, and what to do instead', async () => {
    const { io, err } = capture();
    expect(await runCredential(['set', 'rt-token'], io)).toBe(3);
    expect(err.join('')).toMatch(
      /installed app.*Triage --headless credential set rt-token.*TRIAGE_CREDENTIAL_RT_TOKEN/s,
    );
  });

  it('stores a secret read from standard input, lists and deletes it', async () => {
    const store = new CredentialStore(scratch(), osKeyStore());
    installCredentialStore(store);
    const { io, out } = capture();
    expect(await runCredential(['set', 'rt-token'], { ...io, stdin: Readable.from([`${SECRET}\n`]) })).toBe(
      0,
    );
    expect(await store.get('rt-token')).toBe(SECRET);
    expect(await runCredential(['list'], io)).toBe(0);
    expect(await runCredential(['delete', 'rt-token'], io)).toBe(0);
    expect(out.join('')).toMatch(/Stored "rt-token"[\s\S]*rt-token\n[\s\S]*Deleted "rt-token"/);
    expect(out.join('')).not.toContain(SECRET);
  });

  it('never takes the secret from the command line', async () => {
    installCredentialStore(new CredentialStore(scratch(), osKeyStore()));
    await expect(runCredential(['set', 'rt-token', SECRET], capture().io)).rejects.toThrow(
      /read from standard input/,
    );
  });
});

describe('the proxy password', () => {
  const proxy = { server: 'proxy:3128', pacUrl: null, bypass: [], user: 'svc', password: 'credential:proxy' };

  it('comes from the environment variable its credential name gives, in headless runs', async () => {
    expect(await resolveProxyWithInstalled(proxy, { TRIAGE_CREDENTIAL_PROXY: 'the-password' })).toMatchObject(
      { user: 'svc', password: 'the-password' },
    );
  });

  it('says which credential is missing and how to set it, without a password in the message', async () => {
    await expect(resolveProxyWithInstalled(proxy, {})).rejects.toThrow(
      /ProxyPassword refers to the credential "proxy".*TRIAGE_CREDENTIAL_PROXY/,
    );
  });

  it('leaves a password written in place, and no proxy, as they are', async () => {
    const plain = { ...proxy, password: 'written-in-policy' };
    expect(await resolveProxyWithInstalled(plain, {})).toBe(plain);
    expect(await resolveProxyWithInstalled(null, {})).toBeNull();
  });
});
