/**
 * Pure parsers for security.encryption: BitLocker (through the Shell, readable by standard users),
 * FileVault, and LUKS under the system's mounts.
 */
import { asArray, asBoolean, asInteger, asString, prop } from '../../util/parse';

export type EncryptionState = 'on' | 'off' | 'encrypting' | 'decrypting' | 'suspended' | 'locked' | 'unknown';

export interface EncryptedVolume {
  mount: string;
  system: boolean;
  technology: 'bitlocker' | 'filevault' | 'luks' | null;
  state: EncryptionState;
}

export interface EncryptionData {
  volumes: EncryptedVolume[];
}

/**
 * The Shell property System.Volume.BitLockerProtection: 1 on, 2 off, 3 encrypting, 4 decrypting,
 * 5 suspended ("on, protection off"), 6 locked. Explorer shows the padlock from it, so standard users
 * can read it, unlike Win32_EncryptableVolume.
 */
const BITLOCKER: Readonly<Record<number, EncryptionState>> = {
  1: 'on',
  2: 'off',
  3: 'encrypting',
  4: 'decrypting',
  5: 'suspended',
  6: 'locked',
};

/**
 * Win32_EncryptableVolume (administrators only; asked where the Shell cannot be): ConversionStatus
 * 0 decrypted, 1 encrypted, 2/4 encrypting (4 paused), 3/5 decrypting (5 paused); ProtectionStatus
 * 0 off, 1 on, 2 unknown, which a locked volume reports. Encrypted with protection off is suspended.
 */
function fromEncryptableVolume(protection: number | null, conversion: number | null): EncryptionState {
  if (protection === 2) return 'locked';
  switch (conversion) {
    case 0:
      return 'off';
    case 1:
      return protection === 1 ? 'on' : protection === 0 ? 'suspended' : 'unknown';
    case 2:
    case 4:
      return 'encrypting';
    case 3:
    case 5:
      return 'decrypting';
    default:
      return 'unknown';
  }
}

export function parseWindowsEncryption(json: unknown): EncryptionData {
  return {
    volumes: asArray(prop(json, 'volumes') as unknown[]).flatMap((v): EncryptedVolume[] => {
      const mount = asString(prop(v, 'drive'));
      if (!mount) return [];
      const protection = asInteger(prop(v, 'bitLockerProtection'));
      // An empty property means BitLocker is not available for this volume (Home editions, some disks).
      const state =
        protection !== null
          ? (BITLOCKER[protection] ?? 'unknown')
          : fromEncryptableVolume(
              asInteger(prop(v, 'protectionStatus')),
              asInteger(prop(v, 'conversionStatus')),
            );
      return [{ mount, system: asBoolean(prop(v, 'system')) === true, technology: 'bitlocker', state }];
    }),
  };
}

/** `fdesetup status`: "FileVault is On.", "FileVault is Off.", or "Encryption in progress…". */
export function parseFdesetup(text: string): EncryptedVolume {
  const state: EncryptionState = /Encryption in progress/i.test(text)
    ? 'encrypting'
    : /Decryption in progress/i.test(text)
      ? 'decrypting'
      : /FileVault is On/i.test(text)
        ? 'on'
        : /FileVault is Off/i.test(text)
          ? 'off'
          : 'unknown';
  return { mount: '/', system: true, technology: 'filevault', state };
}

interface BlockDevice {
  type: string | null;
  fstype: string | null;
  mountpoints: string[];
  children: BlockDevice[];
}

function blockDevice(value: unknown): BlockDevice {
  return {
    type: asString(prop(value, 'type')),
    fstype: asString(prop(value, 'fstype')),
    mountpoints: [
      ...asArray(prop(value, 'mountpoints') as unknown[]),
      ...asArray(prop(value, 'mountpoint') as unknown[]),
    ]
      .map(asString)
      .filter((m): m is string => Boolean(m)),
    children: asArray(prop(value, 'children') as unknown[]).map(blockDevice),
  };
}

/** Mounts that hold the user's data: the root and home file systems. */
const IMPORTANT_MOUNTS = ['/', '/home'];

/** `lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS`: is / (and /home) below a crypt device whose parent is crypto_LUKS? */
export function parseLsblk(json: unknown): EncryptionData {
  const volumes: EncryptedVolume[] = [];
  const walk = (device: BlockDevice, underLuks: boolean): void => {
    const encrypted = underLuks || device.type === 'crypt';
    for (const mount of device.mountpoints.filter((m) => IMPORTANT_MOUNTS.includes(m))) {
      volumes.push({
        mount,
        system: mount === '/',
        technology: encrypted ? 'luks' : null,
        state: encrypted ? 'on' : 'off',
      });
    }
    for (const child of device.children) walk(child, encrypted || device.fstype === 'crypto_LUKS');
  };
  for (const device of asArray(prop(json, 'blockdevices') as unknown[]).map(blockDevice)) walk(device, false);
  return { volumes };
}
