/**
 * security.mdm on Windows: `dsregcmd /status` (started by absolute path; real output from public
 * pastes) for the join, and security-mdm.ps1 — run for real under pwsh in both language modes, on
 * stubs scenarios — for the MDM enrolments and management agents, which dsregcmd does not show.
 */
import { describe, expect, it } from 'vitest';
import { mdmProbe, type MdmData } from '../../../probes/security/mdm';
import { withWindowsManagement, parseDsregcmd } from '../../../probes/security/mdm/parse';
import { LANGUAGE_MODES, pwshSupport, runOnStubs } from '../../support/pwsh';

const pwsh = pwshSupport();

describe.skipIf(pwsh.skip)(`security.mdm on Windows under pwsh ${pwsh.reason}`, () => {
  it.each(LANGUAGE_MODES)('%s: an Entra-joined PC enrolled in Intune is managed by Intune', async (mode) => {
    const envelope = await runOnStubs(mdmProbe, 'win11-entra-intune-lab', mode);
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toMatchObject({
      managed: true,
      join: 'entra',
      mdm: 'Microsoft Intune',
      managedBy: ['Microsoft Intune', 'Intune Management Extension'],
      tenantName: 'Phoney',
      primaryRefreshToken: true,
    });
  });

  // Microsoft: dsregcmd shows MdmUrl when the tenant has automatic enrolment set up, managed or not.
  it.each(LANGUAGE_MODES)('%s: MdmUrl without an enrolment is not managed', async (mode) => {
    const envelope = await runOnStubs(mdmProbe, 'entra-mdmurl-not-enrolled', mode);
    expect(envelope.data).toMatchObject({ managed: false, join: 'entra', mdm: null, managedBy: [] });
  });

  it.each(LANGUAGE_MODES)(
    '%s: a hybrid-joined PC with no MDM is managed by Group Policy, not "not managed"',
    async (mode) => {
      const envelope = await runOnStubs(mdmProbe, 'win11-hybrid-corppc01-no-mdm', mode);
      expect(envelope.data).toMatchObject({
        managed: true,
        join: 'hybrid',
        mdm: null,
        managedBy: ['Active Directory (Group Policy)'],
      });
    },
  );

  it.each(LANGUAGE_MODES)('%s: Configuration Manager is named when its client runs; no PRT', async (mode) => {
    const envelope = await runOnStubs(mdmProbe, 'win11-hybrid-no-prt', mode);
    expect((envelope.data as MdmData).managedBy).toEqual([
      'Configuration Manager',
      'Active Directory (Group Policy)',
    ]);
    expect(envelope.data).toMatchObject({
      managed: true,
      mdm: null,
      tenantName: 'Contoso',
      primaryRefreshToken: false,
    });
  });

  it.each(LANGUAGE_MODES)('%s: a workgroup laptop: not joined, not enrolled', async (mode) => {
    const envelope = await runOnStubs(mdmProbe, 'windows-not-joined-lenovo', mode);
    expect(envelope.error).toBeNull();
    expect(envelope.status).toBe('ok');
    expect(envelope.data).toEqual({
      managed: false,
      join: 'none',
      mdm: null,
      managedBy: [],
      tenantName: null,
      deviceId: null,
      primaryRefreshToken: false,
      agents: [],
    });
  });
});

describe('security.mdm on Windows, the parts', () => {
  it('an enrolment is a ProviderID with a UPN and a discovery URL, whatever its undocumented state', () => {
    const join = parseDsregcmd('AzureAdJoined : YES\nDomainJoined : NO\n');
    const url = 'https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc';
    expect(
      withWindowsManagement(join, {
        enrollments: [
          // Working Intune enrolments show state 3 on Windows 11 25H2 (Fleet's notes).
          { providerId: 'MS DM Server', enrollmentState: 3, hasUpn: true, discoveryUrl: url },
          {
            providerId: 'AirWatchMDM',
            enrollmentState: 1,
            hasUpn: true,
            discoveryUrl: 'https://ds.awmdm.com/x',
          },
          // Windows' own local MDM, and a key faked to make Windows feel managed: not enrolments.
          { providerId: 'Local_Management', enrollmentState: 1, hasUpn: false, discoveryUrl: null },
          { providerId: 'MS DM Server', enrollmentState: 1, hasUpn: false, discoveryUrl: null },
        ],
        agents: [],
      }),
    ).toMatchObject({ managed: true, mdm: 'Microsoft Intune, Workspace ONE' });
  });
  it('says "unknown", not "not managed", when the script could not run', () => {
    const join = parseDsregcmd(
      'AzureAdJoined : YES\nDomainJoined : NO\nMdmUrl : https://enrollment.manage.microsoft.com/x\n',
    );
    expect(withWindowsManagement(join, null)).toMatchObject({ managed: null, mdm: null });
  });
});
