/**
 * `triage policy`: the settings in force on this machine, where they came from, and what was wrong
 * with any managed policy value (which then does not apply). Secrets are never shown, in text or
 * JSON: only that they are set and how long they are. A `credential:NAME` reference is not a secret
 * and is shown as is, with a warning when this process cannot find that credential.
 */
import { loadPolicy, type LoadedPolicy } from '../policy/load';
import { ignoredOverrideWarning, type PolicyIO } from '../policy/read';
import { POLICY_SETTINGS } from '../policy/schema';
import { CREDENTIAL_PREFIX, resolveProxyWithInstalled, resolveWithInstalled } from '../tickets/credentials';
import { EXIT, parseCommandLine } from './usage';

export const POLICY_HELP = `Usage: triage policy [--json]

Shows the settings Triage uses on this machine: managed policy (registry, configuration profile or
/etc/triage/policy.json) over the defaults, where each value came from, and every invalid value
(ignored, with the reason). Secrets are shown only as set, never their value; a "credential:NAME"
that cannot be found is reported. Exit codes: 0 no problems, 1 some policy values are invalid or a
credential is missing.`;

/** Keys of the helpdesk settings (and of the app's settings) that hold secrets. */
const SECRET_KEY = /secret|token|password|passwd|apikey|api_key|private/i;

/** How a secret is shown: a credential reference as is, anything else only as set. */
export function maskSecret(value: unknown): string {
  if (typeof value === 'string' && value.startsWith(CREDENTIAL_PREFIX)) return value;
  if (typeof value === 'string') return `••••••• (set, ${value.length} characters)`;
  return '(hidden)';
}

/** A copy of JSON-like data with the string under every secret-looking key masked. */
export function maskSecrets(value: unknown, key = ''): unknown {
  if (SECRET_KEY.test(key) && value !== null && typeof value !== 'object') return maskSecret(value);
  if (Array.isArray(value)) return value.map((inner) => maskSecrets(inner, key));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, maskSecrets(inner, k)]));
  return value;
}

/** Every secret value written in the policy sources, so that none can reach the output by any path. */
function secretValues(policy: LoadedPolicy): string[] {
  const found = new Set<string>();
  const collect = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (SECRET_KEY.test(key) && !value.startsWith(CREDENTIAL_PREFIX) && value.length >= 4) found.add(value);
    } else if (Array.isArray(value)) value.forEach((inner) => collect(inner, key));
    else if (typeof value === 'object' && value !== null)
      for (const [k, inner] of Object.entries(value)) collect(inner, k);
  };
  for (const { values } of policy.sources) {
    for (const [name, raw] of Object.entries(values)) {
      const setting = POLICY_SETTINGS.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (setting?.kind === 'secret' || SECRET_KEY.test(name)) collect(raw, 'secret');
      if (setting?.name === 'Helpdesk' && typeof raw === 'string') {
        try {
          collect(JSON.parse(raw) as unknown, '');
        } catch {
          if (raw.length >= 4) found.add(raw); // unreadable JSON: the whole text stays hidden
        }
      }
    }
  }
  collect(policy.settings, '');
  // Longest first, so that a secret containing another is hidden whole.
  return [...found].sort((a, b) => b.length - a.length);
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('(hidden)');
  return out;
}

/** A policy value as shown: secrets masked, the Helpdesk JSON with its secrets masked. */
function shownValue(setting: (typeof POLICY_SETTINGS)[number], raw: unknown): unknown {
  if (setting.kind === 'secret') return maskSecret(raw);
  if (setting.name !== 'Helpdesk') return raw;
  if (typeof raw !== 'string') return '(hidden)';
  try {
    return maskSecrets(JSON.parse(raw) as unknown);
  } catch {
    return `(set, ${raw.length} characters; not valid JSON, so not shown)`;
  }
}

/** Each setting policy sets, with its value as shown and where it came from. */
function policyValues(policy: LoadedPolicy): { name: string; value: unknown; source: string }[] {
  return POLICY_SETTINGS.flatMap((setting) => {
    const applied = policy.applied.find((a) => a.name === setting.name);
    if (!applied) return [];
    const raw = policy.sources.find((s) => s.source === applied.source)?.values[setting.name];
    return [{ name: setting.name, value: shownValue(setting, raw), source: applied.source }];
  });
}

