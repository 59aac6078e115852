/**
 * What the desktop app and the CLI are configured with: branding, where reports go, redaction,
 * probe targets. Managed policy produces these; without policy, the defaults below apply.
 */
import type { SectionId } from '../bundle/prepare';
import type { RedactionLevel } from '../bundle/redact';
import { DEFAULT_HELPDESK, type HelpdeskSettings } from '../tickets/connectors';
import { DEFAULT_OUTBOX_LIMITS, type OutboxLimits } from '../tickets/outbox';
import type { ProxyPolicy } from '../tickets/proxy';

export interface SupportContact {
  readonly text: string | null;
  readonly phone: string | null;
  readonly url: string | null;
}

export interface AppSettings {
  readonly productName: string;
  /** How users reach IT when a report cannot go: free text, a phone number, a web or chat page. */
  readonly support: SupportContact;
  /** What users call the helpdesk ("the Contoso Service Desk"); null: the app says "IT". */
  readonly helpdeskName: string | null;
  /** Whether the top bar offers technicians to open a bundle. */
  readonly technicianView: 'show' | 'hide';
  readonly helpdesk: HelpdeskSettings;
  readonly redactionLevel: RedactionLevel;
  /** Sections users may leave out of a report; null means the log and every probe. */
  readonly removableSections: readonly SectionId[] | null;
  /** Probe targets and thresholds, validated by parseProbeConfig where used. */
  readonly probeConfig: unknown;
  readonly disabledProbes: readonly string[];
  readonly outboxLimits: OutboxLimits;
  /** The proxy policy sets for reports; null: the system's (and the environment's) settings. */
  readonly proxy: ProxyPolicy | null;
}

export const DEFAULT_SETTINGS: AppSettings = {
  productName: 'Triage',
  support: { text: null, phone: null, url: null },
  helpdeskName: null,
  technicianView: 'show',
  helpdesk: DEFAULT_HELPDESK,
  redactionLevel: 'standard',
  removableSections: null,
  probeConfig: {},
  disabledProbes: [],
  outboxLimits: DEFAULT_OUTBOX_LIMITS,
  proxy: null,
};

export function removableFor(settings: AppSettings): (id: SectionId) => boolean {
  const allowed = settings.removableSections;
  if (allowed === null) return (id) => id === 'log' || id.startsWith('probe:');
  const set = new Set(allowed);
  return (id) => set.has(id) && id !== 'problem' && id !== 'system';
}
