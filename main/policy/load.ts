/**
 * The effective settings on this machine: managed policy (read.ts) applied over the defaults
 * (apply.ts). Never throws; every problem is a warning.
 */
import { applyPolicy, type PolicyResult } from './apply';
import { readPolicySources, systemPolicyIO, type PolicyIO, type PolicySource } from './read';

export interface LoadedPolicy extends PolicyResult {
  readonly sources: readonly PolicySource[];
  /** Whether this computer has managed policy (even an unreadable one): then environment overrides are ignored. */
  readonly managed: boolean;
}

export async function loadPolicy(
  platform: NodeJS.Platform = process.platform,
  io: PolicyIO = systemPolicyIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadedPolicy> {
  const { sources, warnings, managed } = await readPolicySources(platform, io, env);
  const result = applyPolicy(sources);
  return { ...result, warnings: [...warnings, ...result.warnings], sources, managed };
}
