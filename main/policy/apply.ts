/**
 * Turns raw policy values into the app's settings. A bad value never stops Triage: it is ignored
 * with a warning (logged, and shown to IT in the app and in `triage policy`) and its default applies.
 */
import type { SectionId } from '../bundle/prepare';
import type { RedactionLevel } from '../bundle/redact';
import { DEFAULT_SETTINGS, type AppSettings } from '../app/settings';
import { helpdeskSettingsSchema, type HelpdeskSettings } from '../tickets/connectors';
import { findSetting, POLICY_SETTINGS } from './schema';

export type RawPolicy = Readonly<Record<string, unknown>>;

export interface PolicyResult {
  readonly settings: AppSettings;
  /** Each bad or unknown value, in words: what is wrong and that the default applies. */
  readonly warnings: readonly string[];
  /** Which settings were set by policy, and from where. */
  readonly applied: readonly { readonly name: string; readonly source: string }[];
}

/** Registry and plist values arrive typed loosely: "30" for 30, "a, b" or a list for a list. */
function coerce(kind: string, value: unknown): unknown {
  if (kind === 'integer' && typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  if (kind === 'list' && typeof value === 'string') {
    return value
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (kind === 'list' && Array.isArray(value))
    return (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
  return value;
}

export function applyPolicy(
  sources: readonly { readonly source: string; readonly values: RawPolicy }[],
): PolicyResult {
  const warnings: string[] = [];
  const values = new Map<string, unknown>();
  const applied: { name: string; source: string }[] = [];
  // Earlier sources win (machine policy before user policy), setting by setting.
  for (const { source, values: raw } of sources) {
    for (const [rawName, rawValue] of Object.entries(raw)) {
      const setting = findSetting(rawName);
      if (!setting) {
        warnings.push(`${source}: "${rawName}" is not a Triage policy setting; it was ignored.`);
        continue;
      }
      if (values.has(setting.name)) continue;
      const parsed = setting.schema.safeParse(coerce(setting.kind, rawValue));
      if (!parsed.success) {
        // The Helpdesk JSON holds tokens too: never echo it.
        const shown =
          setting.kind === 'secret' || setting.name === 'Helpdesk'
            ? '(hidden)'
            : JSON.stringify(rawValue).slice(0, 80);
        warnings.push(
          `${source}: ${setting.name} = ${shown} is not valid (${parsed.error.issues.map((i) => i.message).join('; ')}); the default (${setting.defaultText}) applies.`,
        );
        continue;
      }
      values.set(setting.name, parsed.data);
      applied.push({ name: setting.name, source });
    }
  }
  const get = <T>(name: string): T | undefined => values.get(name) as T | undefined;

  let helpdesk: HelpdeskSettings = DEFAULT_SETTINGS.helpdesk;
  const relayUrl = get<string>('RelayUrl');
  const direct = get<string>('Helpdesk');
  if (relayUrl) {
    const secret = get<string>('RelaySecret');
    if (secret) helpdesk = { kind: 'webhook', url: relayUrl, secret };
    else
      warnings.push(
        'RelayUrl is set but RelaySecret is missing or invalid; reports will not go to the relay until both are set.',
      );
  } else if (direct) {
    let json: unknown;
    try {
      json = JSON.parse(direct);
    } catch (error) {
      warnings.push(
        // V8 quotes the start of the text (", "{"token":"…"... is not valid JSON"): leave that out.
        `Helpdesk is not valid JSON (${(error as Error).message.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')}); reports are saved locally instead.`,
      );
    }
    if (json !== undefined) {
      const parsed = helpdeskSettingsSchema.safeParse(json);
      if (parsed.success) helpdesk = parsed.data;
      else
        warnings.push(
          `Helpdesk settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'kind'}: ${i.message}`).join('; ')}. Reports are saved locally instead.`,
        );
    }
  }
  if (helpdesk === DEFAULT_SETTINGS.helpdesk) {
    const emailTo = get<string>('EmailTo');
    const folder = get<string>('ReportsFolder');
    if (emailTo) helpdesk = { kind: 'email', to: emailTo, ...(folder ? { folder } : {}) };
    else if (folder) helpdesk = { kind: 'local-folder', folder };
  }

  const probeConfig = {
    dns: {
      ...(get('DnsTestNames') ? { testNames: get('DnsTestNames') } : {}),
      ...(get('DnsMustResolve') ? { mustResolve: get('DnsMustResolve') } : {}),
    },
    ntp: get('NtpServers') ? { fallbackServers: get('NtpServers') } : {},
    connectivity: {
      ...(get('CheckUrl') ? { checkUrl: get('CheckUrl') } : {}),
      ...(get('CheckExpectedBody') ? { expectedBody: get('CheckExpectedBody') } : {}),
      ...(get('PingTargets') ? { pingTargets: get('PingTargets') } : {}),
    },
  };

  const proxyServer = get<string>('ProxyServer') ?? null;
  const pacUrl = get<string>('ProxyAutoConfigUrl') ?? null;
  const proxyUser = get<string>('ProxyUser') ?? null;
  const proxyPassword = get<string>('ProxyPassword') ?? null;
  if ((proxyUser === null) !== (proxyPassword === null))
    warnings.push(
      'ProxyUser and ProxyPassword are set only together; the proxy is used without a sign-in until both are set.',
    );
  const proxy =
    proxyServer || pacUrl
      ? {
          server: proxyServer,
          pacUrl,
          bypass: get<string[]>('ProxyBypass') ?? [],
          user: proxyPassword === null ? null : proxyUser,
          password: proxyUser === null ? null : proxyPassword,
        }
      : null;
  if (!proxy && (proxyUser || get('ProxyBypass')))
    warnings.push(
      'ProxyUser, ProxyPassword and ProxyBypass apply only with ProxyServer or ProxyAutoConfigUrl; they are ignored.',
    );

  const settings: AppSettings = {
    productName: get<string>('ProductName') ?? DEFAULT_SETTINGS.productName,
    support: {
      text: get<string>('SupportContact') ?? null,
      phone: get<string>('SupportPhone') ?? null,
      url: get<string>('SupportUrl') ?? null,
    },
    helpdeskName: get<string>('HelpdeskName') ?? DEFAULT_SETTINGS.helpdeskName,
    technicianView: get<'show' | 'hide'>('TechnicianView') ?? DEFAULT_SETTINGS.technicianView,
    helpdesk,
    redactionLevel: get<RedactionLevel>('RedactionLevel') ?? DEFAULT_SETTINGS.redactionLevel,
    removableSections: get<SectionId[]>('RemovableSections') ?? DEFAULT_SETTINGS.removableSections,
    probeConfig,
    disabledProbes: get<string[]>('DisabledProbes') ?? DEFAULT_SETTINGS.disabledProbes,
    outboxLimits: {
      maxAgeDays: get<number>('OutboxMaxAgeDays') ?? DEFAULT_SETTINGS.outboxLimits.maxAgeDays,
      maxItems: get<number>('OutboxMaxItems') ?? DEFAULT_SETTINGS.outboxLimits.maxItems,
      maxBytes:
        (get<number>('OutboxMaxMegabytes') ?? DEFAULT_SETTINGS.outboxLimits.maxBytes / 1024 / 1024) *
        1024 *
        1024,
    },
    proxy,
  };
  return { settings, warnings, applied };
}

/** Every setting's name, for checks that policy sources and templates cover them all. */
export const POLICY_NAMES: readonly string[] = POLICY_SETTINGS.map((s) => s.name);
