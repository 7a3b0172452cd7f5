import { z } from 'zod';
import { CustomerIdentitySchema } from './customer-identity';
import { feedbackText, inboundEventFields } from './inbound-event-fields';
import { refuseUnstorableText } from './storable-text';
import { defineTopic } from './topic';

/** What a front-line employee noticed about a customer; answers a research prompt when promptId is set. */
export const StaffReportEventSchema = z
  .object({
    ...inboundEventFields,
    source: z.literal('staff'),
    /** The customer the employee names; absent for an anonymous customer. */
    customer: CustomerIdentitySchema.optional(),
    staff: z
      .object({
        employeeId: z.string().min(1).max(200),
        team: z.string().min(1).max(200),
        observation: feedbackText().min(1),
        promptId: z.uuid().optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine(refuseUnstorableText);

export type StaffReportEvent = z.infer<typeof StaffReportEventSchema>;

export const StaffFeedbackTopic = defineTopic('feedback.staff.v1', StaffReportEventSchema);
