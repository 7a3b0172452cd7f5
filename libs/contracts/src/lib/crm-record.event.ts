import { z } from 'zod';
import { CustomerIdentitySchema } from './customer-identity';
import { feedbackText, inboundEventFields } from './inbound-event-fields';
import { refuseUnstorableText } from './storable-text';
import { defineTopic } from './topic';

export const CRM_RECORD_KINDS = [
  'support_ticket',
  'note',
  'order',
  'churn_reason',
  'renewal',
] as const;
export type CrmRecordKind = (typeof CRM_RECORD_KINDS)[number];

/** A CRM record that says something about the customer's experience. */
export const CrmRecordEventSchema = z
  .object({
    ...inboundEventFields,
    source: z.literal('crm'),
    customer: CustomerIdentitySchema,
    crm: z
      .object({
        kind: z.enum(CRM_RECORD_KINDS),
        accountId: z.string().min(1).max(200),
        contactId: z.string().min(1).max(200).optional(),
        subject: z.string().max(300).optional(),
        text: feedbackText(),
        account: z
          .object({
            segment: z.string().min(1).max(100).optional(),
            plan: z.string().min(1).max(100).optional(),
            revenue: z.number().min(0).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine(refuseUnstorableText);

export type CrmRecordEvent = z.infer<typeof CrmRecordEventSchema>;

export const CrmFeedbackTopic = defineTopic('feedback.crm.v1', CrmRecordEventSchema);
