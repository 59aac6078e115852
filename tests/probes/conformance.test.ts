/**
 * Walks the probe index: what every probe must be, and that every fixture yields documented data.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkData, checkFieldDocs } from '../../probes/fields';
import { ALL_PROBES } from '../../probes/index';
import { PLATFORMS, PROBE_AREAS } from '../../probes/types';
import { listScenarios, runOnFixture } from '../support/fixtures';
import { hasStubs, pwshSupport, runOnStubs } from '../support/pwsh';

const pwsh = pwshSupport();

const PROBES_ROOT = join(__dirname, '..', '..', 'probes');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : name.endsWith(suffix) ? [path] : [];
  });
}

describe('the probe index', () => {
  it('has unique, well-formed ids', () => {
    const ids = ALL_PROBES.map((p) => p.descriptor.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+\.[a-z][a-z0-9-]*$/);
      expect(PROBE_AREAS).toContain(id.split('.')[0]);
    }
  });

  it('gives each PowerShell script a unique file name', () => {
    const names = filesUnder(PROBES_ROOT, '.ps1').map((p) => basename(p));
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(ALL_PROBES.map((p) => [p.descriptor.id, p] as const))('%s', (_id, probe) => {
    const { descriptor } = probe;

    it('is described for people', () => {
      expect(descriptor.title.length).toBeGreaterThan(2);
      expect(descriptor.description.length).toBeGreaterThan(20);
      expect(Object.keys(descriptor.fields).length).toBeGreaterThan(0);
      expect(checkFieldDocs(descriptor.fields)).toEqual([]);
    });

    it('has a sane budget', () => {
      expect(descriptor.timeoutMs).toBeGreaterThanOrEqual(1_000);
      expect(descriptor.timeoutMs).toBeLessThanOrEqual(30_000);
    });

    it('has a collector for exactly the platforms it declares', () => {
      for (const platform of PLATFORMS) {
        expect(Boolean(probe.collectors[platform]), `${platform} collector`).toBe(
          descriptor.platforms.includes(platform),
        );
      }
    });

    it.each(descriptor.platforms.map((p) => [p]))('has fixtures for %s', (platform) => {
      expect(listScenarios(platform, descriptor.id).length).toBeGreaterThan(0);
    });

    const scenarios = descriptor.platforms.flatMap((platform) =>
      listScenarios(platform, descriptor.id).map((s) => [platform, s] as const),
    );
    it.each(scenarios)('yields documented data on %s %s', async (platform, scenario) => {
      // A Windows scenario with stubs runs its scripts for real (they are not replayed from a file).
      const stubs = platform === 'win32' && hasStubs(descriptor.id, scenario);
      if (stubs && pwsh.skip) return;
      const envelope = stubs
        ? await runOnStubs(probe, scenario, 'FullLanguage')
        : await runOnFixture(probe, platform, scenario);
      expect(envelope.error, JSON.stringify(envelope.error)).toBeNull();
      expect(['ok', 'partial']).toContain(envelope.status);
      expect(checkData(descriptor.fields, envelope.data)).toEqual([]);
    });
  });
});
