import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** File where fuzz tests add up how many cases they ran (printed by docs/security.md's command). */
export const FUZZ_COUNT_FILE = join(tmpdir(), 'mission-ledger-fuzz-cases.log');

/** Records that `count` fuzz cases of `kind` ran, so a run can report the total. */
export function recordFuzzCases(kind: string, count: number): void {
  mkdirSync(tmpdir(), { recursive: true });
  appendFileSync(FUZZ_COUNT_FILE, `${kind}\t${count}\n`);
}
