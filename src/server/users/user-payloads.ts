import { z } from 'zod';
import { userRole } from '#app/domain/workflow/user-roles.ts';
import { MIN_PASSWORD_LENGTH } from '#app/server/auth/password-hash.ts';

const password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1024);

/** A user as the API shows it (never the password hash). */
export const userBody = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(userRole),
  agency: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const newUserBody = z
  .object({
    username: z.string().trim().min(2).max(100).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only'),
    displayName: z.string().trim().min(1).max(100),
    password,
    roles: z.array(userRole).min(1).max(5),
    agency: z.string().trim().min(1).max(200).nullable().default(null).describe('Agency of a clerk; required for clerks'),
  })
  .superRefine((u, ctx) => {
    if (u.roles.includes('clerk') && u.agency === null) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'a clerk needs an agency' });
  });

export const userPatchBody = z
  .object({
    version: z.number().int().positive(),
    displayName: z.string().trim().min(1).max(100).optional(),
    password: password.optional(),
    roles: z.array(userRole).min(1).max(5).optional(),
    agency: z.string().trim().min(1).max(200).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const userIdParams = z.object({ id: z.string().min(1).max(64) });

export const loginBody = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024) });

export const loginAnswer = z.object({ user: userBody, csrfToken: z.string(), expiresAt: z.string() });

export const meAnswer = z.object({
  userId: z.string(),
  displayName: z.string(),
  roles: z.array(userRole),
  agency: z.string().nullable(),
  via: z.enum(['admin-token', 'session', 'api-token']),
});

export const apiTokenBody = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(), revokedAt: z.string().nullable() });
export const newApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100).describe('What the token is for'),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(365),
});
export const createdApiToken = apiTokenBody.extend({ token: z.string().describe('Shown only now: send as Authorization: Bearer <token>') });
