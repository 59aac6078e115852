/**
 * The secrets suite: more than 40 shapes of secret (cloud keys, tokens, webhook URLs, connection
 * strings, key=value pairs in every quoting, passwords typed in English and German), each planted in
 * an environment dump, a command line, a process, a file, a policy, the log and the user's own words,
 * then built into a real bundle at every level. The secret's value must reach no file of the bundle
 * and not the ticket text; its label stays, so the technician sees a secret was there. And the
 * ordinary facts a technician needs (hashes, GUIDs, MACs, paths, build numbers) survive.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles, sha256 } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { Redactor, type RedactionLevel } from '../../../main/bundle/redact';
import { looksLikeSecret, SECRET_RULES } from '../../../main/bundle/secret-rules';
import type { LogEntry } from '../../../main/log';
import type { Report } from '../../../main/report';
import { submissionDraft } from '../../../main/tickets/submission';
import type { ProbeEnvelope } from '../../../probes/types';
import { sampleReport } from '../../support/sample-report';

/** A fake value of n characters, the same every run (a tiny LCG over the alphabet). */
function fake(
  n: number,
  seed: number,
  alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < n; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length] ?? 'x';
  }
  return out;
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Shape {
  readonly name: string;
  /** The text as it would appear. */
  readonly text: string;
  /** The part that must never leave the machine. */
  readonly secret: string;
  /** The part that must stay (the label), if the shape has one. */
  readonly label?: string;
}

const azureKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const busKey = `${fake(43, 7, B64)}=`;
const hubKey = `${fake(43, 8, B64)}=`;
const jwt = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJqc21pdGgiLCJhdWQiOiJhcGk6Ly90cmlhZ2UifQ.${fake(43, 9, B64.slice(0, 62) + '-_')}`;
const sig = `${fake(30, 10, B64)}%2F${fake(10, 11)}%3D`;

const SHAPES: readonly Shape[] = [
  {
    name: 'AWS access key id',
    text: 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
    secret: 'AKIAIOSFODNN7EXAMPLE',
    label: 'AWS_ACCESS_KEY_ID=',
  },
  {
    name: 'AWS session key id',
    text: 'using ASIAY34FZKBOKMUTVV7A for the session',
    secret: 'ASIAY34FZKBOKMUTVV7A',
  },
  {
    name: 'AWS secret access key (labelled)',
    text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    label: 'aws_secret_access_key',
  },
  {
    name: 'AWS secret access key (unlabelled)',
    text: 'pasted je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY into the tool',
    secret: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  },
  { name: 'GitHub classic token', text: `git remote uses ghp_${fake(36, 1)}`, secret: `ghp_${fake(36, 1)}` },
  { name: 'GitHub OAuth token', text: `gho_${fake(36, 2)}`, secret: `gho_${fake(36, 2)}` },
  { name: 'GitHub app token', text: `ghs_${fake(36, 3)}`, secret: `ghs_${fake(36, 3)}` },
  {
    name: 'GitHub fine-grained token',
    text: `github_pat_${fake(22, 4)}_${fake(59, 5)}`,
    secret: `${fake(22, 4)}_${fake(59, 5)}`,
  },
  { name: 'GitLab personal token', text: `glpat-${fake(20, 12)}`, secret: fake(20, 12) },
  { name: 'GitLab deploy token', text: `gldt-${fake(20, 13)}`, secret: fake(20, 13) },
  { name: 'GitLab runner token', text: `glrt-${fake(20, 14)}`, secret: fake(20, 14) },
  {
    name: 'Slack bot token',
    text: `xoxb-2487613902-1234567890123-${fake(24, 15)}`,
    secret: fake(24, 15),
  },
  {
    name: 'Slack webhook',
    text: `posting to https://hooks.slack.com/services/T0A1B2C3D/B0E4F5G6H/${fake(24, 16)}`,
    secret: fake(24, 16),
    label: 'https://hooks.slack.com/services/',
  },
  {
    name: 'Teams webhook',
    text: `https://contoso.webhook.office.com/webhookb2/0a1b2c3d-1111-4222-8333-444455556666@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/${fake(32, 17, '0123456789abcdef')}/9e8d7c6b-1111-4222-8333-444455556666`,
    secret: fake(32, 17, '0123456789abcdef'),
    label: 'webhook.office.com/webhookb2/',
  },
  {
    name: 'Discord webhook',
    text: `https://discord.com/api/webhooks/1234567890123456789/${fake(68, 18, B64.slice(0, 62) + '-_')}`,
    secret: fake(68, 18, B64.slice(0, 62) + '-_'),
    label: 'https://discord.com/api/webhooks/',
  },
  {
    name: 'npm token',
    text: `//registry.npmjs.org/:_authToken=npm_${fake(36, 19)}`,
    secret: fake(36, 19),
    label: '_authToken=',
  },
  { name: 'npm token (bare)', text: `NPM token npm_${fake(36, 20)} expired`, secret: fake(36, 20) },
  {
    name: 'PyPI token',
    text: `pypi-AgEIcHlwaS5vcmc${fake(60, 21, B64.slice(0, 62) + '-_')}`,
    secret: fake(60, 21, B64.slice(0, 62) + '-_'),
  },
  { name: 'Stripe live key', text: `stripe sk_live_${fake(24, 22)}`, secret: fake(24, 22) },
  { name: 'Stripe restricted key', text: `rk_live_${fake(24, 23)}`, secret: fake(24, 23) },
  { name: 'Google API key', text: `key AIza${fake(35, 24)} for maps`, secret: fake(35, 24) },
  { name: 'SendGrid key', text: `SG.${fake(22, 25)}.${fake(43, 26)}`, secret: fake(43, 26) },
  {
    name: 'Azure Storage connection string',
    text: `DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=${azureKey};EndpointSuffix=core.windows.net`,
    secret: azureKey,
    label: 'AccountKey=',
  },
  {
    name: 'Azure Service Bus connection string',
    text: `Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${busKey}`,
    secret: busKey,
    label: 'SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=',
  },
  {
    name: 'Azure Event Hub connection string',
    text: `Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${hubKey};EntityPath=telemetry`,
    secret: hubKey,
    label: 'SharedAccessKey=',
  },
  {
    name: 'Azure SAS URL',
    text: `https://contosodata.blob.core.windows.net/logs/a.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T00:00:00Z&sig=${sig}`,
    secret: sig,
    label: 'sig=',
  },
  {
    name: 'Azure client secret',
    text: `AZURE_CLIENT_SECRET=Qx8Q~${fake(34, 27)}`,
    secret: fake(34, 27),
    label: 'AZURE_CLIENT_SECRET=',
  },
  { name: 'JWT', text: `id_token ${jwt}`, secret: jwt.split('.')[2] ?? '' },
  {
    name: 'private key',
    text: `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${fake(40, 28)}\n-----END OPENSSH PRIVATE KEY-----`,
    secret: fake(40, 28),
  },
  {
    name: 'Django SECRET_KEY',
    text: `SECRET_KEY='django-insecure-${fake(30, 29)}'`,
    secret: fake(30, 29),
    label: 'SECRET_KEY=',
  },
  { name: 'PGPASSWORD', text: 'PGPASSWORD=Pg-Sup3r-2026', secret: 'Pg-Sup3r-2026', label: 'PGPASSWORD=' },
  { name: 'DB_PASS', text: 'export DB_PASS=dbPass4711', secret: 'dbPass4711', label: 'DB_PASS=' },
  { name: 'MYSQL_PWD', text: 'MYSQL_PWD="my$ql-Root-99"', secret: 'my$ql-Root-99', label: 'MYSQL_PWD=' },
  {
    name: 'JSON secretKey',
    text: '{"secretKey": "sk-Ab12Cd34Ef56Gh78"}',
    secret: 'sk-Ab12Cd34Ef56Gh78',
    label: '"secretKey":',
  },
  {
    name: 'JSON client_secret',
    text: '{ "client_id": "triage", "client_secret": "cs_9f8e7d6c5b4a" }',
    secret: 'cs_9f8e7d6c5b4a',
    label: '"client_secret":',
  },
  {
    name: 'YAML password',
    text: 'db:\n  password: yamlPw!2026\n  host: db1',
    secret: 'yamlPw!2026',
    label: 'password:',
  },
  {
    name: 'query password',
    text: 'https://intranet.example/login?user=jo&password=Qp0ss2026',
    secret: 'Qp0ss2026',
    label: 'password=',
  },
  {
    name: 'access_token in URL',
    text: `https://api.example/v1/me?access_token=${fake(32, 30)}&x=1`,
    secret: fake(32, 30),
    label: 'access_token=',
  },
  { name: 'API key header', text: `X-Api-Key: ${fake(32, 31)}`, secret: fake(32, 31), label: 'X-Api-Key:' },
  {
    name: 'token flag',
    text: `agent.exe --token=${fake(24, 32)} --verbose`,
    secret: fake(24, 32),
    label: '--token=',
  },
  {
    name: 'password flag',
    text: 'backup.exe --password CliPass#77 --target D:',
    secret: 'CliPass#77',
    label: '--password',
  },
  {
    name: 'Bearer header',
    text: `Authorization: Bearer ${fake(40, 33)}`,
    secret: fake(40, 33),
    label: 'Authorization: Bearer',
  },
  {
    name: 'password in URL',
    text: 'https://svc-backup:UrlPw2026x@proxy.corp.example:8080/',
    secret: 'UrlPw2026x',
  },
  {
    name: 'SQL connection string',
    text: 'Server=db01;Database=crm;User Id=sa;Password=SqlPw-2026;',
    secret: 'SqlPw-2026',
    label: 'Password=',
  },
  {
    name: 'ODBC braces',
    text: 'Driver={ODBC Driver 18};Server=db;UID=sa;PWD={Odbc;Pw2026}',
    secret: 'Odbc;Pw2026',
    label: 'PWD=',
  },
  {
    name: 'PowerShell SecureString',
    text: "$p = ConvertTo-SecureString 'PsPlain#2026' -AsPlainText -Force",
    secret: 'PsPlain#2026',
    label: 'ConvertTo-SecureString',
  },
  {
    name: 'Wi-Fi key',
    text: 'Key Content            : MyHomeWifiKey!2024',
    secret: 'MyHomeWifiKey!2024',
    label: 'Key Content',
  },
  {
    name: 'Docker auth',
    text: '{"auths": {"registry.example": {"auth": "am86ZG9ja2VyUGFzczIwMjY="}}}',
    secret: 'am86ZG9ja2VyUGFzczIwMjY=',
    label: '"auth":',
  },
  {
    name: 'high-entropy value under an unknown key',
    text: `CONTOSO_AGENT_BLOB=${fake(32, 34)}`,
    secret: fake(32, 34),
    label: 'CONTOSO_AGENT_BLOB=',
  },
  {
    name: 'English sentence',
    text: 'my password is Summer2026!',
    secret: 'Summer2026!',
    label: 'my password is',
  },
  {
    name: 'English sentence, colon',
    text: 'The new password: Autumn#2026 does not work',
    secret: 'Autumn#2026',
  },
  { name: 'pw shorthand', text: 'login jo pw Winter2026?', secret: 'Winter2026?' },
  {
    name: 'German sentence',
    text: 'mein Passwort ist Sommer2026!',
    secret: 'Sommer2026!',
    label: 'mein Passwort ist',
  },
  { name: 'German Kennwort', text: 'Kennwort: Geheim#2026', secret: 'Geheim#2026', label: 'Kennwort:' },
];

