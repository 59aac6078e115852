/** Finding rules over the os probes. Thresholds are named constants with the reason for their value. */
import { probeData } from '../../report';
import type { FindingRule, RuleFinding } from '../types';

const DAY = 86_400;
/**
 * Windows and macOS ship security fixes monthly and most need a restart; a machine up for three weeks
 * has usually missed one, and long uptimes collect leaks and stuck drivers. (With Fast Startup,
 * "Shut down" does not reset this: only Restart does.)
 */
const LONG_UPTIME_DAYS = 21;
/**
 * Monthly patches: more than 45 days without an installed update means at least one cycle missed;
 * more than 90 days, three — the machine is exposed to published, exploited holes.
 */
const UPDATES_STALE_DAYS = 45;
const UPDATES_CRITICAL_DAYS = 90;

const unsupported: FindingRule = {
  id: 'os.unsupported',
  explains: ['cant-sign-in', 'app-crashes'],
  area: 'os',
  inputs: ['os.info'],
  evaluate(run) {
    const info = probeData(run, 'os.info');
    if (info?.supportStatus !== 'unsupported') return [];
    return [
      {
        id: 'os.unsupported',
        severity: 'critical',
        area: 'os',
        params: { os: `${info.name} ${info.version}`.trim(), endedOn: info.supportEndsOn ?? '' },
        evidence: [{ probe: 'os.info', field: 'supportStatus', value: info.supportStatus }],
      },
    ];
  },
};

const supportEnding: FindingRule = {
  id: 'os.support-ending',
  explains: [],
  area: 'os',
  inputs: ['os.info'],
  evaluate(run) {
    const info = probeData(run, 'os.info');
    if (info?.supportStatus !== 'ending-soon') return [];
    return [
      {
        id: 'os.support-ending',
        severity: 'warning',
        area: 'os',
        params: { os: `${info.name} ${info.version}`.trim(), endsOn: info.supportEndsOn ?? '' },
        evidence: [{ probe: 'os.info', field: 'supportEndsOn', value: info.supportEndsOn }],
        settings: 'updates',
      },
    ];
  },
};

const restartPending: FindingRule = {
  id: 'os.restart-pending',
  explains: ['slow', 'app-crashes', 'cant-connect', 'cant-sign-in', 'printing'],
  area: 'os',
  inputs: ['os.reboot-pending', 'os.uptime'],
  evaluate(run) {
    const reboot = probeData(run, 'os.reboot-pending');
    if (!reboot?.pending) return [];
    const uptime = probeData(run, 'os.uptime');
    const days = uptime ? Math.floor(uptime.uptimeSeconds / DAY) : null;
    return [
      {
        id: 'os.restart-pending',
        severity: 'warning',
        area: 'os',
        params: { reasons: reboot.reasons.map((r) => r.description).join('; '), days: days ?? 0 },
        evidence: [
          { probe: 'os.reboot-pending', field: 'reasons[].code', value: reboot.reasons.map((r) => r.code) },
        ],
        settings: 'updates',
      },
    ];
  },
};

/** Long uptime, in two wordings: with Fast Startup on, "Shut down" does not reset it, which users must hear. */
function longUptime(id: 'os.long-uptime' | 'os.long-uptime-fast-startup', fastStartup: boolean): FindingRule {
  return {
    id,
    area: 'os',
    // A restart clears what long uptimes collect: slowness, crashes, a stuck print queue.
    explains: ['slow', 'app-crashes', 'printing'],
    inputs: ['os.uptime', 'os.reboot-pending'],
    evaluate(run) {
      const uptime = probeData(run, 'os.uptime');
      if (
        !uptime ||
        uptime.uptimeSeconds < LONG_UPTIME_DAYS * DAY ||
        (uptime.fastStartupEnabled === true) !== fastStartup
      )
        return [];
      // A pending restart already says "restart"; one finding is enough.
      if (probeData(run, 'os.reboot-pending')?.pending) return [];
      return [
        {
          id,
          severity: 'warning',
          area: 'os',
          params: { days: Math.floor(uptime.uptimeSeconds / DAY) },
          evidence: [
            { probe: 'os.uptime', field: 'uptimeSeconds', value: uptime.uptimeSeconds },
            { probe: 'os.uptime', field: 'fastStartupEnabled', value: uptime.fastStartupEnabled },
          ],
        },
      ];
    },
  };
}

const updatesStale: FindingRule = {
  id: 'os.updates-stale',
  explains: ['app-crashes'],
  area: 'os',
  inputs: ['os.updates'],
  evaluate(run) {
    const updates = probeData(run, 'os.updates');
    const days = updates?.daysSinceLastInstall;
    if (days === null || days === undefined || days < UPDATES_STALE_DAYS) return [];
    return [
      {
        id: 'os.updates-stale',
        severity: days >= UPDATES_CRITICAL_DAYS ? 'critical' : 'warning',
        area: 'os',
        params: { days },
        evidence: [{ probe: 'os.updates', field: 'daysSinceLastInstall', value: days }],
        settings: 'updates',
      },
    ];
  },
};

const updateServiceDisabled: FindingRule = {
  id: 'os.update-service-disabled',
  explains: [],
  area: 'os',
  inputs: ['os.updates'],
  evaluate(run) {
    const updates = probeData(run, 'os.updates');
    if (updates?.serviceState !== 'disabled') return [];
    return [
      {
        id: 'os.update-service-disabled',
        severity: 'warning',
        area: 'os',
        params: {},
        evidence: [{ probe: 'os.updates', field: 'serviceState', value: 'disabled' }],
      },
    ];
  },
};

