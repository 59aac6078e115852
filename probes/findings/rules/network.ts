/** Finding rules over the network probes. Thresholds are named constants with the reason for their value. */
import type { FindingRule } from '../types';

export const networkRules: readonly FindingRule[] = [];
