/**
 * `npm run lab`: every network fault scenario, scored — what Triage was expected to say, what it
 * said, and how long it took. Needs root (network namespaces). The test suite runs the same
 * scenarios (tests/lab/lab.test.ts) and fails on any miss.
 *
 *   npm run lab              all scenarios
 *   npm run lab -- 2 13      only these
 */
import { canUseNamespaces } from '../tests/support/netns';
import { cleanupStaleLabs } from '../tests/lab/lab';
import { runScenario, SCENARIOS } from '../tests/lab/scenarios';

async function main(): Promise<void> {
  const support = canUseNamespaces();
  if (!support.ok) {
    console.error(`lab: ${support.reason}. The lab builds networks in namespaces; run it as root.`);
    process.exit(2);
  }
  const only = process.argv.slice(2).map(Number).filter(Number.isInteger);
  cleanupStaleLabs();
  const rows: string[][] = [];
  let misses = 0;
  for (const scenario of SCENARIOS.filter((s) => only.length === 0 || only.includes(s.id))) {
    process.stderr.write(`lab: ${scenario.id}. ${scenario.title}…\n`);
    const result = await runScenario(scenario).catch((error: unknown) => ({
      scenario,
      got: [],
      pass: false,
      why: `lab error: ${(error as Error).message.split('\n')[0]}`,
      skipped: null,
      seconds: 0,
    }));
    if (!result.pass && !result.skipped) misses += 1;
    const expected = scenario.expected
      ? `${scenario.expected.id} (${scenario.expected.severity})`
      : 'no network finding';
    const got = result.skipped
      ? '—'
      : result.got.length
        ? result.got.map((g) => g.replace(':', ' (') + ')').join(', ')
        : 'no network finding';
    rows.push([
      String(scenario.id),
      scenario.title,
      expected,
      got,
      result.skipped ? `not run: ${result.skipped}` : result.pass ? 'pass' : `MISS: ${result.why}`,
      result.skipped ? '—' : `${result.seconds} s`,
    ]);
  }
  cleanupStaleLabs();
  const header = ['#', 'Scenario', 'Expected first', 'Got (network findings)', 'Score', 'Time'];
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  const run = rows.filter((r) => !r[4]?.startsWith('not run')).length;
  console.log(
    `\n${run - misses}/${run} scenarios diagnosed right${rows.length > run ? `, ${rows.length - run} not run on this machine` : ''}.`,
  );
  process.exit(misses > 0 ? 1 : 0);
}

void main();
