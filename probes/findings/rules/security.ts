/** Finding rules over the security probes. Thresholds are named constants with the reason for their value. */
import { probeData } from '../../report';
import type { FindingRule, RuleFinding } from '../types';

/**
 * Defender updates its signatures several times a day; after 3 days it is behind the current wave of
 * malware, after 7 Microsoft's own Security Center calls them out of date.
 */
const SIGNATURES_STALE_DAYS = 3;
const SIGNATURES_CRITICAL_DAYS = 7;
/** Screen-lock policies in common baselines (CIS, Microsoft) ask for 15 minutes at most. */
const SCREEN_LOCK_MAX_SECONDS = 15 * 60;

const avActive = (p: {
  enabled: boolean | null;
  passive: boolean | null;
  realTimeProtection: boolean | null;
}) => p.enabled === true && p.passive !== true;

const antivirusOff: FindingRule = {
  id: 'security.antivirus-off',
  explains: [],
  area: 'security',
  inputs: ['security.antivirus'],
  evaluate(run) {
    const av = probeData(run, 'security.antivirus');
    if (!av || av.products.length === 0) return [];
    // One active product protects the machine: others switched off beside it are normal.
    if (av.products.some((p) => avActive(p) && p.realTimeProtection !== false)) return [];
    const named =
      av.products.find((p) => p.enabled === false || p.realTimeProtection === false) ?? av.products[0];
    if (!named) return [];
    return [
      {
        id: 'security.antivirus-off',
        severity: 'critical',
        area: 'security',
        params: { product: named.name },
        evidence: av.products.map((p) => ({
          probe: 'security.antivirus' as const,
          field: 'products[].enabled',
          value: `${p.name}: enabled=${p.enabled} realtime=${p.realTimeProtection} passive=${p.passive}`,
        })),
        settings: 'security',
      },
    ];
  },
};

const noAntivirus: FindingRule = {
  id: 'security.no-antivirus',
  explains: [],
  area: 'security',
  inputs: ['security.antivirus'],
  evaluate(run) {
    const av = probeData(run, 'security.antivirus');
    if (!av || av.products.length > 0) return [];
    // Windows and macOS always ship one, so none means it was removed; on Linux none is common.
    const severity = run.platform === 'linux' ? 'info' : 'critical';
    return [
      {
        id: 'security.no-antivirus',
        severity,
        area: 'security',
        params: {},
        evidence: [{ probe: 'security.antivirus', field: 'products', value: [] }],
      },
    ];
  },
};

const signaturesStale: FindingRule = {
  id: 'security.antivirus-signatures-old',
  explains: [],
  area: 'security',
  inputs: ['security.antivirus'],
  evaluate(run) {
    const av = probeData(run, 'security.antivirus');
    if (!av) return [];
    return av.products
      .filter(
        (p) =>
          avActive(p) &&
          ((p.signatureAgeDays ?? 0) >= SIGNATURES_STALE_DAYS || p.signaturesUpToDate === false),
      )
      .map((p): RuleFinding => ({
        id: 'security.antivirus-signatures-old',
        severity: (p.signatureAgeDays ?? 0) >= SIGNATURES_CRITICAL_DAYS ? 'critical' : 'warning',
        area: 'security',
        params: { product: p.name, days: p.signatureAgeDays ?? 0 },
        evidence: [
          { probe: 'security.antivirus', field: 'products[].signatureAgeDays', value: p.signatureAgeDays },
        ],
        settings: 'security',
      }));
  },
};

const firewallOff: FindingRule = {
  id: 'security.firewall-off',
  explains: [],
  area: 'security',
  inputs: ['security.firewall'],
  evaluate(run) {
    const fw = probeData(run, 'security.firewall');
    if (!fw || run.platform === 'linux') return [];
    // A third-party firewall that reports itself on takes over from the built-in one.
    if (fw.products.some((p) => p.enabled === true)) return [];
    return fw.profiles
      .filter((p) => p.enabled === false)
      .map((p): RuleFinding => ({
        id: 'security.firewall-off',
        // Off for public networks (cafés, hotels) exposes the machine to strangers: critical. Off at
        // work or at home (Domain, Private) or the macOS app firewall (off by default): a warning.
        severity: p.name === 'Public' ? 'critical' : 'warning',
        area: 'security',
        params: { profile: p.name },
        evidence: [{ probe: 'security.firewall', field: 'profiles[].enabled', value: `${p.name}: off` }],
        settings: 'firewall',
      }));
  },
};

const notEncrypted: FindingRule = {
  id: 'security.disk-not-encrypted',
  explains: [],
  area: 'security',
  inputs: ['security.encryption', 'hardware.battery'],
  evaluate(run) {
    const enc = probeData(run, 'security.encryption');
    const system = enc?.volumes.find((v) => v.system);
    if (!system || system.state !== 'off') return [];
    // A laptop (it has a battery) gets lost or stolen: its data is readable by whoever finds it.
    const laptop = probeData(run, 'hardware.battery')?.present === true;
    return [
      {
        id: 'security.disk-not-encrypted',
        severity: laptop ? 'critical' : 'warning',
        area: 'security',
        params: { volume: system.mount },
        evidence: [{ probe: 'security.encryption', field: 'volumes[].state', value: 'off' }],
        settings: 'security',
      },
    ];
  },
};

