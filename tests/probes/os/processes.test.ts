/**
 * os.processes: the busiest processes, with CPU measured over an interval, per OS.
 */
import { describe, expect, it } from 'vitest';
import { processesProbe } from '../../../probes/os/processes';
import { parseDarwinTop, parseLinuxTop, parseWindowsProcesses } from '../../../probes/os/processes/parse';
import { fixtureData } from '../../support/fixtures';

describe('os.processes on fixtures', () => {
  it('linux: the second top iteration, five of each', async () => {
    const data = await fixtureData(processesProbe, 'linux', 'debian12-kvm');
    expect(data.count).toBeGreaterThan(10);
    expect(data.topCpu).toHaveLength(5);
    expect(data.topMemory[0]?.memoryBytes).toBeGreaterThan(data.topMemory[4]?.memoryBytes ?? Infinity);
    expect(data.topCpu.every((p) => p.cpuPercent >= 0 && p.cpuPercent <= 100 && p.name !== '')).toBe(true);
  });
  it('macOS: the browser helper at 98.7 % of one core is 12.3 % of an 8-core machine', async () => {
    const data = await fixtureData(processesProbe, 'darwin', 'sonoma-busy');
    expect(data.topCpu[0]).toEqual({
      name: 'Google Chrome Helper (Renderer)',
      pid: 812,
      cpuPercent: 12.3,
      memoryBytes: 1211 * 1024 ** 2,
    });
    expect(data.topMemory[0]?.name).toBe('WindowServer');
  });
  it('windows: counters per core divided by 8, without the _Total and Idle rows', async () => {
    const data = await fixtureData(processesProbe, 'win32', 'win11-teams-memory');
    expect(data.count).toBe(6);
    expect(data.topCpu[0]).toMatchObject({ name: 'ms-teams', cpuPercent: 12 });
    expect(data.topMemory[0]).toMatchObject({ name: 'ms-teams', memoryBytes: 2684354560 });
  });
  it('never throw on odd input', () => {
    expect(parseLinuxTop('garbage', 2)).toEqual([]);
    expect(parseDarwinTop('', 8)).toEqual([]);
    expect(parseWindowsProcesses({ processes: [{ name: 'x' }] })).toEqual([]);
  });
});
