/**
 * Realistic reports for bundle, CLI and UI tests: every probe run on its first fixture scenario for
 * an OS (real output), then the real finding rules.
 */
import { DEFAULT_PROBE_CONFIG } from '../../probes/config';
import { evaluateFindings, renderFinding } from '../../probes/findings/evaluate';
import { ALL_PROBES } from '../../probes/index';
import type { Platform, ProbeEnvelope } from '../../probes/types';
import type { Report } from '../../main/report';
import { listScenarios, runOnFixture, silentLogger } from './fixtures';

export async function sampleReport(
  platform: Platform = 'win32',
  overrides: Partial<Report> = {},
): Promise<Report> {
  const probes: ProbeEnvelope[] = await Promise.all(
    ALL_PROBES.map(async (probe) => {
      const [scenario] = listScenarios(platform, probe.descriptor.id);
      if (!probe.descriptor.platforms.includes(platform) || !scenario) {
        return {
          id: probe.descriptor.id,
          status: 'unsupported' as const,
          startedAt: '2026-11-24T10:00:00.000Z',
          durationMs: 0,
          data: null,
          gaps: [],
          error: {
            code: 'unsupported' as const,
            message: `${probe.descriptor.title} has no ${platform} fixture.`,
          },
          operations: [],
        };
      }
      return runOnFixture(probe, platform, scenario);
    }),
  );
  const run = {
    platform,
    startedAt: '2026-11-24T10:00:00.000Z',
    finishedAt: '2026-11-24T10:00:03.000Z',
    durationMs: 3000,
    probes,
  };
  return {
    triageVersion: '0.1.0',
    createdAt: '2026-11-24T10:00:00.000Z',
    host: {
      hostname: 'PC-0042',
      user: 'jsmith',
      platform,
      osName: 'Windows 11 Enterprise',
      osVersion: '10.0.22631',
      architecture: 'x64',
    },
    problem: {
      category: 'cant-connect',
      description: 'Teams keeps disconnecting since this morning.',
      contact: { name: 'Jo Smith', email: 'jo.smith@example.com', phone: '+44 20 7946 0000' },
    },
    config: DEFAULT_PROBE_CONFIG,
    run,
    findings: evaluateFindings(run, silentLogger).map((f) => renderFinding(f)),
    ...overrides,
  };
}
