/**
 * Prints findings for a person at a terminal: most important first, what it means, what to do.
 */
import { styleText } from 'node:util';
import type { RenderedFinding, Severity } from '../../probes/findings/types';
import type { Report } from '../report';
import { line, terminalSafe } from './terminal-safe';

const LABEL: Readonly<Record<Severity, string>> = {
  critical: 'CRITICAL',
  warning: 'WARNING',
  info: 'INFO',
  ok: 'OK',
};
const COLOR: Readonly<Record<Severity, 'red' | 'yellow' | 'cyan' | 'green'>> = {
  critical: 'red',
  warning: 'yellow',
  info: 'cyan',
  ok: 'green',
};

function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && process.env.NO_COLOR === undefined;
}

/**
 * A finding as lines for a terminal. Its texts may come from a bundle (`triage inspect`), so each
 * is made safe (terminal-safe.ts) before Triage wraps it in its own colour codes.
 */
export function formatFinding(finding: RenderedFinding, color: boolean): string {
  const label = LABEL[finding.severity].padEnd(8); // severity is checked against the schema
  const title = terminalSafe(finding.title);
  const head = `${color ? styleText(COLOR[finding.severity], label) : label} ${color ? styleText('bold', title) : title}`;
  const lines = [head, line`         ${finding.explanation}`];
  for (const step of finding.userSteps) lines.push(line`         - ${step}`);
  if (finding.userSteps.length === 0 && finding.itSteps.length > 0)
    lines.push(line`         IT: ${finding.itSteps[0] ?? ''}`);
  return lines.join('\n');
}

/**
 * A finding for a technician (`triage inspect`): IT's steps, since the technician is the one acting;
 * what the user was told to try is one line, so they know what may already have been done.
 */
export function formatFindingForIt(finding: RenderedFinding, color: boolean): string {
  const label = LABEL[finding.severity].padEnd(8);
  const title = terminalSafe(finding.title);
  const head = `${color ? styleText(COLOR[finding.severity], label) : label} ${color ? styleText('bold', title) : title}`;
  const lines = [head, line`         ${finding.explanation}`];
  for (const step of finding.itSteps) lines.push(line`         - ${step}`);
  if (finding.userSteps.length > 0)
    lines.push(line`         The user was told: ${finding.userSteps.join(' / ')}`);
  return lines.join('\n');
}

/** A finding's severity and title on one row of at most `width` columns (inspect's first screen). */
export function findingHeadline(finding: RenderedFinding, color: boolean, width: number): string {
  const label = LABEL[finding.severity].padEnd(8);
  const title = fitWidth(terminalSafe(finding.title), width - 11);
  return `  ${color ? styleText(COLOR[finding.severity], label) : label} ${title}`;
}

/**
 * Safe text cut to `width` columns with "…". Cut by code point, never inside a surrogate pair, so
 * the cut cannot create a lone surrogate; the text is already escaped, so no escape is half-cut
 * into a control. (Wide East Asian characters count as one column: a row may then run longer.)
 */
export function fitWidth(safe: string, width: number): string {
  const chars = Array.from(safe);
  return chars.length <= width ? safe : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

/**
 * Safe one-line text wrapped at spaces into rows of at most `width` columns (a word longer than
 * the row is cut). Each row starts with `marker`, so a row from the bundle never starts where
 * Triage's own lines do (see CONTINUATION in terminal-safe.ts).
 */
export function wrapSafe(safe: string, width: number, marker: string): string[] {
  const room = Math.max(10, width - marker.length);
  const rows: string[] = [];
  let row: string[] = [];
  for (const word of safe.split(/ +/).filter(Boolean)) {
    let chars = Array.from(word);
    if (row.length && row.length + 1 + chars.length > room) {
      rows.push(row.join(''));
      row = [];
    }
    while (chars.length > room) {
      rows.push(chars.slice(0, room).join(''));
      chars = chars.slice(room);
    }
    row = row.length ? [...row, ' ', ...chars] : chars;
  }
  if (row.length || rows.length === 0) rows.push(row.join(''));
  return rows.map((r) => `${marker}${r}`);
}

export function printFindings(report: Report, stream: NodeJS.WriteStream): void {
  const color = useColor(stream);
  const counts = report.run.probes.reduce<Record<string, number>>(
    (acc, p) => ({ ...acc, [p.status]: (acc[p.status] ?? 0) + 1 }),
    {},
  );
  const statusLine = Object.entries(counts)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  stream.write(
    `${line`Triage checked ${report.host.hostname} (${report.host.osName} ${report.host.osVersion}) in ${(report.run.durationMs / 1000).toFixed(1)} s: ${statusLine}.`}\n\n`,
  );
  const problems = report.findings.filter((f) => f.severity !== 'ok');
  if (problems.length === 0) {
    stream.write('No problems found.\n');
    return;
  }
  stream.write(`${problems.map((f) => formatFinding(f, color)).join('\n\n')}\n`);
}

/**
 * A capture time in the reader's time zone, with the zone named: a technician in Berlin reads a
 * bundle from New York in Berlin time and knows it. Year-month-day and 24 h, unambiguous anywhere.
 */
export function readerTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  const zone = format.resolvedOptions().timeZone;
  const name = part.timeZoneName ?? zone;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${name}${zone && zone !== name ? ` (${zone})` : ''}`;
}
