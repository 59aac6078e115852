/**
 * security.encryption — whether the system disk (and other fixed volumes) are encrypted: BitLocker,
 * FileVault or LUKS, read without administrator rights.
 */
import { join } from 'node:path';
import { defineProbe, type ProbeContext } from '../../types';
import { parseJson } from '../../util/parse';
import { gapsFromScript } from '../../util/script-errors';
import { parseFdesetup, parseLsblk, parseWindowsEncryption, type EncryptionData } from './parse';

export type { EncryptionData } from './parse';

async function collect(ctx: ProbeContext) {
  if (ctx.platform === 'win32') {
    const json = await ctx.powershell(join(__dirname, 'security-encryption.ps1'));
    return { data: parseWindowsEncryption(json), gaps: gapsFromScript(json) };
  }
  if (ctx.platform === 'darwin')
    return {
      data: {
        volumes: [parseFdesetup((await ctx.exec('fdesetup', ['status'])).stdout)],
      } satisfies EncryptionData,
    };
  return {
    data: parseLsblk(
      parseJson((await ctx.exec('lsblk', ['-J', '-o', 'NAME,TYPE,FSTYPE,MOUNTPOINTS'])).stdout, 'lsblk'),
    ),
  };
}

export const encryptionProbe = defineProbe<EncryptionData>({
  descriptor: {
    id: 'security.encryption',
    title: 'Disk encryption',
    description:
      'Whether the system disk and other fixed volumes are encrypted (BitLocker, FileVault, LUKS), read as a standard user.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 8_000,
    fields: {
      volumes: { type: 'object[]', description: 'Fixed volumes (Linux: / and /home).' },
      'volumes[].mount': { type: 'string', sensitive: 'path', description: 'Drive letter or mount point.' },
      'volumes[].system': { type: 'boolean', description: 'The volume the OS runs from.' },
      'volumes[].technology': {
        type: 'string',
        nullable: true,
        enum: ['bitlocker', 'filevault', 'luks'],
        description: 'The encryption in use or available.',
      },
      'volumes[].state': {
        type: 'string',
        enum: ['on', 'off', 'encrypting', 'decrypting', 'suspended', 'locked', 'unknown'],
        description: 'suspended: encrypted but the key is stored in the clear (e.g. during updates).',
      },
    },
  },
  collectors: { linux: collect, darwin: collect, win32: collect },
});
