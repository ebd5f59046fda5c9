import { Command } from 'commander';
import { importDocument } from '#app/import/import-document.ts';
import { importLedgerJson, isLedgerExport } from '#app/import/import-ledger-json.ts';
import { dbOption, resolveDbTarget } from '#app/cli/db-option.ts';
import { printWarnings, readDocumentFile } from '#app/cli/commands/read-document-file.ts';
import { openStore } from '#app/store/open-database.ts';

/** `mission-ledger import FILE`: stores a report's trips, adding nothing already stored. */
export function importCommand(): Command {
  return new Command('import')
    .description('store the trips of a report, or of a ledger exported with `export --format json`; trips already stored are not added again')
    .argument('<file>', 'text of the report (UTF-8), or a mission-ledger/1 JSON export')
    .addOption(dbOption())
    .action(async (file: string, options: { db?: string }) => {
      const { text, name } = readDocumentFile(file);
      const store = await openStore(resolveDbTarget(options.db));
      try {
        if (isLedgerExport(text)) {
          const result = await importLedgerJson(store, text, name);
          process.stdout.write(`${name}: ${result.created} trips added, ${result.unchanged} already stored\n`);
          return;
        }
        const summary = await importDocument(store, text, name);
        printWarnings(summary.warnings);
        printWarnings(summary.findings, 'finding');
        for (const u of summary.unstorable) process.stderr.write(`not stored: line ${u.line} "${u.title}": ${u.reason}\n`);
        for (const c of summary.conflicts) {
          process.stderr.write(`conflict: line ${c.line} "${c.title}" ${c.field}: kept ${JSON.stringify(c.stored)} (edited by hand); the document says ${JSON.stringify(c.incoming)}\n`);
        }
        process.stdout.write(
          `${name}: ${summary.created} trips added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.conflicts.length} hand edits kept, ${summary.unstorable.length} not stored\n`,
        );
      } finally {
        await store.close();
      }
    });
}
