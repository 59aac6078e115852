// The baseline for scripts/bench.mjs: a plain parallel call of the systeminformation functions that
// gather roughly what Triage's probes gather (none that send network traffic). Prints one JSON line.
'use strict';
const si = require('systeminformation');
const FUNCTIONS = [
  'cpu',
  'currentLoad',
  'mem',
  'fsSize',
  'diskLayout',
  'blockDevices',
  'battery',
  'graphics',
  'osInfo',
  'time',
  'processes',
  'networkInterfaces',
  'networkGatewayDefault',
  'wifiConnections',
  'users',
  'uuid',
];
async function main() {
  const started = process.hrtime.bigint();
  const timings = {};
  await Promise.all(
    FUNCTIONS.map(async (name) => {
      const t = process.hrtime.bigint();
      try {
        await si[name]();
      } catch {
        // A function that fails here still cost its time; that is what we compare.
      }
      timings[name] = Number(process.hrtime.bigint() - t) / 1e6;
    }),
  );
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    JSON.stringify({ totalMs, functions: timings, peakRssBytes: process.resourceUsage().maxRSS * 1024 }) +
      '\n',
  );
}
main();
