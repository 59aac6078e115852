/** Finding rules over the os probes. Thresholds are named constants with the reason for their value. */
import type { FindingRule } from '../types';

export const osRules: readonly FindingRule[] = [];
