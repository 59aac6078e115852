/**
 * Pure parsers for os.processes: the busiest processes by CPU and by memory. Names only: command
 * lines are never read (they can hold passwords and tokens).
 */
import { asArray, asInteger, asNumber, asString, prop } from '../../util/parse';

export interface ProcessSample {
  name: string;
  pid: number;
  /** Share of the whole machine's CPU (all cores = 100 %). */
  cpuPercent: number;
  memoryBytes: number;
}

export interface ProcessesData {
  count: number;
  topCpu: ProcessSample[];
  topMemory: ProcessSample[];
}

export const TOP = 5;

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function summarise(samples: ProcessSample[]): ProcessesData {
  return {
    count: samples.length,
    topCpu: [...samples].sort((a, b) => b.cpuPercent - a.cpuPercent).slice(0, TOP),
    topMemory: [...samples].sort((a, b) => b.memoryBytes - a.memoryBytes).slice(0, TOP),
  };
}

/**
 * `top -b -n 2 -d 0.5 -e k` (Linux procps-ng): the SECOND iteration, whose %CPU is measured over the
 * half second between the two (the first is an average since each process started). top's %CPU is
 * per core (100 = one core), so it is divided by the number of cores.
 */
export function parseLinuxTop(text: string, cores: number): ProcessSample[] {
  const iterations = text.split(/^top - /m);
  const last = iterations[iterations.length - 1] ?? '';
  const lines = last.split('\n');
  const header = lines.findIndex((l) => /^\s*PID\s+USER/.test(l));
  if (header < 0) return [];
  const columns = (lines[header] ?? '').trim().split(/\s+/);
  const at = (name: string): number => columns.indexOf(name);
  return lines.slice(header + 1).flatMap((line): ProcessSample[] => {
    const fields = line.trim().split(/\s+/);
    if (fields.length < columns.length) return [];
    const pid = asInteger(fields[at('PID')]);
    const cpu = asNumber(fields[at('%CPU')]);
    const res = asNumber(fields[at('RES')]);
    // COMMAND is the last column and may contain spaces (kernel threads' names do not, apps' may).
    const name = fields.slice(at('COMMAND')).join(' ');
    return pid === null || cpu === null || res === null || !name
      ? []
      : [{ name, pid, cpuPercent: round1(cpu / Math.max(1, cores)), memoryBytes: res * 1024 }];
  });
}

/** macOS `top -l 2 -s 1 -stats pid,cpu,mem,command`: the second sample; MEM like "123M", "1.2G", "512K". */
export function parseDarwinTop(text: string, cores: number): ProcessSample[] {
  const samples = text.split(/^Processes: /m);
  const last = samples[samples.length - 1] ?? '';
  const lines = last.split('\n');
  const header = lines.findIndex((l) => /^\s*PID\s+%CPU\s+MEM\s+COMMAND/.test(l));
  if (header < 0) return [];
  const unit: Readonly<Record<string, number>> = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
  return lines.slice(header + 1).flatMap((line): ProcessSample[] => {
    const match = /^\s*(\d+)\s+([\d.]+)\s+([\d.]+)([BKMG])[+-]?\s+(.+?)\s*$/.exec(line);
    if (!match) return [];
    const [, pid, cpu, mem, u, name] = match;
    return [
      {
        name: name ?? '?',
        pid: Number(pid),
        cpuPercent: round1(Number(cpu) / Math.max(1, cores)),
        memoryBytes: Math.round(Number(mem) * (unit[u ?? 'B'] ?? 1)),
      },
    ];
  });
}

/**
 * os-processes.ps1: Win32_PerfFormattedData_PerfProc_Process, whose PercentProcessorTime is already
 * measured by the performance counters (per core: divided by the number of logical processors).
 */
export function parseWindowsProcesses(json: unknown): ProcessSample[] {
  const cores = Math.max(1, asInteger(prop(json, 'logicalProcessors')) ?? 1);
  return asArray(prop(json, 'processes') as unknown[]).flatMap((p): ProcessSample[] => {
    const name = asString(prop(p, 'name'));
    const pid = asInteger(prop(p, 'pid'));
    // _Total and Idle are counters, not processes.
    if (!name || pid === null || name === '_Total' || name === 'Idle') return [];
    return [
      {
        name,
        pid,
        cpuPercent: round1((asNumber(prop(p, 'cpu')) ?? 0) / cores),
        memoryBytes: asNumber(prop(p, 'workingSetPrivate')) ?? 0,
      },
    ];
  });
}
