/**
 * security.boot — firmware type, Secure Boot, and whether a TPM is present and working: the basis of
 * BitLocker, Windows Hello and device health attestation.
 */
import { join } from 'node:path';
import { defineProbe, type ProbeContext } from '../../types';
import { ifPresent } from '../../util/gaps';
import { parseWindowsBoot, secureBootFromEfivar, type BootData } from './parse';

export type { BootData } from './parse';

const EFI = '/sys/firmware/efi';
const SECURE_BOOT_VAR = '/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c';

async function collectLinux(ctx: ProbeContext) {
  const [efi, secureVar, tpms] = await Promise.all([
    ifPresent(ctx, () => ctx.readDir(EFI)),
    ifPresent(ctx, () => ctx.readFile(SECURE_BOOT_VAR)),
    ifPresent(ctx, () => ctx.readDir('/sys/class/tpm')),
  ]);
  const tpm = tpms?.find((name) => /^tpm\d+$/.test(name)) ?? null;
  const major = tpm
    ? await ifPresent(ctx, () => ctx.readFile(`/sys/class/tpm/${tpm}/tpm_version_major`))
    : null;
  const data: BootData = {
    firmware: efi ? 'uefi' : 'bios',
    secureBoot: efi ? (secureVar === null ? false : secureBootFromEfivar(secureVar)) : false,
    tpm: {
      present: tpm !== null,
      version: major ? (major.trim() === '2' ? '2.0' : '1.2') : null,
      ready: tpm !== null ? true : null,
    },
  };
  return { data };
}

async function collectDarwin(ctx: ProbeContext) {
  // Apple silicon and T2 Macs boot only Apple-signed systems by default ("Full Security"); the level
  // set in Startup Security Utility cannot be read without admin rights, so it stays unknown.
  const arch = (await ctx.exec('uname', ['-m'])).stdout.trim();
  const data: BootData = {
    firmware: 'apple',
    secureBoot: arch === 'arm64' ? true : null,
    tpm: {
      present: arch === 'arm64' ? true : null,
      version: arch === 'arm64' ? 'Secure Enclave' : null,
      ready: null,
    },
  };
  return { data };
}

async function collectWindows(ctx: ProbeContext) {
  return { data: parseWindowsBoot(await ctx.powershell(join(__dirname, 'security-boot.ps1'))) };
}

export const bootProbe = defineProbe<BootData>({
  descriptor: {
    id: 'security.boot',
    title: 'Secure Boot and TPM',
    description:
      'Firmware type, whether Secure Boot is on, and whether a TPM security chip is present and working.',
    platforms: ['win32', 'darwin', 'linux'],
    timeoutMs: 5_000,
    fields: {
      firmware: {
        type: 'string',
        nullable: true,
        enum: ['uefi', 'bios', 'apple'],
        description: "UEFI, legacy BIOS, or Apple's boot chain.",
      },
      secureBoot: {
        type: 'boolean',
        nullable: true,
        description: 'Only signed boot loaders start (null: cannot be read without admin rights).',
      },
      tpm: { type: 'object', description: 'The TPM security chip (Secure Enclave on Apple silicon).' },
      'tpm.present': { type: 'boolean', nullable: true, description: 'A TPM is present.' },
      'tpm.version': { type: 'string', nullable: true, description: '2.0 or 1.2 (Windows 11 needs 2.0).' },
      'tpm.ready': { type: 'boolean', nullable: true, description: 'The device reports it working.' },
    },
  },
  collectors: { linux: collectLinux, darwin: collectDarwin, win32: collectWindows },
});
