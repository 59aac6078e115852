import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests (and the triage commands they start) keep logs and state in a throwaway folder, never in
// /var/log or the user's profile.
const scratch = mkdtempSync(join(tmpdir(), 'triage-tests-'));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    env: { TRIAGE_LOG_DIR: join(scratch, 'logs'), TRIAGE_STATE_DIR: join(scratch, 'state') },
    // Lab and connector tests start real servers; their own timeouts say how long each may take.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