/** The forms a value takes in the bundle's files: as typed, JSON-escaped and HTML-escaped. */
function forms(value: string): string[] {
  const html = value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
  return [...new Set([value, JSON.stringify(value).slice(1, -1), html])];
}

function withProbe(report: Report, id: string, change: (e: ProbeEnvelope) => ProbeEnvelope): Report {
  return {
    ...report,
    run: { ...report.run, probes: report.run.probes.map((p) => (p.id === id ? change(p) : p)) },
  };
}

/** The text planted everywhere a secret can hide in a report and its log. */
function plant(base: Report, text: string): { report: Report; log: LogEntry[] } {
  let report = withProbe(base, 'os.info', (e) => ({
    ...e,
    gaps: [
      ...e.gaps,
      {
        part: 'environment',
        code: 'command-failed',
        message: `Environment:\nPATH=C:\\Windows\\System32\n${text}\nTEMP=C:\\Temp`,
      },
    ],
  }));
  report = withProbe(report, 'hardware.cpu', (e) => ({
    ...e,
    operations: [
      ...e.operations,
      {
        kind: 'exec',
        target: 'cmd.exe',
        args: ['/c', `run.cmd ${text}`],
        exitCode: 1,
        durationMs: 3,
        error: 'command-failed',
      },
      {
        kind: 'exec',
        target: 'tool.exe',
        args: text.split(' '),
        exitCode: 1,
        durationMs: 3,
        error: 'command-failed',
      },
    ],
  }));
  report = withProbe(report, 'os.processes', (e) => {
    const data = e.data as { topCpu?: { name: string }[] } | null;
    if (!data?.topCpu?.[0]) return e;
    const [first, ...rest] = data.topCpu;
    return { ...e, data: { ...data, topCpu: [{ ...first, name: `node.exe ${text}` }, ...rest] } };
  });
  const policy = JSON.stringify(
    { helpdesk: { kind: 'webhook', note: text }, redaction: 'standard' },
    null,
    2,
  );
  report = {
    ...report,
    problem: {
      category: 'cant-sign-in',
      description: `${text}\nTeams cannot sign in since this morning.`,
      contact: { name: `Jo Smith ${text}`, email: 'jo.smith@example.com', phone: `+44 20 7946 0000 ${text}` },
    },
    findings: [
      ...report.findings,
      {
        id: 'general.checks-incomplete',
        severity: 'warning',
        area: 'general',
        params: { count: 1, probes: 'hardware.cpu' },
        evidence: [
          {
            probe: 'hardware.cpu',
            field: 'file',
            value: `C:\\ProgramData\\Contoso\\app.config:\n[db]\n${text}\n`,
          },
          { probe: 'hardware.cpu', field: 'policy', value: policy },
        ],
        locale: 'en',
        title: `Some checks could not finish: ${text}`,
        explanation: 'A check failed.',
        userSteps: [],
        itSteps: [],
      },
    ],
  };
  const log: LogEntry[] = [
    { time: '2026-11-24T10:00:00.000Z', level: 'info', message: `Read ${text} from the environment` },
    { time: '2026-11-24T10:00:01.000Z', level: 'warn', message: 'Policy', fields: { policy, line: text } },
  ];
  return { report, log };
}

