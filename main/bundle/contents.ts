/**
 * What goes into a diagnostic bundle: the manifest, the findings, one file per probe and the run log.
 */
import { createHash } from 'node:crypto';
import { formatLogEntry, type LogEntry } from '../log';
import type { Report } from '../report';

/** The bundle format's version: major changes break readers, minor ones only add. */
export const BUNDLE_SCHEMA_VERSION = '1.0';

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function probeFileName(id: string): string {
  return `probes/${id}.json`;
}

/** Builds every file of the bundle; the manifest lists the others with their SHA-256. */
export function bundleFiles(report: Report, log: readonly LogEntry[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set('findings.json', json({ findings: report.findings }));
  for (const envelope of report.run.probes) files.set(probeFileName(envelope.id), json(envelope));
  files.set('triage.log', Buffer.from(log.map(formatLogEntry).join('\n') + '\n', 'utf8'));
  const manifest = {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    triageVersion: report.triageVersion,
    createdAt: report.createdAt,
    host: report.host,
    problem: report.problem,
    run: { platform: report.run.platform, startedAt: report.run.startedAt, finishedAt: report.run.finishedAt, durationMs: report.run.durationMs },
    config: report.config,
    probes: report.run.probes.map(({ id, status, startedAt, durationMs, error, gaps, operations }) => ({ id, status, startedAt, durationMs, error, gaps, operations })),
    files: Object.fromEntries([...files].map(([name, content]) => [name, { sha256: sha256(content), bytes: content.length }])),
  };
  return new Map([['manifest.json', json(manifest)], ...files]);
}
