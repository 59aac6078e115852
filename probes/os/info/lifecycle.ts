/**
 * When each OS release stops getting security updates, with where the date comes from.
 * Pure data plus one pure function; update it as vendors publish new dates.
 */

export type SupportStatus = 'supported' | 'ending-soon' | 'unsupported' | 'unknown';

/** Warn this many days before support ends: enough to plan an upgrade or a replacement. */
export const ENDING_SOON_DAYS = 90;

interface Release {
  /** Matches the OS as os.info identifies it. */
  readonly match: (os: OsIdentity) => boolean;
  readonly endsOn: string;
  readonly source: string;
  /** The date is an estimate (vendor publishes none); said so to the technician. */
  readonly approximate?: boolean;
}

export interface OsIdentity {
  readonly family: 'windows' | 'macos' | 'linux';
  /** Windows: build number; macOS: major version; Linux: distro id (debian, ubuntu, rhel, fedora…). */
  readonly id: string;
  readonly version: string;
  /** Windows: 'home-pro' | 'enterprise' | 'ltsc' | 'server'. */
  readonly channel: string | null;
}

const MS = 'Microsoft Lifecycle (learn.microsoft.com/lifecycle/products)';
const win = (build: string, channel: string, endsOn: string): Release => ({
  match: (o) => o.family === 'windows' && o.id === build && o.channel === channel,
  endsOn,
  source: MS,
});

const RELEASES: readonly Release[] = [
  // Windows 10 (build 19045 = 22H2, the last version; 19044 = 21H2, also LTSC 2021; 17763 = LTSC 2019).
  win('19045', 'home-pro', '2025-10-14'),
  win('19045', 'enterprise', '2025-10-14'),
  win('19044', 'home-pro', '2023-06-13'),
  win('19044', 'enterprise', '2024-06-11'),
  win('19044', 'ltsc', '2027-01-12'),
  win('17763', 'ltsc', '2029-01-09'),
  // Windows 11 (22000 = 21H2, 22621 = 22H2, 22631 = 23H2, 26100 = 24H2 and LTSC 2024, 26200 = 25H2).
  win('22000', 'home-pro', '2023-10-10'),
  win('22000', 'enterprise', '2024-10-08'),
  win('22621', 'home-pro', '2024-10-08'),
  win('22621', 'enterprise', '2025-10-14'),
  win('22631', 'home-pro', '2025-11-11'),
  win('22631', 'enterprise', '2026-11-10'),
  win('26100', 'home-pro', '2026-10-13'),
  win('26100', 'enterprise', '2027-10-12'),
  win('26100', 'ltsc', '2029-10-09'),
  win('26200', 'home-pro', '2027-10-12'),
  win('26200', 'enterprise', '2028-10-10'),
  // Windows Server (extended support end).
  win('9600', 'server', '2023-10-10'),
  win('14393', 'server', '2027-01-12'),
  win('17763', 'server', '2029-01-09'),
  win('20348', 'server', '2031-10-14'),
  win('26100', 'server', '2034-10-10'),
  // macOS: Apple publishes no end dates; it patches the three latest majors, so each gets about
  // three years, ending when the third newer major ships (each September).
  ...(
    [
      ['12', '2024-09-16'],
      ['13', '2025-09-15'],
      ['14', '2026-09-15'],
      ['15', '2027-09-15'],
      ['26', '2028-09-15'],
    ] as const
  ).map(([major, endsOn]): Release => ({
    match: (o) => o.family === 'macos' && o.id === major,
    endsOn,
    source: "Apple's practice of patching the three latest macOS majors",
    approximate: true,
  })),
  // Linux distributions (end of security support; Debian includes its LTS years).
  ...(
    [
      ['debian', '11', '2026-08-31', 'Debian LTS (wiki.debian.org/LTS)'],
      ['debian', '12', '2028-06-30', 'Debian LTS (wiki.debian.org/LTS)'],
      ['debian', '13', '2030-06-30', 'Debian LTS (wiki.debian.org/LTS)'],
      ['ubuntu', '20.04', '2025-05-31', 'Ubuntu release cycle (standard support, without Ubuntu Pro)'],
      ['ubuntu', '22.04', '2027-06-01', 'Ubuntu release cycle (standard support, without Ubuntu Pro)'],
      ['ubuntu', '24.04', '2029-05-31', 'Ubuntu release cycle (standard support, without Ubuntu Pro)'],
      ['ubuntu', '25.10', '2026-07-31', 'Ubuntu release cycle (interim release)'],
      ['ubuntu', '26.04', '2031-05-31', 'Ubuntu release cycle (standard support, without Ubuntu Pro)'],
      ['rhel', '8', '2029-05-31', 'Red Hat Enterprise Linux life cycle (maintenance support)'],
      ['rhel', '9', '2032-05-31', 'Red Hat Enterprise Linux life cycle (maintenance support)'],
      ['rhel', '10', '2035-05-31', 'Red Hat Enterprise Linux life cycle (maintenance support)'],
      ['rocky', '8', '2029-05-31', 'Rocky Linux (follows RHEL)'],
      ['rocky', '9', '2032-05-31', 'Rocky Linux (follows RHEL)'],
      ['almalinux', '8', '2029-03-01', 'AlmaLinux (follows RHEL)'],
      ['almalinux', '9', '2032-05-31', 'AlmaLinux (follows RHEL)'],
      ['fedora', '42', '2026-05-13', 'Fedora release life cycle (about 13 months)'],
      ['fedora', '43', '2026-12-09', 'Fedora release life cycle (about 13 months)'],
      ['fedora', '44', '2027-05-19', 'Fedora release life cycle (about 13 months)'],
    ] as const
  ).map(([id, version, endsOn, source]): Release => ({
    match: (o) =>
      o.family === 'linux' && o.id === id && (o.version === version || o.version.split('.')[0] === version),
    endsOn,
    source,
    approximate: id === 'fedora',
  })),
];

export interface SupportVerdict {
  readonly status: SupportStatus;
  readonly endsOn: string | null;
  readonly note: string | null;
}

/** Where this OS stands today. Unknown releases are "unknown", never guessed. */
export function supportStatus(os: OsIdentity, today: Date): SupportVerdict {
  const release = RELEASES.find((r) => r.match(os));
  if (!release) {
    // A macOS newer than the table is newer than every supported one: supported.
    if (os.family === 'macos' && Number(os.id) > 26)
      return { status: 'supported', endsOn: null, note: 'Newer than the releases Triage knows.' };
    return { status: 'unknown', endsOn: null, note: 'Triage has no support dates for this release.' };
  }
  const days = (Date.parse(`${release.endsOn}T23:59:59Z`) - today.getTime()) / 86_400_000;
  const note = `${release.approximate ? 'Approximate date; ' : ''}source: ${release.source}.`;
  return {
    status: days < 0 ? 'unsupported' : days <= ENDING_SOON_DAYS ? 'ending-soon' : 'supported',
    endsOn: release.endsOn,
    note,
  };
}