const timeService: FindingRule = {
  id: 'os.time-service-not-syncing',
  explains: ['cant-sign-in', 'cant-connect'],
  area: 'os',
  inputs: ['os.time'],
  evaluate(run) {
    const time = probeData(run, 'os.time');
    if (!time?.service.name) return [];
    const stopped = time.service.running === false;
    if (!stopped && time.service.synchronized !== false) return [];
    const finding: RuleFinding = {
      id: 'os.time-service-not-syncing',
      severity: 'warning',
      area: 'os',
      params: { service: time.service.name },
      evidence: [
        { probe: 'os.time', field: stopped ? 'service.running' : 'service.synchronized', value: false },
      ],
      settings: 'date-time',
    };
    return [finding];
  },
};

/** One process taking half of the whole machine's CPU, or a third of its memory, slows everything else. */
const HOG_CPU_PERCENT = 50;
const HOG_MEMORY_SHARE = 1 / 3;
/** The same application crashing three times in a day is a pattern, not bad luck. */
const REPEATED_CRASHES = 3;

const blueScreens: FindingRule = {
  id: 'os.system-crashes',
  explains: ['app-crashes'],
  area: 'os',
  inputs: ['os.events'],
  evaluate(run) {
    const events = probeData(run, 'os.events');
    if (!events || events.categories.blueScreens === 0) return [];
    return [
      {
        id: 'os.system-crashes',
        severity: 'critical',
        area: 'os',
        params: { count: events.categories.blueScreens },
        evidence: [
          { probe: 'os.events', field: 'categories.blueScreens', value: events.categories.blueScreens },
        ],
      },
    ];
  },
};

const unexpectedShutdowns: FindingRule = {
  id: 'os.unexpected-shutdowns',
  explains: ['app-crashes'],
  area: 'os',
  inputs: ['os.events'],
  evaluate(run) {
    const events = probeData(run, 'os.events');
    // A system crash explains the shutdown already; report the shutdown alone (power loss, a held power button).
    if (!events || events.categories.unexpectedShutdowns === 0 || events.categories.blueScreens > 0)
      return [];
    return [
      {
        id: 'os.unexpected-shutdowns',
        severity: 'warning',
        area: 'os',
        params: { count: events.categories.unexpectedShutdowns },
        evidence: [
          {
            probe: 'os.events',
            field: 'categories.unexpectedShutdowns',
            value: events.categories.unexpectedShutdowns,
          },
        ],
        settings: 'power',
      },
    ];
  },
};

const appCrashing: FindingRule = {
  id: 'os.app-crashing',
  explains: ['app-crashes'],
  area: 'os',
  inputs: ['os.events'],
  evaluate(run) {
    const events = probeData(run, 'os.events');
    if (!events) return [];
    return events.crashesByApp
      .filter((c) => c.count >= REPEATED_CRASHES)
      .map((c): RuleFinding => ({
        id: 'os.app-crashing',
        severity: 'warning',
        area: 'os',
        params: { app: c.app, count: c.count },
        evidence: [{ probe: 'os.events', field: 'crashesByApp[].count', value: c.count }],
      }));
  },
};

const diskErrors: FindingRule = {
  id: 'os.disk-errors',
  explains: ['app-crashes', 'slow'],
  area: 'os',
  inputs: ['os.events'],
  evaluate(run) {
    const events = probeData(run, 'os.events');
    if (!events || events.categories.diskErrors === 0) return [];
    // Data can be lost: critical, even before the disk's own health says so.
    return [
      {
        id: 'os.disk-errors',
        severity: 'critical',
        area: 'os',
        params: { count: events.categories.diskErrors },
        evidence: [
          { probe: 'os.events', field: 'categories.diskErrors', value: events.categories.diskErrors },
        ],
      },
    ];
  },
};

const processHog: FindingRule = {
  id: 'os.process-hog',
  explains: ['slow', 'app-crashes'],
  area: 'os',
  inputs: ['os.processes', 'hardware.memory'],
  evaluate(run) {
    const processes = probeData(run, 'os.processes');
    if (!processes) return [];
    const total = probeData(run, 'hardware.memory')?.totalBytes ?? null;
    const hogs = new Map<number, { name: string; cpu: number; memory: number }>();
    for (const p of [...processes.topCpu, ...processes.topMemory]) {
      const cpuHog = p.cpuPercent >= HOG_CPU_PERCENT;
      const memoryHog = total !== null && p.memoryBytes >= total * HOG_MEMORY_SHARE;
      if (cpuHog || memoryHog) hogs.set(p.pid, { name: p.name, cpu: p.cpuPercent, memory: p.memoryBytes });
    }
    return [...hogs.values()].map((h): RuleFinding => ({
      id: 'os.process-hog',
      severity: 'warning',
      area: 'os',
      params: {
        process: h.name,
        cpuPercent: Math.round(h.cpu),
        memoryGb: Math.round((h.memory / 1024 ** 3) * 10) / 10,
      },
      evidence: [
        { probe: 'os.processes', field: 'topCpu[].cpuPercent', value: h.cpu },
        { probe: 'os.processes', field: 'topMemory[].memoryBytes', value: h.memory },
      ],
    }));
  },
};

export const osRules: readonly FindingRule[] = [
  blueScreens,
  unexpectedShutdowns,
  appCrashing,
  diskErrors,
  processHog,
  unsupported,
  supportEnding,
  restartPending,
  longUptime('os.long-uptime', false),
  longUptime('os.long-uptime-fast-startup', true),
  updatesStale,
  updateServiceDisabled,
  timeService,
];
