/**
 * docs/verification.md says, per check and OS, how its facts are verified. It is generated from the
 * fixture headers; these tests keep the page true and every fixture honest about its evidence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_ROOT, parseFixtureFile } from '../support/fixtures';
import { stubsEvidence } from '../support/pwsh';
import { cellEvidence, verificationDoc } from '../support/verification';

const ROOT = join(__dirname, '..', '..');

function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_ROOT, { recursive: true, encoding: 'utf8' })
    .filter((name) => /^(windows|macos|linux)\//.test(name))
    .filter((name) => name.endsWith('.txt') || name.endsWith('.stubs.json'))
    .map((name) => join(FIXTURES_ROOT, name));
}

describe('the verification table', () => {
  it('is the one the fixtures give (run `npm run verification-table` after changing fixtures)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'verification.md'), 'utf8')).toBe(verificationDoc());
  });

  it('every fixture says how true it is, and a composed one cannot claim more', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(200);
    for (const path of files) {
      if (path.endsWith('.stubs.json')) {
        expect(() => stubsEvidence(path), path).not.toThrow();
        continue;
      }
      const headers = parseFixtureFile(path).headers;
      const source = headers.get('source') ?? '';
      // A source that calls itself composed is never counted as real output.
      if (/^composed\b/i.test(source)) expect(headers.get('evidence'), path).toBe('composed');
      // Captured means by the project's capture scripts, which say so in the source.
      if (headers.get('evidence') === 'captured') expect(source, path).toMatch(/^captured on /);
    }
  });

  it('counts a check by its fixtures: a composed sample makes no check real', () => {
    // macOS os.uptime has only a composed fixture; Linux os.info was captured here.
    expect(cellEvidence('darwin', 'os.uptime').counts).toMatchObject({ published: 0, captured: 0 });
    expect(cellEvidence('linux', 'os.info').counts.captured).toBeGreaterThan(0);
    expect(cellEvidence('win32', 'network.connectivity').counts.composed).toBeGreaterThan(0);
  });
});
