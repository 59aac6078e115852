/**
 * Redaction: planted secrets never reach any file of a bundle; personal data goes by level;
 * placeholders are stable so a technician can still follow the story.
 */
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { BundleChoiceError, prepareBundle, previewSections } from '../../../main/bundle/prepare';
import { Redactor, REDACTED_KINDS, type RedactionLevel } from '../../../main/bundle/redact';
import type { LogEntry } from '../../../main/log';
import type { Report } from '../../../main/report';
import { ALL_PROBES } from '../../../probes/index';
import type { ProbeEnvelope, SensitiveKind } from '../../../probes/types';
import { sampleReport } from '../../support/sample-report';

const SECRETS = {
  awsKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  awsId: 'AKIAIOSFODNN7EXAMPLE',
  cliPassword: 'S3cr3t!Pass',
  urlPassword: 'pa55w0rdInUrl',
  wifiKey: 'MyHomeWifiKey!2024',
  bearer: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  github: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  described: 'hunter2hunter2',
  privateKeyBody: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
  connectionString: 'Sup3rDbPass',
  psk: 'psk-secret-value-77',
};

function plantedReport(base: Report): { report: Report; log: LogEntry[] } {
  const cpu = base.run.probes.find((p) => p.id === 'hardware.cpu') as ProbeEnvelope;
  const planted: ProbeEnvelope = {
    ...cpu,
    data: { ...(cpu.data as object), model: `Intel token=${SECRETS.github}` },
    gaps: [
      {
        part: 'wifi',
        code: 'command-failed',
        message: `netsh said: Key Content            : ${SECRETS.wifiKey}`,
      },
    ],
    operations: [
      {
        kind: 'exec',
        target: 'curl',
        args: [
          '--password',
          SECRETS.cliPassword,
          `https://admin:${SECRETS.urlPassword}@proxy.corp.example:8080/`,
        ],
        exitCode: 1,
        durationMs: 5,
        error: 'command-failed',
      },
      {
        kind: 'exec',
        target: 'wpa_cli',
        args: [`psk=${SECRETS.psk}`],
        exitCode: 0,
        durationMs: 5,
        error: null,
      },
    ],
  };
  const report: Report = {
    ...base,
    problem: {
      category: 'cant-sign-in',
      description: `It rejects my password: ${SECRETS.described} since the update. See C:\\Users\\jsmith\\Desktop\\error.png`,
      contact: { name: 'Jo Smith', email: 'jo.smith@example.com', phone: '' },
    },
    run: { ...base.run, probes: base.run.probes.map((p) => (p.id === 'hardware.cpu' ? planted : p)) },
    findings: [
      ...base.findings,
      {
        id: 'general.checks-incomplete',
        severity: 'info',
        area: 'general',
        params: { count: 1, probes: 'hardware.cpu' },
        evidence: [
          { probe: 'hardware.cpu', field: 'model', value: `Authorization: Bearer ${SECRETS.bearer}` },
        ],
        locale: 'en',
        title: 'Some checks could not finish',
        explanation: 'A check failed.',
        userSteps: [],
        itSteps: [],
      },
    ],
  };
  const log: LogEntry[] = [
    {
      time: '2026-11-24T10:00:00.000Z',
      level: 'info',
      message: 'Environment',
      fields: { line: `AWS_SECRET_ACCESS_KEY=${SECRETS.awsKey} AWS_ACCESS_KEY_ID=${SECRETS.awsId}` },
    },
    {
      time: '2026-11-24T10:00:00.000Z',
      level: 'warn',
      message: 'Cache at /home/jsmith/.cache/triage and C:\\Users\\jsmith\\AppData\\Local\\Triage',
    },
    {
      time: '2026-11-24T10:00:00.000Z',
      level: 'error',
      message: `key:\n-----BEGIN RSA PRIVATE KEY-----\n${SECRETS.privateKeyBody}\n-----END RSA PRIVATE KEY-----`,
    },
    {
      time: '2026-11-24T10:00:00.000Z',
      level: 'info',
      message: `Server=db;Database=x;User Id=sa;Password=${SECRETS.connectionString};`,
    },
    {
      time: '2026-11-24T10:00:00.000Z',
      level: 'info',
      message: 'Mail from jsmith@corp.example.com about PC-0042',
    },
  ];
  return { report, log };
}

const everything = (files: Map<string, Buffer>): string =>
  [...files.values()].map((b) => b.toString('utf8')).join('\n');

