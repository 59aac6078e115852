/**
 * `triage probes`: what Triage checks, for admins deciding what to allow and technicians reading bundles.
 */
import { ALL_PROBES } from '../../probes/index';
import { EXIT, parseCommandLine } from './usage';

const PLATFORM_NAMES = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' } as const;

export function runProbesList(argv: readonly string[], io: { stdout: NodeJS.WriteStream }): number {
  const { values } = parseCommandLine('probes', {
    args: [...argv],
    options: {
      json: { type: 'boolean' },
      fields: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(
      'Usage: triage probes [--fields] [--json]\n\nLists every check with its id, platforms and budget; --fields adds what each one collects.\n',
    );
    return EXIT.ok;
  }
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify(
        ALL_PROBES.map((p) => p.descriptor),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  for (const { descriptor } of ALL_PROBES) {
    const platforms = descriptor.platforms.map((p) => PLATFORM_NAMES[p]).join(', ') || 'none';
    io.stdout.write(
      `${descriptor.id.padEnd(24)} ${descriptor.title} — ${descriptor.description}\n${' '.repeat(25)}(${platforms}; budget ${descriptor.timeoutMs} ms)\n`,
    );
    if (values.fields) {
      for (const [path, field] of Object.entries(descriptor.fields)) {
        io.stdout.write(
          `${' '.repeat(27)}${path}: ${field.type}${field.unit ? ` (${field.unit})` : ''}${field.sensitive ? ` [${field.sensitive}]` : ''} — ${field.description}\n`,
        );
      }
    }
  }
  return EXIT.ok;
}
