/** Every finding rule, listed explicitly, area by area. */
import type { FindingRule } from '../types';
import { generalRules } from './general';
import { hardwareRules } from './hardware';
import { networkLinkRules } from './network-link';
import { networkServicesRules } from './network-services';
import { osRules } from './os';
import { securityRules } from './security';

export const ALL_RULES: readonly FindingRule[] = [
  ...hardwareRules,
  ...osRules,
  ...networkLinkRules,
  ...networkServicesRules,
  ...securityRules,
  ...generalRules,
];
