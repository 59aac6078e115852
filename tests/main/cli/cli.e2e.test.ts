/**
 * The real `triage` command, as shipped (dist/), run on this machine inside a network namespace that
 * has only loopback: every probe runs for real, nothing leaves the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PROBES } from '../../../probes/index';
import { createBareNamespace, namespaceSupport, type BareNamespace } from '../../support/netns';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'main', 'cli', 'triage.js');
const support = namespaceSupport();

describe.skipIf(support.skip)(
  `triage on this machine${support.skip ? ` (skipped: ${support.reason})` : ''}`,
  () => {
    let ns: BareNamespace;
    const out = mkdtempSync(join(tmpdir(), 'triage-e2e-'));
    const triage = (...args: string[]) => ns.run(process.execPath, [CLI, ...args]);
    let first: { stdout: string; stderr: string; status: number | null };

    beforeAll(() => {
      ns = createBareNamespace('tcli');
      first = triage('collect', '-o', join(out, 'a.zip'), '--json');
    });
    afterAll(() => (ns as BareNamespace | undefined)?.remove()); // unset if beforeAll failed

    it('collects every probe, explains each that could not run, and writes a bundle', () => {
      expect([0, 1]).toContain(first.status);
      const result = JSON.parse(first.stdout) as {
        bundle: string;
        probes: { id: string; status: string; error: { message: string } | null }[];
        findings: unknown[];
      };
      expect(result.bundle).toBe(join(out, 'a.zip'));
      expect(existsSync(result.bundle)).toBe(true);
      expect(result.probes.map((p) => p.id).sort()).toEqual(ALL_PROBES.map((p) => p.descriptor.id).sort());
      for (const probe of result.probes) {
        if (probe.status !== 'ok') expect(probe.error?.message ?? 'partial', probe.id).toMatch(/\w{4,}/);
      }
    });

    it('shows progress on stderr as plain lines when not on a terminal', () => {
      expect(first.stderr).toMatch(/^Running \d+ checks…$/m);
      expect(first.stderr).toMatch(/^\[\d+\/\d+\] hardware\.cpu: ok \(\d+ ms\)$/m);
    });

    it('writes a bundle that verifies and inspects', () => {
      const verify = triage('verify', join(out, 'a.zip'));
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
      expect(verify.stdout).toMatch(/OK — \d+ files, every hash matches/);
      const inspect = triage('inspect', join(out, 'a.zip'));
      expect(inspect.status).toBe(0);
      expect(inspect.stdout).toMatch(/Findings: \d+ critical, \d+ warning/);
    });

    it('compares two runs of the same machine', () => {
      expect(triage('collect', '-q', '-o', join(out, 'b.zip'), '--fail-on', 'never').status).toBe(0);
      const diff = triage('diff', join(out, 'a.zip'), join(out, 'b.zip'));
      expect(diff.status).toBe(0);
      expect(diff.stdout).toMatch(/New findings/);
      expect(diff.stdout).not.toMatch(/different computers/);
    });

    it.each([
      [['collect', '--probes', 'network.dsn'], /unknown check "network.dsn"/],
      [['collect', '--timeout', 'soon'], /--timeout needs a whole number/],
      [['collect', '-o', '/nonexistent/folder/x.zip'], /does not exist/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['inspect'], /Usage: triage inspect BUNDLE/],
      [['collect', '--output', ''], /--output needs a path/],
      [['collect', '-o', '/tmp/a-new-name-without-extension'], /neither an existing folder nor a \.zip file/],
      [['version', '--bogus'], /version takes no arguments/],
      [['credential', 'set'], /Usage: triage credential set NAME/],
    ])('refuses %j with exit code 2 and a clear message', (args, message) => {
      const result = triage(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    });

    it('follows managed policy: checks turned off, stricter redaction, and says which values are invalid', () => {
      const policyFile = join(out, 'policy.json');
      writeFileSync(
        policyFile,
        JSON.stringify({
          DisabledProbes: ['hardware.cpu'],
          RedactionLevel: 'strict',
          OutboxMaxItems: 'lots',
        }),
      );
      const env = { ...process.env, TRIAGE_POLICY_FILE: policyFile };
      const policy = ns.run(process.execPath, [CLI, 'policy'], { env });
      expect(policy.status).toBe(1);
      expect(policy.stdout).toMatch(/DisabledProbes\s+\["hardware.cpu"\]/);
      expect(policy.stdout).toMatch(/OutboxMaxItems = "lots" is not valid/);
      const collect = ns.run(
        process.execPath,
        [CLI, 'collect', '--json', '-o', join(out, 'policy.zip'), '--fail-on', 'never'],
        { env },
      );
      expect(collect.status, collect.stderr).toBe(0);
      const result = JSON.parse(collect.stdout) as { probes: { id: string }[] };
      expect(result.probes.map((p) => p.id)).not.toContain('hardware.cpu');
      expect(collect.stderr).toMatch(/policy: .*OutboxMaxItems/);
      const refused = ns.run(process.execPath, [CLI, 'collect', '--redact', 'off', '--no-bundle'], { env });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/less strict than your organisation's policy/);
      expect(
        ns.run(process.execPath, [CLI, 'collect', '--probes', 'hardware.cpu', '--no-bundle'], { env }).stderr,
      ).toMatch(/turned off by your organisation's policy/);
    });

    it('lets --redact choose freely when no policy sets a level', () => {
      const result = triage(
        'collect',
        '--redact',
        'off',
        '--no-bundle',
        '--probes',
        'os.info',
        '--fail-on',
        'never',
      );
      expect(result.status, result.stderr).toBe(0);
    });

    it('ends quietly when the reader of its output goes away (| head)', () => {
      // `true` exits without reading, so every write finds the pipe closed (EPIPE), as `| head` does
      // once it has its lines.
      const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" probes | true`], {
        encoding: 'utf8',
      });
      expect(piped.stderr).toBe('');
    });

    it('says why a damaged bundle cannot be read (exit 3 for inspect, 1 for verify)', () => {
      const damaged = join(out, 'damaged.zip');
      writeFileSync(damaged, readFileSync(join(out, 'a.zip')).subarray(0, 200));
      const inspect = triage('inspect', damaged);
      expect(inspect.status).toBe(3);
      expect(inspect.stderr).toMatch(/damaged or truncated|not a readable zip/);
      expect(triage('verify', damaged).status).toBe(1);
    });
  },
);
