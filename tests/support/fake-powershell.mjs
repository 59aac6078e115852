#!/usr/bin/env node
/**
 * A stand-in for powershell.exe that speaks the protocol node-powershell uses (commands on stdin,
 * `[Console]::Out.WriteLine("marker")` lines around each), so the shared-session logic can be tested
 * where PowerShell does not exist. It cannot run PowerShell: a script's text says what to do:
 *   # fake-print: <json>     print the JSON
 *   # fake-hang              never answer
 *   # fake-error: <text>     write text to stderr and print {}
 * Each start appends a line to the file in FAKE_PS_LOG, so tests can count sessions.
 */
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

if (process.env.FAKE_PS_LOG) appendFileSync(process.env.FAKE_PS_LOG, `start ${process.pid}\n`);
const lines = createInterface({ input: process.stdin });
let hung = false;
lines.on('line', (line) => {
  if (hung) return; // a hung script never prints its end markers
  const out = /^\[Console\]::Out\.WriteLine\("(.*)"\)$/.exec(line);
  if (out) return void process.stdout.write(`${out[1]}\n`);
  const err = /^\[Console\]::Error\.WriteLine\("(.*)"\)$/.exec(line);
  if (err) return void process.stderr.write(`${err[1]}\n`);
  const script = /FromBase64String\('([A-Za-z0-9+/=]*)'\)/.exec(line);
  if (!script) return; // session setup and other commands print nothing
  const text = Buffer.from(script[1] ?? '', 'base64').toString('utf8');
  const print = /# fake-print: (.*)/.exec(text);
  if (/# fake-hang/.test(text)) return void (hung = true);
  const error = /# fake-error: (.*)/.exec(text);
  if (error) {
    process.stderr.write(`${error[1]}\n`);
    return void process.stdout.write('{}\n');
  }
  process.stdout.write(`${print ? print[1] : '{}'}\n`);
});
