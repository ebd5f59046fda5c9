import { Command, Option } from 'commander';
import { UsageError } from '#app/cli/cli-errors.ts';
import { dbOption, resolveDbTarget } from '#app/cli/db-option.ts';
import { USER_ROLES } from '#app/domain/workflow/user-roles.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { createUser } from '#app/server/users/user-accounts.ts';
import { newUserBody } from '#app/server/users/user-payloads.ts';
import { openStore } from '#app/store/open-database.ts';
import { UserRepository } from '#app/store/users/user-repository.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The principal the CLI acts as in the audit trail: the operating-system user at the console. */
function consoleActor() {
  const name = process.env.USER ?? process.env.USERNAME ?? 'console';
  return { userId: `cli:${name}`, displayName: `${name} (command line)`, roles: ['admin'] as const, agency: null, via: 'admin-token' as const };
}

/** `mission-ledger user add|list`: accounts from the command line, e.g. the first admin. */
export function userCommand(): Command {
  const user = new Command('user').description('manage user accounts (the first admin is created here)');
  user
    .command('add')
    .description('create a user; the password is read from standard input so it never appears in the shell history')
    .requiredOption('--username <name>', 'sign-in name')
    .requiredOption('--name <display name>', 'name shown in the trail, e.g. 王小明')
    .addOption(new Option('--role <role...>', 'one or more roles').choices([...USER_ROLES]).makeOptionMandatory())
    .option('--agency <agency>', 'agency of a clerk, e.g. 觀光旅遊局')
    .option('--password-stdin', 'read the password from standard input (required)')
    .addOption(dbOption())
    .action(async (options: { username: string; name: string; role: string[]; agency?: string; passwordStdin?: boolean; db?: string }) => {
      if (!options.passwordStdin) throw new UsageError('give --password-stdin and pipe the password in, e.g. printf %s "$PASSWORD" | mission-ledger user add …');
      const password = (await readStdin()).replace(/\r?\n$/, '');
      const parsed = newUserBody.safeParse({ username: options.username, displayName: options.name, password, roles: options.role, agency: options.agency ?? null });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
      const store = await openStore(resolveDbTarget(options.db));
      try {
        const created = await createUser(store, parsed.data, consoleActor());
        process.stdout.write(`created user ${created.username} (${created.roles.join(', ')}) id ${created.id}\n`);
      } catch (error) {
        if (error instanceof HttpError) throw new UsageError(error.message);
        throw error;
      } finally {
        await store.close();
      }
    });
  user
    .command('list')
    .description('list users and their roles')
    .addOption(dbOption())
    .action(async (options: { db?: string }) => {
      const store = await openStore(resolveDbTarget(options.db));
      try {
        for (const u of await new UserRepository(store.db).list()) {
          process.stdout.write(`${u.username}\t${u.displayName}\t${u.roles.join(',')}\t${u.agency ?? ''}${u.disabled ? '\tdisabled' : ''}\n`);
        }
      } finally {
        await store.close();
      }
    });
  return user;
}
