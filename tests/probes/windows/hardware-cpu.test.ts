/**
 * hardware.cpu on Windows: hardware-cpu.ps1 run for real under pwsh (FullLanguage and
 * ConstrainedLanguage) with Win32_Processor and Win32_ComputerSystem rebuilt from real captures.
 * HypervisorPresent is true on a physical PC with Hyper-V/VBS/WSL2: only the firmware's
 * Manufacturer/Model make a virtual machine. Every socket's model is named.
 */
import { describe, expect, it } from 'vitest';
import { cpuProbe, type CpuData } from '../../../probes/hardware/cpu';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();
const TIMEOUT = 30_000;

describe.skipIf(pwsh.skip)(`hardware.cpu on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: a Surface Book with HypervisorPresent=TRUE (VBS/Hyper-V on a laptop) is not a virtual machine',
    async (mode) => {
      const envelope = await runOnStubs(cpuProbe, 'surface-book-hypervisor-present', mode);
      expect(envelope.error).toBeNull();
      expect(envelope.status).toBe('ok');
      expect(envelope.gaps).toEqual([]);
      expect(envelope.data as CpuData).toEqual({
        model: 'Intel(R) Core(TM) i7-6600U CPU @ 2.60GHz',
        vendor: 'GenuineIntel',
        architecture: 'x64',
        physicalCores: 2,
        logicalCores: 4,
        baseSpeedMHz: 2808,
        loadPercent: 12,
        virtualMachine: false,
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s: a VMware Virtual Platform with an EPYC vCPU is a virtual machine',
    async (mode) => {
      const envelope = await runOnStubs(cpuProbe, 'vmware-vm-epyc', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data as CpuData).toEqual({
        model: 'AMD EPYC 7302 16-Core Processor',
        vendor: 'AuthenticAMD',
        architecture: 'x64',
        physicalCores: 2,
        logicalCores: 4,
        baseSpeedMHz: 2994,
        loadPercent: 45,
        virtualMachine: true,
      });
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    "%s: QEMU's BOCHS_/BXPC____ firmware is a virtual machine even without HypervisorPresent",
    async (mode) => {
      const envelope = await runOnStubs(cpuProbe, 'proxmox-qemu-vm', mode);
      expect(envelope.status).toBe('ok');
      expect((envelope.data as CpuData).virtualMachine).toBe(true);
    },
    TIMEOUT,
  );

  it.each(LANGUAGE_MODES)(
    '%s: two sockets with different Xeons: both models named, cores summed, no VM evidence either way',
    async (mode) => {
      const envelope = await runOnStubs(cpuProbe, 'server2008-two-different-cpus', mode);
      expect(envelope.status).toBe('ok');
      expect(envelope.data as CpuData).toEqual({
        model: 'Intel(R) Xeon(R) CPU E5506 @ 2.13GHz + Intel(R) Xeon(R) CPU E5504 @ 2.00GHz',
        vendor: 'GenuineIntel',
        architecture: 'x64',
        physicalCores: 8,
        logicalCores: 8,
        baseSpeedMHz: 2000,
        loadPercent: 2.5,
        virtualMachine: null,
      });
    },
    TIMEOUT,
  );
});
