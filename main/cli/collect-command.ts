/**
 * `triage collect`: run the checks on this machine, explain what they found, write a bundle.
 */
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, parseProbeConfig, type ProbeConfig } from '../../probes/config';
import { SEVERITIES, type Severity } from '../../probes/findings/types';
import { ALL_PROBES } from '../../probes/index';
import type { Probe } from '../../probes/types';
import { bundleFileName, bundleFiles } from '../bundle/contents';
import { BundleChoiceError, prepareBundle } from '../bundle/prepare';
import { REDACTION_LEVELS, type RedactionLevel } from '../bundle/redact';
import { writeZipAtomic } from '../bundle/zip';
import { collectReport } from '../collect';
import { loadPolicy } from '../policy/load';
import { createRunLog, formatLogEntry } from '../log';
import { currentScope, logFileSink, logsDir } from '../log-file';
import type { Report } from '../report';
import { barProgress, lineProgress } from './progress';
import { submitBundle } from './ticket-commands';
import { printFindings } from './summary';
import { EXIT, parseInteger, parseCommandLine, UsageError } from './usage';

export const COLLECT_HELP = `Usage: triage collect [options]

Runs Triage's checks on this machine, prints what they found, and writes a diagnostic bundle (zip).

Options:
  -o, --output PATH        Where to write the bundle: a .zip file or an existing folder
                           (default: the current folder, triage-<host>-<time>.zip)
      --no-bundle          Do not write a bundle; only print the findings
      --probes LIST        Only these checks: ids or areas, comma-separated (e.g. network,os.info)
      --skip LIST          Leave these checks out (same form as --probes)
      --config FILE        Probe targets and thresholds as JSON (see docs/configuration.md)
      --timeout MS         Budget of every check, in ms (default: each check's own, 5000–15000)
      --command-timeout MS Budget of one command inside a check, in ms (default 10000)
      --submit             File the bundle as a ticket afterwards (see "triage submit --help")
      --helpdesk FILE      With --submit: where tickets go (JSON), instead of policy
      --redact LEVEL       What to hide in the bundle: off | standard (default) | strict
                           (secrets are removed at every level; see docs/bundle-format.md)
      --fail-on LEVEL      Exit 1 when a finding is at least this severe:
                           critical | warning (default) | info | never
      --json               Print the result as JSON on stdout (progress still goes to stderr)
  -q, --quiet              No progress output
  -v, --verbose            Echo the run log to stderr
  -h, --help               This help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad command line
(nothing ran), 3 could not finish.`;

export interface CollectArgs {
  readonly output: string | null;
  readonly probes: readonly Probe[];
  /** What --probes/--skip said, for checking against checks turned off by policy. */
  readonly probesNamed: string | undefined;
  readonly configPath: string | null;
  readonly probeTimeoutMs: number | undefined;
  readonly commandTimeoutMs: number | undefined;
  readonly failOn: Severity | 'never';
  /** --redact, or null to use the policy's level. */
  readonly redaction: RedactionLevel | null;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly help: boolean;
  readonly submit: boolean;
  readonly helpdesk: string | undefined;
}

/** Resolves `--probes`/`--skip` items (ids or whole areas) to probes, or says which are unknown. */
export function selectProbes(
  include: string | undefined,
  exclude: string | undefined,
  all: readonly Probe[] = ALL_PROBES,
): Probe[] {
  const parse = (option: string, list: string): Set<string> => {
    const wanted = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (wanted.length === 0) throw new UsageError(`${option} needs at least one check id or area.`);
    const known = new Set(all.flatMap((p) => [p.descriptor.id, p.descriptor.id.split('.')[0] ?? '']));
    const unknown = wanted.filter((w) => !known.has(w));
    if (unknown.length > 0) {
      throw new UsageError(
        `${option}: unknown check ${unknown.map((u) => `"${u}"`).join(', ')}. Known checks: ${all.map((p) => p.descriptor.id).join(', ')} (or an area: hardware, os, network, security).`,
      );
    }
    return new Set(wanted);
  };
  const matches = (probe: Probe, set: Set<string>): boolean =>
    set.has(probe.descriptor.id) || set.has(probe.descriptor.id.split('.')[0] ?? '');
  const included = include === undefined ? null : parse('--probes', include);
  const excluded = exclude === undefined ? null : parse('--skip', exclude);
  const selected = all.filter(
    (p) => (included === null || matches(p, included)) && (excluded === null || !matches(p, excluded)),
  );
  if (selected.length === 0) throw new UsageError('No checks are left to run after --probes and --skip.');
  return selected;
}

