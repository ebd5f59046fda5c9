import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';

/** An API token as listed: never the token itself, which is shown once when created. */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** API tokens for integrations, stored as SHA-256 hashes. */
export class ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new token's hash and returns its listing. */
  async create(userId: string, name: string, tokenHash: string, createdAt: string, expiresAt: string | null): Promise<ApiToken> {
    const id = randomUUID();
    await this.db.insertInto('api_tokens').values({ id, user_id: userId, name, token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt, revoked_at: null }).execute();
    return { id, userId, name, createdAt, expiresAt, revokedAt: null };
  }

  /** The user id of a live token (not revoked, not expired at `now`). */
  async findUserId(tokenHash: string, now: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select('user_id')
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return row?.user_id;
  }

  /** The tokens of a user, newest first. */
  async listForUser(userId: string): Promise<ApiToken[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
    return rows.map((r) => ({ id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at }));
  }

  /** Revokes a token of a user; false when the user has no such live token. */
  async revoke(userId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
