// An SNTP server for the lab whose clock can be off by a chosen amount (chrony cannot serve a wrong
// time without changing the machine's clock, which is not namespaced).
//   node sntp.mjs <listen-address> <offset-ms>
import { createSocket } from 'node:dgram';

const [address, offsetText] = process.argv.slice(2);
const offset = Number(offsetText);
const NTP_EPOCH = 2_208_988_800; // seconds from 1900 to 1970

function write(buffer, at, ms) {
  const seconds = Math.floor(ms / 1000) + NTP_EPOCH;
  buffer.writeUInt32BE(seconds >>> 0, at);
  buffer.writeUInt32BE(Math.floor(((ms % 1000) / 1000) * 2 ** 32) >>> 0, at + 4);
}

const socket = createSocket('udp4');
socket.on('message', (request, peer) => {
  if (request.length < 48) return;
  const received = Date.now() + offset;
  const reply = Buffer.alloc(48);
  reply[0] = (0 << 6) | (4 << 3) | 4; // no leap warning, version 4, mode 4 (server)
  reply[1] = 2; // stratum
  reply[2] = request[2];
  reply[3] = 0xec;
  reply.write('LAB\0', 12, 'ascii');
  write(reply, 16, received);
  request.copy(reply, 24, 40, 48); // originate = the client's transmit time
  write(reply, 32, received);
  write(reply, 40, Date.now() + offset);
  socket.send(reply, peer.port, peer.address);
});
socket.bind(123, address, () => console.log('ready'));
