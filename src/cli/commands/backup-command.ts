import { Command } from 'commander';
import { dbOption, resolveDbTarget } from '#app/cli/db-option.ts';
import { backupDatabase } from '#app/store/backup/backup-database.ts';
import { restoreDatabase } from '#app/store/backup/restore-database.ts';
import { openStore } from '#app/store/open-database.ts';

// Attached files live in ATTACHMENTS_DIR, as for the server.
function attachmentsDir(): string {
  return process.env.ATTACHMENTS_DIR && process.env.ATTACHMENTS_DIR !== '' ? process.env.ATTACHMENTS_DIR : './data/attachments';
}

/** `mission-ledger backup FILE`: a consistent copy of every table while the server runs. */
export function backupCommand(): Command {
  return new Command('backup')
    .description('write a consistent backup of the whole database (gzip JSON lines) while it stays in use')
    .argument('<file>', 'backup file to write, e.g. ledger-2026-11-26.mlbackup.gz')
    .addOption(dbOption())
    .action(async (file: string, options: { db?: string }) => {
      const store = await openStore(resolveDbTarget(options.db));
      try {
        const header = await backupDatabase(store, file, { attachmentsDir: attachmentsDir() });
        const rows = header.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(`${file}: ${header.tables.length} tables, ${rows} rows, schema ${header.migrations.at(-1) ?? '(none)'}\n`);
      } finally {
        await store.close();
      }
    });
}

/** `mission-ledger restore FILE`: loads a backup into an empty database (SQLite or PostgreSQL). */
export function restoreCommand(): Command {
  return new Command('restore')
    .description('restore a backup into a new, empty database (also moves data between SQLite and PostgreSQL)')
    .argument('<file>', 'backup file written by `mission-ledger backup`')
    .addOption(dbOption())
    .action(async (file: string, options: { db?: string }) => {
      const store = await openStore(resolveDbTarget(options.db), { migrate: false });
      try {
        const result = await restoreDatabase(store, file, { attachmentsDir: attachmentsDir() });
        process.stdout.write(`restored ${result.rows} rows in ${result.tables} tables and ${result.files} attached files\n`);
      } finally {
        await store.close();
      }
    });
}
