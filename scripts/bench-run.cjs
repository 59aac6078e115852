// One measured collection, run by scripts/bench.mjs in its own process (so peak RSS is ours alone).
// Prints one JSON line: per-probe durations, total wall time, peak RSS, bundle size.
'use strict';
process.env.UV_THREADPOOL_SIZE ??= '16';
const { join } = require('node:path');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const dist = join(__dirname, '..', 'dist');
const { collectReport } = require(join(dist, 'main', 'collect.js'));
const { createRunLog } = require(join(dist, 'main', 'log.js'));
const { ALL_PROBES } = require(join(dist, 'probes', 'index.js'));
const { parseProbeConfig } = require(join(dist, 'probes', 'config.js'));
const { bundleFiles } = require(join(dist, 'main', 'bundle', 'contents.js'));
const { prepareBundle } = require(join(dist, 'main', 'bundle', 'prepare.js'));
const { writeZipAtomic } = require(join(dist, 'main', 'bundle', 'zip.js'));

async function main() {
  const config = parseProbeConfig(
    process.env.TRIAGE_BENCH_CONFIG ? JSON.parse(process.env.TRIAGE_BENCH_CONFIG) : {},
  );
  const log = createRunLog();
  const started = process.hrtime.bigint();
  const report = await collectReport({ probes: ALL_PROBES, config, log });
  const dir = mkdtempSync(join(tmpdir(), 'triage-bench-'));
  const bundleBytes = await writeZipAtomic(
    join(dir, 'bundle.zip'),
    bundleFiles(prepareBundle(report, log.entries, { level: 'standard' })),
  );
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  rmSync(dir, { recursive: true, force: true });
  const probes = Object.fromEntries(
    report.run.probes.map((p) => [p.id, { ms: p.durationMs, status: p.status }]),
  );
  process.stdout.write(
    JSON.stringify({
      totalMs,
      runMs: report.run.durationMs,
      probes,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      bundleBytes,
    }) + '\n',
  );
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
