import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { UserRole } from '#app/domain/workflow/user-roles.ts';
import type { Database, UsersTable } from '#app/store/database-schema.ts';

/** A user as the rest of the system sees it: never the password hash. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  agency: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The fields of a new user; the password arrives already hashed. */
export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: UserRole[];
  agency: string | null;
}

/** What an update may change. */
export interface UserChanges {
  displayName?: string;
  passwordHash?: string;
  roles?: UserRole[];
  agency?: string | null;
  disabled?: boolean;
}

function userFromRow(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as UserRole[],
    agency: row.agency,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Reads and writes user accounts. */
export class UserRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Stores a new user; undefined when the username is taken. */
  async insert(user: NewUser): Promise<User | undefined> {
    if (await this.findByUsername(user.username)) return undefined;
    const at = this.now();
    const id = randomUUID();
    await this.db
      .insertInto('users')
      .values({ id, username: user.username, display_name: user.displayName, password_hash: user.passwordHash, roles: JSON.stringify(user.roles), agency: user.agency, disabled: 0, created_at: at, updated_at: at, version: 1 })
      .execute();
    return this.get(id);
  }

  /** One user by id. */
  async get(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? userFromRow(row) : undefined;
  }

  /** One user by username (exact), with the password hash for signing in. */
  async findByUsername(username: string): Promise<(User & { passwordHash: string }) | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? { ...userFromRow(row), passwordHash: row.password_hash } : undefined;
  }

  /** Every user, by username. */
  async list(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('username').execute()).map(userFromRow);
  }

  /** Number of users; zero means the first admin has not been created. */
  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Changes a user if `version` is current; 'conflict' carries the current user. */
  async update(id: string, version: number, changes: UserChanges): Promise<{ kind: 'updated'; user: User; before: User } | { kind: 'not-found' } | { kind: 'conflict'; current: User }> {
    const before = await this.get(id);
    if (!before) return { kind: 'not-found' };
    if (before.version !== version) return { kind: 'conflict', current: before };
    const result = await this.db
      .updateTable('users')
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
        ...(changes.roles !== undefined ? { roles: JSON.stringify(changes.roles) } : {}),
        ...(changes.agency !== undefined ? { agency: changes.agency } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
        updated_at: this.now(),
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const current = await this.get(id);
      return current ? { kind: 'conflict', current } : { kind: 'not-found' };
    }
    return { kind: 'updated', user: (await this.get(id)) as User, before };
  }
}
