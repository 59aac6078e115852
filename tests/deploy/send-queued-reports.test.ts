/**
 * What each installer sets up to send the reports that headless runs (SYSTEM / root) queued:
 * the Windows scheduled task, the macOS LaunchDaemon and the Linux systemd timer — their definitions,
 * the scripts that install them (run for real against a fake root, with launchctl, systemctl and
 * chown replaced by stand-ins that record their arguments), and electron-builder.yml's references.
 *
 * The chrooted runs (the macOS postinstall on "/" and the deb scripts, whose paths are absolute) use a
 * private mount namespace where the host's system folders are bound read-only: nothing a script does
 * can reach the host. They are skipped where `unshare` cannot make one.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'triage-drain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const tempDir = (name: string): string => mkdtempSync(join(scratch, `${name}-`));

const TASK_XML = 'deploy/windows/scheduled-task/send-queued-reports.xml';
const TASK_PS1 = 'deploy/windows/scheduled-task/Register-SendQueuedReports.ps1';
const PLIST = 'deploy/macos/org.triage.send-queued-reports.plist';
const SERVICE = 'deploy/linux/triage-send-queued-reports.service';
const TIMER = 'deploy/linux/triage-send-queued-reports.timer';
const LABEL = 'org.triage.send-queued-reports';

// ---------------------------------------------------------------------------------------------
// electron-builder.yml

interface FileSet {
  from: string;
  to: string;
}
interface BuilderConfig {
  productName: string;
  directories: { buildResources: string };
  win: { extraResources: FileSet[] };
  mac: { extraResources: FileSet[] };
  linux: { extraResources: FileSet[]; executableName: string };
  nsis: { include: string };
  pkg: { scripts: string };
  deb: { afterInstall: string; afterRemove: string };
}

async function loadConfig(): Promise<BuilderConfig> {
  // electron-builder's own loader, as scripts/check-packaging.mjs uses it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig: (dir: string, file: string, extra: null) => Promise<BuilderConfig>;
  };
  return getConfig(root, join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it('ships each definition as an extra resource under the name the installers look for', async () => {
    const config = await loadConfig();
    const shipped = (sets: FileSet[]): Record<string, string> =>
      Object.fromEntries(sets.map((set) => [set.to, set.from]));
    // build/installer.nsh and the .ps1 read resources\send-queued-reports.xml.
    expect(shipped(config.win.extraResources)).toEqual({
      'send-queued-reports.xml': TASK_XML,
      'Register-SendQueuedReports.ps1': TASK_PS1,
    });
    // postinstall reads Triage.app/Contents/Resources/<label>.plist.
    expect(shipped(config.mac.extraResources)).toEqual({ [`${LABEL}.plist`]: PLIST });
    // after-install.sh reads /opt/Triage/resources/<unit>.
    expect(shipped(config.linux.extraResources)).toEqual({
      'triage-send-queued-reports.service': SERVICE,
      'triage-send-queued-reports.timer': TIMER,
    });
    for (const set of [
      ...config.win.extraResources,
      ...config.mac.extraResources,
      ...config.linux.extraResources,
    ])
      expect(existsSync(join(root, set.from)), set.from).toBe(true);
  });

  it('names the NSIS include, the pkg scripts and the deb scripts where electron-builder finds them', async () => {
    const config = await loadConfig();
    const buildResources = join(root, config.directories.buildResources);
    // NSIS: relative to build/ first, then to the project (platformPackager.getResource).
    const include = [resolve(buildResources, config.nsis.include), resolve(root, config.nsis.include)].find(
      (p) => existsSync(p),
    );
    expect(include).toBe(join(root, 'build', 'installer.nsh'));
    // pkg: relative to build/ (electron-builder's own resolver).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { resolveScriptsDir } = require('app-builder-lib/out/targets/pkg') as {
      resolveScriptsDir: (buildResourcesDir: string, scripts: string | null | undefined) => string | null;
    };
    const scripts = resolveScriptsDir(buildResources, config.pkg.scripts);
    expect(scripts).toBe(join(root, 'build', 'pkg-scripts'));
    // pkgbuild runs scripts that are executable; electron-builder picks the one named *postinstall*.
    expect(readdirSync(scripts as string)).toEqual(['postinstall']);
    // deb: relative to the project (FpmTarget's getResource); dpkg runs them, so executable too.
    for (const script of [config.deb.afterInstall, config.deb.afterRemove, 'build/pkg-scripts/postinstall']) {
      const path = resolve(root, script);
      expect(existsSync(path), script).toBe(true);
      expect(statSync(path).mode & 0o111, `${script} is executable`).toBe(0o111);
    }
    expect([config.deb.afterInstall, config.deb.afterRemove]).toEqual([
      'build/linux/after-install.sh',
      'build/linux/after-remove.sh',
    ]);
    // The paths the units and scripts hard-code follow from these (deb installs to /opt/<productName>).
    expect([config.productName, config.linux.executableName]).toEqual(['Triage', 'triage']);
  });
});

// ---------------------------------------------------------------------------------------------
// Windows: the scheduled task

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
});
type Node = Record<string, unknown>;
const node = (value: unknown, path: string): Node => {
  if (typeof value !== 'object' || value === null) throw new Error(`${path} is missing`);
  return value as Node;
};

function parseTask(text: string): Node {
  expect(XMLValidator.validate(text)).toBe(true);
  return node((xmlParser.parse(text) as { Task?: unknown }).Task, 'Task');
}

/** What build/installer.nsh and the .ps1 do to the template (checked against them below). */
function instantiate(template: string, installDir: string): string {
  return template
    .replace('encoding="UTF-8"', 'encoding="UTF-16"')
    .replace('@TRIAGE_INSTALL_DIR@', installDir.replace(/&/g, '&amp;'));
}

