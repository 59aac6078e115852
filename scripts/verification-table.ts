// Writes docs/verification.md: how each check's facts are verified, read from the fixture headers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verificationDoc } from '../tests/support/verification';

const target = join(__dirname, '..', 'docs', 'verification.md');
writeFileSync(target, verificationDoc());
console.log(`verification-table: wrote ${target}`);
