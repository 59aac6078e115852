#!/usr/bin/env node
/**
 * Writes the policy templates and docs generated from main/policy/schema.ts (run
 * `npm run policy-templates`, which builds first). A test fails when the committed files differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { generatePolicyFiles } = require(join(root, 'dist', 'main', 'policy', 'templates.js'));
for (const [path, content] of generatePolicyFiles()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  console.log(`policy-templates: wrote ${path}`);
}
