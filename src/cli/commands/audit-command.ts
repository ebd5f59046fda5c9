import { Command } from 'commander';
import { dbOption, resolveDbTarget } from '#app/cli/db-option.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import { openStore } from '#app/store/open-database.ts';

/** `mission-ledger audit verify`: re-computes the audit hash chain; exit code 1 when it is broken. */
export function auditCommand(): Command {
  const audit = new Command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check that no audit entry was edited or deleted (exit code 1 if one was)')
    .addOption(dbOption())
    .action(async (options: { db?: string }) => {
      const store = await openStore(resolveDbTarget(options.db));
      try {
        const result = await new AuditLog(store.db).verify();
        for (const p of result.problems) process.stderr.write(`entry ${p.seq}: ${p.kind}: ${p.message}\n`);
        if (result.problems.length) {
          process.stderr.write(`audit trail BROKEN: ${result.problems.length} problems in ${result.entries} entries\n`);
          process.exitCode = 1;
        } else {
          process.stdout.write(`audit trail intact: ${result.entries} entries, head ${result.head.seq} ${result.head.hash}\n`);
        }
      } finally {
        await store.close();
      }
    });
  return audit;
}
