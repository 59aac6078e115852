/**
 * Pure parsers for security.boot: firmware type, Secure Boot and the TPM.
 */
import { asInteger, asString, prop } from '../../util/parse';

export interface BootData {
  firmware: 'uefi' | 'bios' | 'apple' | null;
  secureBoot: boolean | null;
  tpm: { present: boolean | null; version: string | null; ready: boolean | null };
}

/**
 * security-boot.ps1: UEFISecureBootEnabled (registry, readable without admin), $env:firmware_type
 * ("UEFI" or "Legacy"), and the TPM's Plug and Play device (ACPI\MSFT0101 = TPM 2.0, ACPI\PNP0C31 =
 * TPM 1.2) with its ConfigManagerErrorCode (0 = working). Win32_Tpm needs admin rights.
 */
export function parseWindowsBoot(json: unknown): BootData {
  const firmware = asString(prop(json, 'firmwareType'));
  const secure = asInteger(prop(json, 'secureBootEnabled'));
  const tpmId = asString(prop(json, 'tpmDeviceId')) ?? '';
  const tpmError = asInteger(prop(json, 'tpmErrorCode'));
  const version = /MSFT0101/i.test(tpmId) ? '2.0' : /PNP0C31/i.test(tpmId) ? '1.2' : null;
  return {
    firmware: firmware === 'UEFI' ? 'uefi' : firmware === 'Legacy' ? 'bios' : null,
    // Legacy BIOS cannot do Secure Boot; the registry value is absent there.
    secureBoot: secure === null ? (firmware === 'Legacy' ? false : null) : secure === 1,
    tpm: { present: tpmId !== '', version, ready: tpmId === '' ? null : tpmError === 0 },
  };
}

/** The SecureBoot EFI variable: four attribute bytes, then one byte, 1 = on. */
export function secureBootFromEfivar(content: string): boolean | null {
  if (content.length < 5) return null;
  return content.charCodeAt(4) === 1;
}
