/**
 * Pure parsers for security.antivirus: Microsoft Defender and Security Center products (Windows),
 * XProtect and Gatekeeper (macOS), and the agents that exist on Linux.
 */
import { productEnabled } from '../firewall/parse';
import { asArray, asBoolean, asInteger, asString, prop } from '../../util/parse';

export interface AntivirusProduct {
  name: string;
  enabled: boolean | null;
  realTimeProtection: boolean | null;
  signaturesUpToDate: boolean | null;
  signatureDate: string | null;
  signatureAgeDays: number | null;
  /** Defender in passive mode: another product is meant to protect the machine. */
  passive: boolean | null;
  tamperProtected: boolean | null;
}

export interface AntivirusData {
  products: AntivirusProduct[];
  /** macOS Gatekeeper (only notarised apps run): on, off, or null elsewhere. */
  gatekeeper: boolean | null;
}

const DAY_MS = 86_400_000;

function ageDays(date: string | null, now: Date): number | null {
  if (!date) return null;
  const time = Date.parse(date);
  return Number.isNaN(time) ? null : Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
}

export function product(name: string, over: Partial<AntivirusProduct>): AntivirusProduct {
  return {
    name,
    enabled: null,
    realTimeProtection: null,
    signaturesUpToDate: null,
    signatureDate: null,
    signatureAgeDays: null,
    passive: null,
    tamperProtected: null,
    ...over,
  };
}

/**
 * security-antivirus.ps1: Get-MpComputerStatus (Defender) and root\SecurityCenter2 AntiVirusProduct.
 * productState: bits 12–15 on/off (1 = on), bits 4–7 signatures (0 = up to date). AMRunningMode is
 * "Normal", "Passive Mode", "EDR Block Mode" or "SxS Passive Mode" (fixed strings, not translated).
 */
export function parseWindowsAntivirus(json: unknown, now: Date): AntivirusData {
  const products: AntivirusProduct[] = [];
  const defender = prop(json, 'defender');
  const defenderRead = Boolean(defender && typeof defender === 'object');
  if (defender && typeof defender === 'object') {
    const date = asString(prop(defender, 'signatureLastUpdated'));
    const mode = asString(prop(defender, 'runningMode')) ?? '';
    products.push(
      product('Microsoft Defender Antivirus', {
        enabled: asBoolean(prop(defender, 'antivirusEnabled')),
        realTimeProtection: asBoolean(prop(defender, 'realTimeProtectionEnabled')),
        signatureDate: date,
        signatureAgeDays: ageDays(date, now),
        passive: /passive/i.test(mode),
        tamperProtected: asBoolean(prop(defender, 'isTamperProtected')),
      }),
    );
  }
  for (const entry of asArray(prop(json, 'securityCenter') as unknown[])) {
    const name = asString(prop(entry, 'displayName'));
    if (!name) continue;
    // Defender registers here too. Its own numbers above are better, but when Get-MpComputerStatus
    // failed this entry is all there is, and Defender must not disappear from the report.
    if (/windows defender|microsoft defender/i.test(name) && defenderRead) continue;
    const state = asInteger(prop(entry, 'productState'));
    products.push(
      product(name, {
        enabled: productEnabled(state),
        signaturesUpToDate: state === null ? null : ((state >> 4) & 0xf) === 0,
      }),
    );
  }
  return { products, gatekeeper: null };
}

/**
 * A setting of `mdatp health --output json`: current versions wrap each one in an object
 * (`"passiveModeEnabled": {"displayValue": true, "isManaged": false, "value": true}`, real output in
 * GLPI agent's test data); older ones printed the bare value.
 */
function mdatpSetting(json: unknown, key: string): unknown {
  const value = prop(json, key);
  return value !== null && typeof value === 'object' && 'value' in value ? prop(value, 'value') : value;
}

/** `mdatp health --output json` (Microsoft Defender for Endpoint on Linux and macOS). */
export function parseMdatpHealth(json: unknown, now: Date): AntivirusProduct | null {
  if (!json || typeof json !== 'object') return null;
  // Milliseconds since 1970, printed as a string ("1683092938089").
  const updated = asInteger(prop(json, 'definitionsUpdated'));
  const date = updated === null ? null : new Date(updated).toISOString();
  // {"$type": "upToDate"} now; a bare "up_to_date" in older versions.
  const status =
    asString(prop(prop(json, 'definitionsStatus'), '$type')) ?? asString(prop(json, 'definitionsStatus'));
  // "block" protects; "audit" only logs tampering, and "disabled" is off.
  const tamper = asString(mdatpSetting(json, 'tamperProtection'));
  return product('Microsoft Defender for Endpoint', {
    enabled: asBoolean(prop(json, 'healthy')),
    realTimeProtection: asBoolean(mdatpSetting(json, 'realTimeProtectionEnabled')),
    signaturesUpToDate: status === null ? null : /^up_?to_?date$/i.test(status),
    signatureDate: date,
    signatureAgeDays: ageDays(date, now),
    passive: asBoolean(mdatpSetting(json, 'passiveModeEnabled')),
    tamperProtected: tamper === null ? null : tamper.toLowerCase() === 'block',
  });
}

/** `spctl --status`: "assessments enabled" or "assessments disabled". */
export function parseSpctl(text: string): boolean | null {
  return /assessments enabled/.test(text) ? true : /assessments disabled/.test(text) ? false : null;
}
