/**
 * hardware.disks on Windows: hardware-disks.ps1 run for real under pwsh (FullLanguage and
 * ConstrainedLanguage) with the storage classes rebuilt from real captures. SMART predictions are
 * matched to disks through Win32_DiskDrive's PNP device id: InstanceName's "_0" is the same on every disk.
 */
import { describe, expect, it } from 'vitest';
import { disksProbe, type DisksData } from '../../../probes/hardware/disks';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();
const TIMEOUT = 30_000;

describe.skipIf(pwsh.skip)(`hardware.disks on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: four disks whose SMART instances all end in _0: only the ST3500418AS (disk 2) predicts a failure',
    async (mode) => {
      const envelope = await runOnStubs(disksProbe, 'pc-daniel-four-disks-one-failing', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      const data = envelope.data as DisksData;
      expect(data.physicalDisks.map((d) => [d.name, d.mediaType, d.health, d.predictedFailure])).toEqual([
        ['Samsung SSD', 'ssd', 'healthy', false],
        ['ST3160318AS', 'hdd', 'healthy', false],
        ['ST3500418AS', 'hdd', 'failing', true],
        ['ST12000DM0007-2GR116', 'hdd', 'healthy', false],
      ]);
      expect(data.volumes).toEqual([
        expect.objectContaining({ mount: 'C:', fileSystem: 'NTFS', totalBytes: 510462619648, system: true }),
      ]);
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s: a standard user on a Latitude 7480: the NVMe SSD is healthy, SMART is a permission gap',
    async (mode) => {
      const envelope = await runOnStubs(disksProbe, 'latitude7480-standard-user', mode);
      expect(envelope.status).toBe('partial');
      expect(envelope.gaps).toEqual([
        {
          part: 'smart',
          code: 'permission-denied',
          message: 'Reading SMART failure predictions needs administrator rights.',
        },
      ]);
      expect((envelope.data as DisksData).physicalDisks).toEqual([
        {
          name: 'PC300 NVMe SK hynix 512GB',
          model: 'PC300 NVMe SK hynix 512GB',
          mediaType: 'ssd',
          bus: 'NVMe',
          sizeBytes: 512110190592,
          health: 'healthy',
          predictedFailure: null,
        },
      ]);
    },
    TIMEOUT,
  );
});