/** Every file of the bundle and the ticket's words, by name. */
function outputs(report: Report, log: LogEntry[], level: RedactionLevel): Map<string, string> {
  const prepared = prepareBundle(report, log, { level });
  const out = new Map<string, string>();
  for (const [name, content] of bundleFiles(prepared)) out.set(name, content.toString('utf8'));
  const draft = submissionDraft(prepared.report);
  out.set('ticket', `${draft.subject}\n${draft.description}\n${JSON.stringify(draft.requester)}`);
  return out;
}

let base: Report;
beforeAll(async () => {
  base = await sampleReport('win32');
});

const LEVELS: readonly RedactionLevel[] = ['off', 'standard', 'strict'];

describe('the secrets suite', () => {
  it('has at least 40 shapes, each with a distinct value', () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SHAPES.map((s) => s.secret)).size).toBe(SHAPES.length);
    for (const shape of SHAPES) expect(shape.text, shape.name).toContain(shape.secret);
  });

  it.each(SHAPES.flatMap((shape) => LEVELS.map((level) => [shape.name, level, shape] as const)))(
    '%s never leaves the machine (%s)',
    (_name, level, shape) => {
      const { report, log } = plant(base, shape.text);
      const files = outputs(report, log, level);
      for (const [file, content] of files)
        for (const form of forms(shape.secret))
          expect(content.includes(form), `${shape.name} leaked into ${file} at ${level}`).toBe(false);
      const all = [...files.values()].join('\n');
      expect(all).toContain('[secret]');
      if (shape.label)
        for (const file of ['manifest.json', 'ticket']) {
          const content = files.get(file) ?? '';
          expect(
            forms(shape.label).some((f) => content.includes(f)),
            `label of ${shape.name} kept in ${file}`,
          ).toBe(true);
        }
    },
  );
});

const ORDINARY = [
  'sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  'DeviceId={0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}',
  'MAC 00-15-5D-01-02-03',
  'DriverPath=C:\\Windows\\System32\\drivers\\netwtw14.sys',
  'OSBuild=10.0.22631.4460',
  'Seit dem Update stürzt Outlook beim Start ab, und der Drucker im zweiten Stock druckt nichts.',
  'Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey',
  'PasswordLastSet=2026-01-12T08:00:00Z PasswordExpires=2026-04-12 PasswordRequired=True',
  'ProxyBypass=*.corp.example;<local>',
  'authority=https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47',
  'commit 3f2a9c1d8b7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a',
  'TokenLifetime=3600 tokens used: 12',
  'My password is expired and the password reset page says: try again later.',
  'Mein Kennwort ist abgelaufen.',
];

