/**
 * Managed policy must hold against what a local user can do without being an administrator: point
 * TRIAGE_POLICY_FILE (or the real file, through a symlink) at a FIFO or a device, hand Triage a huge
 * file, or set environment variables; and `triage policy` must never print a secret.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPolicy } from '../../../main/cli/policy-command';
import { logsDir } from '../../../main/log-file';
import { loadPolicy } from '../../../main/policy/load';
import { LINUX_POLICY_FILE, systemPolicyIO, type PolicyIO } from '../../../main/policy/read';
import { environmentOverride, machinePolicyPresent, stateDir } from '../../../main/paths';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'policy');

/**
 * The real file reader (the code under test) on a pretend Linux machine whose
 * /etc/triage/policy.json is `machine` (absent when undefined): nothing here reads or writes /etc.
 */
function linuxIO(machine?: string): PolicyIO {
  return {
    exec: async () => ({ stdout: '', exitCode: 1 }),
    async readFile(path) {
      if (path !== LINUX_POLICY_FILE) return systemPolicyIO.readFile(path);
      if (machine === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return Buffer.from(machine);
    },
    tempDir: () => systemPolicyIO.tempDir(),
  };
}

function capture(): { stdout: { write(text: string): boolean }; text(): string } {
  let out = '';
  return {
    stdout: {
      write(text: string) {
        out += text;
        return true;
      },
    },
    text: () => out,
  };
}

let dir: string;
const fifos: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(os.tmpdir(), 'triage-policy-hardening-'));
});

