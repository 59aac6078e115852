/** Triage's own version, from package.json (read once; works from src under vitest and from dist). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function findPackageJson(): string {
  // src: main/version.ts → ../package.json; dist: dist/main/version.js → ../../package.json
  for (const candidate of [
    join(__dirname, '..', 'package.json'),
    join(__dirname, '..', '..', 'package.json'),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('package.json not found next to Triage');
}

export const TRIAGE_VERSION: string = (
  JSON.parse(readFileSync(findPackageJson(), 'utf8')) as { version: string }
).version;
