/**
 * The one IPC contract between the desktop app's main process and its renderer.
 *
 * Each channel names its argument schema (checked in main before any handler runs) and its result
 * type. The preload builds `window.triage` from this contract and the renderer imports its types
 * only (lint enforces it): there is no second, hand-kept copy of these types.
 */
import { z } from 'zod';
import type { Fact } from '../bundle/facts';
import type { ConsentSection } from '../bundle/prepare';
import type { ReportDiff } from '../bundle/diff';
import type { Verification } from '../bundle/verify';
import type { RedactionLevel } from '../bundle/redact';
import type { RenderedFinding, SettingsPage } from '../../probes/findings/types';
import type { ProbeStatus, ProgressEvent } from '../../probes/types';
import type { ProblemCategory } from '../report';

export type {
  ConsentSection,
  Fact,
  RenderedFinding,
  SettingsPage,
  ProgressEvent,
  ProbeStatus,
  ProblemCategory,
  RedactionLevel,
  ReportDiff,
  Verification,
};

export const LOCALES = ['en', 'de'] as const;
export type AppLocale = (typeof LOCALES)[number];

const category = z.enum(['cant-connect', 'slow', 'app-crashes', 'cant-sign-in', 'printing', 'other']);
const contact = z.object({
  name: z.string().max(200),
  email: z.string().max(200),
  phone: z.string().max(60),
});
const sectionId = z
  .string()
  .regex(/^(problem|system|findings|log|probe:(hardware|os|network|security)\.[a-z][a-z0-9-]*)$/);
const settingsPage = z.enum([
  'network',
  'wifi',
  'proxy',
  'vpn',
  'storage',
  'updates',
  'date-time',
  'power',
  'display',
  'security',
  'firewall',
  'accounts',
  'work-access',
  'sign-in-page',
]);
/** A bundle path from a dialog, a drop or a deep link: absolute, local, a .zip (checked again in main). */
const bundlePath = z.string().min(3).max(4096);

/** What the user is writing; saved as they type so nothing is lost if the app closes. */
export const draftSchema = z.object({
  category: category.nullable(),
  description: z.string().max(20_000),
  contact,
});
export type Draft = z.infer<typeof draftSchema>;

export const channels = {
  /** Everything the renderer needs to start: language, branding, defaults, a saved draft. */
  'app:context': { args: z.tuple([]) },
  'app:set-locale': { args: z.tuple([z.enum(LOCALES)]) },
  'draft:save': { args: z.tuple([draftSchema]) },
  'draft:clear': { args: z.tuple([]) },
  /** Starts the checks for this problem; progress arrives as `check:progress` events. */
  'check:start': {
    args: z.tuple([z.object({ category, description: z.string().min(1).max(20_000), contact })]),
  },
  'check:cancel': { args: z.tuple([]) },
  'consent:preview': { args: z.tuple([z.object({ exclude: z.array(sectionId).max(100) })]) },
  'report:send': { args: z.tuple([z.object({ exclude: z.array(sectionId).max(100) })]) },
  'settings:open': { args: z.tuple([settingsPage]) },
  'outbox:status': { args: z.tuple([]) },
  'outbox:retry': { args: z.tuple([]) },
  'bundle:choose': { args: z.tuple([]) },
  'bundle:open': { args: z.tuple([bundlePath]) },
  'bundle:diff': { args: z.tuple([bundlePath, bundlePath]) },
  'path:show': { args: z.tuple([bundlePath]) },
  /** Calls IT or opens IT's web/chat page, from policy (the renderer never names a number or URL). */
  'support:open': { args: z.tuple([z.enum(['phone', 'web'])]) },
} as const;

export type Channel = keyof typeof channels;
export type ChannelArgs<C extends Channel> = z.infer<(typeof channels)[C]['args']>;

export interface AppContext {
  readonly version: string;
  readonly locale: AppLocale;
  readonly locales: readonly AppLocale[];
  readonly platform: 'win32' | 'darwin' | 'linux';
  /** The name the organisation gives Triage (policy), e.g. "Contoso Help". */
  readonly productName: string;
  /** How users reach IT (policy): shown on every screen where a report could not go yet. */
  readonly support: {
    readonly text: string | null;
    readonly phone: string | null;
    /** Whether a web or chat page is set (opened through `support:open`). */
    readonly web: boolean;
  };
  /** What users call the helpdesk (policy), e.g. "the Contoso Service Desk"; null: "IT". */
  readonly helpdeskName: string | null;
  /** Whether the top bar offers "For IT: open a bundle" (policy TechnicianView). */
  readonly technicianEntry: boolean;
  /** The settings pages this computer can open; findings offer a button only for these. */
  readonly settingsPages: readonly SettingsPage[];
  readonly contactDefaults: { readonly name: string; readonly email: string; readonly phone: string };
  readonly draft: Draft | null;
  readonly redactionLevel: RedactionLevel;
  /** Where reports go, technically ("Request Tracker at …"): for "Technical details" only. */
  readonly destination: string;
  /** How reports leave: to a helpdesk (or relay), as an e-mail draft, or as a file in a folder. */
  readonly delivery: 'helpdesk' | 'email' | 'folder';
  readonly outbox: OutboxView;
  /** The screen a deep link asked for at start, if any. */
  readonly startRoute: StartRoute | null;
  /** Managed policy values that were invalid (and ignored), for IT. */
  readonly policyWarnings: readonly string[];
}

