import { z } from 'zod';
import { safeText } from '../safe-text';

export const ROLES = ['admin', 'member'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const USER_STATES = ['active', 'disabled'] as const;
export const userStateSchema = z.enum(USER_STATES);
export type UserState = z.infer<typeof userStateSchema>;

/** Emails are the login: trimmed, lower-cased, unique ignoring case (U-1). */
export const emailSchema = safeText(z.string().trim().toLowerCase()).pipe(z.email({ message: 'must be an email address' }).max(254));

/** S-16: 10–256 characters (the "not the email" rule needs the email, so services check it). */
export const newPasswordSchema = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(256, { message: 'must be at most 256 characters' });

export const displayNameSchema = safeText(z.string().trim().min(1).max(80));

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  state: userStateSchema,
  mustChangePassword: z.boolean(),
  createdAt: z.number(),
});
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  role: roleSchema.default('member'),
  displayName: displayNameSchema.optional(),
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    role: roleSchema.optional(),
    state: userStateSchema.optional(),
    displayName: displayNameSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.strictObject({ password: newPasswordSchema });
export type ResetPassword = z.infer<typeof resetPasswordSchema>;

export const userListSchema = z.object({ items: z.array(userSchema) });
export type UserList = z.infer<typeof userListSchema>;
