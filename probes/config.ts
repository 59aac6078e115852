/**
 * Probe targets and thresholds: which names to resolve, which time servers to ask, which URL to check.
 *
 * Defaults suit a typical Microsoft 365 organisation. Managed policy (and the CLI's `--config`) can
 * replace any of them; everything arriving from outside is validated here, so a bad value is
 * reported with its path instead of reaching a probe.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** A DNS name or an IP address; never something a program could take for an option (`-x`). */
export const hostSchema = z
  .string()
  .min(1)
  .max(253)
  .refine(
    (value) =>
      isIP(value) !== 0 ||
      /^(?=.{1,253}$)([a-zA-Z0-9_](?:[a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9_](?:[a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?\.?$/.test(
        value,
      ),
    {
      message: 'must be a host name (like time.example.org) or an IP address',
    },
  );

const httpUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' });

const timeoutSchema = z.number().int().min(100).max(60_000);

export const probeConfigSchema = z
  .object({
    dns: z
      .object({
        /** Public names any working resolver answers. */
        testNames: z
          .array(hostSchema)
          .min(1)
          .max(10)
          .default(['www.microsoft.com', 'login.microsoftonline.com']),
        /**
         * The organisation's own names (intranet, domain controllers) that must resolve. A server that
         * answers NXDOMAIN for one of them is wrong for this network (a home router, a public resolver,
         * or a filter), even if it answers public names.
         */
        mustResolve: z.array(hostSchema).max(10).default([]),
        /** An answer slower than this counts as slow (ms). */
        slowMs: z.number().int().min(10).max(10_000).default(500),
        /** How long to wait for one server's answer (ms). */
        timeoutMs: timeoutSchema.default(2_000),
      })
      .prefault({}),
    ntp: z
      .object({
        /** Asked besides the time source the OS is configured with, so a dead source can be told from a wrong clock. */
        fallbackServers: z.array(hostSchema).max(5).default(['time.windows.com']),
        timeoutMs: timeoutSchema.default(2_000),
      })
      .prefault({}),
    connectivity: z
      .object({
        /** A URL that answers a known body without redirects; anything else means a captive portal or a filter. */
        checkUrl: httpUrlSchema.default('http://www.msftconnecttest.com/connecttest.txt'),
        expectedStatus: z.number().int().min(100).max(599).default(200),
        /** Text the body must contain (empty: any body). */
        expectedBody: z.string().max(200).default('Microsoft Connect Test'),
        /** Hosts to measure loss and latency to, besides the default gateway. */
        pingTargets: z.array(hostSchema).max(5).default([]),
        timeoutMs: timeoutSchema.default(5_000),
      })
      .prefault({}),
    gateway: z
      .object({
        /** Echo requests sent to the default gateway; more gives a better loss figure but takes longer. */
        pingCount: z.number().int().min(1).max(20).default(4),
      })
      .prefault({}),
  })
  .strict();

export type ProbeConfig = z.infer<typeof probeConfigSchema>;
export type ProbeConfigInput = z.input<typeof probeConfigSchema>;

/** The defaults, as used when nothing is configured. */
export const DEFAULT_PROBE_CONFIG: ProbeConfig = probeConfigSchema.parse({});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
  }
}

/**
 * Validates configuration from outside (a file, policy). Throws ConfigError listing each bad setting
 * as `path: what is wrong`.
 */
export function parseProbeConfig(input: unknown, source = 'configuration'): ProbeConfig {
  const result = probeConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
  );
  throw new ConfigError(`The ${source} is not valid:\n  ${problems.join('\n  ')}`, problems);
}
