/**
 * Pure parsers for hardware.disks: volumes (space) and physical disks (kind, health).
 */
import { asArray, asBoolean, asInteger, asString, parseJson, prop, round } from '../../util/parse';

export type DiskHealth = 'healthy' | 'warning' | 'failing' | 'unknown';
export type MediaType = 'ssd' | 'hdd' | 'unknown';

export interface Volume {
  mount: string;
  label: string | null;
  fileSystem: string | null;
  totalBytes: number;
  freeBytes: number;
  usedPercent: number;
  /** The volume the OS runs from (C:, /, the macOS Data volume). */
  system: boolean;
}

export interface PhysicalDisk {
  name: string;
  model: string | null;
  mediaType: MediaType;
  bus: string | null;
  sizeBytes: number | null;
  health: DiskHealth;
  /** SMART's own verdict that the disk will fail soon, where it can be read. */
  predictedFailure: boolean | null;
}

export interface DisksData {
  volumes: Volume[];
  physicalDisks: PhysicalDisk[];
}

function volume(
  mount: string,
  label: string | null,
  fileSystem: string | null,
  total: number,
  free: number,
  system: boolean,
): Volume {
  return {
    mount,
    label,
    fileSystem,
    totalBytes: total,
    freeBytes: free,
    usedPercent: total > 0 ? round(((total - free) / total) * 100) : 0,
    system,
  };
}

/** Filesystems that hold files on a disk (not memory, not kernel views, not containers' layers). */
const DISK_FILESYSTEMS = new Set([
  'ext2',
  'ext3',
  'ext4',
  'xfs',
  'btrfs',
  'vfat',
  'exfat',
  'ntfs',
  'ntfs3',
  'fuseblk',
  'f2fs',
  'zfs',
  'jfs',
  'reiserfs',
  'bcachefs',
  'hfsplus',
  'apfs',
]);

/** `findmnt -D -J -b -o SOURCE,FSTYPE,SIZE,AVAIL,TARGET` (df-like, sizes in bytes). */
export function parseFindmnt(text: string): Volume[] {
  const volumes = asArray(prop(parseJson(text, 'findmnt'), 'filesystems'))
    .filter((fs) => DISK_FILESYSTEMS.has(asString(prop(fs, 'fstype')) ?? ''))
    .map((fs) =>
      volume(
        asString(prop(fs, 'target')) ?? '?',
        null,
        asString(prop(fs, 'fstype')),
        asInteger(prop(fs, 'size')) ?? 0,
        asInteger(prop(fs, 'avail')) ?? 0,
        asString(prop(fs, 'target')) === '/',
      ),
    );
  // A filesystem mounted twice (bind mounts) would count twice; keep the shortest mount point.
  const seen = new Map<string, Volume>();
  for (const v of volumes.sort((a, b) => a.mount.length - b.mount.length)) {
    const key = `${v.totalBytes}:${v.freeBytes}:${v.fileSystem}`;
    if (!seen.has(key)) seen.set(key, v);
  }
  return [...seen.values()];
}

/** `lsblk -J -b -d -o NAME,MODEL,SIZE,ROTA,TRAN,TYPE`: whole disks, not partitions. */
export function parseLsblk(text: string): PhysicalDisk[] {
  return asArray(prop(parseJson(text, 'lsblk'), 'blockdevices'))
    .filter(
      (d) =>
        asString(prop(d, 'type')) === 'disk' &&
        !/^(zram|loop|ram)/.test(asString(prop(d, 'name')) ?? '') &&
        (asInteger(prop(d, 'size')) ?? 0) > 0,
    )
    .map((d) => {
      const rota = asBoolean(prop(d, 'rota'));
      return {
        name: asString(prop(d, 'name')) ?? '?',
        model: asString(prop(d, 'model')),
        // Virtual disks report rotational = true; the kernel cannot know better, nor can we.
        mediaType: rota === null ? 'unknown' : rota ? 'hdd' : 'ssd',
        bus: asString(prop(d, 'tran')),
        sizeBytes: asInteger(prop(d, 'size')),
        health: 'unknown',
        predictedFailure: null,
      };
    });
}

/** `smartctl -j -H /dev/X`: smart_status.passed. */
export function parseSmartctl(text: string): { passed: boolean | null } {
  return { passed: asBoolean(prop(prop(parseJson(text, 'smartctl'), 'smart_status'), 'passed')) };
}

