import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '#app/server/auth/require-role.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { changeUser, createUser } from '#app/server/users/user-accounts.ts';
import { newUserBody, userBody, userIdParams, userPatchBody } from '#app/server/users/user-payloads.ts';
import type { Store } from '#app/store/open-database.ts';
import { UserRepository } from '#app/store/users/user-repository.ts';

function notFound(id: string): HttpError {
  return new HttpError(404, 'user-not-found', `No user with id ${id}`, `找不到編號 ${id} 的使用者`);
}

/** User accounts, for admins only. */
export async function userRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const users = new UserRepository(options.store.db);
  const admin = requireRole('admin');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];

  r.get('/api/v1/users', {
    preHandler: admin,
    schema: { tags: ['users'], summary: 'Every user', security, response: { 200: z.array(userBody), 401: errorBody, 403: errorBody } },
    handler: async () => users.list(),
  });

  r.post('/api/v1/users', {
    preHandler: admin,
    schema: { tags: ['users'], summary: 'Create a user', security, body: newUserBody, response: { 201: userBody, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } },
    handler: async (request, reply) => {
      const created = await createUser(options.store, request.body, request.principal);
      return reply.code(201).header('location', `/api/v1/users/${created.id}`).send(created);
    },
  });

  r.get('/api/v1/users/:id', {
    preHandler: admin,
    schema: { tags: ['users'], summary: 'One user', security, params: userIdParams, response: { 200: userBody, 401: errorBody, 403: errorBody, 404: errorBody } },
    handler: async (request) => {
      const found = await users.get(request.params.id);
      if (!found) throw notFound(request.params.id);
      return found;
    },
  });

  r.patch('/api/v1/users/:id', {
    preHandler: admin,
    schema: { tags: ['users'], summary: 'Change roles, agency, name, password or disable a user', security, params: userIdParams, body: userPatchBody, response: { 200: userBody, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
    handler: async (request) => {
      const result = await changeUser(options.store, request.params.id, request.body, request.principal);
      if (result.kind === 'not-found') throw notFound(request.params.id);
      if (result.kind === 'conflict') {
        throw new HttpError(409, 'version-conflict', `Someone else changed this user: the current version is ${result.current.version}`, `此使用者已被他人修改，目前版本為 ${result.current.version}`, { current: result.current });
      }
      return result.user;
    },
  });
}
