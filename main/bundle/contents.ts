/**
 * What goes into a diagnostic bundle, built from a prepared (redacted) report:
 *
 *   manifest.json        schema version, Triage version, host summary, the user's words, per-probe
 *                        status/duration/commands/errors, redaction level, SHA-256 of every other file
 *   findings.json        the findings, most important first, with their words and evidence
 *   probes/<id>.json     each probe's raw facts
 *   report.html          the same, readable and printable, self-contained
 *   triage.log           Triage's own log of the run
 */
import { createHash } from 'node:crypto';
import { formatLogEntry } from '../log';
import type { Report } from '../report';
import { renderReportHtml } from './html';
import type { PreparedBundle } from './prepare';
import { BUNDLE_SCHEMA_VERSION } from './schema';

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A file name that sorts by time and says which machine: triage-<host>-20261124T101500Z.zip */
export function bundleFileName(hostname: string, at: Date): string {
  const host = hostname.replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 40) || 'host';
  return `triage-${host}-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.zip`;
}

export function probeFileName(id: string): string {
  return `probes/${id}.json`;
}

export function manifestProbes(report: Report, excluded: readonly string[]) {
  return report.run.probes.map(({ id, status, startedAt, durationMs, error, gaps, operations }) => ({
    id,
    status,
    startedAt,
    durationMs,
    error,
    gaps: [...gaps],
    operations: [...operations],
    file: excluded.includes(`probe:${id}`) ? null : probeFileName(id),
  }));
}

/** Builds every file of the bundle; the manifest lists the others with their SHA-256. */
export function bundleFiles(prepared: PreparedBundle): Map<string, Buffer> {
  const { report, excluded } = prepared;
  const files = new Map<string, Buffer>();
  const findings = { schemaVersion: BUNDLE_SCHEMA_VERSION, findings: [...report.findings] };
  files.set('findings.json', json(findings));
  for (const envelope of report.run.probes) {
    if (excluded.includes(`probe:${envelope.id}`)) continue;
    const file = { id: envelope.id, status: envelope.status, data: envelope.data };
    files.set(probeFileName(envelope.id), json(file));
  }
  files.set('report.html', Buffer.from(renderReportHtml(report, prepared.redaction, excluded), 'utf8'));
  if (!excluded.includes('log'))
    files.set('triage.log', Buffer.from(prepared.log.map(formatLogEntry).join('\n') + '\n', 'utf8'));
  const manifest = {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    triageVersion: report.triageVersion,
    createdAt: report.createdAt,
    host: report.host,
    problem: report.problem,
    run: {
      platform: report.run.platform,
      startedAt: report.run.startedAt,
      finishedAt: report.run.finishedAt,
      durationMs: report.run.durationMs,
    },
    config: report.config,
    redaction: prepared.redaction,
    excluded: [...excluded],
    probes: manifestProbes(report, excluded),
    files: Object.fromEntries(
      [...files].map(([name, content]) => [name, { sha256: sha256(content), bytes: content.length }]),
    ),
  };
  return new Map([['manifest.json', json(manifest)], ...files]);
}