describe('planted secrets', () => {
  it.each(['off', 'standard', 'strict'] as const)(
    'never reach any file of the bundle (%s)',
    async (level) => {
      const { report, log } = plantedReport(await sampleReport('win32'));
      const files = bundleFiles(prepareBundle(report, log, { level }));
      const text = everything(files);
      for (const [name, secret] of Object.entries(SECRETS))
        expect(text.includes(secret), `${name} leaked at ${level}`).toBe(false);
      expect(text).toContain('[secret]');
    },
  );

  it('keeps the user name at off, and replaces it everywhere from standard up', async () => {
    const { report, log } = plantedReport(await sampleReport('win32'));
    expect(everything(bundleFiles(prepareBundle(report, log, { level: 'off' })))).toContain('jsmith');
    const standard = everything(bundleFiles(prepareBundle(report, log, { level: 'standard' })));
    expect(standard).not.toMatch(/jsmith/i);
    expect(standard).toContain('C:\\Users\\[user-1]\\AppData');
    expect(standard).toContain('/home/[user-1]/.cache');
  });

  it("keeps the user's own contact details as typed, but scrubs other e-mail addresses", async () => {
    const { report, log } = plantedReport(await sampleReport('win32'));
    const prepared = prepareBundle(report, log, { level: 'standard' });
    expect(prepared.report.problem?.contact?.email).toBe('jo.smith@example.com');
    expect(everything(bundleFiles(prepared))).not.toContain('jsmith@corp.example.com');
  });

  it('keeps the host name for IT at standard, and replaces it at strict', async () => {
    const { report, log } = plantedReport(await sampleReport('win32'));
    expect(everything(bundleFiles(prepareBundle(report, log, { level: 'standard' })))).toContain('PC-0042');
    expect(everything(bundleFiles(prepareBundle(report, log, { level: 'strict' })))).not.toContain('PC-0042');
  });
});

describe('fields the probes declare sensitive', () => {
  /** Every string value found at a sensitive path of a probe's data, with its kind. */
  function sensitiveValues(report: Report): { kind: SensitiveKind; value: string; where: string }[] {
    const found: { kind: SensitiveKind; value: string; where: string }[] = [];
    for (const envelope of report.run.probes) {
      const fields = ALL_PROBES.find((p) => p.descriptor.id === envelope.id)?.descriptor.fields ?? {};
      const visit = (value: unknown, prefix: string): void => {
        if (Array.isArray(value))
          return value.forEach((v) => (typeof v === 'string' ? check(v, prefix) : visit(v, `${prefix}[]`)));
        if (value === null || typeof value !== 'object') return;
        for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
          const path = prefix === '' ? key : `${prefix}.${key}`;
          if (typeof child === 'string') check(child, path);
          else visit(child, path);
        }
      };
      const check = (value: string, path: string): void => {
        const kind = fields[path]?.sensitive;
        if (kind && value.length >= 3) found.push({ kind, value, where: `${envelope.id} ${path}` });
      };
      visit(envelope.data, '');
    }
    return found;
  }

  it.each(['win32', 'linux', 'darwin'] as const)(
    'are replaced in every file, per level (%s fixtures)',
    async (platform) => {
      const report = await sampleReport(platform);
      const values = sensitiveValues(report);
      for (const level of ['standard', 'strict'] as RedactionLevel[]) {
        // report.html's style sheet is fixed text with no data in it (a user named "root" meets CSS's :root).
        const text = everything(bundleFiles(prepareBundle(report, [], { level }))).replace(
          /<style>[\s\S]*?<\/style>/g,
          '',
        );
        for (const { kind, value, where } of values) {
          if (REDACTED_KINDS[level].has(kind))
            expect(text.includes(value), `${where} (${kind}) "${value}" leaked at ${level}`).toBe(false);
        }
      }
    },
  );
});

