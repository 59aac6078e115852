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
import { SEVERITIES } from '../../probes/findings/types';
import { diffReports, formatValue } from '../bundle/diff';
import { keyFacts } from '../bundle/facts';
import { BundleError, readBundle, reportFromBundle, type BundleContents } from '../bundle/read';
import { verifyBundle, type Verification } from '../bundle/verify';
import { formatFinding } from './summary';
import { jsonForTerminal, line, multiline } from './terminal-safe';
import { PROBLEM_CATEGORY_NAMES } from '../report';
import { EXIT, parseCommandLine, UsageError } from './usage';

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
      `${line`triage: WARNING: ${path} does not verify (${String(result.problems.length)} problem(s); the first: ${result.problems[0] ?? ''}).`} What follows may have been changed after the bundle was written; "triage verify" lists every problem.\n`,
    );
  return result;
}

const color = (io: IO): boolean => Boolean(io.stdout.isTTY) && process.env.NO_COLOR === undefined;

export const INSPECT_HELP = `Usage: triage inspect BUNDLE [--json]

Summarises a bundle for a technician: whether it verifies, the machine, the user's words, findings by
severity, and the checks that did not give data. Exit codes: 0 read and verified, 1 read but it does
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
  const out: string[] = [];
  out.push(
    line`${path}: bundle format ${bundle.manifest.schemaVersion}, Triage ${report.triageVersion}, checked ${report.createdAt} in ${(report.run.durationMs / 1000).toFixed(1)} s, redaction ${bundle.manifest.redaction.level}`,
  );
  out.push(
    verified.problems.length === 0
      ? 'Verified: every file matches the manifest, and report.html matches the data.'
      : `NOT VERIFIED: ${String(verified.problems.length)} problem(s) (see above); treat what follows with care.`,
    '',
  );
  const facts = keyFacts(report);
  const width = Math.max(...facts.map((f) => f.label.length));
  for (const fact of facts) out.push(line`  ${fact.label.padEnd(width)}  ${fact.value}`);
  out.push('');
  if (report.problem)
    out.push(
      line`The user said (${PROBLEM_CATEGORY_NAMES[report.problem.category]}): ${multiline(report.problem.description)}`,
      '',
    );
  out.push(`Findings: ${SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ')}`, '');
  for (const finding of report.findings.filter((f) => f.severity !== 'ok'))
    out.push(formatFinding(finding, color(io)), '');
  if (failed.length) {
    out.push('Checks that gave no data:');
    for (const p of failed) out.push(line`  ${p.id}: ${p.status} — ${p.error?.message ?? ''}`);
  }
  if (bundle.manifest.excluded.length)
    out.push(line`Left out by the user: ${bundle.manifest.excluded.join(', ')}`);
  io.stdout.write(`${out.join('\n').trimEnd()}\n`);
  return done;
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
      `${line`${path}: NOT OK — ${problems.length} problem(s):`}\n${problems.map((p) => `${line`  - ${p}`}\n`).join('')}${notes.map((n) => `${line`  note: ${n}`}\n`).join('')}`,
    );
  }
  return problems.length === 0 ? EXIT.ok : EXIT.findings;
}

export const DIFF_HELP = `Usage: triage diff BEFORE AFTER [--json]

Shows what changed between two bundles of the same machine: findings that appeared or cleared,
checks whose status changed, and facts that changed. Both bundles are verified first. Exit codes: 0
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
  if (args.json) {
    io.stdout.write(`${jsonForTerminal({ ...diff, verification: checked })}\n`);
    return done;
  }
  const out: string[] = [
    line`${diff.before.hostname} at ${diff.before.createdAt}  →  ${diff.after.hostname} at ${diff.after.createdAt}`,
  ];
  if (!diff.sameMachine) out.push('Note: these bundles come from different computers.');
  // Each item is made safe by `line` where it is built; `title` is Triage's own.
  const section = (title: string, lines: string[]): void => {
    out.push('', `${title}${lines.length ? '' : ': none'}`);
    if (lines.length) out.push(...lines.map((l) => `  ${l}`));
  };
  section(
    'New findings',
    diff.appeared.map((f) => line`+ ${f.severity.toUpperCase()} ${f.title}`),
  );
  section(
    'Cleared findings',
    diff.cleared.map((f) => line`- ${f.severity.toUpperCase()} ${f.title}`),
  );
  if (diff.severityChanged.length)
    section(
      'Findings that changed severity',
      diff.severityChanged.map((f) => line`~ ${f.title}: ${f.was} → ${f.severity}`),
    );
  if (diff.statusChanged.length)
    section(
      'Checks whose result changed',
      diff.statusChanged.map((s) => line`~ ${s.probe}: ${s.before} → ${s.after}`),
    );
  section(
    'Changed facts',
    diff.facts.map(
      (f) =>
        line`~ ${f.probe} ${f.path}: ${formatValue(f.probe, f.path, f.before)} → ${formatValue(f.probe, f.path, f.after)}`,
    ),
  );
  io.stdout.write(`${out.join('\n')}\n`);
  return done;
}
