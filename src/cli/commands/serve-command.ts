import { Command, InvalidArgumentError } from 'commander';
import { dbOption, resolveDbTarget } from '#app/cli/db-option.ts';
import { loadConfig } from '#app/server/config.ts';
import { startServer } from '#app/server/start-server.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

/** `mission-ledger serve`: the API and web app. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('start the web server (API and web app); loads the sample report into an empty database')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', parsePort)
    .addOption(dbOption())
    .action(async (options: { port?: number; db?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.port !== undefined ? { PORT: String(options.port) } : {}),
        DATABASE_URL: resolveDbTarget(options.db),
      });
      const { url } = await startServer(config);
      process.stderr.write(`Mission Ledger is running at ${url.replace('127.0.0.1', 'localhost')}\n`);
    });
}
