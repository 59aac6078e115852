// A tiny DNS responder for the lab, for what dnsmasq cannot do: answering after a delay.
//   node dns.mjs <listen-address> <delay-ms> <name=address>...
// Answers A queries for the listed names (NXDOMAIN otherwise), each after <delay-ms>. Prints "ready".
import { createSocket } from 'node:dgram';

const [address, delayText, ...records] = process.argv.slice(2);
const delay = Number(delayText);
const table = new Map(records.map((r) => r.split('=')).map(([n, a]) => [n.toLowerCase(), a]));

function questionName(packet) {
  const labels = [];
  let offset = 12;
  while (offset < packet.length && packet[offset] !== 0) {
    const length = packet[offset];
    labels.push(packet.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += length + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: offset + 5 };
}

const socket = createSocket('udp4');
socket.on('message', (query, peer) => {
  if (query.length < 17) return;
  const { name, end } = questionName(query);
  const target = table.get(name);
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(target ? 0x8180 : 0x8183, 2); // response, recursion available; rcode 3 = NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(target ? 1 : 0, 6);
  const question = query.subarray(12, end);
  const answer = target
    ? Buffer.concat([
        Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]),
        Buffer.from(target.split('.').map(Number)),
      ])
    : Buffer.alloc(0);
  setTimeout(() => socket.send(Buffer.concat([header, question, answer]), peer.port, peer.address), delay);
});
socket.bind(53, address, () => console.log('ready'));
