/**
 * Pure parsers for hardware.cpu: text and JSON in, CpuData (or parts of it) out.
 */
import { asArray, asBoolean, asInteger, asNumber, asString, prop, round } from '../../util/parse';

export interface CpuData {
  model: string;
  vendor: string | null;
  architecture: string;
  physicalCores: number | null;
  logicalCores: number;
  baseSpeedMHz: number | null;
  loadPercent: number | null;
  virtualMachine: boolean | null;
}

/** Names architectures the same way on every OS. */
export function normalizeArchitecture(raw: string): string {
  const a = raw.trim().toLowerCase();
  if (a === 'x86_64' || a === 'amd64' || a === 'x64') return 'x64';
  if (a === 'aarch64' || a === 'arm64') return 'arm64';
  if (/^i[3-6]86$/.test(a) || a === 'x86') return 'x86';
  if (a.startsWith('armv7') || a === 'arm') return 'arm';
  return a || 'unknown';
}

/** Linux /proc/cpuinfo: one block per logical CPU. */
export function parseProcCpuinfo(
  text: string,
): Pick<CpuData, 'model' | 'vendor' | 'physicalCores' | 'logicalCores' | 'baseSpeedMHz' | 'virtualMachine'> {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const index = line.indexOf(':');
        if (index > 0) fields.set(line.slice(0, index).trim(), line.slice(index + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.has('processor'));
  const first = blocks[0] ?? new Map<string, string>();
  // x86 says "model name"; ARM kernels say "Model" or "Hardware" (or nothing useful at all).
  const model = first.get('model name') ?? first.get('Model') ?? first.get('Hardware') ?? 'Unknown processor';
  const cores = new Set<string>();
  for (const block of blocks) {
    const physical = block.get('physical id');
    const core = block.get('core id');
    if (physical !== undefined && core !== undefined) cores.add(`${physical}:${core}`);
  }
  const flags = first.get('flags') ?? first.get('Features');
  return {
    model,
    vendor: first.get('vendor_id') ?? null,
    logicalCores: Math.max(blocks.length, 1),
    physicalCores: cores.size > 0 ? cores.size : null,
    // "cpu MHz" is the current clock of core 0, the closest /proc/cpuinfo has to a base speed.
    baseSpeedMHz:
      asNumber(first.get('cpu MHz')) !== null ? Math.round(asNumber(first.get('cpu MHz')) ?? 0) : null,
    virtualMachine: flags === undefined ? null : flags.split(/\s+/).includes('hypervisor'),
  };
}

export interface CpuTimes {
  busy: number;
  total: number;
}

/** The aggregate `cpu` line of Linux /proc/stat. */
export function parseProcStatCpu(text: string): CpuTimes | null {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  if (values.length < 4 || values.some((v) => !Number.isFinite(v))) return null;
  // user nice system idle iowait irq softirq steal (guest time is already inside user/nice).
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values;
  const idleAll = idle + iowait;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idleAll };
}

/** CPU use between two samples, in percent. */
export function loadBetween(before: CpuTimes, after: CpuTimes): number | null {
  const total = after.total - before.total;
  if (total <= 0) return null;
  return round(((after.busy - before.busy) / total) * 100);
}

/** macOS: the `sysctl -n` values we ask for, in order, one per line. */
export function parseDarwinSysctl(
  text: string,
): Pick<CpuData, 'model' | 'physicalCores' | 'logicalCores' | 'baseSpeedMHz' | 'virtualMachine'> {
  const [brand = '', physical = '', logical = '', vmm = ''] = text.split('\n').map((l) => l.trim());
  return {
    model: brand || 'Unknown processor',
    physicalCores: asInteger(physical),
    logicalCores: asInteger(logical) ?? 1,
    // hw.cpufrequency does not exist on Apple silicon, so the base speed stays unknown there.
    baseSpeedMHz: null,
    virtualMachine: vmm === '' ? null : vmm === '1',
  };
}

/** macOS `sysctl -n hw.cpufrequency` (Hz, Intel Macs only). */
export function parseHz(text: string): number | null {
  const hz = asNumber(text);
  return hz === null || hz <= 0 ? null : Math.round(hz / 1_000_000);
}

