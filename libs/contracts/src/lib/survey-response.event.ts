import { z } from 'zod';
import { CustomerIdentitySchema } from './customer-identity';
import { feedbackText, inboundEventFields } from './inbound-event-fields';
import { refuseUnstorableText } from './storable-text';
import { defineTopic } from './topic';

export const SURVEY_METRICS = ['NPS', 'CSAT', 'CES'] as const;
export type SurveyMetric = (typeof SURVEY_METRICS)[number];

/** Inclusive score range of each survey metric. */
export const METRIC_SCORE_RANGE: Readonly<Record<SurveyMetric, { min: number; max: number }>> = {
  NPS: { min: 0, max: 10 },
  CSAT: { min: 1, max: 5 },
  CES: { min: 1, max: 7 },
};

export const SURVEY_CHANNELS = ['email', 'in-app', 'web', 'phone'] as const;

export const SurveyResponseEventSchema = z
  .object({
    ...inboundEventFields,
    source: z.literal('survey'),
    customer: CustomerIdentitySchema,
    survey: z
      .object({
        surveyId: z.string().min(1).max(200),
        questionId: z.string().min(1).max(200).optional(),
        metric: z.enum(SURVEY_METRICS),
        score: z.number().int(),
        comment: feedbackText().optional(),
        channel: z.enum(SURVEY_CHANNELS).optional(),
        touchpoint: z.string().min(1).max(200).optional(),
      })
      .strict()
      .superRefine((survey, ctx) => {
        const range = METRIC_SCORE_RANGE[survey.metric];
        if (survey.score < range.min || survey.score > range.max) {
          ctx.addIssue({
            code: 'custom',
            path: ['score'],
            message: `${survey.metric} score must be between ${range.min} and ${range.max}, got ${survey.score}`,
          });
        }
      }),
  })
  .strict()
  .superRefine(refuseUnstorableText);

export type SurveyResponseEvent = z.infer<typeof SurveyResponseEventSchema>;

export const SurveyFeedbackTopic = defineTopic('feedback.survey.v1', SurveyResponseEventSchema);
