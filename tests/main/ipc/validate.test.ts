/**
 * Every IPC call is checked before a handler runs: sender, channel, arguments.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, channels } from '../../../main/ipc/contract';
import { validateInvocation } from '../../../main/ipc/validate';

const APP = 'app://triage/index.html';

describe('IPC validation', () => {
  it.each([
    [null],
    [undefined],
    ['file:///C:/Users/x/evil.html'],
    ['https://evil.example/'],
    ['app://other/index.html'],
    ['app://triage.evil/index.html'],
    ['devtools://devtools/'],
  ])('refuses calls from %s', (sender) => {
    expect(validateInvocation('app:context', sender, [])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('untrusted'),
    });
  });

  it('refuses channels that are not in the contract, including prototype names', () => {
    for (const channel of ['shell:exec', '__proto__', 'constructor', 'toString']) {
      expect(validateInvocation(channel, APP, [])).toMatchObject({
        ok: false,
        reason: expect.stringContaining('not an IPC channel'),
      });
    }
  });

  it.each([
    ['settings:open', ['javascript:alert(1)']],
    ['settings:open', []],
    ['app:set-locale', ['xx']],
    [
      'check:start',
      [{ category: 'cant-connect', description: '', contact: { name: '', email: '', phone: '' } }],
    ],
    [
      'check:start',
      [
        {
          category: 'cant-connect',
          description: 'x'.repeat(20_001),
          contact: { name: '', email: '', phone: '' },
        },
      ],
    ],
    ['consent:preview', [{ exclude: ['../../etc/passwd'] }]],
    ['bundle:open', [42]],
    ['app:context', ['extra']],
    ['draft:save', [{ category: 'nonsense', description: '', contact: { name: '', email: '', phone: '' } }]],
  ])('refuses %s with bad arguments %j', (channel, args) => {
    expect(validateInvocation(channel, APP, args)).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`Invalid arguments for ${channel}`),
    });
  });

  it('passes good calls through with their parsed arguments', () => {
    const result = validateInvocation('consent:preview', APP, [{ exclude: ['log', 'probe:os.processes'] }]);
    expect(result).toEqual({
      ok: true,
      channel: 'consent:preview',
      args: [{ exclude: ['log', 'probe:os.processes'] }],
    });
  });

  it('has a schema for every channel it lists', () => {
    expect(CHANNELS.sort()).toEqual(Object.keys(channels).sort());
  });
});
