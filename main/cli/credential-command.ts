/**
 * `triage credential set|list|delete`: keep helpdesk credentials in the operating system's key store
 * (through the installed app's safeStorage) rather than in policy, where local users can read them.
 * Only the installed app can do this (`Triage --headless credential …`): plain Node has no safeStorage.
 */
import { CredentialError, environmentVariableFor, installedCredentialStore } from '../tickets/credentials';
import { EXIT, parseCommandLine, UsageError } from './usage';

interface IO {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** Where `set` reads the secret from, so it never appears in a command line or shell history. */
  readonly stdin?: NodeJS.ReadableStream;
}

export const CREDENTIAL_HELP = `Usage: Triage --headless credential set NAME     (reads the secret from standard input)
       Triage --headless credential list
       Triage --headless credential delete NAME

Stores a helpdesk secret for the signed-in user, encrypted by the operating system (Windows DPAPI,
the macOS Keychain, a Linux keyring). Helpdesk settings then say "credential:NAME" in place of the
secret, e.g. {"kind":"request-tracker", …, "token":"credential:rt-token"}. Run it as the user who
uses Triage: the store is theirs. From plain Node, set the environment variable
TRIAGE_CREDENTIAL_<NAME> instead.`;

async function readSecret(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  // One trailing line break comes from `echo` or a here-string; a secret never ends with one.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function runCredential(argv: readonly string[], io: IO): Promise<number> {
  const parsed = parseCommandLine('credential', {
    args: [...argv],
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  const [action, name, ...extra] = parsed.positionals;
  if (parsed.values.help || action === undefined) {
    io.stdout.write(`${CREDENTIAL_HELP}\n`);
    return parsed.values.help ? EXIT.ok : EXIT.usage;
  }
  if (extra.length > 0)
    throw new UsageError(
      `Too many arguments. The secret is read from standard input, never from the command line.\n\n${CREDENTIAL_HELP}`,
    );
  if ((action === 'set' || action === 'delete') && !name)
    throw new UsageError(`Usage: triage credential ${action} NAME\n\n${CREDENTIAL_HELP}`);
  const store = installedCredentialStore();
  if (!store) {
    io.stderr.write(
      `triage: credentials can only be stored by the installed app (run: Triage --headless credential ${action}${name ? ` ${name}` : ''}). ` +
        `From plain Node, give the secret in the environment variable ${environmentVariableFor(name ?? 'NAME')} instead.\n`,
    );
    return EXIT.failed;
  }
  try {
    switch (action) {
      case 'set': {
        if (!name) throw new UsageError('Usage: triage credential set NAME (the secret on standard input)');
        if (!io.stdin) throw new UsageError('No standard input to read the secret from.');
        await store.set(name, await readSecret(io.stdin));
        io.stdout.write(`Stored "${name}". Helpdesk settings can now say "credential:${name}".\n`);
        return EXIT.ok;
      }
      case 'list': {
        const names = await store.names();
        io.stdout.write(
          names.length ? `${names.join('\n')}\n` : 'No credentials are stored for this user.\n',
        );
        return EXIT.ok;
      }
      case 'delete': {
        if (!name) throw new UsageError('Usage: triage credential delete NAME');
        const deleted = await store.delete(name);
        io.stdout.write(
          deleted ? `Deleted "${name}".\n` : `No credential named "${name}" is stored; nothing changed.\n`,
        );
        return EXIT.ok;
      }
      default:
        throw new UsageError(`Unknown action "${action}".\n\n${CREDENTIAL_HELP}`);
    }
  } catch (error) {
    if (error instanceof CredentialError) {
      io.stderr.write(`triage: ${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
