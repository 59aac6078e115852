/**
 * hardware.memory on Windows: hardware-memory.ps1 run for real under pwsh (FullLanguage and
 * ConstrainedLanguage) with Win32_OperatingSystem from a real capture and the memory counters missing.
 */
import { describe, expect, it } from 'vitest';
import { memoryProbe, type MemoryData } from '../../../probes/hardware/memory';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();
const TIMEOUT = 30_000;

describe.skipIf(pwsh.skip)(`hardware.memory on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: 2 GB Windows 7 without readable counters: total and free from Win32_OperatingSystem, the counters a gap',
    async (mode) => {
      const envelope = await runOnStubs(memoryProbe, 'win7-lubianka-2gb', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('partial');
      expect(envelope.gaps).toEqual([expect.objectContaining({ part: 'counters', code: 'command-failed' })]);
      expect(envelope.data as MemoryData).toMatchObject({
        totalBytes: 2096696 * 1024,
        availableBytes: 1663820 * 1024,
        usedPercent: 20.6,
        commitBytes: null,
        commitLimitBytes: null,
        swapTotalBytes: null,
      });
    },
    TIMEOUT,
  );
});