function hasCredentialReference(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith(CREDENTIAL_PREFIX);
  if (Array.isArray(value)) return value.some(hasCredentialReference);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasCredentialReference);
  return false;
}

/** A warning for each `credential:NAME` this process cannot resolve. The resolved values are dropped. */
async function credentialWarnings(policy: LoadedPolicy, env: NodeJS.ProcessEnv): Promise<string[]> {
  const warnings: string[] = [];
  const { helpdesk, proxy } = policy.settings;
  if (hasCredentialReference(helpdesk)) {
    try {
      await resolveWithInstalled(helpdesk, env);
    } catch (error) {
      warnings.push((error as Error).message);
    }
  }
  // ProxyPassword, even when the proxy does not use it yet (ProxyUser or ProxyServer missing).
  const proxyPassword = policy.sources
    .map((s) => Object.entries(s.values).find(([name]) => name.toLowerCase() === 'proxypassword')?.[1])
    .find((value) => value !== undefined);
  if (typeof proxyPassword === 'string' && proxyPassword.startsWith(CREDENTIAL_PREFIX)) {
    try {
      await resolveProxyWithInstalled(
        { server: null, pacUrl: null, bypass: [], user: null, ...proxy, password: proxyPassword },
        env,
      );
    } catch (error) {
      warnings.push((error as Error).message);
    }
  }
  return warnings;
}

export async function runPolicy(
  argv: readonly string[],
  io: {
    stdout: Pick<NodeJS.WriteStream, 'write'>;
    /** For tests: the environment, OS and policy reader to use instead of this process's. */
    env?: NodeJS.ProcessEnv;
    platform?: NodeJS.Platform;
    policyIO?: PolicyIO;
  },
): Promise<number> {
  const { values } = parseCommandLine('policy', {
    args: [...argv],
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${POLICY_HELP}\n`);
    return EXIT.ok;
  }
  const env = io.env ?? process.env;
  const policy = await loadPolicy(io.platform ?? process.platform, io.policyIO, env);
  const credentials = await credentialWarnings(policy, env);
  // paths.ts and log-file.ts ignore these where there is managed policy; say so here.
  const environment = policy.managed
    ? (['TRIAGE_STATE_DIR', 'TRIAGE_LOG_DIR'] as const)
        .filter((name) => env[name])
        .map(ignoredOverrideWarning)
    : [];
  const secrets = secretValues(policy);
  const exitCode = policy.warnings.length || credentials.length ? EXIT.findings : EXIT.ok;
  const write = (text: string): void => {
    io.stdout.write(scrub(text, secrets));
  };
  if (values.json) {
    write(
      `${JSON.stringify(
        {
          sources: policy.sources.map((s) => s.source),
          applied: policy.applied,
          values: policyValues(policy),
          warnings: policy.warnings,
          credentialWarnings: credentials,
          environmentWarnings: environment,
          settings: maskSecrets(policy.settings),
        },
        null,
        2,
      )}\n`,
    );
    return exitCode;
  }
  const lines = [
    policy.sources.length
      ? `Managed policy found in: ${policy.sources.map((s) => s.source).join(', ')}`
      : 'No managed policy on this machine: the defaults apply.',
    '',
  ];
  const shown = policyValues(policy);
  for (const setting of POLICY_SETTINGS) {
    const value = shown.find((v) => v.name === setting.name);
    lines.push(
      `  ${setting.name.padEnd(20)} ${
        value
          ? `${typeof value.value === 'string' && setting.kind === 'secret' ? value.value : JSON.stringify(value.value)}   [${value.source}]`
          : `default (${setting.defaultText})`
      }`,
    );
  }
  if (policy.warnings.length)
    lines.push('', 'Problems (these values were ignored):', ...policy.warnings.map((w) => `  - ${w}`));
  if (environment.length) lines.push('', 'Environment:', ...environment.map((w) => `  - ${w}`));
  if (credentials.length)
    lines.push('', 'Credentials this process cannot find:', ...credentials.map((w) => `  - ${w}`));
  write(`${lines.join('\n')}\n`);
  return exitCode;
}
