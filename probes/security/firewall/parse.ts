/**
 * Pure parsers for security.firewall: the firewall's state per profile or zone on each OS.
 */
import { asArray, asInteger, asString, prop } from '../../util/parse';

export interface FirewallProfile {
  /** Windows: Domain, Private, Public; macOS: application firewall; Linux: ufw, firewalld, nftables. */
  name: string;
  enabled: boolean | null;
  defaultInbound: 'block' | 'allow' | null;
}

export interface FirewallData {
  profiles: FirewallProfile[];
  /** Other firewall products registered with Windows Security Center. */
  products: { name: string; enabled: boolean | null }[];
}

/** Windows Security Center productState: bits 12–15 hold the on/off state (1 = on). */
export function productEnabled(state: number | null): boolean | null {
  return state === null ? null : ((state >> 12) & 0xf) === 1;
}

/**
 * network-firewall.ps1: Get-NetFirewallProfile -PolicyStore ActiveStore (the effective settings, Group
 * Policy included). Enabled is a GpoBoolean (1 true, 0 false, 2 not configured = on by default);
 * DefaultInboundAction is NetSecurity.Action (0 not configured = block, 2 allow, 4 block).
 */
export function parseWindowsFirewall(json: unknown): FirewallData {
  const profiles = asArray(prop(json, 'profiles') as unknown[]).flatMap((p): FirewallProfile[] => {
    const name = asString(prop(p, 'name'));
    if (!name) return [];
    const enabled = asInteger(prop(p, 'enabled'));
    const inbound = asInteger(prop(p, 'defaultInboundAction'));
    return [
      {
        name,
        enabled: enabled === null ? null : enabled !== 0,
        defaultInbound: inbound === null ? null : inbound === 2 ? 'allow' : 'block',
      },
    ];
  });
  const products = asArray(prop(json, 'products') as unknown[]).flatMap((p) => {
    const name = asString(prop(p, 'displayName'));
    return name ? [{ name, enabled: productEnabled(asInteger(prop(p, 'productState'))) }] : [];
  });
  return { profiles, products };
}

/**
 * `socketfilterfw --getglobalstate --getblockall …`: "Firewall is enabled. (State = 1)"; State 2 is
 * "block all incoming" ("Firewall is enabled. (State = 2)" up to Big Sur, "Firewall is blocking all
 * non-essential incoming connections. (State = 2)" since). When the block-all line is there ("Firewall
 * has block all state set to enabled.", older "Block all ENABLED!") it decides: one project's test
 * data shows State 2 with block-all off and stealth mode on.
 */
export function parseSocketfilterfw(text: string): FirewallProfile | null {
  const state = /State = (\d)/.exec(text)?.[1];
  if (state === undefined) return null;
  const blockAll = /block all (?:state set to )?(enabled|disabled)/i.exec(text)?.[1]?.toLowerCase();
  const blocks = blockAll === undefined ? state === '2' : blockAll === 'enabled';
  return {
    name: 'Application firewall',
    enabled: state !== '0',
    defaultInbound: state !== '0' && blocks ? 'block' : null,
  };
}

/** /etc/ufw/ufw.conf: ENABLED=yes|no. */
export function parseUfwConf(text: string): FirewallProfile | null {
  const enabled = /^\s*ENABLED\s*=\s*(\w+)/m.exec(text)?.[1];
  return enabled ? { name: 'ufw', enabled: enabled.toLowerCase() === 'yes', defaultInbound: null } : null;
}

/** `nft -j list ruleset`: the input hooks' policies; a firewall is on when an input hook drops by default or has rules. */
export function parseNftRuleset(json: unknown): FirewallProfile | null {
  const items = asArray(prop(json, 'nftables') as unknown[]);
  const inputChains = items
    .map((i) => prop(i, 'chain'))
    .filter((c) => c && asString(prop(c, 'hook')) === 'input');
  const rules = items.filter((i) => prop(i, 'rule') !== undefined).length;
  if (inputChains.length === 0) return { name: 'nftables', enabled: false, defaultInbound: 'allow' };
  const drops = inputChains.some((c) => asString(prop(c, 'policy')) === 'drop');
  return { name: 'nftables', enabled: drops || rules > 0, defaultInbound: drops ? 'block' : 'allow' };
}
