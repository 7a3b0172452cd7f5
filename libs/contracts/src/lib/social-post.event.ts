import { z } from 'zod';
import { CustomerIdentitySchema } from './customer-identity';
import { feedbackText, inboundEventFields } from './inbound-event-fields';
import { refuseUnstorableText } from './storable-text';
import { defineTopic } from './topic';

export const SOCIAL_PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'reddit',
  'tiktok',
  'youtube',
  'trustpilot',
  'app-store',
  'google-play',
  'other',
] as const;

/** A public or private social post about the company, from a social listening tool. */
export const SocialPostEventSchema = z
  .object({
    ...inboundEventFields,
    source: z.literal('social'),
    /** The person behind the handle, when the listener knows them; the handle always identifies them. */
    customer: CustomerIdentitySchema.optional(),
    social: z
      .object({
        platform: z.enum(SOCIAL_PLATFORMS),
        authorHandle: z.string().min(1).max(100),
        url: z.url().max(2000).optional(),
        text: feedbackText().min(1),
        reach: z
          .object({ followers: z.number().int().min(0), likes: z.number().int().min(0) })
          .strict(),
        isPublic: z.boolean(),
      })
      .strict(),
  })
  .strict()
  .superRefine(refuseUnstorableText);

export type SocialPostEvent = z.infer<typeof SocialPostEventSchema>;

export const SocialFeedbackTopic = defineTopic('feedback.social.v1', SocialPostEventSchema);
