import { Command } from 'commander';
import { parseDocument } from '#app/import/import-document.ts';
import { printWarnings, readDocumentFile } from '#app/cli/commands/read-document-file.ts';

/** `mission-ledger parse FILE`: dry run, JSON on stdout, warnings on stderr. */
export function parseCommand(): Command {
  return new Command('parse')
    .description('read a report and print its trips as JSON (the interchange format); changes nothing')
    .argument('<file>', 'text of the report (UTF-8)')
    .action((file: string) => {
      const { text, name } = readDocumentFile(file);
      const parsed = parseDocument(text, name);
      process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
      printWarnings(parsed.warnings);
      printWarnings(parsed.findings, 'finding');
      process.stderr.write(`${parsed.trips.length} trips (${parsed.format} table), ${parsed.warnings.length} warnings, ${parsed.findings.length} findings\n`);
    });
}
