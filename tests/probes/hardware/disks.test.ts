import { describe, expect, it } from 'vitest';
import { disksProbe } from '../../../probes/hardware/disks';
import type { DisksData } from '../../../probes/hardware/disks';
import {
  macosDisks,
  parseFindmnt,
  parseLsblk,
  parseSmartctl,
  windowsDisks,
} from '../../../probes/hardware/disks/parse';
import type { Platform } from '../../../probes/types';
import { runOnFixture } from '../../support/fixtures';

const GIB = 1024 ** 3;

const cases: { platform: Platform; scenario: string; status: string; check: (data: DisksData) => void }[] = [
  {
    platform: 'linux',
    scenario: 'debian12-kvm',
    status: 'partial', // no smartctl here: health unknown, and said so
    check: (d) => {
      expect(d.volumes).toEqual([expect.objectContaining({ mount: '/', fileSystem: 'ext4', system: true })]);
      expect(d.physicalDisks).toEqual([
        expect.objectContaining({ name: 'vda', mediaType: 'hdd', health: 'unknown', predictedFailure: null }),
      ]);
    },
  },
  {
    platform: 'win32',
    scenario: 'win-desktop-four-disks',
    status: 'partial', // a standard user cannot read SMART predictions
    check: (d) => {
      expect(d.volumes).toEqual([
        expect.objectContaining({
          mount: 'C:',
          fileSystem: 'NTFS',
          system: true,
          totalBytes: Math.round(930.93 * GIB),
          usedPercent: 22.6,
        }),
      ]);
      expect(d.physicalDisks.map((p) => [p.name, p.mediaType, p.health])).toEqual([
        ['Sony Storage Media', 'unknown', 'unknown'],
        ['CT240BX500SSD1', 'ssd', 'unknown'],
        ['Seagate BUP Slim BK', 'unknown', 'unknown'],
        ['TOSHIBA MQ01ABD050', 'hdd', 'unknown'],
      ]);
    },
  },
  {
    platform: 'darwin',
    scenario: 'macos-applesilicon-256gb',
    status: 'ok',
    check: (d) => {
      // The sealed "/" snapshot shares the Data volume's space, so only the Data volume is listed.
      expect(d.volumes).toEqual([
        expect.objectContaining({
          mount: '/System/Volumes/Data',
          system: true,
          freeBytes: 23142219776,
          totalBytes: 245107195904,
        }),
      ]);
      expect(d.physicalDisks).toEqual([
        expect.objectContaining({
          name: 'APPLE SSD AP0256Z',
          model: 'APPLE SSD AP0256Z',
          mediaType: 'ssd',
          bus: 'Apple Fabric',
          health: 'healthy',
          predictedFailure: false,
        }),
      ]);
    },
  },
];

describe('hardware.disks on real-output fixtures', () => {
  it.each(cases)('$platform $scenario', async ({ platform, scenario, status, check }) => {
    const envelope = await runOnFixture(disksProbe, platform, scenario);
    expect(envelope.status).toBe(status);
    check(envelope.data as DisksData);
  });

  it('says why health is unknown on Linux without smartctl', async () => {
    const envelope = await runOnFixture(disksProbe, 'linux', 'debian12-kvm');
    expect(envelope.gaps).toEqual([
      expect.objectContaining({
        part: 'health',
        code: 'command-not-found',
        message: expect.stringContaining('smartmontools'),
      }),
    ]);
  });

  it('says SMART needs administrator rights on Windows', async () => {
    const envelope = await runOnFixture(disksProbe, 'win32', 'win-desktop-four-disks');
    expect(envelope.gaps).toEqual([expect.objectContaining({ part: 'smart', code: 'permission-denied' })]);
  });
});

describe('disk parsers', () => {
  it('keeps disk file systems and drops memory and kernel ones, and bind mounts', () => {
    const volumes = parseFindmnt(
      JSON.stringify({
        filesystems: [
          { source: 'tmpfs', fstype: 'tmpfs', size: 10, avail: 10, target: '/run' },
          { source: '/dev/sda1', fstype: 'ext4', size: 100, avail: 40, target: '/' },
          { source: '/dev/sda1', fstype: 'ext4', size: 100, avail: 40, target: '/var/lib/docker/overlay' },
          { source: '/dev/sdb1', fstype: 'vfat', size: 5, avail: 1, target: '/boot/efi' },
        ],
      }),
    );
    expect(volumes.map((v) => v.mount)).toEqual(['/', '/boot/efi']);
  });

  it('skips zram, loop devices and empty drives', () => {
    const disks = parseLsblk(
      JSON.stringify({
        blockdevices: [
          { name: 'zram0', size: 100, rota: false, type: 'disk' },
          { name: 'loop0', size: 100, rota: false, type: 'loop' },
          { name: 'sr0', size: 0, rota: true, type: 'disk' },
          { name: 'nvme0n1', model: 'Samsung SSD', size: 500, rota: false, tran: 'nvme', type: 'disk' },
        ],
      }),
    );
    expect(disks).toEqual([expect.objectContaining({ name: 'nvme0n1', mediaType: 'ssd', bus: 'nvme' })]);
  });

  it("reads smartctl's verdict", () => {
    expect(parseSmartctl('{"smart_status":{"passed":false}}')).toEqual({ passed: false });
    expect(parseSmartctl('{"smartctl":{"exit_status":2}}')).toEqual({ passed: null });
  });

  it('maps Windows health codes and a SMART failure prediction', () => {
    const data = windowsDisks({
      systemDrive: 'C:',
      volumes: [],
      physicalDisks: [
        { deviceId: 0, friendlyName: 'A', mediaType: 3, busType: 11, healthStatus: 1 },
        { deviceId: 1, friendlyName: 'B', mediaType: 4, busType: 17, healthStatus: 0 },
        { deviceId: 2, friendlyName: 'C', mediaType: 4, busType: 17, healthStatus: 2 },
      ],
      // diskNumber is what the script matched through Win32_DiskDrive; an unmatched one (null) is not pinned on a disk.
      failurePredictions: [
        { diskNumber: 1, predictFailure: true },
        { instanceName: 'SCSI\\Disk&Ven_X\\4&1&0&000000_0', diskNumber: null, predictFailure: true },
      ],
    });
    expect(data.physicalDisks.map((d) => [d.bus, d.health, d.predictedFailure])).toEqual([
      ['SATA', 'warning', null],
      ['NVMe', 'failing', true],
      ['NVMe', 'failing', null],
    ]);
  });

  it('treats SMART "Failing" on a Mac as a failing disk', () => {
    const data = macosDisks({
      SPStorageDataType: [
        {
          mount_point: '/Volumes/Backup',
          size_in_bytes: 100,
          free_space_in_bytes: 50,
          physical_drive: { device_name: 'WD Blue', medium_type: 'rotational', smart_status: 'Failing' },
        },
      ],
    });
    expect(data.physicalDisks).toEqual([
      expect.objectContaining({ mediaType: 'hdd', health: 'failing', predictedFailure: true }),
    ]);
    expect(data.volumes).toEqual([
      expect.objectContaining({ mount: '/Volumes/Backup', system: false, usedPercent: 50 }),
    ]);
  });
});
