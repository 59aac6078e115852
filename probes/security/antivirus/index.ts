/**
 * security.antivirus — which antivirus protects this machine, whether it is on with real-time
 * protection, and how old its signatures are.
 */
import { join } from 'node:path';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { ifPresent, optional } from '../../util/gaps';
import { parseJson } from '../../util/parse';
import { gapsFromScript } from '../../util/script-errors';
import {
  parseMdatpHealth,
  parseSpctl,
  parseWindowsAntivirus,
  product,
  type AntivirusData,
  type AntivirusProduct,
} from './parse';

export type { AntivirusData } from './parse';

/** Agents recognised on Linux by their install folder (their status tools need root). */
const LINUX_AGENTS: readonly { readonly path: string; readonly name: string }[] = [
  { path: '/opt/CrowdStrike', name: 'CrowdStrike Falcon' },
  { path: '/opt/sentinelone', name: 'SentinelOne' },
  { path: '/opt/sophos-spl', name: 'Sophos Protection' },
  { path: '/var/lib/clamav', name: 'ClamAV' },
];

function mdatp(ctx: ProbeContext): Promise<AntivirusProduct | null> {
  return ifPresent(ctx, async () =>
    parseMdatpHealth(
      parseJson((await ctx.exec('mdatp', ['health', '--output', 'json'])).stdout, 'mdatp'),
      ctx.now(),
    ),
  );
}

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const defender = await optional(ctx, gaps, 'Microsoft Defender for Endpoint', () => mdatp(ctx));
  const found = await Promise.all(
    LINUX_AGENTS.map(async (agent) =>
      (await ifPresent(ctx, () => ctx.readDir(agent.path))) ? product(agent.name, {}) : null,
    ),
  );
  return {
    data: {
      products: [defender, ...found].filter((p): p is AntivirusProduct => p !== null),
      gatekeeper: null,
    } satisfies AntivirusData,
    gaps,
  };
}

async function collectDarwin(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const [spctl, defender, xprotect] = await Promise.all([
    optional(ctx, gaps, 'Gatekeeper', async () =>
      parseSpctl((await ctx.exec('spctl', ['--status'], { okExitCodes: [0, 1] })).stdout),
    ),
    optional(ctx, gaps, 'Microsoft Defender for Endpoint', () => mdatp(ctx)),
    optional(ctx, gaps, 'XProtect version', async () =>
      (
        await ctx.exec('defaults', [
          'read',
          '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist',
          'CFBundleShortVersionString',
        ])
      ).stdout.trim(),
    ),
  ]);
  // XProtect is built in and always on; Apple updates it silently, so only its presence is reported.
  const products = [
    xprotect ? product(`XProtect ${xprotect}`, { enabled: true, realTimeProtection: true }) : null,
    defender,
  ].filter((p): p is AntivirusProduct => p !== null);
  return { data: { products, gatekeeper: spctl } satisfies AntivirusData, gaps };
}

async function collectWindows(ctx: ProbeContext) {
  const json = await ctx.powershell(join(__dirname, 'security-antivirus.ps1'));
  return { data: parseWindowsAntivirus(json, ctx.now()), gaps: gapsFromScript(json) };
}

export const antivirusProbe = defineProbe<AntivirusData>({
  descriptor: {
    id: 'security.antivirus',
    title: 'Antivirus',
    description:
      'The antivirus products on this computer: on or off, real-time protection, signature age, passive mode and tamper protection.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 8_000,
    fields: {
      products: { type: 'object[]', description: 'Antivirus products found.' },
      'products[].name': { type: 'string', description: 'Product name.' },
      'products[].enabled': { type: 'boolean', nullable: true, description: 'It reports itself on.' },
      'products[].realTimeProtection': {
        type: 'boolean',
        nullable: true,
        description: 'Files are scanned as they are opened.',
      },
      'products[].signaturesUpToDate': {
        type: 'boolean',
        nullable: true,
        description: 'It reports its signatures up to date.',
      },
      'products[].signatureDate': {
        type: 'string',
        nullable: true,
        description: 'When its signatures were last updated (ISO 8601).',
      },
      'products[].signatureAgeDays': {
        type: 'integer',
        nullable: true,
        unit: 'days',
        description: 'Age of the signatures.',
      },
      'products[].passive': {
        type: 'boolean',
        nullable: true,
        description: 'Running in passive mode (another product is meant to protect).',
      },
      'products[].tamperProtected': {
        type: 'boolean',
        nullable: true,
        description: 'Tamper protection is on.',
      },
      gatekeeper: {
        type: 'boolean',
        nullable: true,
        description: 'macOS Gatekeeper lets only notarised apps run.',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
