/** Finding rules over the hardware probes. Thresholds are named constants with the reason for their value. */
import type { FindingRule } from '../types';

export const hardwareRules: readonly FindingRule[] = [];
