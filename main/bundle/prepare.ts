/**
 * Prepares what will be sent: redacts the report at the chosen level, leaves out the sections the
 * user chose to leave out, and describes the result section by section for the consent preview.
 *
 * The preview is made from the very bytes the bundle will contain (bundleFiles uses the same
 * prepared report), so what the user approves is exactly what leaves the machine.
 */
import { findProbe } from '../../probes/index';
import type { Evidence } from '../../probes/findings/types';
import type { ProbeEnvelope, ProbeId } from '../../probes/types';
import type { LogEntry } from '../log';
import type { Report } from '../report';
import { bundleFiles, probeFileName } from './contents';
import { PLACEHOLDER_PATTERN, Redactor, type RedactionLevel, type RedactionSummary } from './redact';

/** A part of the bundle the user can look at (and, where allowed, leave out). */
export type SectionId = 'problem' | 'system' | 'findings' | 'log' | `probe:${ProbeId}`;

export interface BundleChoices {
  readonly level: RedactionLevel;
  /** Sections the user left out. Only removable sections may be listed. */
  readonly exclude?: readonly SectionId[];
  /** Sections the organisation lets users leave out (managed policy); default: the log and every probe. */
  readonly removable?: (id: SectionId) => boolean;
}

export interface PreparedBundle {
  readonly report: Report;
  readonly log: readonly LogEntry[];
  readonly redaction: RedactionSummary;
  readonly excluded: readonly SectionId[];
}

export interface ConsentSection {
  readonly id: SectionId;
  readonly title: string;
  /** Exactly what will be sent for this section (pretty JSON or text), with placeholders where data was redacted. */
  readonly content: string;
  /** How many placeholders (redacted values) the content holds. */
  readonly redactions: number;
  readonly removable: boolean;
  readonly excluded: boolean;
}

export class BundleChoiceError extends Error {
  override readonly name = 'BundleChoiceError';
}

const defaultRemovable = (id: SectionId): boolean => id === 'log' || id.startsWith('probe:');

const LEFT_OUT = '[left out by the user]';

function countPlaceholders(text: string): number {
  return text.match(PLACEHOLDER_PATTERN)?.length ?? 0;
}

/** Redacts a whole report and its log at one level, with placeholders stable across all of it. */
export function prepareBundle(
  report: Report,
  log: readonly LogEntry[],
  choices: BundleChoices,
): PreparedBundle {
  const removable = choices.removable ?? defaultRemovable;
  const excluded = [...new Set(choices.exclude ?? [])];
  for (const id of excluded) {
    if (!removable(id))
      throw new BundleChoiceError(
        `The section "${id}" cannot be left out${id.startsWith('probe:') || id === 'log' ? " under your organisation's policy" : ''}.`,
      );
  }
  const excludedProbes = new Set(
    excluded.filter((id) => id.startsWith('probe:')).map((id) => id.slice('probe:'.length)),
  );

  const redactor = new Redactor(choices.level);
  // Learn the identifying values first, so every later occurrence in free text is replaced too.
  const host = {
    ...report.host,
    hostname: redactor.redactField('hostname', report.host.hostname),
    user: report.host.user === null ? null : redactor.redactField('username', report.host.user),
  };
  const probes: ProbeEnvelope[] = report.run.probes.map((envelope) => {
    if (excludedProbes.has(envelope.id)) return { ...envelope, data: null, operations: [] };
    const probe = findProbe(envelope.id);
    const data =
      envelope.data && probe
        ? (redactor.redactData(probe.descriptor.fields, envelope.data) as object)
        : envelope.data;
    return {
      ...envelope,
      data,
      operations: envelope.operations.map((op) => ({ ...op, args: redactor.scrubArgs(op.args) })),
    };
  });

  const evidence = (items: readonly Evidence[]): Evidence[] =>
    items.map((e) => (excludedProbes.has(e.probe) ? { ...e, value: LEFT_OUT } : e));
  const redacted: Report = {
    ...redactor.scrubValue({
      ...report,
      host,
      problem: null,
      run: { ...report.run, probes },
      findings: report.findings.map((f) => ({ ...f, evidence: evidence(f.evidence) })),
    }),
    // The contact details are the user's own, typed so IT can reach them: kept as given (the
    // preview shows them), except for secrets, which go at every level. Their description is
    // scrubbed like everything else.
    problem:
      report.problem === null
        ? null
        : {
            ...report.problem,
            description: redactor.scrubText(report.problem.description),
            contact:
              report.problem.contact === null
                ? null
                : {
                    name: redactor.scrubSecrets(report.problem.contact.name),
                    email: redactor.scrubSecrets(report.problem.contact.email),
                    phone: redactor.scrubSecrets(report.problem.contact.phone),
                  },
          },
  };
  const finalLog = excluded.includes('log') ? [] : redactor.scrubValue(log.map((entry) => ({ ...entry })));
  return { report: redacted, log: finalLog, redaction: redactor.summary(), excluded };
}

/**
 * The consent preview: every section of the bundle exactly as it will be sent (the bytes of the
 * bundle's files), for the user to read and, where allowed, leave out. Call it again with new
 * choices after the user changes them.
 */
export function previewSections(
  prepared: PreparedBundle,
  choices: Pick<BundleChoices, 'removable'> = {},
): ConsentSection[] {
  const removable = choices.removable ?? defaultRemovable;
  const files = bundleFiles(prepared);
  const text = (name: string): string => files.get(name)?.toString('utf8') ?? LEFT_OUT;
  const manifest = JSON.parse(text('manifest.json')) as Record<string, unknown>;
  const section = (id: SectionId, title: string, content: string): ConsentSection => ({
    id,
    title,
    content,
    redactions: countPlaceholders(content),
    removable: removable(id),
    excluded: prepared.excluded.includes(id),
  });
  const json = (value: unknown): string => JSON.stringify(value, null, 2);
  return [
    section('problem', 'Your description of the problem', json(manifest.problem)),
    section(
      'system',
      'This computer and this check',
      json({
        host: manifest.host,
        triageVersion: manifest.triageVersion,
        createdAt: manifest.createdAt,
        redaction: manifest.redaction,
      }),
    ),
    section('findings', 'What Triage found', text('findings.json')),
    ...prepared.report.run.probes.map((envelope) =>
      section(
        `probe:${envelope.id}`,
        findProbe(envelope.id)?.descriptor.title ?? envelope.id,
        text(probeFileName(envelope.id)),
      ),
    ),
    section('log', "Triage's own log of this check", text('triage.log')),
  ];
}