describe('the scheduled task (Windows)', () => {
  const template = read(TASK_XML);

  it('is a well-formed Task Scheduler 1.2 definition', () => {
    const task = parseTask(template);
    expect(task['@version']).toBe('1.2');
    expect(task['@xmlns']).toBe('http://schemas.microsoft.com/windows/2004/02/mit/task');
    expect(template.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(node(task.RegistrationInfo, 'RegistrationInfo').URI).toBe('\\Triage\\Send queued reports');
  });

  it('runs as SYSTEM with the highest privileges', () => {
    const principal = node(node(parseTask(template).Principals, 'Principals').Principal, 'Principal');
    expect(principal).toMatchObject({ '@id': 'Author', UserId: 'S-1-5-18', RunLevel: 'HighestAvailable' });
    expect(node(parseTask(template).Actions, 'Actions')['@Context']).toBe('Author');
  });

  it('starts two minutes after boot, every 15 minutes, and when a network connects', () => {
    const triggers = node(parseTask(template).Triggers, 'Triggers');
    expect(Object.keys(triggers).sort()).toEqual(['BootTrigger', 'EventTrigger', 'TimeTrigger']);
    expect(triggers.BootTrigger).toMatchObject({ Enabled: 'true', Delay: 'PT2M' });
    const time = node(triggers.TimeTrigger, 'TimeTrigger');
    expect(time.Enabled).toBe('true');
    expect(time.StartBoundary).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    // No Duration: the repetition goes on indefinitely.
    expect(time.Repetition).toEqual({ Interval: 'PT15M', StopAtDurationEnd: 'false' });
    const event = node(triggers.EventTrigger, 'EventTrigger');
    expect(event.Enabled).toBe('true');
    // The subscription is an XML document inside the text of <Subscription>: parse it too.
    const query = xmlParser.parse(String(event.Subscription)) as {
      QueryList: { Query: { '@Id': string; '@Path': string; Select: { '#text': string; '@Path': string } } };
    };
    const log = 'Microsoft-Windows-NetworkProfile/Operational';
    expect(query.QueryList.Query['@Path']).toBe(log);
    expect(query.QueryList.Query.Select['@Path']).toBe(log);
    expect(query.QueryList.Query.Select['#text']).toBe(
      "*[System[Provider[@Name='Microsoft-Windows-NetworkProfile'] and EventID=10000]]",
    );
  });

  it('never runs twice at once, stops after 30 minutes, runs on battery, and waits for a network', () => {
    expect(node(parseTask(template).Settings, 'Settings')).toMatchObject({
      MultipleInstancesPolicy: 'IgnoreNew',
      ExecutionTimeLimit: 'PT30M',
      StartWhenAvailable: 'true',
      DisallowStartIfOnBatteries: 'false',
      StopIfGoingOnBatteries: 'false',
      RunOnlyIfNetworkAvailable: 'true',
      Enabled: 'true',
    });
  });

  it('runs "<install dir>\\Triage.exe" --headless outbox retry once the install folder is put in', () => {
    expect(template.split('@TRIAGE_INSTALL_DIR@')).toHaveLength(2);
    const installed = instantiate(template, 'C:\\Program Files\\R&D\\Triage');
    const exec = node(node(parseTask(installed).Actions, 'Actions').Exec, 'Exec');
    expect(exec).toEqual({
      Command: '"C:\\Program Files\\R&D\\Triage\\Triage.exe"',
      Arguments: '--headless outbox retry',
    });
    expect(installed.startsWith('<?xml version="1.0" encoding="UTF-16"?>')).toBe(true);
    // As the installer writes it: UTF-16LE with a byte order mark, and still the same document.
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(installed, 'utf16le')]);
    expect(new TextDecoder('utf-16le').decode(bytes)).toBe(installed);
  });

  it('is ASCII, in lines NSIS reads whole (FileRead stops at 1024 characters)', () => {
    expect([...template].every((c) => c === '\t' || c === '\n' || c === '\r' || (c >= ' ' && c <= '~'))).toBe(
      true,
    );
    for (const line of template.split('\n')) expect(line.length).toBeLessThan(1024);
  });

  it('is what build/installer.nsh reads, rewrites and registers, and deletes on uninstall', () => {
    const nsh = read('build/installer.nsh');
    expect(nsh).toContain('!macro customInstall');
    expect(nsh).toContain('!macro customUnInstall');
    expect(nsh).toContain('FileOpen $0 "$INSTDIR\\resources\\send-queued-reports.xml" r');
    // The same replacements as instantiate() above, on the strings the template holds.
    expect(nsh).toContain(`\${WordReplace} $2 'encoding="UTF-8"' 'encoding="UTF-16"' "+" $2`);
    expect(nsh).toContain('${WordReplace} $2 "@TRIAGE_INSTALL_DIR@" $3 "+" $2');
    expect(nsh).toContain('${WordReplace} "$INSTDIR" "&" "&amp;" "+" $3');
    expect(nsh).toContain('FileWriteWord $1 0xFEFF');
    expect(nsh).toContain('FileWriteUTF16LE $1 $2');
    expect(nsh).toContain('!define TRIAGE_TASK_NAME "\\Triage\\Send queued reports"');
    expect(nsh).toContain(
      `nsExec::ExecToLog '"$SYSDIR\\schtasks.exe" /Create /TN "\${TRIAGE_TASK_NAME}" /XML "$4" /F'`,
    );
    expect(nsh).toContain(
      `nsExec::ExecToLog '"$SYSDIR\\schtasks.exe" /Delete /TN "\${TRIAGE_TASK_NAME}" /F'`,
    );
    // %ProgramData%\Triage exists before any user could create it: Administrators own it, SYSTEM
    // and Administrators have full control, Users read, nothing inherited from ProgramData.
    expect(nsh).toContain('ExpandEnvStrings $0 "%ProgramData%\\Triage"');
    expect(nsh).toContain(`nsExec::ExecToLog '"$SYSDIR\\icacls.exe" "$0" /setowner *S-1-5-32-544'`);
    expect(nsh).toContain(
      `nsExec::ExecToLog '"$SYSDIR\\icacls.exe" "$0" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'`,
    );
    // Every Push has its Pop in each macro, so the installer's registers are left as they were.
    for (const macro of nsh.split('!macro ').slice(1)) {
      const count = (re: RegExp): number => (macro.match(re) ?? []).length;
      expect(count(/^\s*Push /gm) + count(/nsExec::ExecToLog/g)).toBe(count(/^\s*Pop /gm));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Stand-ins and a fake root for the shell scripts

/** A folder of stand-in commands that append "<name> <args>" to `log` and exit with `status`. */
function stubs(dir: string, log: string, commands: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, status] of Object.entries(commands)) {
    writeFileSync(
      join(dir, name),
      `#!/bin/sh\necho "${name} $*" >> '${log}'\n${status.startsWith('case') ? status : `exit ${status}`}\n`,
    );
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}
const calls = (log: string): string[] =>
  existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];

/** `unshare` that gives a private mount namespace (as root, or as a user through a user namespace). */
const UNSHARE = ((): string[] | null => {
  for (const args of [['-m'], ['-r', '-m']]) {
    // A mount inside the new namespace, which ends with it.
    const probe = spawnSync('unshare', [...args, 'sh', '-c', 'mount -t tmpfs none /tmp'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) return args;
  }
  return null;
})();

/**
 * Runs `argv` chrooted into `fakeRoot`, where /bin, /sbin, /lib, /lib64, /usr and /etc are the
 * host's, bound read-only, /dev/null is the host's, and `binds` (fake-root path → folder of ours) are bound writable on top.
 * Everything else in the fake root is ours. The namespace (and every mount) ends with the command.
 */
function chrooted(
  fakeRoot: string,
  argv: string[],
  env: Record<string, string>,
  binds: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const setup = [
    'set -eu',
    'R="$1"; shift',
    'for d in bin sbin lib lib64 usr etc; do',
    '  [ -e "/$d" ] || continue',
    '  mkdir -p "$R/$d"',
    '  mount --rbind "/$d" "$R/$d"',
    '  mount -o remount,bind,ro "$R/$d"',
    'done',
    // The scripts send output to /dev/null: that one device, nothing else of /dev.
    'mkdir -p "$R/dev"; touch "$R/dev/null"; mount --bind /dev/null "$R/dev/null"',
    ...Object.entries(binds).map(([at, from]) => `mount --bind '${from}' "$R${at}"`),
    'exec chroot "$R" /usr/bin/env -i "$@"',
  ].join('\n');
  const run = spawnSync(
    'unshare',
    [
      ...(UNSHARE ?? []),
      'sh',
      '-c',
      setup,
      'sh',
      fakeRoot,
      ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
      ...argv,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const chrootReason = UNSHARE ? '' : ' (skipped: unshare cannot make a private mount namespace here)';

// ---------------------------------------------------------------------------------------------
// macOS: the LaunchDaemon

describe('the LaunchDaemon (macOS)', () => {
  it('is a well-formed property list that runs Triage --headless outbox retry at load and every 15 minutes', () => {
    const run = spawnSync(
      'python3',
      [
        '-c',
        'import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))',
        join(root, PLIST),
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      Label: LABEL,
      ProgramArguments: ['/Applications/Triage.app/Contents/MacOS/Triage', '--headless', 'outbox', 'retry'],
      RunAtLoad: true,
      StartInterval: 900,
      ProcessType: 'Background',
      StandardOutPath: '/Library/Logs/Triage/send-queued-reports.log',
      StandardErrorPath: '/Library/Logs/Triage/send-queued-reports.log',
    });
  });

  const postinstall = join(root, 'build', 'pkg-scripts', 'postinstall');

  it('postinstall is a POSIX sh script that stops at the first error', () => {
    const check = spawnSync('sh', ['-n', postinstall], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(readFileSync(postinstall, 'utf8')).toMatch(/^#!\/bin\/sh\n[\s\S]*^set -eu$/m);
  });

  /** A volume with Triage.app installed, as Installer leaves it before running postinstall. */
  function volume(): string {
    const dir = tempDir('volume');
    const resources = join(dir, 'Applications', 'Triage.app', 'Contents', 'Resources');
    mkdirSync(resources, { recursive: true });
    copyFileSync(join(root, PLIST), join(resources, `${LABEL}.plist`));
    return dir;
  }

  it("installs the daemon onto another volume (Installer's $3) root:wheel 0644, without loading it", () => {
    const target = volume();
    const log = join(target, '..', `${target.split('/').pop()}.calls`);
    const bin = stubs(join(target, '..', `${target.split('/').pop()}.bin`), log, {
      launchctl: '0',
      chown: '0',
    });
    const run = spawnSync('sh', [postinstall, '/tmp/Triage.pkg', '/Applications', target, '/'], {
      encoding: 'utf8',
      env: { PATH: `${bin}:/usr/bin:/bin` },
    });
    expect(run.status, run.stderr).toBe(0);
    const daemon = join(target, 'Library', 'LaunchDaemons', `${LABEL}.plist`);
    expect(readFileSync(daemon, 'utf8')).toBe(read(PLIST));
    expect(statSync(daemon).mode & 0o777).toBe(0o644);
    expect(existsSync(`${daemon}.tmp`)).toBe(false);
    expect(statSync(join(target, 'Library', 'Logs', 'Triage')).isDirectory()).toBe(true);
    expect(calls(log)).toEqual([`chown root:wheel ${daemon}.tmp`]);
  });

  it('does nothing, successfully, when Triage.app has no daemon definition', () => {
    const target = tempDir('empty-volume');
    const run = spawnSync('sh', [postinstall, '/tmp/Triage.pkg', '/Applications', target, '/'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('is missing');
    expect(existsSync(join(target, 'Library'))).toBe(false);
  });

  /** postinstall run on "/" of a fake root; launchctl's bootout exits with `bootout`, bootstrap with `bootstrap`. */
  function onRunningSystem(
    bootout: number,
    bootstrap: number,
  ): { status: number | null; calls: string[]; fakeRoot: string } {
    const fakeRoot = volume();
    mkdirSync(join(fakeRoot, 'scripts'));
    copyFileSync(postinstall, join(fakeRoot, 'scripts', 'postinstall'));
    stubs(join(fakeRoot, 'stubs'), '/calls.log', {
      chown: '0',
      launchctl: `case "$1" in bootout) exit ${bootout} ;; bootstrap) exit ${bootstrap} ;; esac`,
    });
    const run = chrooted(
      fakeRoot,
      ['sh', '/scripts/postinstall', '/tmp/Triage.pkg', '/Applications', '/', '/'],
      {
        PATH: '/stubs:/usr/bin:/bin',
      },
    );
    expect(run.stderr).not.toContain('chroot:');
    return { status: run.status, calls: calls(join(fakeRoot, 'calls.log')), fakeRoot };
  }

  it.skipIf(!UNSHARE && process.env.CI !== 'true')(
    `on the running system, unloads any earlier daemon and loads this one${chrootReason}`,
    () => {
      // launchctl bootout exits non-zero when nothing is loaded (a first install): that is ignored.
      const run = onRunningSystem(3, 0);
      expect(run.status).toBe(0);
      expect(run.calls).toEqual([
        `chown root:wheel /Library/LaunchDaemons/${LABEL}.plist.tmp`,
        `launchctl bootout system/${LABEL}`,
        `launchctl bootstrap system /Library/LaunchDaemons/${LABEL}.plist`,
      ]);
      expect(readFileSync(join(run.fakeRoot, 'Library', 'LaunchDaemons', `${LABEL}.plist`), 'utf8')).toBe(
        read(PLIST),
      );
    },
  );

  it.skipIf(!UNSHARE && process.env.CI !== 'true')(
    `fails the installation when launchd refuses the daemon${chrootReason}`,
    () => {
      const run = onRunningSystem(0, 5);
      expect(run.status).toBe(5);
      expect(run.calls.at(-1)).toBe(`launchctl bootstrap system /Library/LaunchDaemons/${LABEL}.plist`);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Linux: the systemd timer

const hasAnalyze = existsSync('/usr/bin/systemd-analyze');

describe('the systemd timer (Linux)', () => {
  const unit = (text: string, key: string): string[] =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${key}=`))
      .map((line) => line.slice(key.length + 1));

  it('starts /opt/Triage/triage with the Chromium switches before --headless, and only outbox retry after it', () => {
    const service = read(SERVICE);
    expect(unit(service, 'Type')).toEqual(['oneshot']);
    // 1 is "something is still waiting": sent on a later run, not a failure of the unit.
    expect(unit(service, 'SuccessExitStatus')).toEqual(['1']);
    const [execStart, ...more] = unit(service, 'ExecStart');
    expect(more).toEqual([]);
    const argv = (execStart ?? '').split(' ');
    expect(argv[0]).toBe('/opt/Triage/triage');
    const headless = argv.indexOf('--headless');
    // main/electron/app.ts hands everything after --headless to the CLI.
    expect(argv.slice(headless + 1)).toEqual(['outbox', 'retry']);
    // Electron will not start as root without --no-sandbox; a service has no display.
    expect(argv.slice(1, headless).sort()).toEqual(['--no-sandbox', '--ozone-platform=headless']);
    const timer = read(TIMER);
    expect(unit(timer, 'OnBootSec')).toEqual(['2min']);
    expect(unit(timer, 'OnUnitActiveSec')).toEqual(['15min']);
    expect(unit(timer, 'WantedBy')).toEqual(['timers.target']);
  });

  /** systemd-analyze verify on copies of the units; what it says about them (not about the host's units). */
  function verify(service: string, timer: string): { status: number | null; complaints: string[] } {
    const dir = tempDir('units');
    writeFileSync(join(dir, 'triage-send-queued-reports.service'), service);
    writeFileSync(join(dir, 'triage-send-queued-reports.timer'), timer);
    const run = spawnSync(
      '/usr/bin/systemd-analyze',
      [
        'verify',
        join(dir, 'triage-send-queued-reports.timer'),
        join(dir, 'triage-send-queued-reports.service'),
      ],
      { encoding: 'utf8' },
    );
    const complaints = `${run.stdout}\n${run.stderr}`
      .split('\n')
      .filter((line) => line.includes(dir) || line.includes('triage-send-queued-reports'));
    return { status: run.status, complaints };
  }
  // verify checks that ExecStart's program exists and is executable; /opt/Triage/triage is not
  // installed here, so the copy runs /bin/true with the same arguments instead.
  const runnable = (service: string): string =>
    service.replace(/^ExecStart=\/opt\/Triage\/triage /m, 'ExecStart=/bin/true ');

  it.skipIf(!hasAnalyze && process.env.CI !== 'true')('passes systemd-analyze verify', () => {
    expect(runnable(read(SERVICE))).not.toBe(read(SERVICE));
    expect(verify(runnable(read(SERVICE)), read(TIMER))).toEqual({ status: 0, complaints: [] });
  });

  it.skipIf(!hasAnalyze && process.env.CI !== 'true')(
    '(systemd-analyze verify does complain about a broken copy)',
    () => {
      const broken = verify(
        runnable(read(SERVICE)),
        read(TIMER).replace('OnUnitActiveSec=15min', 'OnUnitActiveSec=15mni'),
      );
      expect(broken.complaints.join('\n')).toContain('Failed to parse timer value');
    },
  );

  const template = (name: string): string =>
    readFileSync(join(root, 'node_modules', 'app-builder-lib', 'templates', 'linux', name), 'utf8');
  /** What electron-builder does to deb scripts (FpmTarget.js writeConfigFile), unknown macros refused. */
  const render = (text: string): string =>
    text.replace(/\${([a-zA-Z]+)}/g, (_match, name: string) => {
      const macros: Record<string, string> = { executable: 'triage', sanitizedProductName: 'Triage' };
      if (!(name in macros)) throw new Error(`Macro ${name} is not defined`);
      return macros[name] as string;
    });

  it("after-install.sh and after-remove.sh keep electron-builder's own scripts and use only its macros", () => {
    const install = read('build/linux/after-install.sh');
    const remove = read('build/linux/after-remove.sh');
    expect(install.startsWith(template('after-install.tpl'))).toBe(true);
    expect(remove.startsWith(template('after-remove.tpl'))).toBe(true);
    for (const script of [install, remove]) {
      expect(() => render(script)).not.toThrow();
      for (const shell of ['sh', 'bash']) {
        const check = spawnSync(shell, ['-n'], { input: render(script), encoding: 'utf8' });
        expect(check.status, `${shell} -n: ${check.stderr}`).toBe(0);
      }
    }
  });

  /** A fake root with the app's resources, stand-in systemctl, and the rendered scripts in /scripts. */
  function debRoot(systemdRunning: boolean): {
    fakeRoot: string;
    units: string;
    binds: Record<string, string>;
  } {
    const fakeRoot = tempDir('deb');
    const resources = join(fakeRoot, 'opt', 'Triage', 'resources');
    mkdirSync(resources, { recursive: true });
    copyFileSync(join(root, SERVICE), join(resources, 'triage-send-queued-reports.service'));
    copyFileSync(join(root, TIMER), join(resources, 'triage-send-queued-reports.timer'));
    mkdirSync(join(fakeRoot, 'scripts'));
    for (const name of ['after-install.sh', 'after-remove.sh'])
      writeFileSync(join(fakeRoot, 'scripts', name), render(read(`build/linux/${name}`)));
    if (systemdRunning) mkdirSync(join(fakeRoot, 'run', 'systemd', 'system'), { recursive: true });
    stubs(join(fakeRoot, 'stubs'), '/calls.log', { systemctl: '0' });
    // /lib/systemd/system is the host's, read-only: our own folder is bound over it.
    const units = join(fakeRoot, '.units');
    mkdirSync(units);
    return { fakeRoot, units, binds: { '/lib/systemd/system': units } };
  }
  const PATH = { PATH: '/stubs:/usr/sbin:/usr/bin:/sbin:/bin' };
  const UNITS = ['triage-send-queued-reports.service', 'triage-send-queued-reports.timer'];

  it.skipIf(!UNSHARE && process.env.CI !== 'true')(
    `after-install installs the units and enables and starts the timer${chrootReason}`,
    () => {
      const deb = debRoot(true);
      const run = chrooted(deb.fakeRoot, ['bash', '/scripts/after-install.sh', 'configure'], PATH, deb.binds);
      expect(run.status, run.stderr).toBe(0);
      expect(readdirSync(deb.units).sort()).toEqual(UNITS);
      expect(readFileSync(join(deb.units, UNITS[0] as string), 'utf8')).toBe(read(SERVICE));
      expect(readFileSync(join(deb.units, UNITS[1] as string), 'utf8')).toBe(read(TIMER));
      for (const name of UNITS) expect(statSync(join(deb.units, name)).mode & 0o777).toBe(0o644);
      expect(calls(join(deb.fakeRoot, 'calls.log'))).toEqual([
        'systemctl daemon-reload',
        'systemctl enable --now triage-send-queued-reports.timer',
      ]);
    },
  );

  it.skipIf(!UNSHARE && process.env.CI !== 'true')(
    `after-install only enables the timer where systemd is not running (a container)${chrootReason}`,
    () => {
      const deb = debRoot(false);
      const run = chrooted(deb.fakeRoot, ['bash', '/scripts/after-install.sh', 'configure'], PATH, deb.binds);
      expect(run.status, run.stderr).toBe(0);
      expect(readdirSync(deb.units).sort()).toEqual(UNITS);
      expect(calls(join(deb.fakeRoot, 'calls.log'))).toEqual([
        'systemctl enable triage-send-queued-reports.timer',
      ]);
    },
  );

  it.skipIf(!UNSHARE && process.env.CI !== 'true')(
    `after-remove stops, disables and deletes the timer on remove, and keeps it on upgrade${chrootReason}`,
    () => {
      const deb = debRoot(true);
      for (const name of UNITS) writeFileSync(join(deb.units, name), 'installed');
      const upgrade = chrooted(
        deb.fakeRoot,
        ['bash', '/scripts/after-remove.sh', 'upgrade', '0.2.0'],
        PATH,
        deb.binds,
      );
      expect(upgrade.status, upgrade.stderr).toBe(0);
      expect(calls(join(deb.fakeRoot, 'calls.log'))).toEqual([]);
      expect(readdirSync(deb.units).sort()).toEqual(UNITS);

      const remove = chrooted(deb.fakeRoot, ['bash', '/scripts/after-remove.sh', 'remove'], PATH, deb.binds);
      expect(remove.status, remove.stderr).toBe(0);
      expect(calls(join(deb.fakeRoot, 'calls.log'))).toEqual([
        'systemctl disable --now triage-send-queued-reports.timer',
        'systemctl daemon-reload',
      ]);
      expect(readdirSync(deb.units)).toEqual([]);
    },
  );
});
