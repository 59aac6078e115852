#!/usr/bin/env node
/**
 * Writes schemas/*.json and docs/bundle-format.md from the built code (run `npm run schemas`,
 * which builds first). A test fails when the committed files differ from what this would write.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { generateSchemaFiles, generateFormatDoc } = require(
  join(root, 'dist', 'main', 'bundle', 'json-schema.js'),
);

rmSync(join(root, 'schemas'), { recursive: true, force: true });
const files = generateSchemaFiles();
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
writeFileSync(join(root, 'docs', 'bundle-format.md'), generateFormatDoc());
console.log(`schemas: wrote ${files.size} schema files and docs/bundle-format.md`);
