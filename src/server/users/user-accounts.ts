import type { z } from 'zod';
import { auditChange } from '#app/server/audit/audit-change.ts';
import { hashPassword } from '#app/server/auth/password-hash.ts';
import type { Principal } from '#app/server/auth/principal.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import type { newUserBody, userPatchBody } from '#app/server/users/user-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';
import { SessionRepository } from '#app/store/users/session-repository.ts';
import { UserRepository, type User } from '#app/store/users/user-repository.ts';

/** Creates a user with a hashed password and audits it; shared by the API and `mission-ledger user add`. */
export async function createUser(store: Store, input: z.output<typeof newUserBody>, actor: Principal | null): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return store.db.transaction().execute(async (trx) => {
    const created = await new UserRepository(trx).insert({ username: input.username, displayName: input.displayName, passwordHash, roles: input.roles, agency: input.agency });
    if (!created) throw new HttpError(409, 'username-taken', `The username ${input.username} is taken`, `帳號 ${input.username} 已有人使用`);
    await new AuditLog(trx).append(auditChange(actor, 'user', created.id, 'create', null, created));
    return created;
  });
}

/** Changes a user; a new password or a disabled account ends the user's sessions. */
export async function changeUser(store: Store, id: string, patch: z.output<typeof userPatchBody>, actor: Principal | null) {
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  return store.db.transaction().execute(async (trx) => {
    const result = await new UserRepository(trx).update(id, patch.version, {
      displayName: patch.displayName,
      passwordHash,
      roles: patch.roles,
      agency: patch.agency,
      disabled: patch.disabled,
    });
    if (result.kind !== 'updated') return result;
    if (passwordHash !== undefined || patch.disabled === true) await new SessionRepository(trx).deleteForUser(id);
    const reason = passwordHash !== undefined ? 'password changed' : '';
    await new AuditLog(trx).append(auditChange(actor, 'user', id, 'update', result.before, result.user, reason));
    return result;
  });
}
