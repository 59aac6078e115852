#!/usr/bin/env node
/**
 * The `triage` command: Triage's main job from plain Node (no Electron needed), for technicians,
 * scripts and IT automation.
 */
// getaddrinfo (the system resolver) blocks a libuv worker thread until it gives up; with the default
// four workers, a few dead DNS lookups would stall every file read of the other checks. This must be
// set before the first asynchronous file or DNS call.
process.env.UV_THREADPOOL_SIZE ??= '16';

import { runDiff, runInspect, runVerify } from './bundle-commands';
import { runCollect } from './collect-command';
import { runCredential } from './credential-command';
import { runPolicy } from './policy-command';
import { runProbesList } from './probes-command';
import { runOutbox, runSubmit } from './ticket-commands';
import { EXIT, RefusedError, UsageError } from './usage';
import { TRIAGE_VERSION } from '../version';

const HELP = `Usage: triage <command> [options]

Commands:
  collect     Run the checks on this machine, explain the findings, write a diagnostic bundle
  probes      List the checks Triage runs, with what each one collects
  inspect     Summarise a bundle: the machine, the user's words, findings, failed checks
  diff        Show what changed between two bundles of the same machine
  verify      Check that a bundle is intact (hashes, format)
  submit      File a bundle as a ticket in the helpdesk (queued safely when offline)
  outbox      List, retry or purge the reports waiting to be sent
  credential  Keep a helpdesk secret in the system's key store (installed app only)
  policy      Show the settings in force here (managed policy over defaults) and any invalid value
  version     Print Triage's version

Run "triage <command> --help" for a command's options.`;

export async function main(
  argv: readonly string[],
  io = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [command, ...rest] = argv;
  const controller = new AbortController();
  const onInterrupt = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.failed);
    io.stderr.write('\nCancelling… (press Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    switch (command) {
      case 'collect':
        return await runCollect(rest, { ...io, signal: controller.signal });
      case 'probes':
        return runProbesList(rest, io);
      case 'inspect':
        return await runInspect(rest, io);
      case 'diff':
        return await runDiff(rest, io);
      case 'verify':
        return await runVerify(rest, io);
      case 'policy':
        return await runPolicy(rest, io);
      case 'submit':
        return await runSubmit(rest, io);
      case 'outbox':
        return await runOutbox(rest, io);
      case 'credential':
        return await runCredential(rest, { ...io, stdin: process.stdin });
      case 'version':
      case '--version':
        if (rest.length > 0) throw new UsageError(`version takes no arguments (got ${rest.join(' ')}).`);
        io.stdout.write(`${TRIAGE_VERSION}\n`);
        return EXIT.ok;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${HELP}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`triage: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof RefusedError) {
      io.stderr.write(`triage: ${error.message}\n`);
      return EXIT.failed;
    }
    io.stderr.write(
      `triage: an unexpected error stopped the run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this with the text above.\n`,
    );
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

if (require.main === module) {
  // `triage inspect b.zip | head` closes the pipe early: that ends the output, it is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.failed;
    },
  );
}
