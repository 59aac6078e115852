/**
 * Ticket connectors: one interface for every helpdesk Triage can file a ticket in.
 *
 * A connector creates a ticket with the bundle attached and returns its id and URL, and can look a
 * submission up by its idempotency key, so the outbox can tell "sent, but the answer was lost" from
 * "never arrived" after a crash or a dropped connection — and never file the same report twice.
 *
 * Connectors never see the user's credentials store or the renderer: they get their settings
 * (endpoint, queue, credential) from the caller, already validated.
 */
import type { ProblemCategory } from '../report';

export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

/** Everything a connector needs to file one ticket. */
export interface TicketSubmission {
  /** A UUID made when the report was queued; the same on every retry, across restarts. */
  readonly idempotencyKey: string;
  readonly subject: string;
  /** Plain text: the user's words, then the findings in short, then where the bundle is. */
  readonly description: string;
  readonly requester: { readonly name: string; readonly email: string; readonly phone: string } | null;
  readonly category: ProblemCategory;
  readonly priority: TicketPriority;
  readonly bundle: {
    readonly path: string;
    /** The attachment's name, e.g. triage-PC-0042-20261124T101500Z.zip */
    readonly fileName: string;
    readonly sha256: string;
    readonly bytes: number;
  };
  readonly createdAt: string;
}

export interface TicketReceipt {
  /** The helpdesk's own ticket id or number, as people quote it. */
  readonly id: string;
  /** A link a person can open, when the helpdesk has one. */
  readonly url: string | null;
}

/**
 * What went wrong, in terms the outbox acts on:
 * - permanent kinds (auth, forbidden, too-large, config, rejected) stop retrying and tell IT what to fix;
 * - transient kinds (network, timeout, rate-limited, server, proxy-auth) are retried with backoff;
 *   `proxy-auth` (the proxy answered 407) stays queued: the request never left the proxy, and it
 *   goes once IT lets Triage through or sets the proxy credentials;
 * - `unknown-outcome`: the request may have reached the helpdesk (the connection dropped after it
 *   was sent); the outbox looks the key up before trying again.
 */
export type ConnectorErrorKind =
  | 'auth'
  | 'forbidden'
  | 'too-large'
  | 'config'
  | 'rejected'
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'unknown-outcome'
  | 'bad-response'
  | 'proxy-auth';

const PERMANENT: ReadonlySet<ConnectorErrorKind> = new Set([
  'auth',
  'forbidden',
  'too-large',
  'config',
  'rejected',
]);

export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly options: {
      readonly retryAfterMs?: number;
      readonly status?: number;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get permanent(): boolean {
    return PERMANENT.has(this.kind);
  }
}

/**
 * How requests leave the machine: a fetch-like function. The desktop app passes Electron's
 * `net.fetch` (Chromium's proxy stack: system settings, PAC, WPAD, Negotiate/NTLM); the CLI a
 * proxy-aware transport (proxy.ts). Without one, Node's global fetch connects directly.
 */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The proxy a transport went through failed before the request reached the helpdesk (so it is
 * never a possible duplicate): it asked for sign-in (407), could not be reached, or refused to
 * connect onwards. `proxy` is host:port, never with credentials.
 */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  constructor(
    readonly reason: 'auth-required' | 'unreachable' | 'refused',
    readonly proxy: string,
    message: string,
    readonly options: { readonly status?: number; readonly cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }
}

export interface ConnectorContext {
  readonly signal: AbortSignal;
  /** Budget of one HTTP request, ms. */
  readonly timeoutMs: number;
  /** How requests are sent; Node's global fetch when absent. */
  readonly transport?: Transport;
}

export interface Connector {
  /** e.g. `request-tracker`, `servicenow`; shown to IT in messages. */
  readonly kind: string;
  /** Where tickets go, for people: "Request Tracker at https://rt.example.org, queue Triage". */
  readonly destination: string;
  /**
   * Files the ticket with the bundle. Once the helpdesk may hold a ticket (the create request has
   * left), every failure must be thrown as `unknown-outcome` (or a permanent kind), never as a plain
   * transient one: the outbox then looks the key up before trying again instead of filing twice.
   */
  create(submission: TicketSubmission, context: ConnectorContext): Promise<TicketReceipt>;
  /**
   * The ticket filed earlier for this key, or null if there is none. Connectors whose helpdesk
   * de-duplicates by itself (an Idempotency-Key header) may return null and rely on that.
   */
  findByKey(idempotencyKey: string, context: ConnectorContext): Promise<TicketReceipt | null>;
}
