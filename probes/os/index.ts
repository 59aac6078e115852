/** The os probes, listed explicitly (nothing is discovered by scanning folders). */
import type { Probe } from '../types';
import { eventsProbe, type EventsData } from './events';
import { osInfoProbe, type OsInfoData } from './info';
import { processesProbe, type ProcessesData } from './processes';
import { rebootPendingProbe, type RebootPendingData } from './reboot-pending';
import { timeProbe, type TimeData } from './time';
import { updatesProbe, type UpdatesData } from './updates';
import { uptimeProbe, type UptimeData } from './uptime';

export const osProbes: readonly Probe[] = [
  osInfoProbe,
  uptimeProbe,
  rebootPendingProbe,
  updatesProbe,
  processesProbe,
  eventsProbe,
  timeProbe,
];

/** Each os probe's data type, by id, for typed access in findings and tests. */
export interface OsData {
  'os.info': OsInfoData;
  'os.uptime': UptimeData;
  'os.reboot-pending': RebootPendingData;
  'os.updates': UpdatesData;
  'os.processes': ProcessesData;
  'os.events': EventsData;
  'os.time': TimeData;
}
