/**
 * Tier 2 tools on bundles: `triage inspect`, `triage diff`, `triage verify`. They read bundles
 * as hostile input (main/bundle/read.ts) and never run anything from them.
 *
 * Human output is assembled with `line` (terminal-safe.ts): every value from a bundle (or quoted
 * from one in an error message) is shown with its control characters and bidi overrides escaped,
 * so a bundle cannot clear the screen, forge a line or reach the clipboard. `--json` prints the
 * data exactly, with C1, bidi and invisible characters written as \uXXXX escapes (jsonForTerminal),
 * so it is safe on a terminal too and parses back to the same strings.
 */
import type { Severity } from '../../probes/findings/types';
import type { ProbeEnvelope } from '../../probes/types';
import { SEVERITIES } from '../../probes/findings/types';
import { diffReports, findingTitle, formatValue } from '../bundle/diff';
import { keyFacts } from '../bundle/facts';
import { BundleError, readBundle, reportFromBundle, type BundleContents } from '../bundle/read';
import { verifyBundle, type Verification } from '../bundle/verify';
import { findingHeadline, fitWidth, formatFindingForIt, readerTime, wrapSafe } from './summary';
import { CONTINUATION, jsonForTerminal, line, multiline, terminalSafe } from './terminal-safe';
import { PROBLEM_CATEGORY_NAMES } from '../report';
import { EXIT, parseCommandLine, UsageError } from './usage';
import { englishCount } from '../../probes/util/message-format';

