/**
 * `inspect` and `diff` verify a bundle before showing it: a finding changed after the bundle was
 * written is shown only after a warning, and the command does not end with "all is well" (exit 0).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { runDiff, runInspect } from '../../../main/cli/bundle-commands';
import { zip } from '../../support/hostile-bundles';
import { sampleReport } from '../../support/sample-report';
import { capture } from '../../support/cli-io';

let intact: string;
let tampered: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'triage-verify-first-'));
  const files = bundleFiles(prepareBundle(await sampleReport('win32'), [], { level: 'standard' }));
  intact = join(dir, 'intact.zip');
  writeFileSync(intact, await zip([...files].map(([name, content]) => ({ name, content }))));
  // Someone "softens" the worst finding after the fact, without touching the manifest.
  const findings = JSON.parse(files.get('findings.json')?.toString('utf8') ?? '{}') as {
    findings: { severity: string; title: string }[];
  };
  const worst = findings.findings.find((f) => f.severity === 'critical') ?? findings.findings[0];
  if (!worst) throw new Error('the sample report has no findings');
  worst.severity = 'info';
  worst.title = 'Nothing to worry about';
  files.set('findings.json', Buffer.from(JSON.stringify(findings)));
  tampered = join(dir, 'tampered.zip');
  writeFileSync(tampered, await zip([...files].map(([name, content]) => ({ name, content }))));
});

describe('inspect', () => {
  it('says an intact bundle verifies, and ends with 0', async () => {
    const c = capture();
    expect(await runInspect([intact], c.io)).toBe(0);
    expect(c.out()).toMatch(/^Verified: every file matches the manifest/m);
    expect(c.err()).toBe('');
  });

  it('warns before showing a tampered finding, says NOT VERIFIED, and ends with 1', async () => {
    const c = capture();
    expect(await runInspect([tampered], c.io)).toBe(1);
    expect(c.err()).toMatch(
      /WARNING: .*tampered\.zip does not verify \(\d problems?; the first: findings\.json/,
    );
    expect(c.out()).toMatch(/^NOT VERIFIED: /m);
    const json = capture();
    expect(await runInspect([tampered, '--json'], json.io)).toBe(1);
    expect(
      (JSON.parse(json.out()) as { verification: { problems: string[] } }).verification.problems.join(' '),
    ).toMatch(/findings\.json has been changed/);
  });
});

describe('diff', () => {
  it('verifies both bundles first and ends with 1 when one does not verify', async () => {
    const clean = capture();
    expect(await runDiff([intact, intact], clean.io)).toBe(0);
    const c = capture();
    expect(await runDiff([intact, tampered], c.io)).toBe(1);
    expect(c.err()).toMatch(/WARNING: .*tampered\.zip does not verify/);
    expect(c.err()).not.toMatch(/intact\.zip does not verify/);
  });
});
