/** Rules about the run itself rather than one area. */
import type { FindingRule, RuleFinding } from '../types';

/** Probes that could not give data: the technician must know the picture is incomplete. */
const checksIncomplete: FindingRule = {
  id: 'general.checks-incomplete',
  explains: [],
  area: 'general',
  inputs: [],
  evaluate(run) {
    const failed = run.probes.filter((p) => p.status === 'error' || p.status === 'timeout');
    if (failed.length === 0) return [];
    const finding: RuleFinding = {
      id: 'general.checks-incomplete',
      severity: 'info',
      area: 'general',
      params: { count: failed.length, probes: failed.map((p) => p.id).join(', ') },
      evidence: failed.map((p) => ({
        probe: p.id,
        field: 'status',
        value: `${p.status}: ${p.error?.message ?? ''}`,
      })),
    };
    return [finding];
  },
};

export const generalRules: readonly FindingRule[] = [checksIncomplete];
