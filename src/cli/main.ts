import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ledgerCsvHeader, ledgerCsvRow } from '#app/domain/export/trip-ledger-csv.ts';
import type { ImportWarning } from '#app/domain/import/parsed-document.ts';
import { decodeDocument, DocumentRejectedError, importDocument, MAX_DOCUMENT_BYTES, parseDocument } from '#app/import/import-document.ts';
import { resolveDbTarget } from '#app/cli/resolve-db.ts';
import { ConfigError, loadConfig } from '#app/server/config.ts';
import { startServer } from '#app/server/start-server.ts';
import { openStore, StoreOpenError } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';

/** An error the user can fix; printed without a stack trace. */
class UsageError extends Error {}

function readDocument(file: string): { text: string; name: string } {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new DocumentRejectedError('too-large', `${file} is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB. Split the document and import the parts.`);
  }
  const name = basename(file);
  return { text: decodeDocument(readFileSync(file), name), name };
}

function printWarnings(warnings: readonly ImportWarning[]): void {
  for (const w of warnings) process.stderr.write(`warning: line ${w.line}${w.column ? ` [${w.column}]` : ''}: ${w.message}\n`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

// `mission-ledger export | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command()
  .name('mission-ledger')
  .description('Mission Ledger: official overseas trips, from plan to public disclosure.')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web server (API and web app); loads the sample report into an empty database')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', parsePort)
  .option('--db <path|url>', 'SQLite file or postgres:// URL (default: DATABASE_URL or ./data/ledger.db)')
  .action(async (options: { port?: number; db?: string }) => {
    const config = loadConfig({
      ...process.env,
      ...(options.port !== undefined ? { PORT: String(options.port) } : {}),
      DATABASE_URL: resolveDbTarget(options.db),
    });
    const { url } = await startServer(config);
    process.stderr.write(`Mission Ledger is running at ${url.replace('127.0.0.1', 'localhost')}\n`);
  });

program
  .command('parse')
  .description('read a report and print its trips as JSON (the interchange format); changes nothing')
  .argument('<file>', 'text of the report (UTF-8)')
  .action((file: string) => {
    const { text, name } = readDocument(file);
    const parsed = parseDocument(text, name);
    process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
    printWarnings(parsed.warnings);
    process.stderr.write(`${parsed.trips.length} trips, ${parsed.warnings.length} warnings\n`);
  });

program
  .command('import')
  .description('store the trips of a report; trips already stored are not added again')
  .argument('<file>', 'text of the report (UTF-8)')
  .option('--db <path|url>', 'SQLite file or postgres:// URL (default: DATABASE_URL or ./data/ledger.db)')
  .action(async (file: string, options: { db?: string }) => {
    const { text, name } = readDocument(file);
    const store = await openStore(resolveDbTarget(options.db));
    try {
      const summary = await importDocument(store, text, name);
      printWarnings(summary.warnings);
      for (const u of summary.unstorable) process.stderr.write(`not stored: line ${u.line} "${u.title}": ${u.reason}\n`);
      process.stdout.write(`${name}: ${summary.created} trips added, ${summary.unchanged} already stored, ${summary.unstorable.length} not stored\n`);
    } finally {
      await store.close();
    }
  });

program
  .command('export')
  .description('write every stored trip as JSON or CSV')
  .option('-f, --format <format>', 'json or csv', 'json')
  .option('-o, --out <file>', 'output file (default: standard output)')
  .option('--bom', 'start the CSV with a byte-order mark so Excel reads it as UTF-8')
  .option('--db <path|url>', 'SQLite file or postgres:// URL (default: DATABASE_URL or ./data/ledger.db)')
  .action(async (options: { format: string; out?: string; bom?: boolean; db?: string }) => {
    if (options.format !== 'json' && options.format !== 'csv') throw new UsageError(`unknown format "${options.format}": use json or csv`);
    const store = await openStore(resolveDbTarget(options.db));
    const out = options.out ? createWriteStream(options.out) : process.stdout;
    const write = (chunk: string) => new Promise<void>((resolve, reject) => out.write(chunk, (e) => (e ? reject(e) : resolve())));
    try {
      const repo = new TripRepository(store.db);
      if (options.format === 'csv') {
        await write(`${options.bom ? '\uFEFF' : ''}${ledgerCsvHeader()}`);
        for await (const trip of repo.all()) await write(ledgerCsvRow(trip));
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof UsageError || error instanceof DocumentRejectedError || error instanceof ConfigError || error instanceof StoreOpenError) {
    process.stderr.write(`mission-ledger: ${error.message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  throw error;
}
