import { Command } from 'commander';
import { UsageError } from '#app/cli/cli-errors.ts';
import { backupCommand, restoreCommand } from '#app/cli/commands/backup-command.ts';
import { auditCommand } from '#app/cli/commands/audit-command.ts';
import { exportCommand } from '#app/cli/commands/export-command.ts';
import { importCommand } from '#app/cli/commands/import-command.ts';
import { parseCommand } from '#app/cli/commands/parse-command.ts';
import { reportCommand } from '#app/cli/commands/report-command.ts';
import { serveCommand } from '#app/cli/commands/serve-command.ts';
import { userCommand } from '#app/cli/commands/user-command.ts';
import { DocumentRejectedError } from '#app/import/import-document.ts';
import { ConfigError } from '#app/server/config.ts';
import { RestoreRefusedError } from '#app/store/backup/restore-database.ts';
import { StoreOpenError } from '#app/store/open-database.ts';

// `mission-ledger export | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// One line per command; each command lives in its own file under commands/.
const program = new Command()
  .name('mission-ledger')
  .description('Mission Ledger: official overseas trips, from plan to public disclosure.')
  .showHelpAfterError()
  .addCommand(serveCommand())
  .addCommand(parseCommand())
  .addCommand(importCommand())
  .addCommand(exportCommand())
  .addCommand(reportCommand())
  .addCommand(backupCommand())
  .addCommand(restoreCommand())
  .addCommand(userCommand())
  .addCommand(auditCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof UsageError || error instanceof DocumentRejectedError || error instanceof ConfigError || error instanceof StoreOpenError || error instanceof RestoreRefusedError) {
    process.stderr.write(`mission-ledger: ${error.message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  throw error;
}