describe('ordinary diagnostics', () => {
  it.each(['off', 'standard'] as const)('survive unchanged (%s)', (level) => {
    const r = new Redactor(level);
    for (const text of ORDINARY) expect(r.scrubText(text)).toBe(text);
    expect(r.summary().secrets).toBe(0);
  });

  it('survive in a real bundle, whose manifest hashes are the files themselves', () => {
    const text = ORDINARY.join('\n');
    const { report, log } = plant(base, text);
    const prepared = prepareBundle(report, log, { level: 'off' });
    const files = bundleFiles(prepared);
    expect(prepared.report.problem?.description).toContain(text);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as {
      files: Record<string, { sha256: string }>;
    };
    for (const [name, { sha256: hash }] of Object.entries(manifest.files)) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).toBe(sha256(files.get(name) ?? Buffer.alloc(0)));
    }
  });

  it('leave a clean sample report without a single [secret]', async () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const report = await sampleReport(platform);
      const prepared = prepareBundle(report, [], { level: 'standard' });
      expect(prepared.redaction.secrets, platform).toBe(0);
    }
  });
});

describe('a user name that is a common word', () => {
  it.each(['standard', 'strict'] as const)('is replaced only where it is the user (%s)', (level) => {
    const report: Report = {
      ...base,
      host: { ...base.host, user: 'Root' },
      problem: {
        category: 'cant-connect',
        description:
          'Root cause: the proxy. Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;\n' +
          'Files in C:\\Users\\Root\\AppData and CORP\\Root, mail root@pc-0042 said so.',
        contact: null,
      },
    };
    const prepared = prepareBundle(report, [], { level });
    const description = prepared.report.problem?.description ?? '';
    expect(description).toContain('Root cause: the proxy.');
    expect(description).toContain('SharedAccessKeyName=Root;');
    expect(description).toContain('C:\\Users\\[user-1]\\AppData');
    expect(description).toContain('CORP\\[user-1]');
    expect(prepared.report.host.user).toBe('[user-1]');
  });

  it('of three letters or fewer does not shred sentences', () => {
    const r = new Redactor('standard');
    r.redactField('username', 'it');
    r.redactField('username', 'ann');
    expect(r.scrubText('it works, Ann said; see /home/ann/x and CORP\\it')).toBe(
      'it works, Ann said; see /home/[user-2]/x and CORP\\[user-1]',
    );
  });

  it('that is a real name is still replaced everywhere', () => {
    const r = new Redactor('standard');
    r.redactField('username', 'jsmith');
    expect(r.scrubText('jsmith signed in; JSmith again')).toBe('[user-1] signed in; [user-1] again');
  });
});

describe('looksLikeSecret (the warning in the description step)', () => {
  it.each([
    'my password is Summer2026!',
    'mein Passwort ist Sommer2026!',
    'Kennwort: Geheim#2026',
    'password=hunter2',
    `token ghp_${fake(36, 1)}`,
    'AKIAIOSFODNN7EXAMPLE',
  ])('warns for %j', (text) => expect(looksLikeSecret(text)).toBe(true));

  it.each([
    'Teams keeps disconnecting since this morning.',
    'My password is expired.',
    'I forgot my password',
    'Mein Kennwort ist abgelaufen.',
    'Root cause: the proxy',
    '',
  ])('stays quiet for %j', (text) => expect(looksLikeSecret(text)).toBe(false));
});

describe('every rule on hostile input', () => {
  const hostile = [
    'a'.repeat(1e6),
    '='.repeat(1e6),
    'password='.repeat(1e5),
    'a-'.repeat(5e5),
    'password: '.repeat(1e5),
    '"a":'.repeat(2.5e5),
    'AKIA'.repeat(2.5e5),
    'eyJa.'.repeat(2e5),
    'my password is '.repeat(7e4),
    `${'A1b/'.repeat(2.5e5)}`,
    'https://a:'.repeat(1e5),
    '-----BEGIN RSA PRIVATE KEY-----'.repeat(3e4),
  ];

  it('completes for each rule and each 1 MB string', () => {
    for (const input of hostile)
      for (const rule of SECRET_RULES) input.replace(new RegExp(rule.pattern.source, rule.pattern.flags), '');
  });

  it('completes for the whole scrubber', () => {
    const r = new Redactor('strict');
    r.redactField('username', 'jsmith');
    for (const input of hostile) expect(typeof r.scrubText(input)).toBe('string');
    for (const input of hostile) expect(typeof looksLikeSecret(input)).toBe('boolean');
  });
});
