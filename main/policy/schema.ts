/**
 * Managed policy, declared once. Every setting an organisation can push is listed here with its
 * name, type, default, description and the version that introduced it. This list is the single
 * source for: reading policy on each OS (read.ts), applying it (apply.ts), the Group Policy / Intune
 * templates (ADMX/ADML), the sample macOS profile, the Linux example and the docs table
 * (templates.ts, `npm run policy-templates`).
 *
 * Names are the same everywhere: a registry value under HKLM\SOFTWARE\Policies\Triage, a key of
 * the com.triage.agent managed preferences on macOS, a key of /etc/triage/policy.json on Linux.
 */
import { z } from 'zod';
import { hostSchema } from '../../probes/config';

export type PolicyCategory = 'Branding' | 'Helpdesk' | 'Proxy' | 'Privacy' | 'Checks' | 'Outbox';
export const POLICY_CATEGORIES: readonly PolicyCategory[] = [
  'Branding',
  'Helpdesk',
  'Proxy',
  'Privacy',
  'Checks',
  'Outbox',
];

export type PolicyKind = 'text' | 'secret' | 'integer' | 'enum' | 'list';

export interface PolicySetting {
  readonly name: string;
  readonly category: PolicyCategory;
  readonly kind: PolicyKind;
  /** Short name (ADMX display name). */
  readonly title: string;
  /** What it does, for the admin reading the template or the docs. */
  readonly description: string;
  /** The default, in words, when the setting is not configured. */
  readonly defaultText: string;
  readonly since: string;
  readonly enumValues?: readonly { readonly value: string; readonly label: string }[];
  readonly min?: number;
  readonly max?: number;
  /** Checks one raw value (already a string, number or string list). */
  readonly schema: z.ZodType;
}

const text = (max = 500) => z.string().trim().min(1).max(max);
const list = (item: z.ZodType, max = 20) => z.array(item).min(1).max(max);
const sectionId = z.string().regex(/^(log|probe:(hardware|os|network|security)\.[a-z][a-z0-9-]*)$/, {
  message: 'must be "log" or "probe:<check id>"',
});
const probeId = z.string().regex(/^(hardware|os|network|security)\.[a-z][a-z0-9-]*$/, {
  message: 'must be a check id such as network.dns',
});

