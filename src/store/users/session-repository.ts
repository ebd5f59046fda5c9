import type { Kysely } from 'kysely';
import type { Database } from '#app/store/database-schema.ts';

/** A live session: whose it is and the CSRF token its writes must carry. */
export interface Session {
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

/** Sessions keyed by the SHA-256 of their cookie value, so a database leak yields no usable cookie. */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a session. */
  async create(tokenHash: string, session: Session, createdAt: string): Promise<void> {
    await this.db.insertInto('sessions').values({ token_hash: tokenHash, user_id: session.userId, csrf_token: session.csrfToken, created_at: createdAt, expires_at: session.expiresAt }).execute();
  }

  /** The session of a cookie, if it exists and has not expired at `now`. */
  async find(tokenHash: string, now: string): Promise<Session | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
    return row ? { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at } : undefined;
  }

  /** Ends one session. */
  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Ends every session of a user (password change, account disabled). */
  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** Removes expired sessions. */
  async purgeExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
