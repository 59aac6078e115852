/**
 * Which account Triage runs as on Windows, from its environment: SYSTEM as Intune and scheduled tasks
 * start it, a service account, or a person.
 */
import { describe, expect, it } from 'vitest';
import { windowsServiceAccount } from '../../../probes/system/account';

const envOf = (values: Record<string, string>) => (name: string) => values[name];

describe('windowsServiceAccount', () => {
  it('knows SYSTEM by its computer-account user name or its profile under system32\\config', () => {
    expect(windowsServiceAccount(envOf({ COMPUTERNAME: 'PC-01', USERNAME: 'PC-01$' }))).toBe('SYSTEM');
    expect(
      windowsServiceAccount(envOf({ USERPROFILE: 'C:\\Windows\\System32\\config\\systemprofile' })),
    ).toBe('SYSTEM');
  });
  it('knows the service accounts by their profiles', () => {
    expect(
      windowsServiceAccount(
        envOf({ USERNAME: 'LOCAL SERVICE', USERPROFILE: 'C:\\Windows\\ServiceProfiles\\LocalService' }),
      ),
    ).toBe('LOCAL SERVICE');
  });
  it('takes a person for a person, even one named like a computer', () => {
    expect(
      windowsServiceAccount(
        envOf({ COMPUTERNAME: 'PC-01', USERNAME: 'jsmith', USERPROFILE: 'C:\\Users\\jsmith' }),
      ),
    ).toBeNull();
    expect(windowsServiceAccount(envOf({ COMPUTERNAME: 'PC-01', USERNAME: 'PC-01' }))).toBeNull();
    expect(windowsServiceAccount(envOf({}))).toBeNull();
  });
});