export const POLICY_SETTINGS: readonly PolicySetting[] = [
  {
    name: 'ProductName',
    category: 'Branding',
    kind: 'text',
    title: 'Name shown to users',
    description: 'The name the app shows in its window, tray icon and messages, e.g. "Contoso Help".',
    defaultText: 'Triage',
    since: '0.1.0',
    schema: text(60),
  },
  {
    name: 'SupportContact',
    category: 'Branding',
    kind: 'text',
    title: 'How users reach IT',
    description:
      'Shown when a report cannot be sent or is saved for the user to pass on, e.g. "the Service Desk, ext. 4242, servicedesk@contoso.com".',
    defaultText: 'not shown',
    since: '0.1.0',
    schema: text(200),
  },
  {
    name: 'SupportPhone',
    category: 'Branding',
    kind: 'text',
    title: 'Phone number of IT',
    description:
      'Shown with a "Call" button on every screen where a report could not be sent or waits to be sent, e.g. "+49 30 1234 4242". Use the number users call from their desk or phone.',
    defaultText: 'not shown',
    since: '0.1.0',
    schema: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()./-]{3,40}$/, { message: 'must be a phone number such as +49 30 1234 4242' }),
  },
  {
    name: 'SupportUrl',
    category: 'Branding',
    kind: 'text',
    title: 'Web page or chat of IT',
    description:
      'An https:// page where users reach IT: the self-service portal or a chat link (e.g. a Teams chat with the service desk). Shown as a button on the same screens as SupportPhone; opened in the browser.',
    defaultText: 'not shown',
    since: '0.1.0',
    schema: z.url({ protocol: /^https$/, message: 'must be an https:// URL' }),
  },
  {
    name: 'HelpdeskName',
    category: 'Branding',
    kind: 'text',
    title: 'Name of the helpdesk shown to users',
    description:
      'What users call the place reports go, e.g. "the Contoso Service Desk". The review screen says the report goes there, instead of the technical destination (a relay or helpdesk address).',
    defaultText: 'IT',
    since: '0.1.0',
    schema: text(80),
  },
  {
    name: 'TechnicianView',
    category: 'Branding',
    kind: 'enum',
    title: 'Show "For IT: open a bundle"',
    description:
      "Whether the app's top bar offers technicians to open a bundle. hide keeps it out of end users' way; technicians still open bundles by opening a .zip bundle with Triage, with a triage:// link, or with `Triage --headless inspect`.",
    defaultText: 'show',
    since: '0.1.0',
    enumValues: [
      { value: 'show', label: 'Show' },
      { value: 'hide', label: 'Hide' },
    ],
    schema: z.enum(['show', 'hide']),
  },
  {
    name: 'RelayUrl',
    category: 'Helpdesk',
    kind: 'text',
    title: 'Relay URL (recommended)',
    description:
      'HTTPS endpoint of a relay your organisation runs; it receives each report (signed with RelaySecret) and files the ticket, so no helpdesk credential is stored on endpoints. Takes precedence over Helpdesk, EmailTo and ReportsFolder. See docs/helpdesks.md for the relay protocol.',
    defaultText: 'not set',
    since: '0.1.0',
    schema: z.url({ protocol: /^https$/, message: 'must be an https:// URL' }),
  },
  {
    name: 'RelaySecret',
    category: 'Helpdesk',
    kind: 'secret',
    title: 'Relay signing secret',
    description:
      "Shared secret the relay uses to check each report's HMAC signature. Readable by local users of the machine: it should only let its holder submit reports, nothing more.",
    defaultText: 'not set (required with RelayUrl)',
    since: '0.1.0',
    schema: z.string().min(16, { message: 'must be at least 16 characters' }).max(512),
  },
  {
    name: 'Helpdesk',
    category: 'Helpdesk',
    kind: 'text',
    title: 'Helpdesk connection (JSON)',
    description:
      'Direct connection to a helpdesk, as JSON with a "kind" and its settings, e.g. {"kind":"request-tracker","url":"https://rt.contoso.com","queue":"Triage","token":"…"}. The settings of each kind are in docs/helpdesks.md. Use a least-privilege account: policy values are readable by local users, so write a secret as "credential:NAME" and store it per user with `Triage --headless credential set NAME` (kept in the OS key store).',
    defaultText: 'not set',
    since: '0.1.0',
    schema: text(8000),
  },
  {
    name: 'EmailTo',
    category: 'Helpdesk',
    kind: 'text',
    title: 'Send reports by e-mail to',
    description:
      "When no relay or helpdesk is set: the address of the service desk. Triage prepares the e-mail with the report attached and the user's mail client sends it.",
    defaultText: 'not set',
    since: '0.1.0',
    schema: z.email({ message: 'must be an e-mail address' }),
  },
  {
    name: 'ReportsFolder',
    category: 'Helpdesk',
    kind: 'text',
    title: 'Folder for saved reports',
    description:
      'When nothing else is set, reports are saved here (absolute path; environment variables are not expanded) for the user to pass on.',
    defaultText: "Documents\\Triage in the user's profile",
    since: '0.1.0',
    schema: text(1000),
  },
  {
    name: 'ProxyServer',
    category: 'Proxy',
    kind: 'text',
    title: 'Proxy for reports',
    description:
      'The proxy Triage sends reports through, as host:port (e.g. proxy.contoso.com:8080), or "direct" for no proxy. Overrides the system and environment proxy settings. The desktop app then uses it with the sign-in the system provides (Negotiate/NTLM); see docs/helpdesks.md, "Proxies".',
    defaultText: "the system's proxy settings (and HTTPS_PROXY/NO_PROXY for headless runs)",
    since: '0.1.0',
    schema: z
      .string()
      .trim()
      .regex(/^(direct|(https?:\/\/)?[A-Za-z0-9.-]+(:\d{1,5})?\/?)$/i, {
        message: 'must be host:port or "direct"',
      }),
  },
  {
    name: 'ProxyAutoConfigUrl',
    category: 'Proxy',
    kind: 'text',
    title: 'Proxy auto-configuration (PAC) URL',
    description:
      'A PAC script that chooses the proxy for each address, fetched directly. Used instead of the system settings; with ProxyServer, ProxyServer is the fallback when the script cannot be fetched or run.',
    defaultText: "the system's PAC setting, if any",
    since: '0.1.0',
    schema: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }),
  },
  {
    name: 'ProxyBypass',
    category: 'Proxy',
    kind: 'list',
    title: 'Addresses reached without the proxy',
    description:
      'Host names, domains (.contoso.com), wildcards (*.contoso.com), <local> and IPv4 ranges (10.0.0.0/8) that Triage reaches directly when ProxyServer is set.',
    defaultText: 'none',
    since: '0.1.0',
    schema: list(text(255), 50),
  },
  {
    name: 'ProxyUser',
    category: 'Proxy',
    kind: 'text',
    title: 'Proxy user name (Basic sign-in)',
    description:
      'For proxies that ask for a user name and password (HTTP Basic). Needs ProxyPassword. Use an account that may only pass the proxy to the helpdesk.',
    defaultText: 'none (the proxy is used without sign-in, or with the system sign-in in the app)',
    since: '0.1.0',
    schema: text(256),
  },
  {
    name: 'ProxyPassword',
    category: 'Proxy',
    kind: 'secret',
    title: 'Proxy password (Basic sign-in)',
    description:
      'The password of ProxyUser. Policy values are readable by local users: write "credential:NAME" and store the password with `Triage --headless credential set NAME`, or, for headless runs, in the environment variable the credential name gives (docs/helpdesks.md).',
    defaultText: 'none',
    since: '0.1.0',
    schema: text(512),
  },
  {
    name: 'RedactionLevel',
    category: 'Privacy',
    kind: 'enum',
    title: 'Redaction level',
    description:
      'What is hidden in reports before they leave the machine. Secrets are always removed. standard: user names, e-mail addresses and Wi-Fi names are replaced by placeholders; strict: also host names, IP and MAC addresses, serial numbers, device identifiers and paths; off: only secrets.',
    defaultText: 'standard',
    since: '0.1.0',
    enumValues: [
      { value: 'off', label: 'Off (secrets only)' },
      { value: 'standard', label: 'Standard' },
      { value: 'strict', label: 'Strict' },
    ],
    schema: z.enum(['off', 'standard', 'strict']),
  },
  {
    name: 'RemovableSections',
    category: 'Privacy',
    kind: 'list',
    title: 'Sections users may leave out',
    description:
      'The report sections users may untick before sending: "log", or "probe:" followed by a check id (e.g. probe:os.processes). The problem description and the computer summary are always sent.',
    defaultText: 'the log and every check',
    since: '0.1.0',
    schema: list(sectionId, 60),
  },
  {
    name: 'DisabledProbes',
    category: 'Checks',
    kind: 'list',
    title: 'Checks turned off',
    description:
      'Check ids Triage must not run, e.g. os.processes or security.accounts (run "triage probes" for the list).',
    defaultText: 'none',
    since: '0.1.0',
    schema: list(probeId, 40),
  },
  {
    name: 'DnsTestNames',
    category: 'Checks',
    kind: 'list',
    title: 'DNS: public names to resolve',
    description: 'Names every working DNS server must answer.',
    defaultText: 'www.microsoft.com, login.microsoftonline.com',
    since: '0.1.0',
    schema: list(hostSchema, 10),
  },
  {
    name: 'DnsMustResolve',
    category: 'Checks',
    kind: 'list',
    title: "DNS: your organisation's names",
    description:
      'Internal names that must resolve on your network (intranet, domain controllers). A DNS server answering "no such name" for them is wrong for this network.',
    defaultText: 'none',
    since: '0.1.0',
    schema: list(hostSchema, 10),
  },
  {
    name: 'NtpServers',
    category: 'Checks',
    kind: 'list',
    title: 'Time servers to compare with',
    description:
      'Asked besides the time source the computer is configured with, to tell a wrong clock from a dead time server.',
    defaultText: 'time.windows.com',
    since: '0.1.0',
    schema: list(hostSchema, 5),
  },
  {
    name: 'CheckUrl',
    category: 'Checks',
    kind: 'text',
    title: 'Connectivity check URL',
    description:
      'An http:// or https:// URL that answers a known text without redirects; a redirect or another page means a captive portal or a filter.',
    defaultText: 'http://www.msftconnecttest.com/connecttest.txt',
    since: '0.1.0',
    schema: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }),
  },
  {
    name: 'CheckExpectedBody',
    category: 'Checks',
    kind: 'text',
    title: 'Connectivity check: expected text',
    description: "Text the check URL's answer must contain.",
    defaultText: 'Microsoft Connect Test',
    since: '0.1.0',
    schema: text(200),
  },
  {
    name: 'PingTargets',
    category: 'Checks',
    kind: 'list',
    title: 'Hosts to measure loss and latency to',
    description: 'Besides the default gateway. Choose hosts that answer ping.',
    defaultText: 'none',
    since: '0.1.0',
    schema: list(hostSchema, 5),
  },
  {
    name: 'OutboxMaxAgeDays',
    category: 'Outbox',
    kind: 'integer',
    title: 'Outbox: days to keep trying',
    description:
      'A report that could not be sent is retried for this many days, then kept but no longer retried.',
    defaultText: '14',
    since: '0.1.0',
    min: 1,
    max: 90,
    schema: z.number().int().min(1).max(90),
  },
  {
    name: 'OutboxMaxItems',
    category: 'Outbox',
    kind: 'integer',
    title: 'Outbox: reports waiting at most',
    description:
      'No more reports are queued past this many waiting (the user is told to send the saved file instead).',
    defaultText: '50',
    since: '0.1.0',
    min: 1,
    max: 500,
    schema: z.number().int().min(1).max(500),
  },
  {
    name: 'OutboxMaxMegabytes',
    category: 'Outbox',
    kind: 'integer',
    title: 'Outbox: megabytes waiting at most',
    description: 'No more reports are queued past this size of reports waiting.',
    defaultText: '500',
    since: '0.1.0',
    min: 10,
    max: 10000,
    schema: z.number().int().min(10).max(10000),
  },
];

export function findSetting(name: string): PolicySetting | undefined {
  return POLICY_SETTINGS.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
