import { z } from 'zod';

/**
 * The roles of Mission Ledger's users: the agency clerk who plans trips, the secretariat that
 * reviews them and keeps budgets and rate tables, the approver, the read-only auditor and the admin.
 */
export const USER_ROLES = ['clerk', 'secretariat', 'approver', 'auditor', 'admin'] as const;
export const userRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRole>;

/** The roles that may see unpublished trips (clerks only those of their own agency). */
export const STAFF_ROLES: readonly UserRole[] = USER_ROLES;