/** Get-PhysicalDisk codes (MSFT_PhysicalDisk), documented by Microsoft; numbers are not translated. */
const WIN_MEDIA: Readonly<Record<number, MediaType>> = { 3: 'hdd', 4: 'ssd' };
const WIN_BUS: Readonly<Record<number, string>> = {
  1: 'SCSI',
  2: 'ATAPI',
  3: 'ATA',
  6: 'Fibre Channel',
  7: 'USB',
  8: 'RAID',
  9: 'iSCSI',
  10: 'SAS',
  11: 'SATA',
  12: 'SD',
  13: 'MMC',
  15: 'File-backed virtual',
  16: 'Storage Spaces',
  17: 'NVMe',
};
const WIN_HEALTH: Readonly<Record<number, DiskHealth>> = {
  0: 'healthy',
  1: 'warning',
  2: 'failing',
  5: 'unknown',
};

/** JSON printed by hardware-disks.ps1. */
export function windowsDisks(json: unknown): DisksData {
  const systemDrive = (asString(prop(json, 'systemDrive')) ?? 'C:').toUpperCase();
  const predictions = asArray(prop(json, 'failurePredictions'));
  return {
    volumes: asArray(prop(json, 'volumes')).map((v) => {
      const mount = asString(prop(v, 'deviceId')) ?? '?';
      return volume(
        mount,
        asString(prop(v, 'label')),
        asString(prop(v, 'fileSystem')),
        asInteger(prop(v, 'size')) ?? 0,
        asInteger(prop(v, 'freeSpace')) ?? 0,
        mount.toUpperCase() === systemDrive,
      );
    }),
    physicalDisks: asArray(prop(json, 'physicalDisks')).map((d, index) => {
      // The script matched each prediction to a disk number through Win32_DiskDrive's PNP device id
      // (InstanceName's "_0" is an instance suffix, the same on every disk); unmatched ones stay off.
      const deviceId = asInteger(prop(d, 'deviceId'));
      const prediction =
        deviceId === null
          ? undefined
          : predictions.find((p) => asInteger(prop(p, 'diskNumber')) === deviceId);
      const predicted = prediction === undefined ? null : asBoolean(prop(prediction, 'predictFailure'));
      const health = WIN_HEALTH[asInteger(prop(d, 'healthStatus')) ?? 5] ?? 'unknown';
      return {
        name: asString(prop(d, 'friendlyName')) ?? `Disk ${index}`,
        model: asString(prop(d, 'model')),
        mediaType: WIN_MEDIA[asInteger(prop(d, 'mediaType')) ?? 0] ?? 'unknown',
        bus: WIN_BUS[asInteger(prop(d, 'busType')) ?? 0] ?? null,
        sizeBytes: asInteger(prop(d, 'size')),
        health: predicted ? 'failing' : health,
        predictedFailure: predicted,
      };
    }),
  };
}

/** macOS `system_profiler SPStorageDataType -json`: each volume names its physical drive. */
export function macosDisks(json: unknown): DisksData {
  const entries = asArray(prop(json, 'SPStorageDataType'));
  const hasDataVolume = entries.some((e) => asString(prop(e, 'mount_point')) === '/System/Volumes/Data');
  const drives = new Map<string, PhysicalDisk>();
  const volumes: Volume[] = [];
  for (const entry of entries) {
    const mount = asString(prop(entry, 'mount_point'));
    const drive = prop(entry, 'physical_drive');
    const deviceName = asString(prop(drive, 'device_name'));
    if (deviceName && !drives.has(deviceName)) {
      const smart = asString(prop(drive, 'smart_status'));
      const medium = asString(prop(drive, 'medium_type'));
      drives.set(deviceName, {
        name: deviceName,
        // device_name is the drive's model ("APPLE SSD AP0256Z"); media_name is APFS's own label.
        model: deviceName,
        mediaType: medium === 'ssd' ? 'ssd' : medium === 'rotational' ? 'hdd' : 'unknown',
        bus: asString(prop(drive, 'protocol')),
        sizeBytes: null,
        // "Verified" is healthy; "Failing" is SMART's failure prediction; "Not Supported" says nothing.
        health: smart === 'Verified' ? 'healthy' : smart === 'Failing' ? 'failing' : 'unknown',
        predictedFailure: smart === 'Failing' ? true : smart === 'Verified' ? false : null,
      });
    }
    // On APFS the user's files live on the Data volume and "/" is a sealed snapshot sharing its space:
    // listing both would count the same free space twice.
    if (!mount || (mount === '/' && hasDataVolume)) continue;
    const system = mount === '/System/Volumes/Data' || mount === '/';
    volumes.push(
      volume(
        mount,
        asString(prop(entry, '_name')),
        asString(prop(entry, 'file_system')),
        asInteger(prop(entry, 'size_in_bytes')) ?? 0,
        asInteger(prop(entry, 'free_space_in_bytes')) ?? 0,
        system,
      ),
    );
  }
  return { volumes, physicalDisks: [...drives.values()] };
}
