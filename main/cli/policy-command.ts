/**
 * `triage policy`: the settings in force on this machine, where they came from, and what was wrong
 * with any managed policy value (which then does not apply).
 */
import { loadPolicy } from '../policy/load';
import { POLICY_SETTINGS } from '../policy/schema';
import { EXIT, parseCommandLine } from './usage';

export const POLICY_HELP = `Usage: triage policy [--json]

Shows the settings Triage uses on this machine: managed policy (registry, configuration profile or
/etc/triage/policy.json) over the defaults, where each value came from, and every invalid value
(ignored, with the reason). Exit codes: 0 no problems, 1 some policy values are invalid.`;

export async function runPolicy(
  argv: readonly string[],
  io: { stdout: NodeJS.WriteStream },
): Promise<number> {
  const { values } = parseCommandLine('policy', {
    args: [...argv],
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${POLICY_HELP}\n`);
    return EXIT.ok;
  }
  const policy = await loadPolicy();
  // Secrets stay secret even here: only whether they are set is shown.
  const settings = JSON.parse(
    JSON.stringify(policy.settings, (key, value: unknown) =>
      /secret|token|password|apikey/i.test(key) && typeof value === 'string' ? '(set)' : value,
    ),
  ) as unknown;
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ sources: policy.sources.map((s) => s.source), applied: policy.applied, warnings: policy.warnings, settings }, null, 2)}\n`,
    );
    return policy.warnings.length ? EXIT.findings : EXIT.ok;
  }
  const lines = [
    policy.sources.length
      ? `Managed policy found in: ${policy.sources.map((s) => s.source).join(', ')}`
      : 'No managed policy on this machine: the defaults apply.',
    '',
  ];
  for (const setting of POLICY_SETTINGS) {
    const applied = policy.applied.find((a) => a.name === setting.name);
    const raw = applied
      ? policy.sources.find((s) => s.source === applied.source)?.values[setting.name]
      : undefined;
    const shown = applied
      ? setting.kind === 'secret'
        ? '(set)'
        : JSON.stringify(raw)
      : `default (${setting.defaultText})`;
    lines.push(`  ${setting.name.padEnd(20)} ${shown}${applied ? `   [${applied.source}]` : ''}`);
  }
  if (policy.warnings.length)
    lines.push('', 'Problems (these values were ignored):', ...policy.warnings.map((w) => `  - ${w}`));
  io.stdout.write(`${lines.join('\n')}\n`);
  return policy.warnings.length ? EXIT.findings : EXIT.ok;
}
