// Bundles the server/CLI with esbuild and the web app with Vite into dist/.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outfile: 'dist/cli.js',
  // Public answers' ETags name the build, so a new build never answers 304 for an old body.
  define: { __ML_BUILD_ID__: JSON.stringify(`b${Date.now().toString(36)}`) },
  logLevel: 'warning',
});

if (existsSync('vite.config.ts')) {
  const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
