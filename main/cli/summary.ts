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
