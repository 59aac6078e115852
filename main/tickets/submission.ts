/**
 * The ticket's words, built from a report: what a helpdesk agent sees before opening the bundle.
 */
import { SEVERITIES } from '../../probes/findings/types';
import { PROBLEM_CATEGORY_NAMES, type Report } from '../report';
import type { TicketPriority, TicketSubmission } from './types';
import { englishCount } from '../../probes/util/message-format';

const MAX_FINDINGS_IN_TEXT = 8;

export function priorityFor(report: Pick<Report, 'findings'>): TicketPriority {
  if (report.findings.some((f) => f.severity === 'critical')) return 'high';
  if (report.findings.some((f) => f.severity === 'warning')) return 'normal';
  return 'low';
}

export function ticketText(report: Report): { subject: string; description: string } {
  const category = report.problem ? PROBLEM_CATEGORY_NAMES[report.problem.category] : 'Diagnostics';
  const top = report.findings.find((f) => f.severity !== 'ok');
  const summary = report.problem?.description.trim().split('\n')[0] || top?.title || 'Diagnostic report';
  const clipped = summary.length > 80 ? `${summary.slice(0, 79)}…` : summary;
  const subject = `[Triage] ${category}: ${clipped} (${report.host.hostname})`;
  const lines: string[] = [];
  if (report.problem) {
    lines.push('The user wrote:', report.problem.description.trim(), '');
    const contact = report.problem.contact;
    if (contact)
      lines.push(`Contact: ${[contact.name, contact.email, contact.phone].filter(Boolean).join(' · ')}`, '');
  }
  const problems = report.findings
    .filter((f) => f.severity !== 'ok')
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  lines.push(
    problems.length
      ? `Triage found ${englishCount(problems.length, 'problem')}:`
      : 'Triage found no problems.',
  );
  for (const finding of problems.slice(0, MAX_FINDINGS_IN_TEXT))
    lines.push(`- [${finding.severity.toUpperCase()}] ${finding.title}`);
  if (problems.length > MAX_FINDINGS_IN_TEXT)
    lines.push(`- … and ${problems.length - MAX_FINDINGS_IN_TEXT} more in the bundle`);
  lines.push(
    '',
    `Computer: ${report.host.hostname} — ${report.host.osName} ${report.host.osVersion}`,
    `Checked: ${report.createdAt} by Triage ${report.triageVersion}`,
    '',
    'The attached bundle holds every check and its data; open report.html in it, or run "triage inspect" on it.',
  );
  return { subject, description: lines.join('\n') };
}

/** The fields of a submission that come from the report (the outbox adds key, bundle and time). */
export function submissionDraft(
  report: Report,
): Pick<TicketSubmission, 'subject' | 'description' | 'requester' | 'category' | 'priority'> {
  return {
    ...ticketText(report),
    requester: report.problem?.contact ?? null,
    category: report.problem?.category ?? 'other',
    priority: priorityFor(report),
  };
}
