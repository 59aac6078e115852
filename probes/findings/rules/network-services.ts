/** Finding rules over the network services probes. Thresholds are named constants with the reason for their value. */
import type { FindingRule } from '../types';

export const networkServicesRules: readonly FindingRule[] = [];
