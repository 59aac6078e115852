/**
 * The contact form starts with the user's name, never with a login name such as "root".
 * The passwd lines are Debian's own: root and daemon as base-passwd ships them (its /etc/passwd
 * master), and a desktop user as `adduser` writes them (full name, room, phones in GECOS).
 */
import { describe, expect, it } from 'vitest';
import { gecosName } from '../../../main/app/display-name';

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'anna:x:1000:1000:Anna Schmidt,,,:/home/anna:/bin/bash',
  'jo:x:1001:1001::/home/jo:/bin/bash',
  'bert:x:1002:1002:Bert Meier,Room 4.12,+49 30 1234,:/home/bert:/bin/zsh',
].join('\n');

describe("the user's display name", () => {
  it('is the full name from GECOS, without the room and phone fields', () => {
    expect(gecosName(PASSWD, 1000)).toBe('Anna Schmidt');
    expect(gecosName(PASSWD, 1002)).toBe('Bert Meier');
  });

  it('is empty for accounts whose GECOS is their login name or empty, and for unknown ids', () => {
    expect(gecosName(PASSWD, 0)).toBe('');
    expect(gecosName(PASSWD, 1)).toBe('');
    expect(gecosName(PASSWD, 1001)).toBe('');
    expect(gecosName(PASSWD, 4242)).toBe('');
    expect(gecosName('garbage\n::::\n', 0)).toBe('');
  });
});
