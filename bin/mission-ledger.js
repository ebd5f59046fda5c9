#!/usr/bin/env node
// The CLI is bundled to dist/ by `npm run build` (run automatically by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('mission-ledger: dist/cli.js is missing. Run `npm run build` (or `npm install`) in the project folder first.');
  process.exit(1);
}
await import(bundle.href);
