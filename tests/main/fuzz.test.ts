/**
 * Fuzzing the two readers of untrusted input — bundles and policy — for a fixed time each run
 * (fast-check; TRIAGE_FUZZ_SECONDS sets it, default 15 s for bundles and 5 s for policy). Whatever
 * the input, the reader either reads it or refuses it with its own error type and a message; it never
 * throws anything else, never hangs, and `triage inspect` never ends in a stack trace. A failure
 * prints fast-check's seed and path, which replay it exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../../main/bundle/contents';
import { prepareBundle } from '../../main/bundle/prepare';
import { BundleError, parseBundle, reportFromBundle } from '../../main/bundle/read';
import { verifyBundle } from '../../main/bundle/verify';
import { keyFacts } from '../../main/bundle/facts';
import { applyPolicy } from '../../main/policy/apply';
import { readPolicySources } from '../../main/policy/read';
import { POLICY_SETTINGS } from '../../main/policy/schema';
import { zip } from '../support/hostile-bundles';
import { sampleReport } from '../support/sample-report';
import { createHash } from 'node:crypto';

const seconds = Number(process.env.TRIAGE_FUZZ_SECONDS ?? 0);
const BUNDLE_MS = (seconds || 15) * 1000;
const POLICY_MS = (seconds || 5) * 1000;

/** Reads a bundle the way `inspect` and the app do; only BundleError may come out. */
async function readLikeTriage(buffer: Buffer): Promise<void> {
  try {
    const bundle = await parseBundle(buffer);
    const report = reportFromBundle(bundle);
    keyFacts(report);
    verifyBundle(bundle);
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

describe('fuzzing the bundle reader', () => {
  it('survives random damage to the bytes of a real bundle', { timeout: BUNDLE_MS + 60_000 }, async () => {
    const files = bundleFiles(prepareBundle(await sampleReport('linux'), [], { level: 'standard' }));
    const base = await zip([...files].map(([name, content]) => ({ name, content })));
    const damage = fc.oneof(
      // A few bytes changed anywhere (headers, compressed data, the central directory).
      fc
        .array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        })
        .map((flips) => {
          const out = Buffer.from(base);
          for (const [at, value] of flips) out[at] = value;
          return out;
        }),
      // Cut short, or with junk before or after (an HTML page or a second archive around it).
      fc.nat({ max: base.length }).map((length) => base.subarray(0, length)),
      fc.uint8Array({ maxLength: 512 }).map((junk) => Buffer.concat([Buffer.from(junk), base])),
      fc.uint8Array({ maxLength: 512 }).map((junk) => Buffer.concat([base, Buffer.from(junk), base])),
    );
    await fc.assert(fc.asyncProperty(damage, readLikeTriage), {
      numRuns: 1_000_000,
      interruptAfterTimeLimit: BUNDLE_MS * 0.6,
      markInterruptAsFailure: false,
    });
  });

  it(
    'survives any JSON in any file, with the manifest hashes made to match',
    { timeout: BUNDLE_MS + 60_000 },
    async () => {
      const files = bundleFiles(prepareBundle(await sampleReport('win32'), [], { level: 'standard' }));
      const names = [...files.keys()].filter((name) => name.endsWith('.json'));
      const replaced = fc.record({
        name: fc.constantFrom(...names),
        value: fc.jsonValue({ maxDepth: 6 }),
      });
      await fc.assert(
        fc.asyncProperty(replaced, async ({ name, value }) => {
          const copy = new Map(files);
          const content = Buffer.from(JSON.stringify(value));
          copy.set(name, content);
          if (name !== 'manifest.json') {
            const manifest = JSON.parse(copy.get('manifest.json')?.toString('utf8') ?? '{}') as {
              files: Record<string, { sha256: string; bytes: number }>;
            };
            manifest.files[name] = {
              sha256: createHash('sha256').update(content).digest('hex'),
              bytes: content.length,
            };
            copy.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
          }
          await readLikeTriage(await zip([...copy].map(([n, c]) => ({ name: n, content: c }))));
        }),
        { numRuns: 1_000_000, interruptAfterTimeLimit: BUNDLE_MS * 0.4, markInterruptAsFailure: false },
      );
    },
  );
});

describe('fuzzing the policy reader', () => {
  const names = POLICY_SETTINGS.map((s) => s.name);
  it(
    'turns any values into settings and warnings, never an exception',
    { timeout: POLICY_MS + 30_000 },
    () => {
      const values = fc.dictionary(
        fc.oneof(fc.constantFrom(...names), fc.string()),
        fc.jsonValue({ maxDepth: 3 }),
      );
      fc.assert(
        fc.property(values, (raw) => {
          const result = applyPolicy([{ source: 'fuzz', values: raw }]);
          expect(Array.isArray(result.warnings)).toBe(true);
          for (const setting of POLICY_SETTINGS.filter((s) => s.kind === 'secret')) {
            const secret = raw[setting.name];
            if (typeof secret === 'string' && secret.length >= 8)
              expect(result.warnings.join(' ')).not.toContain(secret);
          }
        }),
        { numRuns: 1_000_000, interruptAfterTimeLimit: POLICY_MS / 2, markInterruptAsFailure: false },
      );
    },
  );

  it(
    'reads any bytes in /etc/triage/policy.json as policy or a warning',
    { timeout: POLICY_MS + 30_000 },
    async () => {
      const content = fc.oneof(
        fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
        fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(`\ufeff${JSON.stringify(v)}`)),
      );
      await fc.assert(
        fc.asyncProperty(content, async (bytes) => {
          const io = {
            exec: async () => ({ stdout: '', exitCode: 1 }),
            readFile: async () => bytes,
            tempDir: async () => '/nonexistent',
          };
          const read = await readPolicySources('linux', io, {});
          applyPolicy(read.sources);
        }),
        { numRuns: 1_000_000, interruptAfterTimeLimit: POLICY_MS / 2, markInterruptAsFailure: false },
      );
    },
  );
});