/** macOS `ps -A -o %cpu=`: per-process CPU shares summed, divided by the number of logical CPUs. */
export function parsePsCpuShares(text: string, logicalCores: number): number | null {
  const shares = text
    .split('\n')
    .map((l) => asNumber(l))
    .filter((n): n is number => n !== null);
  if (shares.length === 0) return null;
  const sum = shares.reduce((a, b) => a + b, 0);
  return Math.min(100, round(sum / Math.max(1, logicalCores)));
}

/** Win32_Processor.Architecture codes (documented by Microsoft; not localised). */
const WINDOWS_ARCHITECTURES: Readonly<Record<number, string>> = { 0: 'x86', 5: 'arm', 9: 'x64', 12: 'arm64' };

/**
 * Firmware Manufacturer/Model strings that only hypervisors report (Win32_ComputerSystem): Hyper-V and
 * Azure ("Virtual Machine"), VMware, VirtualBox, QEMU/KVM (and Proxmox's BOCHS_/BXPC____), Xen, Parallels,
 * and the clouds that name themselves. Matched as words so "Surface Book" or "VMware-free" models do not.
 */
const VM_MODEL =
  /\bvirtual machine\b|\bvmware\b|virtualbox|\bqemu\b|\bkvm\b|\bbochs|\bbxpc|\bxen\b|hvm domu|parallels|amazon ec2|google compute engine|openstack/i;

/**
 * Whether Windows runs in a virtual machine. HypervisorPresent alone is not evidence: it is also true
 * on a physical PC with Hyper-V, virtualization-based security (Core isolation) or WSL2, where Windows
 * itself runs on the hypervisor. So a VM needs a hypervisor's Manufacturer/Model; a known other model
 * with a hypervisor is a physical host; no model and a hypervisor stays unknown.
 */
export function windowsVirtualMachine(
  hypervisorPresent: boolean | null,
  manufacturer: string | null,
  model: string | null,
): boolean | null {
  const identity = [manufacturer, model].filter((s): s is string => !!s && s.trim() !== '').join(' ');
  if (VM_MODEL.test(identity)) return true;
  if (hypervisorPresent === false) return false;
  if (identity === '' || /to be filled by o\.?e\.?m|system product name/i.test(identity)) return null;
  return hypervisorPresent === null ? null : false;
}

/**
 * JSON printed by hardware-cpu.ps1: one entry per socket. Cores are summed over the sockets; the model
 * names every distinct model (a server can hold two different ones), each once.
 */
export function parseWindowsCpu(json: unknown): CpuData {
  const processors = asArray(prop(json, 'processors'));
  const first = processors[0];
  const sum = (key: string): number | null => {
    const values = processors.map((p) => asInteger(prop(p, key)));
    const known = values.filter((v) => v !== null);
    return known.length === values.length && known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
  };
  const loads = processors
    .map((p) => asNumber(prop(p, 'loadPercent')))
    .filter((n): n is number => n !== null);
  const models = [
    ...new Set(processors.map((p) => asString(prop(p, 'name'))?.trim()).filter((n): n is string => !!n)),
  ];
  const archCode = asInteger(prop(first, 'architecture'));
  return {
    model: models.length > 0 ? models.join(' + ') : 'Unknown processor',
    vendor: asString(prop(first, 'manufacturer')),
    architecture: archCode === null ? 'unknown' : (WINDOWS_ARCHITECTURES[archCode] ?? `code ${archCode}`),
    physicalCores: sum('cores'),
    logicalCores: sum('logicalProcessors') ?? 1,
    baseSpeedMHz: asInteger(prop(first, 'maxClockMHz')),
    loadPercent: loads.length > 0 ? round(loads.reduce((a, b) => a + b, 0) / loads.length) : null,
    virtualMachine: windowsVirtualMachine(
      asBoolean(prop(json, 'hypervisorPresent')),
      asString(prop(json, 'manufacturer')),
      asString(prop(json, 'model')),
    ),
  };
}
