/** Finding rules over the network link probes. Thresholds are named constants with the reason for their value. */
import type { FindingRule } from '../types';

export const networkLinkRules: readonly FindingRule[] = [];