afterEach(() => {
  // If a reader is still blocked on a FIFO (the bug this file is about), open its other end so it
  // sees end-of-file and the worker can exit.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader left: nothing to release
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('policy files that are not ordinary files', () => {
  it('refuses a FIFO at once, with a warning naming it, and applies the defaults', async () => {
    const fifo = join(dir, 'policy.json');
    execFileSync('mkfifo', [fifo]);
    fifos.push(fifo);
    const started = Date.now();
    const policy = await loadPolicy('linux', linuxIO(), { TRIAGE_POLICY_FILE: fifo });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(policy.sources).toEqual([]);
    expect(policy.warnings).toEqual([
      expect.stringMatching(/policy\.json is not a regular file \(it is a FIFO/),
    ]);
    expect(policy.warnings[0]).toContain(fifo);
    expect(policy.settings.redactionLevel).toBe('standard');
  }, 4_000);

  it.skipIf(process.platform !== 'linux' && process.platform !== 'darwin')(
    'refuses a symlink to /dev/zero instead of reading it for ever',
    async () => {
      const link = join(dir, 'policy.json');
      symlinkSync('/dev/zero', link);
      const policy = await loadPolicy('linux', linuxIO(), { TRIAGE_POLICY_FILE: link });
      expect(policy.warnings).toEqual([
        `${link} is not a regular file (it is a character device); it was ignored and the defaults apply.`,
      ]);
      expect(policy.sources).toEqual([]);
    },
    4_000,
  );
});

describe('size and encoding of policy files', () => {
  it('refuses a 5 MB policy file with a warning about its size', async () => {
    const big = join(dir, 'policy.json');
    writeFileSync(big, `{"RedactionLevel": "strict"${' '.repeat(5 * 1024 * 1024)}}`);
    const policy = await loadPolicy('linux', linuxIO(), { TRIAGE_POLICY_FILE: big });
    expect(policy.warnings).toEqual([`${big} is larger than 1 MiB; it was ignored and the defaults apply.`]);
    expect(policy.settings.redactionLevel).toBe('standard');
  }, 4_000);

  it('reads a policy file saved with a UTF-8 byte order mark (a strict floor is not lost)', async () => {
    const file = join(FIXTURES, 'linux', 'bom-strict.json');
    expect([...readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const policy = await loadPolicy('linux', linuxIO(), { TRIAGE_POLICY_FILE: file });
    expect(policy.warnings).toEqual([]);
    expect(policy.settings.redactionLevel).toBe('strict');
    expect(policy.settings.productName).toBe('Contoso Help');
  });

  it('reads the machine policy file with a BOM too', async () => {
    const policy = await loadPolicy('linux', linuxIO('\uFEFF{"RedactionLevel":"strict"}'), {});
    expect(policy.warnings).toEqual([]);
    expect(policy.settings.redactionLevel).toBe('strict');
  });
});

describe('environment overrides never weaken machine policy', () => {
  function userFile(): string {
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ RedactionLevel: 'off' }));
    return file;
  }

  it('ignores TRIAGE_POLICY_FILE, with a warning, when /etc/triage/policy.json exists', async () => {
    const policy = await loadPolicy('linux', linuxIO('{"RedactionLevel":"strict"}'), {
      TRIAGE_POLICY_FILE: userFile(),
    });
    expect(policy.settings.redactionLevel).toBe('strict');
    expect(policy.sources.map((s) => s.source)).toEqual([LINUX_POLICY_FILE]);
    expect(policy.warnings).toEqual([
      expect.stringMatching(/^TRIAGE_POLICY_FILE is ignored because this computer has managed policy/),
    ]);
  });

  it('ignores it even when the machine policy file is broken (no way around policy by breaking it)', async () => {
    const policy = await loadPolicy('linux', linuxIO('{ not json'), { TRIAGE_POLICY_FILE: userFile() });
    expect(policy.settings.redactionLevel).toBe('standard');
    expect(policy.warnings.join('\n')).toMatch(
      /TRIAGE_POLICY_FILE is ignored because this computer has managed policy/,
    );
  });

  it('ignores it on macOS when a configuration profile delivers policy', async () => {
    const io: PolicyIO = {
      exec: async (file, args) =>
        file === '/usr/bin/plutil' && args.at(-1) === '/Library/Managed Preferences/com.triage.agent.plist'
          ? { stdout: '{"RedactionLevel":"strict"}', exitCode: 0 }
          : { stdout: '', exitCode: 1 },
      readFile: (path) => systemPolicyIO.readFile(path),
      tempDir: () => systemPolicyIO.tempDir(),
    };
    const policy = await loadPolicy('darwin', io, { TRIAGE_POLICY_FILE: userFile() });
    expect(policy.settings.redactionLevel).toBe('strict');
    expect(policy.managed).toBe(true);
    expect(policy.warnings).toEqual([
      expect.stringMatching(/^TRIAGE_POLICY_FILE is ignored because this computer has managed policy/),
    ]);
  });

  it('says in triage policy that TRIAGE_STATE_DIR and TRIAGE_LOG_DIR are ignored under managed policy', async () => {
    const out = capture();
    await runPolicy([], {
      stdout: out.stdout,
      env: { TRIAGE_STATE_DIR: dir, TRIAGE_LOG_DIR: dir },
      platform: 'linux',
      policyIO: linuxIO('{"RedactionLevel":"strict"}'),
    });
    expect(out.text()).toMatch(/TRIAGE_STATE_DIR is ignored because this computer has managed policy/);
    expect(out.text()).toMatch(/TRIAGE_LOG_DIR is ignored because this computer has managed policy/);
  });

  it('honours TRIAGE_POLICY_FILE on a computer without managed policy (tests, development)', async () => {
    const policy = await loadPolicy('linux', linuxIO(), { TRIAGE_POLICY_FILE: userFile() });
    expect(policy.warnings).toEqual([]);
    expect(policy.settings.redactionLevel).toBe('off');
  });

  it('lets TRIAGE_STATE_DIR and TRIAGE_LOG_DIR move state and logs only without managed policy', () => {
    const env = { TRIAGE_STATE_DIR: join(dir, 'state'), TRIAGE_LOG_DIR: join(dir, 'logs') };
    expect(environmentOverride('TRIAGE_STATE_DIR', env, 'linux', () => true)).toBeUndefined();
    expect(environmentOverride('TRIAGE_LOG_DIR', env, 'linux', () => true)).toBeUndefined();
    expect(environmentOverride('TRIAGE_STATE_DIR', env, 'linux', () => false)).toBe(env.TRIAGE_STATE_DIR);
    expect(environmentOverride('TRIAGE_LOG_DIR', env, 'linux', () => false)).toBe(env.TRIAGE_LOG_DIR);
    // This machine (like CI) has no Triage policy, so the test suite's own isolation keeps working.
    if (!machinePolicyPresent()) {
      expect(stateDir('user', env)).toBe(env.TRIAGE_STATE_DIR);
      expect(logsDir('machine', env)).toBe(env.TRIAGE_LOG_DIR);
    }
  });
});

describe('triage policy hides secrets', () => {
  const RT_TOKEN = 'rt-inline-token-0123456789abcdef';
  const RELAY_SECRET = 'relay-signing-secret-ZYXWVUTS';
  const PROXY_PASSWORD = 'proxy-pass-QwErTy12';

  function policyFile(values: Record<string, unknown>): string {
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify(values));
    return file;
  }

  async function run(args: string[], values: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
    const out = capture();
    const code = await runPolicy(args, {
      stdout: out.stdout,
      env: { ...env, TRIAGE_POLICY_FILE: policyFile(values) },
      platform: 'linux',
      policyIO: linuxIO(),
    });
    return { code, text: out.text() };
  }

  const inline = {
    Helpdesk: JSON.stringify({
      kind: 'request-tracker',
      url: 'https://rt.contoso.com',
      queue: 'Triage',
      token: RT_TOKEN,
    }),
    RelayUrl: 'https://relay.contoso.com/report',
    RelaySecret: RELAY_SECRET,
    ProxyServer: 'proxy.contoso.com:8080',
    ProxyUser: 'triage',
    ProxyPassword: PROXY_PASSWORD,
  };

  it.each([[[]], [['--json']]])(
    'never prints an inline token, the relay secret or a password (%j)',
    async (args) => {
      const { code, text } = await run(args, inline);
      expect(code).toBe(0);
      for (const secret of [RT_TOKEN, RELAY_SECRET, PROXY_PASSWORD]) expect(text).not.toContain(secret);
      for (const secret of [RT_TOKEN, RELAY_SECRET, PROXY_PASSWORD])
        expect(text).toContain(`(set, ${secret.length} characters)`);
      expect(text).toContain('rt.contoso.com');
    },
  );

  it.each([[[]], [['--json']]])('hides the Helpdesk text when it is not valid JSON (%j)', async (args) => {
    const { text } = await run(args, { Helpdesk: `{"kind":"request-tracker","token":"${RT_TOKEN}" oops}` });
    expect(text).not.toContain(RT_TOKEN);
    expect(text).not.toContain(RT_TOKEN.slice(0, 10));
    expect(text).toMatch(/Helpdesk is not valid JSON/);
  });

  const referenced = {
    Helpdesk: JSON.stringify({
      kind: 'request-tracker',
      url: 'https://rt.contoso.com',
      queue: 'Triage',
      token: 'credential:RT_MISSING',
    }),
    ProxyServer: 'proxy.contoso.com:8080',
    ProxyUser: 'triage',
    ProxyPassword: 'credential:PROXY-MISSING',
  };

  it.each([[[]], [['--json']]])(
    'warns about each credential:NAME this process cannot find (%j)',
    async (args) => {
      const { code, text } = await run(args, referenced);
      expect(code).toBe(1);
      expect(text).toContain('credential:RT_MISSING');
      expect(text).toMatch(/refer to the credential \\?"RT_MISSING\\?".*TRIAGE_CREDENTIAL_RT_MISSING/);
      expect(text).toMatch(
        /ProxyPassword refers to the credential \\?"PROXY-MISSING\\?".*TRIAGE_CREDENTIAL_PROXY_MISSING/,
      );
    },
  );

  it('does not warn, nor print the value, when the credentials are in the environment', async () => {
    const { code, text } = await run([], referenced, {
      TRIAGE_CREDENTIAL_RT_MISSING: RT_TOKEN,
      TRIAGE_CREDENTIAL_PROXY_MISSING: PROXY_PASSWORD,
    });
    expect(text).not.toMatch(/cannot find/);
    expect(code).toBe(0);
    expect(text).not.toContain(RT_TOKEN);
    expect(text).not.toContain(PROXY_PASSWORD);
  });
});
