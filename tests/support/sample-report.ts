/**
 * Realistic reports for bundle, CLI and UI tests: every probe run on a fixture scenario for an OS
 * (the first that replays to "ok", else the first that replays; a Windows probe whose scenarios all
 * run their scripts on stubs runs its first one under pwsh), then the real finding rules.
 */
import { DEFAULT_PROBE_CONFIG } from '../../probes/config';
import { evaluateFindings, renderFinding } from '../../probes/findings/evaluate';
import { ALL_PROBES } from '../../probes/index';
import type { Platform, Probe, ProbeEnvelope } from '../../probes/types';
import type { Report } from '../../main/report';
import { listScenarios, runOnFixture, silentLogger } from './fixtures';
import { hasStubs, runOnStubs } from './pwsh';

async function sampleEnvelope(probe: Probe, platform: Platform, scenarios: string[]): Promise<ProbeEnvelope> {
  const replayable = scenarios.filter((s) => platform !== 'win32' || !hasStubs(probe.descriptor.id, s));
  for (const scenario of replayable) {
    const envelope = await runOnFixture(probe, platform, scenario);
    if (envelope.status === 'ok') return envelope;
  }
  return replayable[0]
    ? runOnFixture(probe, platform, replayable[0])
    : runOnStubs(probe, scenarios[0] ?? '', 'FullLanguage');
}

export async function sampleReport(
  platform: Platform = 'win32',
  overrides: Partial<Report> = {},
): Promise<Report> {
  const probes: ProbeEnvelope[] = await Promise.all(
    ALL_PROBES.map(async (probe) => {
      const scenarios = listScenarios(platform, probe.descriptor.id);
      if (!probe.descriptor.platforms.includes(platform) || scenarios.length === 0) {
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
      return sampleEnvelope(probe, platform, scenarios);
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
