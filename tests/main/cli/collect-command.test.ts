/**
 * `triage collect`'s command line: what it accepts, what it refuses (exit 2, before anything runs).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exitCodeFor,
  loadConfigFile,
  parseCollectArgs,
  resolveOutput,
  selectProbes,
} from '../../../main/cli/collect-command';
import { UsageError } from '../../../main/cli/usage';
import { bundleFileName } from '../../../main/bundle/contents';
import type { Report } from '../../../main/report';
import type { RenderedFinding, Severity } from '../../../probes/findings/types';
import { ALL_PROBES } from '../../../probes/index';

const finding = (severity: Severity): RenderedFinding => ({
  id: 'general.x',
  severity,
  area: 'general',
  params: {},
  evidence: [],
  locale: 'en',
  title: 't',
  explanation: 'e',
  userSteps: [],
  itSteps: [],
});
const reportWith = (severities: Severity[]) => ({ findings: severities.map(finding) }) as unknown as Report;

describe('triage collect options', () => {
  it('selects checks by id or by area, and leaves out skipped ones', () => {
    expect(selectProbes('network.dns,os', undefined).map((p) => p.descriptor.id)).toEqual(
      ALL_PROBES.map((p) => p.descriptor.id).filter((id) => id === 'network.dns' || id.startsWith('os.')),
    );
    expect(selectProbes(undefined, 'network').some((p) => p.descriptor.id.startsWith('network.'))).toBe(
      false,
    );
  });

  it('refuses unknown checks, naming them and listing the known ones', () => {
    expect(() => selectProbes('network.dsn', undefined)).toThrow(UsageError);
    expect(() => selectProbes('network.dsn', undefined)).toThrow(
      /unknown check "network.dsn".*Known checks: .*network\.dns/s,
    );
  });

  it('refuses to run nothing', () => {
    expect(() => selectProbes('network', 'network')).toThrow(/No checks are left/);
    expect(() => selectProbes(',', undefined)).toThrow(/needs at least one/);
  });

  it.each([
    [['--timeout', 'abc'], /--timeout needs a whole number, not "abc"/],
    [['--timeout', '5'], /--timeout must be between 100 and 600000/],
    [['--command-timeout=-1'], /whole number/],
    [['--fail-on', 'sometimes'], /--fail-on must be critical, warning, info or never/],
    [['--bogus'], /Unknown option '--bogus'.*--help/],
    [['--output', 'x.zip', '--no-bundle'], /cannot be used together/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCollectArgs(argv)).toThrow(UsageError);
    expect(() => parseCollectArgs(argv)).toThrow(message);
  });

  it('has sensible defaults', () => {
    const args = parseCollectArgs([]);
    expect(args).toMatchObject({ output: '.', failOn: 'warning', json: false, probeTimeoutMs: undefined });
    expect(args.probes).toHaveLength(ALL_PROBES.length);
  });
});

describe('where the bundle goes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triage-cli-'));

  it('accepts an existing folder or a file in one', async () => {
    expect(await resolveOutput(dir)).toEqual({ folder: dir });
    expect(await resolveOutput(join(dir, 'b.zip'))).toEqual({ file: join(dir, 'b.zip') });
  });

  it('refuses a folder that does not exist', async () => {
    await expect(resolveOutput(join(dir, 'missing', 'b.zip'))).rejects.toThrow(/does not exist/);
  });

  it('refuses a folder this user cannot write', async () => {
    const locked = mkdtempSync(join(tmpdir(), 'triage-ro-'));
    chmodSync(locked, 0o500);
    // root can write anywhere; the check is only meaningful for ordinary users.
    if (process.getuid?.() === 0) return;
    await expect(resolveOutput(join(locked, 'b.zip'))).rejects.toThrow(/not writable/);
  });

  it('names bundles after the machine and the time, safely', () => {
    expect(bundleFileName('PC-042.corp', new Date('2026-11-24T10:15:00.123Z'))).toBe(
      'triage-PC-042-corp-20261124T101500Z.zip',
    );
    expect(bundleFileName('../../etc', new Date('2026-11-24T10:15:00Z'))).toBe(
      'triage-------etc-20261124T101500Z.zip',
    );
  });
});

describe('configuration files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triage-cfg-'));
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('merges a partial file with the defaults', async () => {
    const config = await loadConfigFile(file('ok.json', '{"dns":{"testNames":["intranet.example.org"]}}'));
    expect(config.dns.testNames).toEqual(['intranet.example.org']);
    expect(config.ntp.fallbackServers.length).toBeGreaterThan(0);
  });

  it('names every bad setting', async () => {
    const error = await loadConfigFile(
      file('bad.json', '{"dns":{"testNames":["-x"],"slowMs":"fast"},"extra":1}'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/dns\.testNames\.0: must be a host name/);
    expect((error as Error).message).toMatch(/dns\.slowMs/);
    expect((error as Error).message).toMatch(/extra|Unrecognized/);
  });

  it('says when the file is not JSON or cannot be read', async () => {
    await expect(loadConfigFile(file('broken.json', '{dns:'))).rejects.toThrow(/is not valid JSON/);
    await expect(loadConfigFile(join(dir, 'nope.json'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });
});

describe('exit codes', () => {
  it('fails on findings at or above the chosen severity only', () => {
    expect(exitCodeFor(reportWith(['info']), 'warning')).toBe(0);
    expect(exitCodeFor(reportWith(['warning']), 'warning')).toBe(1);
    expect(exitCodeFor(reportWith(['warning']), 'critical')).toBe(0);
    expect(exitCodeFor(reportWith(['critical']), 'critical')).toBe(1);
    expect(exitCodeFor(reportWith(['critical']), 'never')).toBe(0);
  });
});
