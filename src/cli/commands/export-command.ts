import { createWriteStream } from 'node:fs';
import { Command } from 'commander';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { renderDataset } from '#app/reports/report-service.ts';
import { UsageError } from '#app/cli/cli-errors.ts';
import { dbOption, resolveDbTarget } from '#app/cli/db-option.ts';
import { openStore } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

/** `mission-ledger export`: every stored trip as JSON or CSV, streamed. */
export function exportCommand(): Command {
  return new Command('export')
    .description('write every stored trip as JSON or CSV')
    .option('-f, --format <format>', 'json or csv', 'json')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .option('--bom', 'start the CSV with a byte-order mark so Excel reads it as UTF-8')
    .addOption(dbOption())
    .action(async (options: { format: string; out?: string; bom?: boolean; db?: string }) => {
      if (options.format !== 'json' && options.format !== 'csv') throw new UsageError(`unknown format "${options.format}": use json or csv`);
      const store = await openStore(resolveDbTarget(options.db));
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      const write = (chunk: string) => new Promise<void>((resolve, reject) => out.write(chunk, (e) => (e ? reject(e) : resolve())));
      try {
        const repo = new TripRepository(store.db);
        if (options.format === 'csv') {
          // The same ledger as the open-data download (columns in docs/data-dictionary.md), all trips.
          const trips: Trip[] = [];
          for await (const trip of repo.all()) trips.push(trip);
          const file = renderDataset('ledger', trips, 'csv', { bom: options.bom === true });
          await write(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes));
        } else {
          await write('{"format":"mission-ledger/1","trips":[');
          let first = true;
          for await (const trip of repo.all()) {
            await write(`${first ? '\n' : ',\n'}${JSON.stringify(trip)}`);
            first = false;
          }
          await write('\n]}\n');
        }
      } finally {
        await store.close();
        if (options.out) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(resolve));
      }
    });
}