interface IO {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

function parse(
  command: string,
  argv: readonly string[],
  positionals: number,
  help: string,
): { paths: string[]; json: boolean } | null {
  const parsed = parseCommandLine(command, {
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (parsed.values.help) return null;
  if (parsed.positionals.length !== positionals) throw new UsageError(`${help.split('\n')[0]}`);
  return { paths: parsed.positionals, json: parsed.values.json ?? false };
}

/** Reads a bundle or explains in one line why it cannot be read. */
async function open(path: string, io: IO): Promise<BundleContents | null> {
  try {
    return await readBundle(path);
  } catch (error) {
    if (error instanceof BundleError) {
      io.stderr.write(`${line`triage: ${path}: ${error.message}`}\n`);
      return null;
    }
    throw error;
  }
}

/**
 * A bundle's verification, said before anything from it is shown: hashes, format and report.html.
 * A bundle that does not verify is still shown (a technician may need what is left), after a
 * warning on stderr, and the command ends with exit code 1.
 */
function verification(path: string, bundle: BundleContents, io: IO): Verification {
  const result = verifyBundle(bundle);
  if (result.problems.length > 0)
    io.stderr.write(
      `${line`triage: WARNING: ${path} does not verify (${englishCount(result.problems.length, 'problem')}; the first: ${result.problems[0] ?? ''}).`} What follows may have been changed after the bundle was written; "triage verify" lists every problem.\n`,
    );
  return result;
}

const color = (io: IO): boolean => Boolean(io.stdout.isTTY) && process.env.NO_COLOR === undefined;

export const INSPECT_HELP = `Usage: triage inspect BUNDLE [--json]

Summarises a bundle for a technician. First, on one screen: whether it verifies, who asked and
what for (contact, kind of problem, their words, capture time in your time zone), the checks that
failed or gave part of their data, and the findings, most important first. Then each finding with
IT's steps, the machine's key facts and the bundle's details. The first screen fits the terminal's
width ($COLUMNS when not on a terminal). Exit codes: 0 read and verified, 1 read but it does
not verify (shown anyway, after a warning), 2 bad command line, 3 the bundle cannot be read.`;

export async function runInspect(argv: readonly string[], io: IO): Promise<number> {
  const args = parse('inspect', argv, 1, INSPECT_HELP);
  if (!args) {
    io.stdout.write(`${INSPECT_HELP}\n`);
    return EXIT.ok;
  }
  const [path = ''] = args.paths;
  const bundle = await open(path, io);
  if (!bundle) return EXIT.failed;
  const verified = verification(path, bundle, io);
  const done = verified.problems.length === 0 ? EXIT.ok : EXIT.findings;
  const report = reportFromBundle(bundle);
  const failed = report.run.probes.filter((p) => p.status === 'error' || p.status === 'timeout');
  // A partial check gave only some of its data: the technician should know which part is missing.
  const troubled = report.run.probes.filter((p) => p.status !== 'ok' && p.status !== 'unsupported');
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  if (args.json) {
    io.stdout.write(
      `${jsonForTerminal({
        bundle: path,
        schemaVersion: bundle.manifest.schemaVersion,
        triageVersion: report.triageVersion,
        createdAt: report.createdAt,
        redaction: bundle.manifest.redaction,
        facts: keyFacts(report),
        problem: report.problem,
        counts,
        findings: report.findings.map(({ id, severity, title, explanation, userSteps, itSteps }) => ({
          id,
          severity,
          title,
          explanation,
          userSteps,
          itSteps,
        })),
        failedProbes: failed.map(({ id, status, error }) => ({ id, status, error })),
        verification: verified,
      })}\n`,
    );
    return done;
  }
  // The first screen (FIRST_SCREEN rows of `width` columns) holds what a technician needs first:
  // whether to trust the bundle, who asked and what for, which checks failed, the worst findings.
  // The details follow; every row of the first screen fits the width, so nothing there wraps.
  const width = terminalWidth(io);
  const paint = color(io);
  const out: string[] = [
    verified.problems.length === 0
      ? 'Verified: every file matches the manifest, and report.html matches the data.'
      : `NOT VERIFIED: ${englishCount(verified.problems.length, 'problem')} (see above); treat what follows with care.`,
  ];
  const fit = (text: string): string => fitWidth(text, width);
  const contact = report.problem?.contact;
  const who = [contact?.name, contact?.email, contact?.phone].filter(Boolean).join(' · ');
  out.push(
    fit(
      line`From:     ${who || '(no contact given)'} — ${report.host.user ?? 'unknown account'} on ${report.host.hostname}`,
    ),
  );
  const words = report.problem ? firstRows(report.problem.description, width) : null;
  if (report.problem && words) {
    out.push(fit(line`Problem:  ${PROBLEM_CATEGORY_NAMES[report.problem.category]}, in the user's words:`));
    out.push(...words.rows);
  } else out.push('Problem:  none given (collected from the command line or a script)');
  out.push(
    fit(
      line`Captured: ${readerTime(report.createdAt)} · ${report.host.osName} ${report.host.osVersion} · checks took ${(report.run.durationMs / 1000).toFixed(1)} s`,
    ),
    '',
  );
  if (troubled.length) {
    out.push(`Checks that failed or gave part of their data (${troubled.length}):`);
    const shown = troubled.slice(0, troubled.length > FAILED_ROWS ? FAILED_ROWS - 1 : FAILED_ROWS);
    for (const p of shown) out.push(fit(line`  ${p.id}: ${p.status} — ${problemOf(p)}`));
    if (shown.length < troubled.length) out.push(`  … and ${troubled.length - shown.length} more below`);
  } else out.push('Every check gave its data.');
  const problems = report.findings.filter((f) => f.severity !== 'ok');
  out.push(
    `Findings: ${SEVERITIES.filter((s) => s !== 'ok')
      .map((s) => `${counts[s]} ${s}`)
      .join(', ')}${counts.ok ? `; ${checkedAndFine(counts.ok)}` : ''}`,
  );
  // Most important first (the report's order); as many as the first screen has room for.
  const room = Math.max(3, FIRST_SCREEN - out.length - 1);
  const headlines = problems.length > room ? problems.slice(0, room - 1) : problems;
  for (const finding of headlines) out.push(findingHeadline(finding, paint, width));
  if (headlines.length < problems.length)
    out.push(`  … and ${problems.length - headlines.length} more below`);

  out.push('', 'In detail', '');
  for (const finding of problems) out.push(formatFindingForIt(finding, paint), '');
  if (counts.ok) out.push(`${checkedAndFine(counts.ok)}.`, '');
  if (report.problem && words?.shortened)
    out.push(line`The user's words in full: ${multiline(report.problem.description)}`, '');
  if (troubled.length) {
    out.push('Checks that failed or gave part of their data:');
    for (const p of troubled) out.push(line`  ${p.id}: ${p.status} — ${problemOf(p)}`);
    out.push('');
  }
  const facts = keyFacts(report);
  const labelWidth = Math.max(...facts.map((f) => f.label.length));
  for (const fact of facts) out.push(line`  ${fact.label.padEnd(labelWidth)}  ${fact.value}`);
  out.push(
    '',
    line`${path}: bundle format ${bundle.manifest.schemaVersion}, Triage ${report.triageVersion}, captured ${report.createdAt}, redaction ${bundle.manifest.redaction.level}`,
  );
  if (bundle.manifest.excluded.length)
    out.push(line`Left out by the user: ${bundle.manifest.excluded.join(', ')}`);
  io.stdout.write(`${out.join('\n').trimEnd()}\n`);
  return done;
}

/** Rows of inspect's first screen: the smallest terminal it is designed for is 100 × 30. */
const FIRST_SCREEN = 30;
const DESCRIPTION_ROWS = 3;
const FAILED_ROWS = 5;

/** The terminal's width; when not on one (piped, tests), $COLUMNS, else 100. */
function terminalWidth(io: IO): number {
  const columns = io.stdout.isTTY ? io.stdout.columns : Number(process.env.COLUMNS);
  return Math.max(40, Number.isFinite(columns) && columns > 0 ? columns : 100);
}

const checkedAndFine = (n: number): string => `${n} ${n === 1 ? 'thing' : 'things'} checked and fine`;

/**
 * The user's words for the first screen: wrapped, each row marked as theirs, at most
 * DESCRIPTION_ROWS rows; when cut, the last row says the full text follows.
 */
function firstRows(description: string, width: number): { rows: string[]; shortened: boolean } {
  const rows = description
    .split(/\r?\n/)
    .flatMap((paragraph) => wrapSafe(terminalSafe(paragraph), width, CONTINUATION));
  if (rows.length <= DESCRIPTION_ROWS) return { rows, shortened: false };
  const kept = rows.slice(0, DESCRIPTION_ROWS);
  kept[DESCRIPTION_ROWS - 1] = `${fitWidth(kept[DESCRIPTION_ROWS - 1] ?? '', width - 18)} … (in full below)`;
  return { rows: kept, shortened: true };
}

/** Why a check gave no or only part of its data, in its own words. */
function problemOf(probe: ProbeEnvelope): string {
  return probe.error?.message ?? probe.gaps.map((g) => `${g.part}: ${g.message}`).join('; ');
}

export const VERIFY_HELP = `Usage: triage verify BUNDLE [--json]

Checks that a bundle is intact and well-formed: readable zip within size limits, manifest and
findings match the bundle format, every file's SHA-256 matches the manifest, nothing was added.
Exit codes: 0 intact, 1 damaged or altered (each problem is listed), 2 bad command line.`;

export async function runVerify(argv: readonly string[], io: IO): Promise<number> {
  const args = parse('verify', argv, 1, VERIFY_HELP);
  if (!args) {
    io.stdout.write(`${VERIFY_HELP}\n`);
    return EXIT.ok;
  }
  const [path = ''] = args.paths;
  let bundle: BundleContents;
  try {
    bundle = await readBundle(path);
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    if (args.json)
      io.stdout.write(
        `${jsonForTerminal({ bundle: path, ok: false, problems: [error.message], code: error.code })}\n`,
      );
    else io.stdout.write(`${line`${path}: NOT OK`}\n${line`  ${error.message}`}\n`);
    return EXIT.findings;
  }
  const { problems, notes } = verifyBundle(bundle);
  if (args.json) {
    io.stdout.write(
      `${jsonForTerminal({ bundle: path, ok: problems.length === 0, schemaVersion: bundle.manifest.schemaVersion, files: bundle.entries.size, problems, notes })}\n`,
    );
  } else if (problems.length === 0) {
    io.stdout.write(
      `${line`${path}: OK — ${bundle.entries.size} files, every hash matches, format ${bundle.manifest.schemaVersion}.`}\n${notes.map((n) => `${line`  note: ${n}`}\n`).join('')}`,
    );
  } else {
    io.stdout.write(
      `${line`${path}: NOT OK — ${englishCount(problems.length, 'problem')}:`}\n${problems.map((p) => `${line`  - ${p}`}\n`).join('')}${notes.map((n) => `${line`  note: ${n}`}\n`).join('')}`,
    );
  }
  return problems.length === 0 ? EXIT.ok : EXIT.findings;
}

export const DIFF_HELP = `Usage: triage diff BUNDLE BUNDLE [--json]

Shows what changed between two bundles of the same machine: findings that appeared or cleared,
checks whose status changed, and facts that changed. The earlier capture is "before", in whichever
order the bundles are given. Both bundles are verified first. Exit codes: 0
compared, 1 compared but a bundle does not verify (warned on stderr), 2 bad command line, 3 a bundle
cannot be read.`;

export async function runDiff(argv: readonly string[], io: IO): Promise<number> {
  const args = parse('diff', argv, 2, DIFF_HELP);
  if (!args) {
    io.stdout.write(`${DIFF_HELP}\n`);
    return EXIT.ok;
  }
  const [pathA = '', pathB = ''] = args.paths;
  const [a, b] = [await open(pathA, io), await open(pathB, io)];
  if (!a || !b) return EXIT.failed;
  const checked = { before: verification(pathA, a, io), after: verification(pathB, b, io) };
  const done = checked.before.problems.length + checked.after.problems.length === 0 ? EXIT.ok : EXIT.findings;
  const diff = diffReports(reportFromBundle(a), reportFromBundle(b));
  // The earlier capture is "before" whichever path came first; verification follows its bundle.
  const [pathBefore, pathAfter] = diff.swapped ? [pathB, pathA] : [pathA, pathB];
  const verified = diff.swapped ? { before: checked.after, after: checked.before } : checked;
  if (args.json) {
    io.stdout.write(`${jsonForTerminal({ ...diff, verification: verified })}\n`);
    return done;
  }
  const out: string[] = [
    line`Before: ${diff.before.hostname}, captured ${diff.before.createdAt} (${pathBefore})`,
    line`After:  ${diff.after.hostname}, captured ${diff.after.createdAt} (${pathAfter})`,
  ];
  if (diff.swapped) out.push('(Given newer first: shown in capture order, the earlier as "before".)');
  if (!diff.sameMachine) out.push('Note: these bundles come from different computers.');
  // Each item is made safe by `line` where it is built; `title` is Triage's own. Findings lead and
  // always say whether any appeared or cleared; the other sections appear only when something changed.
  const section = (title: string, lines: string[], always = false): void => {
    if (!lines.length && !always) return;
    out.push('', `${title}${lines.length ? '' : ': none'}`);
    if (lines.length) out.push(...lines.map((l) => `  ${l}`));
  };
  section(
    'New findings',
    diff.appeared.map((f) => line`+ ${f.severity.toUpperCase()} ${findingTitle(f)}`),
    true,
  );
  section(
    'Cleared findings',
    diff.cleared.map((f) => line`- ${f.severity.toUpperCase()} ${findingTitle(f)}`),
    true,
  );
  section(
    'Findings that changed severity',
    diff.severityChanged.map((f) => line`~ ${findingTitle(f)}: ${f.was} → ${f.severity}`),
  );
  section(
    'Checks whose result changed',
    diff.statusChanged.map((s) => line`~ ${s.probe}: ${s.before} → ${s.after}`),
  );
  section(
    'Changed facts',
    diff.facts.map((f) =>
      f.item
        ? line`${f.item === 'added' ? '+' : '-'} ${f.probe} ${f.path} ${f.item}`
        : line`~ ${f.probe} ${f.path}: ${formatValue(f, f.before)} → ${formatValue(f, f.after)}`,
    ),
  );
  io.stdout.write(`${out.join('\n')}\n`);
  return done;
}
