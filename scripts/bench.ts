/**
 * `npm run bench`: how fast and how big a full collection is on this machine, as ratios measured in
 * one run (timings on a shared 2-core machine are noisy; ratios within one run are not).
 *
 * Each round runs, in fresh processes and in alternation, (a) Triage's full collection plus bundle
 * and (b) a plain parallel call of the equivalent systeminformation functions, inside an isolated
 * network namespace (so the network probes talk to nothing outside this machine). It prints, per round
 * and as medians: wall time per probe, total wall time, total ÷ slowest probe, peak RSS, bundle size,
 * and Triage ÷ baseline.
 *
 *   npm run bench -- --runs 7
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBareNamespace, canUseNamespaces } from '../tests/support/netns';

const ROOT = join(__dirname, '..');
const TARGETS = { ratio: 1.3, baseline: 1.0, rssMb: 150, bundleKb: 250 };

interface OurRun {
  totalMs: number;
  runMs: number;
  probes: Record<string, { ms: number; status: string }>;
  peakRssBytes: number;
  bundleBytes: number;
}
interface BaselineRun {
  totalMs: number;
  peakRssBytes: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50)
    throw new Error('--runs takes a whole number from 1 to 50');
  const support = canUseNamespaces();
  if (!support.ok) {
    console.error(
      `bench: ${support.reason}. The benchmark runs the network probes in an isolated namespace so they contact nothing outside this machine; run it as root.`,
    );
    process.exit(2);
  }
  const ns = createBareNamespace('tbench');
  try {
    const node = (script: string): string => {
      const result = ns.run(process.execPath, [join(ROOT, 'scripts', script)], { timeoutMs: 120_000 });
      if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
      return result.stdout.trim().split('\n').pop() ?? '';
    };
    const ours: OurRun[] = [];
    const baseline: BaselineRun[] = [];
    console.log(
      `Triage benchmark: ${runs} rounds on ${process.platform}, ${cpus().length} cores, Node ${process.version}\n`,
    );
    for (let round = 1; round <= runs; round += 1) {
      // Alternate which goes first, so neither always enjoys a warm cache.
      const order = round % 2 ? ['ours', 'baseline'] : ['baseline', 'ours'];
      let run: OurRun | undefined;
      let base: BaselineRun | undefined;
      for (const which of order) {
        if (which === 'ours') run = JSON.parse(node('bench-run.cjs')) as OurRun;
        else base = JSON.parse(node('bench-baseline.cjs')) as BaselineRun;
      }
      if (!run || !base) throw new Error('a round produced no result');
      ours.push(run);
      baseline.push(base);
      const slowest = Object.entries(run.probes).sort(([, a], [, b]) => b.ms - a.ms)[0];
      console.log(
        `round ${round}: total ${s(run.totalMs)} (collection ${s(run.runMs)}; slowest ${slowest?.[0]} ${s(slowest?.[1].ms ?? 0)}; total ÷ slowest ${(run.runMs / Math.max(1, slowest?.[1].ms ?? 1)).toFixed(2)}), ` +
          `peak RSS ${mb(run.peakRssBytes)}, bundle ${(run.bundleBytes / 1024).toFixed(0)} KB; baseline ${s(base.totalMs)} (RSS ${mb(base.peakRssBytes)}), Triage ÷ baseline ${(run.totalMs / base.totalMs).toFixed(2)}`,
      );
    }
    const ids = Object.keys(ours[0]?.probes ?? {});
    console.log('\nPer probe, median over rounds (ms, status of the last round):');
    for (const id of ids.sort(
      (a, b) => median(ours.map((r) => r.probes[b]?.ms ?? 0)) - median(ours.map((r) => r.probes[a]?.ms ?? 0)),
    )) {
      console.log(
        `  ${id.padEnd(24)} ${String(Math.round(median(ours.map((r) => r.probes[id]?.ms ?? 0)))).padStart(6)}  ${ours.at(-1)?.probes[id]?.status ?? ''}`,
      );
    }
    const ratio = median(
      ours.map((r) => r.runMs / Math.max(1, Math.max(...Object.values(r.probes).map((p) => p.ms)))),
    );
    const vsBaseline = median(ours.map((r, i) => r.totalMs / (baseline[i]?.totalMs ?? r.totalMs)));
    const rss = median(ours.map((r) => r.peakRssBytes)) / 1024 / 1024;
    const bundle = median(ours.map((r) => r.bundleBytes)) / 1024;
    const verdict = (ok: boolean): string => (ok ? 'meets target' : 'MISSES target');
    console.log('\nMedians:');
    console.log(
      `  total wall time          ${s(median(ours.map((r) => r.totalMs)))} (baseline ${s(median(baseline.map((b) => b.totalMs)))})`,
    );
    console.log(
      `  total ÷ slowest probe    ${ratio.toFixed(2)}  (target ≤ ${TARGETS.ratio}: ${verdict(ratio <= TARGETS.ratio)})`,
    );
    console.log(
      `  Triage ÷ baseline        ${vsBaseline.toFixed(2)}  (target ≤ ${TARGETS.baseline}: ${verdict(vsBaseline <= TARGETS.baseline)})`,
    );
    console.log(
      `  peak RSS                 ${rss.toFixed(0)} MB  (target ≤ ${TARGETS.rssMb} MB: ${verdict(rss <= TARGETS.rssMb)})`,
    );
    console.log(
      `  bundle size              ${bundle.toFixed(0)} KB  (target ≤ ${TARGETS.bundleKb} KB: ${verdict(bundle <= TARGETS.bundleKb)})`,
    );
  } finally {
    ns.remove();
  }
}

main();
