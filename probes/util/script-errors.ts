import { PROBE_ERROR_CODES, type ProbeErrorCode } from '../errors';
import type { Gap } from '../types';
import { asArray, asString, prop } from './parse';

/**
 * The `errors` array every Triage .ps1 prints (`@{ part; message; code? }`), as gaps: parts the
 * script could not read while the rest of its output is good.
 */
export function gapsFromScript(json: unknown): Gap[] {
  return asArray(prop(json, 'errors')).map((e) => {
    const code = asString(prop(e, 'code'));
    return {
      part: asString(prop(e, 'part')) ?? 'script',
      code:
        code !== null && (PROBE_ERROR_CODES as readonly string[]).includes(code)
          ? (code as ProbeErrorCode)
          : 'command-failed',
      message: asString(prop(e, 'message')) ?? 'The script reported an error without a message.',
    };
  });
}
