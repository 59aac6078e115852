/**
 * The bundle format, declared once. Zod checks bundles at run time (the reader, `verify`); the JSON
 * Schema files in schemas/ and docs/bundle-format.md are generated from these declarations and the
 * probe descriptors (`npm run schemas`), and a test keeps them in step.
 *
 * Versioning: `major.minor`. A minor version only adds optional things, so readers accept any minor
 * of their major; a newer major is refused with a message saying to update Triage.
 */
import { z } from 'zod';
import { PROBE_ERROR_CODES } from '../../probes/errors';
import { SEVERITIES } from '../../probes/findings/types';
import { PLATFORMS, PROBE_STATUSES, SENSITIVE_KINDS } from '../../probes/types';
import { PROBLEM_CATEGORIES } from '../report';

export const BUNDLE_SCHEMA_VERSION = '1.2';
export const BUNDLE_SCHEMA_MAJOR = 1;

const probeId = z
  .string()
  .regex(/^(hardware|os|network|security)\.[a-z][a-z0-9-]*$/)
  .describe('A probe id, `area.name`.');
const isoTime = z.iso
  .datetime({ offset: true })
  .describe('A time, ISO 8601 with its offset (Triage writes UTC).');
const errorCode = z
  .enum(PROBE_ERROR_CODES as [string, ...string[]])
  .describe('What kind of failure (see docs/bundle-format.md).');
const sectionId = z.union([
  z.enum(['problem', 'system', 'findings', 'log']),
  z.string().regex(/^probe:(hardware|os|network|security)\.[a-z][a-z0-9-]*$/),
]);

export const operationSchema = z
  .object({
    kind: z
      .enum(['exec', 'powershell', 'read', 'dns', 'ntp', 'http', 'tcp', 'ping', 'systeminformation'])
      .describe('What sort of operation.'),
    target: z.string().describe('The program, script, file, server or function.'),
    args: z.array(z.string()).describe('Its arguments.'),
    exitCode: z
      .number()
      .int()
      .nullable()
      .describe('Exit code of a program or script; null otherwise or when it never exited.'),
    durationMs: z.number().int().min(0).describe('How long it took, in ms.'),
    error: errorCode.nullable().describe('Why it failed, or null.'),
  })
  .describe('One thing a probe did on the machine.');

const gapSchema = z
  .object({
    part: z.string().describe('The part that is missing, e.g. `smart`.'),
    code: errorCode,
    message: z.string().describe('Why, in words.'),
  })
  .describe('Something a probe could not find out while the rest of its data is good.');

export const manifestSchema = z
  .object({
    schemaVersion: z
      .string()
      .regex(/^\d+\.\d+$/)
      .describe('Bundle format version, `major.minor`.'),
    triageVersion: z.string().describe('Version of the Triage that wrote the bundle.'),
    createdAt: isoTime.describe('When the check started.'),
    host: z
      .object({
        hostname: z.string().describe('Computer name (a placeholder at strict redaction).'),
        user: z.string().nullable().describe('Signed-in user (a placeholder from standard redaction up).'),
        platform: z.enum(PLATFORMS as [string, ...string[]]).describe('win32, darwin or linux.'),
        osName: z.string().describe('Operating system name.'),
        osVersion: z.string().describe('Operating system version.'),
        architecture: z.string().describe('CPU architecture Triage ran on.'),
        powershell: z
          .object({
            languageMode: z
              .string()
              .nullable()
              .describe(
                'The language mode PowerShell gives code that is not a trusted script: ConstrainedLanguage under App Control or AppLocker; null if it did not say.',
              ),
            transport: z
              .enum(['session', 'process'])
              .describe(
                'session: node-powershell sessions (FullLanguage); process: one -File process per script.',
              ),
          })
          .nullable()
          .optional()
          .describe('Windows only (format 1.1 on): how the checks ran PowerShell.'),
      })
      .describe('Which machine this is.'),
    problem: z
      .object({
        category: z
          .enum(PROBLEM_CATEGORIES as [string, ...string[]])
          .describe('The kind of problem the user picked.'),
        description: z.string().describe("The user's own words (scrubbed of secrets)."),
        contact: z
          .object({
            name: z.string().describe('Name.'),
            email: z.string().describe('E-mail address.'),
            phone: z.string().describe('Phone number.'),
          })
          .nullable()
          .describe('How the user asked to be reached, as they typed it.'),
      })
      .nullable()
      .describe('What the user said was wrong; null for runs without a user (CLI, scripts).'),
    run: z
      .object({
        platform: z.enum(PLATFORMS as [string, ...string[]]).describe('The OS the check ran on.'),
        startedAt: isoTime.describe('When the first probe started.'),
        finishedAt: isoTime.describe('When the last probe finished.'),
        durationMs: z.number().int().min(0).describe('Wall time of the whole check, in ms.'),
      })
      .describe('When the check ran and how long it took.'),
    config: z
      .record(z.string(), z.unknown())
      .describe('The probe targets and thresholds used (see docs/configuration.md).'),
    redaction: z
      .object({
        level: z.enum(['off', 'standard', 'strict']).describe('The redaction level applied.'),
        replaced: z
          .partialRecord(z.enum(SENSITIVE_KINDS as [string, ...string[]]), z.number().int().min(0))
          .describe('Distinct values replaced by placeholders, per kind.'),
        secrets: z.number().int().min(0).describe('Secrets removed.'),
      })
      .describe('What was redacted before the bundle was written.'),
    excluded: z.array(sectionId).describe('Sections the user chose to leave out.'),
    probes: z
      .array(
        z.object({
          id: probeId,
          status: z
            .enum(PROBE_STATUSES as [string, ...string[]])
            .describe('ok, partial, unsupported, timeout or error.'),
          startedAt: isoTime.describe('When the probe started.'),
          durationMs: z.number().int().min(0).describe('How long it took, in ms (at most its budget).'),
          error: z
            .object({ code: errorCode, message: z.string() })
            .nullable()
            .describe('Why the probe gave no data.'),
          gaps: z.array(gapSchema).describe('What it could not find out (status partial).'),
          operations: z
            .array(operationSchema)
            .describe('Everything the probe ran or read, in order of completion.'),
          file: z.string().nullable().describe('Its data file in the bundle, or null when left out.'),
        }),
      )
      .describe('Every probe of the run.'),
    files: z
      .record(
        z.string(),
        z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) }),
      )
      .describe('Every other file of the bundle with its SHA-256 and size.'),
  })
  .describe('manifest.json: what the bundle is and what it contains.');