export function parseCollectArgs(argv: readonly string[]): CollectArgs {
  const { values } = parseCommandLine('collect', {
    args: [...argv],
    allowPositionals: false,
    options: {
      output: { type: 'string', short: 'o' },
      'no-bundle': { type: 'boolean' },
      probes: { type: 'string' },
      skip: { type: 'string' },
      config: { type: 'string' },
      timeout: { type: 'string' },
      'command-timeout': { type: 'string' },
      'fail-on': { type: 'string' },
      redact: { type: 'string' },
      submit: { type: 'boolean' },
      helpdesk: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.output?.trim() === '')
    throw new UsageError('--output needs a path: a .zip file, or an existing folder for the bundle.');
  if (values.output !== undefined && values['no-bundle'])
    throw new UsageError('--output and --no-bundle cannot be used together.');
  if (values.submit && values['no-bundle'])
    throw new UsageError('--submit needs a bundle; it cannot be used with --no-bundle.');
  if (values.helpdesk !== undefined && !values.submit)
    throw new UsageError('--helpdesk only applies with --submit.');
  const failOn = values['fail-on'] ?? 'warning';
  if (failOn !== 'never' && !SEVERITIES.includes(failOn as Severity)) {
    throw new UsageError(`--fail-on must be critical, warning, info or never, not "${failOn}".`);
  }
  const redaction = values.redact ?? null;
  if (redaction !== null && !REDACTION_LEVELS.includes(redaction as RedactionLevel))
    throw new UsageError(`--redact must be off, standard or strict, not "${redaction}".`);
  return {
    redaction: redaction as RedactionLevel | null,
    probesNamed: values.probes,
    output: values['no-bundle'] ? null : (values.output ?? '.'),
    probes: selectProbes(values.probes, values.skip),
    configPath: values.config ?? null,
    probeTimeoutMs:
      values.timeout === undefined ? undefined : parseInteger('--timeout', values.timeout, 100, 600_000),
    commandTimeoutMs:
      values['command-timeout'] === undefined
        ? undefined
        : parseInteger('--command-timeout', values['command-timeout'], 100, 600_000),
    failOn: failOn as Severity | 'never',
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    help: values.help ?? false,
    submit: values.submit ?? false,
    helpdesk: values.helpdesk,
  };
}

/** The probe targets policy sets; each was checked alone, so a problem here is rare and not fatal. */
function policyProbeConfig(input: unknown, stderr: NodeJS.WriteStream): ProbeConfig {
  try {
    return parseProbeConfig(input, 'probe targets from policy');
  } catch (error) {
    stderr.write(`triage: policy: ${(error as Error).message}; the default targets apply.\n`);
    return parseProbeConfig({});
  }
}

export async function loadConfigFile(path: string | null): Promise<ProbeConfig> {
  if (path === null) return parseProbeConfig({});
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--config: ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config: ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseProbeConfig(input, `configuration in ${path}`);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Decides where the bundle goes, before any check runs, so an unwritable path fails fast.
 * Returns a folder (the name is chosen after the run) or a file path.
 */
export async function resolveOutput(output: string): Promise<{ folder: string } | { file: string }> {
  const target = resolve(output);
  const info = await stat(target).catch(() => null);
  const folder = info?.isDirectory() ? target : dirname(target);
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo?.isDirectory())
    throw new UsageError(`--output: the folder ${folder} does not exist. Create it or choose another place.`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new UsageError(
      `--output: ${folder} is not writable by this user. Choose a folder you can write to, e.g. your Documents.`,
    );
  }
  if (info?.isDirectory()) return { folder: target };
  if (info && !info.isFile()) throw new UsageError(`--output: ${target} exists and is not a regular file.`);
  // Bundles are opened as .zip files everywhere (the app refuses anything else).
  if (!/\.zip$/i.test(target))
    throw new UsageError(
      `--output: ${target} is neither an existing folder nor a .zip file name. Name the bundle ….zip, or create the folder first.`,
    );
  return { file: target };
}

function highestSeverity(report: Report): Severity | null {
  for (const severity of SEVERITIES)
    if (report.findings.some((f) => f.severity === severity)) return severity;
  return null;
}

export function exitCodeFor(report: Report, failOn: Severity | 'never'): number {
  if (failOn === 'never') return EXIT.ok;
  const limit = SEVERITIES.indexOf(failOn);
  return report.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit) ? EXIT.findings : EXIT.ok;
}

export interface CommandIO {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly signal?: AbortSignal;
}

export async function runCollect(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseCollectArgs(argv);
  if (args.help) {
    io.stdout.write(`${COLLECT_HELP}\n`);
    return EXIT.ok;
  }
  const policy = await loadPolicy();
  for (const warning of policy.warnings) io.stderr.write(`triage: policy: ${warning}\n`);
  const disabled = new Set(policy.settings.disabledProbes);
  const blocked =
    args.probesNamed
      ?.split(',')
      .map((s) => s.trim())
      .filter((id) => disabled.has(id)) ?? [];
  if (blocked.length)
    throw new UsageError(
      `${blocked.join(', ')} ${blocked.length > 1 ? 'are' : 'is'} turned off by your organisation's policy (DisabledProbes).`,
    );
  const probes = args.probes.filter((p) => !disabled.has(p.descriptor.id));
  if (probes.length === 0)
    throw new UsageError('Every selected check is turned off by policy (DisabledProbes).');
  const redaction = args.redaction ?? policy.settings.redactionLevel;
  // Only a level the organisation set is a floor; without one, --redact chooses freely.
  const floorSet = policy.applied.some((a) => a.name === 'RedactionLevel');
  if (
    floorSet &&
    REDACTION_LEVELS.indexOf(redaction) < REDACTION_LEVELS.indexOf(policy.settings.redactionLevel)
  ) {
    throw new UsageError(
      `--redact ${redaction} is less strict than your organisation's policy (RedactionLevel ${policy.settings.redactionLevel}).`,
    );
  }
  // --config replaces the policy's probe targets; without it, policy (or the defaults) apply.
  const config =
    args.configPath === null
      ? policyProbeConfig(policy.settings.probeConfig, io.stderr)
      : await loadConfigFile(args.configPath);
  const destination = args.output === null ? null : await resolveOutput(args.output);
  const toFile = logFileSink(logsDir(currentScope()), 'triage-cli', (message) =>
    io.stderr.write(`triage: ${message}\n`),
  );
  const log = createRunLog((entry) => {
    toFile(entry);
    if (args.verbose) io.stderr.write(`${formatLogEntry(entry)}\n`);
  });
  const progress =
    args.quiet || args.verbose
      ? undefined
      : io.stderr.isTTY
        ? barProgress(io.stderr)
        : lineProgress((line) => io.stderr.write(`${line}\n`));

  const report = await collectReport({
    probes,
    config,
    log,
    probeTimeoutMs: args.probeTimeoutMs,
    commandTimeoutMs: args.commandTimeoutMs,
    onProgress: progress,
    signal: io.signal,
  });
  if (io.signal?.aborted) {
    io.stderr.write('Cancelled: no bundle was written.\n');
    return EXIT.failed;
  }

  let bundlePath: string | null = null;
  let bundleBytes: number | null = null;
  if (destination) {
    bundlePath =
      'file' in destination
        ? destination.file
        : join(destination.folder, bundleFileName(report.host.hostname, new Date(report.createdAt)));
    try {
      bundleBytes = await writeZipAtomic(
        bundlePath,
        bundleFiles(prepareBundle(report, log.entries, { level: redaction })),
      );
    } catch (error) {
      // Too large to be read back is a property of the report, not of the folder: more space won't help.
      const advice =
        error instanceof BundleChoiceError
          ? ''
          : '; run again with --output pointing to a folder with free space';
      io.stderr.write(
        `The bundle could not be written to ${bundlePath}: ${(error as Error).message.replace(/\.?$/, '.')} The findings are printed below${advice}.\n`,
      );
      bundlePath = null;
    }
  }

  const exitCode = destination && bundlePath === null ? EXIT.failed : exitCodeFor(report, args.failOn);
  if (args.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          exitCode,
          bundle: bundlePath,
          bundleBytes,
          durationMs: report.run.durationMs,
          highestSeverity: highestSeverity(report),
          probes: report.run.probes.map(({ id, status, durationMs, error }) => ({
            id,
            status,
            durationMs,
            error,
          })),
          findings: report.findings.map(({ id, severity, area, title, explanation, userSteps, itSteps }) => ({
            id,
            severity,
            area,
            title,
            explanation,
            userSteps,
            itSteps,
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    printFindings(report, io.stdout);
    if (bundlePath)
      io.stdout.write(`\nBundle written to ${bundlePath} (${Math.round((bundleBytes ?? 0) / 1024)} KB).\n`);
  }
  if (args.submit && bundlePath) {
    // With --json, stdout must stay one JSON document: the ticket result goes to stderr.
    const submitted = await submitBundle(
      bundlePath,
      args.helpdesk,
      args.json ? { stdout: io.stderr, stderr: io.stderr } : io,
    );
    if (submitted === EXIT.failed) return EXIT.failed;
  }
  return exitCode;
}
