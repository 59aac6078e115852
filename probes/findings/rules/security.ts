/** Finding rules over the security probes. Thresholds are named constants with the reason for their value. */
import type { FindingRule } from '../types';

export const securityRules: readonly FindingRule[] = [];
