import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** File name of the bundled sample: Taichung's 2018 council report on the mayor's trips. */
export const SAMPLE_REPORT_NAME = 'taichung-council-report-2018-05-11.txt';

/** Path of the bundled sample report, found from the code's own location (src/ or dist/). */
export function sampleReportPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'samples', SAMPLE_REPORT_NAME);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`The sample report samples/${SAMPLE_REPORT_NAME} is missing from the installation; reinstall Mission Ledger or set SEED_ON_EMPTY=false.`);
}