export const findingSchema = z
  .object({
    id: z.string().describe('The rule that produced it, e.g. `hardware.disk-almost-full`.'),
    severity: z.enum(SEVERITIES as [string, ...string[]]).describe('critical, warning, info or ok.'),
    area: z.enum(['hardware', 'os', 'network', 'security', 'general']).describe('The area it belongs to.'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).describe('Values the text refers to.'),
    evidence: z
      .array(
        z.object({
          probe: probeId,
          field: z.string().describe("Field path in that probe's data."),
          value: z.unknown().describe('The value seen.'),
        }),
      )
      .describe('The facts the rule used.'),
    settings: z
      .string()
      .optional()
      .describe(
        "The OS settings page where the user can fix it alone (`sign-in-page`: the network's sign-in page).",
      ),
    // Added in 1.2; older bundles lack it, which means none.
    explains: z
      .array(z.enum(PROBLEM_CATEGORIES as [string, ...string[]]))
      .default([])
      .describe('The problem categories this finding can cause (since format 1.2; missing means none).'),
    locale: z.string().describe('Language of the text.'),
    title: z.string().describe('What is wrong, in plain words.'),
    explanation: z.string().describe('Why it matters to the user.'),
    userSteps: z.array(z.string()).describe('What the user can do alone.'),
    itSteps: z.array(z.string()).describe('What IT should do.'),
  })
  .describe('One finding.');

export const findingsFileSchema = z
  .object({
    schemaVersion: z
      .string()
      .regex(/^\d+\.\d+$/)
      .describe('Bundle format version.'),
    findings: z.array(findingSchema).describe('Most important first.'),
  })
  .describe('findings.json: the findings, most important first.');

export const probeFileSchema = z
  .object({
    id: probeId,
    status: z.enum(PROBE_STATUSES as [string, ...string[]]).describe("The probe's status."),
    data: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("The probe's facts, shaped as its descriptor documents."),
  })
  .describe("probes/<id>.json: one probe's raw facts.");

export type BundleManifest = z.infer<typeof manifestSchema>;
export type FindingsFile = z.infer<typeof findingsFileSchema>;
export type ProbeFile = z.infer<typeof probeFileSchema>;

/** Why a version cannot be read, or null when it can. */
export function versionProblem(version: unknown): string | null {
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version))
    return `it has no valid format version (found ${JSON.stringify(version)})`;
  const major = Number(version.split('.')[0]);
  if (major > BUNDLE_SCHEMA_MAJOR)
    return `it was made by a newer Triage (bundle format ${version}; this Triage reads ${BUNDLE_SCHEMA_MAJOR}.x). Update Triage to open it`;
  if (major < 1) return `its format ${version} is older than any Triage release`;
  return null;
}

/** Zod issues as `path: message` lines. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
}