describe('the redactor', () => {
  it('gives the same value the same placeholder, and different values different ones', () => {
    const r = new Redactor('strict');
    expect(r.scrubText('from 10.1.2.3 to 10.1.2.4 and back to 10.1.2.3')).toBe(
      'from [ip-1] to [ip-2] and back to [ip-1]',
    );
    expect(r.scrubText('aa:bb:cc:dd:ee:ff then AA-BB-CC-DD-EE-FF')).toBe('[mac-1] then [mac-2]');
  });

  it('replaces a known value as a whole word only', () => {
    const r = new Redactor('standard');
    r.redactField('username', 'chan');
    expect(r.scrubText('chan opened the channel; Chan again')).toBe(
      '[user-1] opened the channel; [user-1] again',
    );
  });

  it('keeps loopback and unspecified addresses even at strict', () => {
    expect(new Redactor('strict').scrubText('listening on 127.0.0.1 and 0.0.0.0 and ::1')).toBe(
      'listening on 127.0.0.1 and 0.0.0.0 and ::1',
    );
  });

  it('leaves addresses, MACs and host names alone at standard', () => {
    expect(new Redactor('standard').scrubText('gateway 192.168.1.1 mac aa:bb:cc:dd:ee:ff')).toBe(
      'gateway 192.168.1.1 mac aa:bb:cc:dd:ee:ff',
    );
  });

  it.each([
    ['password=hunter2', 'password=[secret]'],
    ['"client_secret": "abc123"', '"client_secret": [secret]'],
    ['pwd: letmein;', 'pwd: [secret];'],
    ['mstsc /password:Xy12', 'mstsc /password:[secret]'],
    ['Proxy-Authorization: Basic dXNlcjpwYXNz', 'Proxy-Authorization: Basic [secret]'],
    ['https://bob:pw@host/x', 'https://[secret]@host/x'],
    ['the tokens count is 3', 'the tokens count is 3'],
  ])('scrubs %j', (input, expected) => {
    expect(new Redactor('off').scrubText(input)).toBe(expected);
  });

  it('does not mistake Public or Default for a user in home paths', () => {
    expect(new Redactor('standard').scrubText('C:\\Users\\Public\\Desktop and /home/jdoe/x')).toBe(
      'C:\\Users\\Public\\Desktop and /home/[user-1]/x',
    );
  });
});

describe('the consent preview', () => {
  it('shows each section exactly as the bundle will hold it', async () => {
    const report = await sampleReport('win32');
    const prepared = prepareBundle(
      report,
      [{ time: '2026-11-24T10:00:00.000Z', level: 'info', message: 'started' }],
      { level: 'standard' },
    );
    const sections = previewSections(prepared);
    const files = bundleFiles(prepared);
    expect(sections.map((s) => s.id)).toEqual([
      'problem',
      'system',
      'findings',
      ...report.run.probes.map((p) => `probe:${p.id}`),
      'log',
    ]);
    expect(sections.find((s) => s.id === 'findings')?.content).toBe(
      files.get('findings.json')?.toString('utf8'),
    );
    expect(sections.find((s) => s.id === 'probe:hardware.cpu')?.content).toBe(
      files.get('probes/hardware.cpu.json')?.toString('utf8'),
    );
    expect(sections.find((s) => s.id === 'log')?.content).toBe(files.get('triage.log')?.toString('utf8'));
    expect(sections.find((s) => s.id === 'system')?.redactions).toBeGreaterThan(0);
    expect(sections.filter((s) => s.removable).map((s) => s.id)).not.toContain('problem');
  });

  it('leaves out the sections the user unticks, including their values in findings', async () => {
    const report = await sampleReport('win32');
    const prepared = prepareBundle(report, [], { level: 'standard', exclude: ['probe:hardware.cpu', 'log'] });
    const files = bundleFiles(prepared);
    expect(files.has('probes/hardware.cpu.json')).toBe(false);
    expect(files.has('triage.log')).toBe(false);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as {
      excluded: string[];
      probes: { id: string; file: string | null; operations: unknown[] }[];
    };
    expect(manifest.excluded).toEqual(['probe:hardware.cpu', 'log']);
    expect(manifest.probes.find((p) => p.id === 'hardware.cpu')).toMatchObject({
      file: null,
      operations: [],
    });
    const cpuModel = (report.run.probes.find((p) => p.id === 'hardware.cpu')?.data as { model: string })
      .model;
    expect(everything(files)).not.toContain(cpuModel);
    expect(previewSections(prepared).find((s) => s.id === 'probe:hardware.cpu')).toMatchObject({
      excluded: true,
    });
  });

  it('refuses to leave out what may not be left out', async () => {
    const report = await sampleReport('win32');
    expect(() => prepareBundle(report, [], { level: 'standard', exclude: ['problem'] })).toThrow(
      BundleChoiceError,
    );
    expect(() =>
      prepareBundle(report, [], {
        level: 'standard',
        exclude: ['probe:os.info'],
        removable: (id) => id === 'log',
      }),
    ).toThrow(/cannot be left out under your organisation's policy/);
  });
});
