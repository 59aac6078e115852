/**
 * `triage diff` says what the app's Compare tab says: the earlier capture as "before" whichever
 * bundle comes first, findings that appeared or cleared first (in English, from their ids, whatever
 * language the user read them in), then only what changed, MTUs as numbers and a replaced adapter as
 * one removed and one added.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../main/bundle/contents';
import { prepareBundle } from '../../../main/bundle/prepare';
import { writeZipAtomic } from '../../../main/bundle/zip';
import { runDiff } from '../../../main/cli/bundle-commands';
import type { Report } from '../../../main/report';
import { renderFinding } from '../../../probes/findings/evaluate';
import { MESSAGES } from '../../../probes/findings/messages';
import { capture } from '../../support/cli-io';
import { sampleReport } from '../../support/sample-report';

type Interface = { name: string; mac: string | null; mtu: number | null };
let older = '';
let newer = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'triage-diff-'));
  const base = await sampleReport('win32');
  // The user read German: the bundles store German words.
  const german = base.findings.map((f) => renderFinding(f, 'de'));
  const make = (createdAt: string, drop: string, change: (i: Interface) => Interface): Report => ({
    ...base,
    createdAt,
    findings: german.filter((f) => f.id !== drop),
    run: {
      ...base.run,
      probes: base.run.probes.map((p) =>
        p.id === 'network.interfaces' && p.data
          ? { ...p, data: { interfaces: (p.data as { interfaces: Interface[] }).interfaces.map(change) } }
          : p,
      ),
    },
  });
  const write = async (name: string, report: Report): Promise<string> => {
    const path = join(dir, name);
    await writeZipAtomic(path, bundleFiles(prepareBundle(report, [], { level: 'standard' })));
    return path;
  };
  older = await write(
    'older.zip',
    make('2026-11-20T08:00:00.000Z', 'os.restart-pending', (i) => i),
  );
  newer = await write(
    'newer.zip',
    make('2026-11-24T10:00:00.000Z', 'security.no-screen-lock', (i) =>
      i.name === 'Ethernet'
        ? { ...i, name: 'Ethernet 2', mac: '38:7c:76:aa:bb:dd' }
        : i.name === 'Contoso VPN'
          ? { ...i, mtu: 1380 }
          : i,
    ),
  );
});

describe('triage diff', () => {
  it('puts the earlier capture first, whichever order the bundles are given in', async () => {
    const given = capture();
    expect(await runDiff([newer, older], given.io)).toBe(0);
    const inOrder = capture();
    expect(await runDiff([older, newer], inOrder.io)).toBe(0);
    expect(given.out()).toMatch(/^Before: PC-0042, captured 2026-11-20T08:00:00.000Z \(.*older\.zip\)$/m);
    expect(given.out()).toMatch(/^After: {2}PC-0042, captured 2026-11-24T10:00:00.000Z \(.*newer\.zip\)$/m);
    expect(given.out()).toContain('shown in capture order');
    // Apart from that note, the same report.
    expect(
      given
        .out()
        .split('\n')
        .filter((l) => !l.startsWith('(Given newer first')),
    ).toEqual(inOrder.out().split('\n'));
    const json = capture();
    await runDiff([newer, older, '--json'], json.io);
    expect(JSON.parse(json.out())).toMatchObject({
      swapped: true,
      before: { createdAt: '2026-11-20T08:00:00.000Z' },
    });
  });

  it('leads with findings, in English, then only what changed, in plain units', async () => {
    const c = capture();
    await runDiff([newer, older], c.io);
    const out = c.out();
    const title = (id: string): string => MESSAGES.en[id]?.title ?? id;
    expect(out).toContain(`New findings\n  + WARNING ${title('os.restart-pending')}`);
    expect(out).toContain(`Cleared findings\n  - WARNING ${title('security.no-screen-lock')}`);
    expect(out.indexOf('Cleared findings')).toBeLessThan(out.indexOf('Changed facts'));
    const facts = out.slice(out.indexOf('Changed facts')).split('\n').slice(1);
    expect(facts.filter((l) => l.includes('network.interfaces'))).toEqual([
      '  ~ network.interfaces interfaces[Contoso VPN].mtu: 1420 → 1380',
      '  + network.interfaces interfaces[Ethernet 2] added',
      '  - network.interfaces interfaces[Ethernet] removed',
    ]);
    expect(out).not.toContain('(none) → (none)');
    expect(out).not.toMatch(/Checks whose result changed/);
  });
});
