// The test command (`npm test`): type check, then unit and integration tests (SQLite always,
// PostgreSQL too when TEST_DATABASE_URL is set), then the browser tests when Chromium is present.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(label, command, args, env = {}) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`\n${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const node = process.execPath;
run('type check', node, ['node_modules/typescript/bin/tsc', '--noEmit']);
if (!process.env.TEST_DATABASE_URL) {
  process.stdout.write('\nTEST_DATABASE_URL is not set: integration tests run on SQLite only (CI sets it for PostgreSQL).\n');
}
run('unit and integration tests', node, ['node_modules/vitest/vitest.mjs', 'run']);
if (existsSync('vitest.e2e.config.ts')) {
  if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    process.stderr.write('\nChromium is missing: run scripts/install-system-deps.sh (browser tests need it).\n');
    process.exit(1);
  }
  run('build', node, ['scripts/build.js']);
  run('browser tests', node, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts']);
}