export type StartRoute =
  { readonly screen: 'get-help' } | { readonly screen: 'technician'; readonly bundle: string | null };

export interface CheckResults {
  readonly findings: readonly RenderedFinding[];
  readonly probes: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: ProbeStatus;
    readonly durationMs: number;
  }[];
  readonly durationMs: number;
  readonly cancelled: boolean;
}

export interface ConsentView {
  readonly level: RedactionLevel;
  readonly sections: readonly ConsentSection[];
  readonly totalBytes: number;
}

export type SendOutcome =
  | {
      readonly kind: 'sent';
      readonly ticketId: string;
      readonly ticketUrl: string | null;
      readonly destination: string;
    }
  | { readonly kind: 'queued'; readonly reason: DeliveryProblem; readonly bundlePath: string }
  | {
      readonly kind: 'saved';
      readonly path: string;
      readonly destination: string;
      /** E-mail only: whether the draft was opened in the mail program. */
      readonly draftOpened: boolean | null;
    }
  | { readonly kind: 'failed'; readonly reason: DeliveryProblem; readonly bundlePath: string };

/**
 * Why a report has not gone, in the terms the user's next step depends on. The precise error is in
 * the log, for IT; user screens never show codes.
 * - offline: no connection to the helpdesk (or it timed out);
 * - proxy-sign-in: the network's proxy wants a sign-in Triage does not have;
 * - helpdesk-busy: the helpdesk answered with an error or not at all; it is tried again;
 * - setup: the helpdesk refused Triage's sign-in or settings: IT must fix the setup;
 * - refused: the helpdesk refused this report;
 * - too-large: the report is larger than the helpdesk accepts.
 */
export type DeliveryProblem =
  'offline' | 'proxy-sign-in' | 'helpdesk-busy' | 'setup' | 'refused' | 'too-large';

export interface OutboxView {
  readonly waiting: number;
  readonly failed: number;
  readonly items: readonly {
    readonly key: string;
    readonly subject: string;
    readonly status: string;
    readonly createdAt: string;
    readonly ticketId: string | null;
    readonly message: string | null;
  }[];
}

export interface BundleView {
  readonly path: string;
  readonly schemaVersion: string;
  readonly triageVersion: string;
  readonly createdAt: string;
  readonly host: {
    readonly hostname: string;
    readonly osName: string;
    readonly osVersion: string;
    readonly platform: string;
  };
  readonly problem: {
    readonly category: string;
    readonly description: string;
    readonly contact: { readonly name: string; readonly email: string; readonly phone: string } | null;
  } | null;
  readonly redaction: string;
  readonly facts: readonly Fact[];
  readonly findings: readonly RenderedFinding[];
  readonly probes: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: ProbeStatus;
    readonly durationMs: number;
    readonly error: string | null;
    readonly data: unknown;
  }[];
  readonly verification: Verification;
}

/** Expected failures come back as values with words for the user, never as thrown errors. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Result type of each channel. */
export interface ChannelResults {
  'app:context': AppContext;
  'app:set-locale': AppContext;
  'draft:save': null;
  'draft:clear': null;
  'check:start': Result<CheckResults>;
  'check:cancel': null;
  'consent:preview': Result<ConsentView>;
  'report:send': Result<SendOutcome>;
  'settings:open': Result<null>;
  'outbox:status': OutboxView;
  'outbox:retry': OutboxView;
  'bundle:choose': string | null;
  'bundle:open': Result<BundleView>;
  'bundle:diff': Result<ReportDiff>;
  'path:show': Result<null>;
  'support:open': Result<null>;
}

/** Events main sends to the renderer. */
export interface EventPayloads {
  'check:progress': ProgressEvent;
  route: StartRoute;
  'outbox:changed': OutboxView;
}
export type EventName = keyof EventPayloads;
export const EVENTS: readonly EventName[] = ['check:progress', 'route', 'outbox:changed'];

/** `window.triage` in the renderer: one method per channel, plus event subscription. */
export type TriageBridge = {
  readonly [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]>;
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) => () => void;
};

/** The channel names, for the preload to build the bridge (the compiler checks it is complete). */
export const CHANNELS = Object.keys(channels) as Channel[];
