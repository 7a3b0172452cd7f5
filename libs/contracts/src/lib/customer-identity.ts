import { z } from 'zod';

/** The customer as the source system knows them. At least one identifier is required. */
export const CustomerIdentitySchema = z
  .object({
    email: z.email().max(320).optional(),
    externalId: z.string().min(1).max(200).optional(),
    name: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((c) => c.email !== undefined || c.externalId !== undefined, {
    message: 'customer needs an email or an externalId',
  });

export type CustomerIdentity = z.infer<typeof CustomerIdentitySchema>;
