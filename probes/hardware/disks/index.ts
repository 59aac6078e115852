/**
 * hardware.disks — free space on each volume, and each physical disk's kind and health.
 */
import { join } from 'node:path';
import { ProbeError } from '../../errors';
import { defineProbe, type Gap, type ProbeContext } from '../../types';
import { optional } from '../../util/gaps';
import { gapsFromScript } from '../../util/script-errors';
import { macosDisks, parseFindmnt, parseLsblk, parseSmartctl, windowsDisks, type DisksData } from './parse';

export type { DisksData } from './parse';

async function collectLinux(ctx: ProbeContext) {
  const gaps: Gap[] = [];
  const [mounts, disks] = await Promise.all([
    ctx.exec('findmnt', ['-D', '-J', '-b', '-o', 'SOURCE,FSTYPE,SIZE,AVAIL,TARGET']),
    optional(ctx, gaps, 'physicalDisks', async () =>
      parseLsblk(
        (await ctx.exec('lsblk', ['-J', '-b', '-d', '-o', 'NAME,MODEL,SIZE,ROTA,TRAN,TYPE'])).stdout,
      ),
    ),
  ]);
  const physicalDisks = disks ?? [];
  // SMART needs smartmontools and root; without them health stays "unknown" and says why.
  const smart = await Promise.all(
    physicalDisks.map((disk) =>
      ctx.exec('smartctl', ['-j', '-H', `/dev/${disk.name}`], { okExitCodes: [0, 4, 8, 64] }).then(
        (r) => parseSmartctl(r.stdout).passed,
        (error: unknown) => error as ProbeError,
      ),
    ),
  );
  const failure = smart.find((s): s is ProbeError => s instanceof ProbeError);
  if (failure && physicalDisks.length) {
    gaps.push({
      part: 'health',
      code: failure.code,
      message:
        failure.code === 'command-not-found'
          ? 'smartctl (smartmontools) is not installed, so disk health is unknown.'
          : `Disk health could not be read: ${failure.message}`,
    });
  }
  const data: DisksData = {
    volumes: parseFindmnt(mounts.stdout),
    physicalDisks: physicalDisks.map((disk, i) => {
      const passed = smart[i];
      return typeof passed === 'boolean'
        ? { ...disk, health: passed ? 'healthy' : 'failing', predictedFailure: !passed }
        : disk;
    }),
  };
  return { data, gaps };
}

async function collectDarwin(ctx: ProbeContext) {
  const result = await ctx.exec('system_profiler', ['SPStorageDataType', '-json']);
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    throw new ProbeError('parse-error', 'system_profiler did not print JSON for SPStorageDataType.');
  }
  return { data: macosDisks(json) };
}

async function collectWindows(ctx: ProbeContext) {
  const json = await ctx.powershell(join(__dirname, 'hardware-disks.ps1'));
  return { data: windowsDisks(json), gaps: gapsFromScript(json) };
}

export const disksProbe = defineProbe<DisksData>({
  descriptor: {
    id: 'hardware.disks',
    title: 'Disks',
    description:
      'Free space on every fixed volume, and each physical disk: SSD or HDD, bus, size and health (SMART where the OS lets a user read it).',
    platforms: ['win32', 'darwin', 'linux'],
    // system_profiler SPStorageDataType takes 1–3 s on a busy Mac.
    timeoutMs: 8_000,
    fields: {
      volumes: { type: 'object[]', description: 'Fixed volumes with a file system.' },
      'volumes[].mount': { type: 'string', sensitive: 'path', description: 'Drive letter or mount point.' },
      'volumes[].label': { type: 'string', nullable: true, description: 'The volume name.' },
      'volumes[].fileSystem': { type: 'string', nullable: true, description: 'NTFS, ext4, APFS…' },
      'volumes[].totalBytes': { type: 'integer', unit: 'bytes', description: 'Size of the volume.' },
      'volumes[].freeBytes': {
        type: 'integer',
        unit: 'bytes',
        description: 'Free space available to the user.',
      },
      'volumes[].usedPercent': {
        type: 'number',
        unit: 'percent',
        description: 'Share of the volume in use.',
      },
      'volumes[].system': { type: 'boolean', description: 'True for the volume the OS runs from.' },
      physicalDisks: { type: 'object[]', description: 'Physical (or virtual) disks.' },
      'physicalDisks[].name': { type: 'string', description: 'Device or friendly name.' },
      'physicalDisks[].model': {
        type: 'string',
        nullable: true,
        description: 'Model as the disk reports it.',
      },
      'physicalDisks[].mediaType': {
        type: 'string',
        enum: ['ssd', 'hdd', 'unknown'],
        description: 'Solid-state or spinning.',
      },
      'physicalDisks[].bus': { type: 'string', nullable: true, description: 'NVMe, SATA, USB…' },
      'physicalDisks[].sizeBytes': {
        type: 'integer',
        nullable: true,
        unit: 'bytes',
        description: 'Capacity.',
      },
      'physicalDisks[].health': {
        type: 'string',
        enum: ['healthy', 'warning', 'failing', 'unknown'],
        description: "The OS's or SMART's verdict on the disk's health.",
      },
      'physicalDisks[].predictedFailure': {
        type: 'boolean',
        nullable: true,
        description: 'SMART predicts the disk will fail soon.',
      },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
