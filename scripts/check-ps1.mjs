#!/usr/bin/env node
/**
 * Checks the syntax of every PowerShell script: with PowerShell's own parser
 * ([System.Management.Automation.Language.Parser]::ParseFile) where pwsh is installed — what CI
 * trusts, and CI fails without it — and with tree-sitter-powershell (WebAssembly) everywhere, so a
 * machine without PowerShell still gets a check. Prints each error with its file, line and column,
 * and exits 1 if there is any.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

const root = join(import.meta.dirname, '..');
const folders = ['probes', 'scripts', 'main', 'docs', 'deploy', 'tests'].map((f) => join(root, f));

function filesUnder(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.ps1') ? [path] : [];
  });
}

await Parser.init();
const grammar = await Language.load(
  join(root, 'node_modules', 'tree-sitter-powershell', 'tree-sitter-powershell.wasm'),
);
const parser = new Parser();
parser.setLanguage(grammar);

const problems = [];
const scripts = folders.flatMap(filesUnder);
for (const file of scripts) {
  const tree = parser.parse(readFileSync(file, 'utf8'));
  const visit = (node) => {
    if (node.type === 'ERROR' || node.isMissing) {
      const { row, column } = node.startPosition;
      const what = node.isMissing
        ? `missing ${node.type}`
        : `unexpected "${node.text.slice(0, 40).replace(/\s+/g, ' ')}"`;
      problems.push(`${relative(root, file)}:${row + 1}:${column + 1}: syntax error: ${what}`);
      return;
    }
    for (const child of node.children) visit(child);
  };
  if (tree.rootNode.hasError) visit(tree.rootNode);
}
// PowerShell's own parser, all files in one pwsh; file paths travel in the environment, not in code.
const pwsh = [...(process.env.PATH ?? '').split(delimiter), join(homedir(), '.dotnet', 'tools')]
  .map((dir) => join(dir, 'pwsh'))
  .find((path) => existsSync(path));
let parsers = 'tree-sitter';
if (pwsh) {
  const parse = spawnSync(
    pwsh,
    [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      `foreach ($file in ($env:TRIAGE_PS1_FILES | ConvertFrom-Json)) {
         $tokens = $null; $errors = $null
         [void][System.Management.Automation.Language.Parser]::ParseFile($file, [ref]$tokens, [ref]$errors)
         foreach ($e in $errors) { '{0}:{1}:{2}: {3}' -f $file, $e.Extent.StartLineNumber, $e.Extent.StartColumnNumber, $e.Message }
       }`,
    ],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TRIAGE_PS1_FILES: JSON.stringify(scripts) } },
  );
  if (parse.status !== 0) {
    console.error(`check-ps1: pwsh could not run the parser: ${parse.stderr || parse.error?.message}`);
    process.exit(1);
  }
  for (const line of parse.stdout.split('\n').filter(Boolean))
    problems.push(`${relative(root, line.slice(0, line.indexOf(':')))}${line.slice(line.indexOf(':'))}`);
  parsers = "PowerShell's parser and tree-sitter";
} else if (process.env.CI) {
  console.error(
    "check-ps1: CI must check the scripts with PowerShell's own parser, and pwsh is not installed (scripts/setup.sh installs it).",
  );
  process.exit(1);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`check-ps1: ${problems.length} syntax error(s) in PowerShell scripts.`);
  process.exit(1);
}
console.log(`check-ps1: ${scripts.length} PowerShell scripts parse cleanly (${parsers}).`);
