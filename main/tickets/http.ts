/**
 * HTTP for connectors: one request under a timeout, with every failure mapped to a ConnectorError
 * kind the outbox can act on. Credentials travel only in headers and never appear in messages.
 */
import { ConnectorError, ProxyError, type ConnectorContext } from './types';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | FormData | Uint8Array;
  /** What the helpdesk is, for messages: "ServiceNow". */
  readonly service: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Retry-After is seconds or an HTTP date; returns ms, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Network errors that prove the request never reached the server (safe to resend). */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 4 && current; i += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new ConnectorError(
        'bad-response',
        `The helpdesk answered with more than ${MAX_RESPONSE_BYTES} bytes; Triage stopped reading.`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A short, single-line excerpt of a response body for messages to IT. */
export function excerpt(text: string, length = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}

const PROXY_HELP = 'docs/helpdesks.md, "Proxies"';

/** The outcome of a proxy that asks for sign-in: kept queued, with what IT must do. */
export function proxyAuthError(proxy: string | null, cause?: unknown): ConnectorError {
  return new ConnectorError(
    'proxy-auth',
    `The proxy${proxy ? ` at ${proxy}` : ''} asks Triage to sign in (HTTP 407). IT must allow Triage through the proxy or set proxy credentials in the Triage policy (${PROXY_HELP}). The report stays queued.`,
    { status: 407, cause },
  );
}

/**
 * Chromium's proxy failures (Electron's net.fetch rejects with these net:: codes): the request did
 * not get past the proxy, so it is never a possible duplicate.
 */
const CHROMIUM_PROXY_FAILURE =
  /net::(ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED|ERR_PROXY_AUTH_UNSUPPORTED|ERR_PROXY_AUTH_REQUESTED|ERR_MANDATORY_PROXY_CONFIGURATION_FAILED|ERR_PROXY_CERTIFICATE_INVALID|ERR_PAC_SCRIPT_FAILED)/;

function proxyFailure(error: unknown, service: string): ConnectorError | null {
  if (error instanceof ProxyError) {
    switch (error.reason) {
      case 'auth-required':
        return proxyAuthError(error.proxy, error);
      case 'unreachable':
        return new ConnectorError(
          'network',
          `The proxy at ${error.proxy} could not be reached (${error.message}), so ${service} was not contacted. IT must check the proxy, or the proxy settings (${PROXY_HELP}). The report stays queued and is sent when the proxy works.`,
          { cause: error },
        );
      case 'refused':
        return new ConnectorError(
          'network',
          `The proxy at ${error.proxy} refused to connect Triage to ${service}${error.options.status ? ` (HTTP ${error.options.status})` : ''}. IT must allow ${service} through the proxy (${PROXY_HELP}). The report stays queued.`,
          { cause: error, ...(error.options.status ? { status: error.options.status } : {}) },
        );
    }
  }
  const code = CHROMIUM_PROXY_FAILURE.exec(error instanceof Error ? error.message : String(error))?.[1];
  if (!code) return null;
  if (code.startsWith('ERR_PROXY_AUTH')) return proxyAuthError(null, error);
  return new ConnectorError(
    'network',
    `The proxy failed (${code}), so ${service} was not contacted. IT must check the proxy and the proxy settings (${PROXY_HELP}). The report stays queued.`,
    { cause: error },
  );
}

/**
 * Sends one request. Resolves with any 2xx/3xx response; throws ConnectorError for the rest.
 * A request that may have been received before the connection failed (a dropped connection or a
 * timeout while waiting for the answer to a POST) is `unknown-outcome`, never a plain retry.
 */
export async function send(request: HttpRequest, context: ConnectorContext): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(context.timeoutMs);
  const signal = AbortSignal.any([context.signal, timeout]);
  const changesState = request.method !== 'GET';
  let response: Response;
  try {
    // Bytes are valid fetch bodies at run time; the cast bridges the DOM and Node typings of BodyInit.
    response = await (context.transport ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body as RequestInit['body'],
      signal,
      redirect: 'manual',
    });
  } catch (error) {
    if (context.signal.aborted)
      throw new ConnectorError('network', `Sending to ${request.service} was cancelled.`, { cause: error });
    const viaProxy = proxyFailure(error, request.service);
    if (viaProxy) throw viaProxy;
    const code = causeCode(error);
    if (code && NEVER_SENT.has(code)) {
      const tls = code.includes('CERT');
      throw new ConnectorError(
        tls ? 'config' : 'network',
        tls
          ? `${request.service}'s certificate was refused (${code}); IT must check the server's certificate or the URL.`
          : `${request.service} could not be reached (${code}). The report stays queued and is sent when the connection works.`,
        { cause: error },
      );
    }
    if (timeout.aborted) {
      throw new ConnectorError(
        changesState ? 'unknown-outcome' : 'timeout',
        `${request.service} did not answer within ${Math.round(context.timeoutMs / 1000)} s.`,
        { cause: error },
      );
    }
    throw new ConnectorError(
      changesState ? 'unknown-outcome' : 'network',
      `The connection to ${request.service} failed (${code ?? (error as Error).message}).`,
      { cause: error },
    );
  }
  let text: string;
  try {
    text = await readCapped(response);
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    throw new ConnectorError(
      changesState ? 'unknown-outcome' : 'network',
      `The answer from ${request.service} was cut off (${causeCode(error) ?? (error as Error).message}).`,
      { cause: error },
    );
  }
  const status = response.status;
  if (status < 400) return { status, headers: response.headers, text };
  const detail = excerpt(text);
  const said = detail ? ` It said: ${detail}` : '';
  switch (true) {
    // Only a proxy answers 407, whichever transport passed it on.
    case status === 407:
      throw proxyAuthError(null);
    case status === 401:
      throw new ConnectorError(
        'auth',
        `${request.service} refused Triage's credentials (HTTP 401). IT must renew or correct the credential in the Triage policy.${said}`,
        { status },
      );
    case status === 403:
      throw new ConnectorError(
        'forbidden',
        `${request.service} does not allow Triage's account to do this (HTTP 403). IT must grant the account the rights listed in docs/helpdesks.md.${said}`,
        { status },
      );
    case status === 404:
      throw new ConnectorError(
        'config',
        `${request.service} has nothing at ${new URL(request.url).pathname} (HTTP 404). IT must check the URL in the Triage policy.${said}`,
        { status },
      );
    case status === 413:
      throw new ConnectorError(
        'too-large',
        `${request.service} refused the bundle as too large (HTTP 413). IT must raise the attachment limit, or lower the bundle size in the Triage policy.`,
        { status },
      );
    case status === 429:
      throw new ConnectorError(
        'rate-limited',
        `${request.service} asked Triage to slow down (HTTP 429); the report will be sent later.`,
        { status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) },
      );
    case status >= 500:
      throw new ConnectorError(
        'server',
        `${request.service} had a problem (HTTP ${status}); the report will be sent later.${said}`,
        { status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) },
      );
    default:
      throw new ConnectorError(
        'rejected',
        `${request.service} rejected the ticket (HTTP ${status}).${said}`,
        { status },
      );
  }
}

/** Parses a JSON answer, naming the service when it is not JSON. */
export function json<T = unknown>(response: HttpResponse, service: string): T {
  try {
    return JSON.parse(response.text) as T;
  } catch {
    throw new ConnectorError(
      'bad-response',
      `${service} answered with something that is not JSON: ${excerpt(response.text, 120)}`,
    );
  }
}

/** `Basic base64(user:password)`. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
