#!/usr/bin/env node
/**
 * Checks the syntax of every PowerShell script with a real PowerShell grammar (tree-sitter-powershell,
 * loaded as WebAssembly, so no PowerShell and no native build is needed). Prints each error with its
 * file, line and column, and exits 1 if there is any.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

const root = join(import.meta.dirname, '..');
const folders = ['probes', 'scripts', 'main', 'docs', 'deploy'].map((f) => join(root, f));

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
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`check-ps1: ${problems.length} syntax error(s) in PowerShell scripts.`);
  process.exit(1);
}
console.log(`check-ps1: ${scripts.length} PowerShell scripts parse cleanly.`);
