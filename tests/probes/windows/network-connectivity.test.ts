/**
 * network.connectivity's Windows script run for real under pwsh (FullLanguage and
 * ConstrainedLanguage), the registry answered from a composed scenario (no public capture of these
 * values exists; the scenario says so), Triage's own network checks from the scenario's net answers.
 */
import { describe, expect, it } from 'vitest';
import { connectivityProbe, type ConnectivityData } from '../../../probes/network/connectivity';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const support = pwshSupport();

describe.skipIf(support.skip)(`network.connectivity on Windows under pwsh ${support.reason}`, () => {
  it.each(LANGUAGE_MODES)(
    '%s: a proxy for every protocol with a PAC file that does not answer (flags byte 7: proxy and PAC, no auto-detect)',
    async (mode) => {
      const envelope = await runOnStubs(connectivityProbe, 'win11-proxy-pac-down', mode);
      expect(envelope.status).toBe('ok');
      expect((envelope.data as ConnectivityData).proxy).toMatchObject({
        source: 'windows',
        server: 'proxy.contoso.com:8080',
        bypass: ['*.contoso.com', '<local>'],
        pacUrl: 'http://pac.contoso.com/proxy.pac',
        pacReachable: false,
        autoDetect: false,
      });
    },
    30_000,
  );
});