const bitlockerSuspended: FindingRule = {
  id: 'security.encryption-suspended',
  explains: [],
  area: 'security',
  inputs: ['security.encryption'],
  evaluate(run) {
    const enc = probeData(run, 'security.encryption');
    if (!enc) return [];
    return enc.volumes
      .filter((v) => v.state === 'suspended')
      .map((v): RuleFinding => ({
        id: 'security.encryption-suspended',
        severity: 'warning',
        area: 'security',
        params: { volume: v.mount },
        evidence: [{ probe: 'security.encryption', field: 'volumes[].state', value: 'suspended' }],
      }));
  },
};

const secureBootOff: FindingRule = {
  id: 'security.secure-boot-off',
  explains: [],
  area: 'security',
  inputs: ['security.boot'],
  evaluate(run) {
    const boot = probeData(run, 'security.boot');
    // Linux machines often boot unsigned kernels on purpose; Windows and macOS should not.
    if (!boot || boot.secureBoot !== false || run.platform === 'linux') return [];
    return [
      {
        id: 'security.secure-boot-off',
        severity: 'warning',
        area: 'security',
        params: { firmware: boot.firmware ?? 'unknown' },
        evidence: [{ probe: 'security.boot', field: 'secureBoot', value: false }],
      },
    ];
  },
};

const noTpm: FindingRule = {
  id: 'security.tpm-missing',
  explains: ['cant-sign-in'],
  area: 'security',
  inputs: ['security.boot'],
  evaluate(run) {
    const boot = probeData(run, 'security.boot');
    if (!boot || run.platform !== 'win32') return [];
    if (boot.tpm.present === true && boot.tpm.ready !== false && boot.tpm.version !== '1.2') return [];
    if (boot.tpm.present === null) return [];
    const state =
      boot.tpm.present === false ? 'missing' : boot.tpm.ready === false ? 'not working' : 'version 1.2';
    return [
      {
        id: 'security.tpm-missing',
        severity: 'warning',
        area: 'security',
        params: { state },
        evidence: [{ probe: 'security.boot', field: 'tpm.present', value: boot.tpm.present }],
      },
    ];
  },
};

const notManaged: FindingRule = {
  id: 'security.not-managed',
  explains: ['cant-sign-in'],
  area: 'security',
  inputs: ['security.mdm'],
  evaluate(run) {
    const mdm = probeData(run, 'security.mdm');
    // Linux management is too varied to expect one kind; only Windows and macOS are judged.
    if (!mdm || mdm.managed !== false || run.platform === 'linux') return [];
    return [
      {
        id: 'security.not-managed',
        severity: 'warning',
        area: 'security',
        params: {},
        evidence: [{ probe: 'security.mdm', field: 'managed', value: false }],
        settings: 'work-access',
      },
    ];
  },
};

const noPrt: FindingRule = {
  id: 'security.no-sso-token',
  explains: ['cant-sign-in'],
  area: 'security',
  inputs: ['security.mdm'],
  evaluate(run) {
    const mdm = probeData(run, 'security.mdm');
    if (!mdm || mdm.primaryRefreshToken !== false || (mdm.join !== 'entra' && mdm.join !== 'hybrid'))
      return [];
    return [
      {
        id: 'security.no-sso-token',
        severity: 'warning',
        area: 'security',
        params: {},
        evidence: [{ probe: 'security.mdm', field: 'primaryRefreshToken', value: false }],
        settings: 'work-access',
      },
    ];
  },
};

const localAdmin: FindingRule = {
  id: 'security.user-is-admin',
  explains: [],
  area: 'security',
  inputs: ['security.accounts'],
  evaluate(run) {
    const accounts = probeData(run, 'security.accounts');
    if (accounts?.isAdmin !== true) return [];
    // Information for IT: often intended (developers), but malware gets the same rights.
    return [
      {
        id: 'security.user-is-admin',
        severity: 'info',
        area: 'security',
        params: {},
        evidence: [{ probe: 'security.accounts', field: 'isAdmin', value: true }],
      },
    ];
  },
};

const noScreenLock: FindingRule = {
  id: 'security.no-screen-lock',
  explains: [],
  area: 'security',
  inputs: ['security.accounts'],
  evaluate(run) {
    const lock = probeData(run, 'security.accounts')?.screenLock;
    if (lock?.enabled !== false) return [];
    return [
      {
        id: 'security.no-screen-lock',
        severity: 'warning',
        area: 'security',
        params: {},
        evidence: [{ probe: 'security.accounts', field: 'screenLock.enabled', value: false }],
        settings: 'accounts',
      },
    ];
  },
};

const slowScreenLock: FindingRule = {
  id: 'security.screen-lock-slow',
  explains: [],
  area: 'security',
  inputs: ['security.accounts'],
  evaluate(run) {
    const lock = probeData(run, 'security.accounts')?.screenLock;
    if (
      lock?.enabled !== true ||
      lock.timeoutSeconds === null ||
      lock.timeoutSeconds <= SCREEN_LOCK_MAX_SECONDS
    )
      return [];
    return [
      {
        id: 'security.screen-lock-slow',
        severity: 'warning',
        area: 'security',
        params: { minutes: Math.round(lock.timeoutSeconds / 60) },
        evidence: [
          { probe: 'security.accounts', field: 'screenLock.timeoutSeconds', value: lock.timeoutSeconds },
        ],
        settings: 'accounts',
      },
    ];
  },
};

export const securityRules: readonly FindingRule[] = [
  antivirusOff,
  noAntivirus,
  signaturesStale,
  firewallOff,
  notEncrypted,
  bitlockerSuspended,
  secureBootOff,
  noTpm,
  notManaged,
  noPrt,
  localAdmin,
  noScreenLock,
  slowScreenLock,
];
