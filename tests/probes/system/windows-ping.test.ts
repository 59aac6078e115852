/**
 * Windows ping's real output (each fixture names where it was published): echo replies are counted
 * from the lines themselves, because Windows counts "Destination host unreachable" as received.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowsEchoReplies } from '../../../probes/system/network';
import { FIXTURES_ROOT, parseFixtureFile } from '../../support/fixtures';

const DIR = join(FIXTURES_ROOT, 'windows', 'ping');
const output = (name: string): string => parseFixtureFile(join(DIR, name)).body;

describe('echo replies in Windows ping output', () => {
  it.each([
    // Windows itself says Received = 4, Lost = 0 (0% loss) for these: the gateway did not answer.
    ['en-xp-gateway-unreachable.txt', 0],
    ['fr-win7-unreachable-with-statistics.txt', 0],
    // Two timeouts and two "unreachable": Windows says reçus = 2 (50 %); no echo came back.
    ['fr-win7-timeout-and-unreachable.txt', 0],
    ['fr-win7-general-failure.txt', 0],
    ['fr-win7-success.txt', 4],
    ['ja-success.txt', 4],
    ['ru-success.txt', 4],
  ])('%s: %i replies', (name, replies) => {
    expect(windowsEchoReplies(output(name))).toBe(replies);
  });

  it('every fixture names its source', () => {
    for (const name of readdirSync(DIR))
      expect(parseFixtureFile(join(DIR, name)).headers.get('source')).toBeTruthy();
  });

  // Composed (no real IPv6 capture in the fixtures): an IPv6 reply line has a time but no TTL.
  it('leaves IPv6 replies, which carry no TTL, to the ping package', () => {
    expect(
      windowsEchoReplies(
        'Pinging ::1 with 32 bytes of data:\r\nReply from ::1: time<1ms\r\nReply from ::1: time<1ms\r\n',
      ),
    ).toBeNull();
  });
});
