/**
 * security.firewall — whether the firewall is on, per profile (Windows), for the application firewall
 * (macOS), or per front end (Linux: ufw, firewalld, nftables), as a standard user can see it.
 */
import { join } from 'node:path';
import { ProbeError } from '../../errors';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { ifPresent, optional } from '../../util/gaps';
import { parseJson } from '../../util/parse';
import {
  parseNftRuleset,
  parseSocketfilterfw,
  parseUfwConf,
  parseWindowsFirewall,
  type FirewallData,
  type FirewallProfile,
} from './parse';

export type { FirewallData } from './parse';

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const [ufw, firewalld, nft] = await Promise.all([
    ifPresent(ctx, async () => parseUfwConf(await ctx.readFile('/etc/ufw/ufw.conf'))),
    // firewall-cmd --state: exit 0 "running", 252 "not running".
    ifPresent(ctx, async (): Promise<FirewallProfile> => ({
      name: 'firewalld',
      enabled: (await ctx.exec('firewall-cmd', ['--state'], { okExitCodes: [0, 252] })).exitCode === 0,
      defaultInbound: null,
    })),
    // Reading the kernel's ruleset needs root (CAP_NET_ADMIN): a standard user gets a gap, said plainly.
    optional(ctx, gaps, 'kernel firewall rules (nftables; needs administrator rights)', () =>
      ifPresent(ctx, async () =>
        parseNftRuleset(parseJson((await ctx.exec('nft', ['-j', 'list', 'ruleset'])).stdout, 'nft')),
      ),
    ),
  ]);
  const profiles = [ufw, firewalld, nft].filter((p): p is FirewallProfile => p !== null);
  return { data: { profiles, products: [] } satisfies FirewallData, gaps };
}

async function collectDarwin(ctx: ProbeContext) {
  // One call answers every question, a line each; block-all is what says inbound is blocked.
  const out = await ctx.exec('/usr/libexec/ApplicationFirewall/socketfilterfw', [
    '--getglobalstate',
    '--getblockall',
    '--getallowsigned',
    '--getstealthmode',
  ]);
  const profile = parseSocketfilterfw(out.stdout);
  if (!profile)
    throw new ProbeError(
      'parse-error',
      `socketfilterfw printed something unexpected: "${out.stdout.trim().slice(0, 80)}"`,
    );
  return { data: { profiles: [profile], products: [] } satisfies FirewallData };
}

async function collectWindows(ctx: ProbeContext) {
  return { data: parseWindowsFirewall(await ctx.powershell(join(__dirname, 'security-firewall.ps1'))) };
}

export const firewallProbe = defineProbe<FirewallData>({
  descriptor: {
    id: 'security.firewall',
    title: 'Firewall',
    description:
      'Whether the firewall is on for each network profile, and other firewall products Windows knows about.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      profiles: { type: 'object[]', description: 'Firewall state per profile, zone or front end.' },
      'profiles[].name': {
        type: 'string',
        description:
          'Domain/Private/Public (Windows), Application firewall (macOS), ufw/firewalld/nftables (Linux).',
      },
      'profiles[].enabled': { type: 'boolean', nullable: true, description: 'The firewall is on.' },
      'profiles[].defaultInbound': {
        type: 'string',
        nullable: true,
        enum: ['block', 'allow'],
        description: 'What happens to unsolicited incoming connections.',
      },
      products: {
        type: 'object[]',
        description: 'Third-party firewalls registered with Windows Security Center.',
      },
      'products[].name': { type: 'string', description: 'Product name.' },
      'products[].enabled': { type: 'boolean', nullable: true, description: 'It reports itself on.' },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
