import { describe, expect, it } from 'vitest';
import { disksProbe } from '../../../probes/hardware/disks';
import { parseFindmnt, parseLsblk } from '../../../probes/hardware/disks/parse';
import type { Platform } from '../../../probes/types';
import type { DisksData } from '../../../probes/hardware/disks';
import { runOnFixture } from '../../support/fixtures';

const cases: { platform: Platform; scenario: string; status: string; check: (data: DisksData) => void }[] = [
  {
    platform: 'linux',
    scenario: 'debian12-kvm',
    status: 'partial', // no smartctl here: health unknown, and said so
    check: (d) => {
      expect(d.volumes).toEqual([expect.objectContaining({ mount: '/', fileSystem: 'ext4', system: true })]);
      expect(d.physicalDisks).toEqual([expect.objectContaining({ name: 'vda', mediaType: 'hdd', health: 'unknown', predictedFailure: null })]);
    },
  },
  {
    platform: 'win32',
    scenario: 'win11-23h2-nvme-almost-full',
    status: 'partial',
    check: (d) => {
      expect(d.volumes[0]).toMatchObject({ mount: 'C:', system: true, usedPercent: 97.1 });
      expect(d.volumes[1]).toMatchObject({ mount: 'D:', system: false });
      expect(d.physicalDisks[0]).toMatchObject({ mediaType: 'ssd', bus: 'NVMe', health: 'healthy', predictedFailure: null });
      expect(d.physicalDisks[1]).toMatchObject({ mediaType: 'hdd', bus: 'USB' });
    },
  },
  {
    platform: 'win32',
    scenario: 'win10-22h2-hdd-failing',
    status: 'ok',
    check: (d) => {
      expect(d.volumes).toHaveLength(1);
      expect(d.physicalDisks[0]).toMatchObject({ bus: 'SATA', health: 'failing', predictedFailure: true });
    },
  },
  {
    platform: 'darwin',
    scenario: 'macos14-m1-air',
    status: 'ok',
    check: (d) => {
      expect(d.volumes.find((v) => v.system)).toMatchObject({ mount: '/System/Volumes/Data', freeBytes: 31457280000 });
      expect(d.physicalDisks).toEqual([expect.objectContaining({ name: 'APPLE SSD AP0256Q', mediaType: 'ssd', health: 'healthy', predictedFailure: false })]);
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
    expect(envelope.gaps).toEqual([expect.objectContaining({ part: 'health', code: 'command-not-found', message: expect.stringContaining('smartmontools') })]);
  });
});

describe('disk parsers', () => {
  it('keeps disk file systems and drops memory and kernel ones, and bind mounts', () => {
    const volumes = parseFindmnt(JSON.stringify({ filesystems: [
      { source: 'tmpfs', fstype: 'tmpfs', size: 10, avail: 10, target: '/run' },
      { source: '/dev/sda1', fstype: 'ext4', size: 100, avail: 40, target: '/' },
      { source: '/dev/sda1', fstype: 'ext4', size: 100, avail: 40, target: '/var/lib/docker/overlay' },
      { source: '/dev/sdb1', fstype: 'vfat', size: 5, avail: 1, target: '/boot/efi' },
    ] }));
    expect(volumes.map((v) => v.mount)).toEqual(['/', '/boot/efi']);
  });

  it('skips zram, loop devices and empty drives', () => {
    const disks = parseLsblk(JSON.stringify({ blockdevices: [
      { name: 'zram0', size: 100, rota: false, type: 'disk' },
      { name: 'loop0', size: 100, rota: false, type: 'loop' },
      { name: 'sr0', size: 0, rota: true, type: 'disk' },
      { name: 'nvme0n1', model: 'Samsung SSD', size: 500, rota: false, tran: 'nvme', type: 'disk' },
    ] }));
    expect(disks).toEqual([expect.objectContaining({ name: 'nvme0n1', mediaType: 'ssd', bus: 'nvme' })]);
  });
});
