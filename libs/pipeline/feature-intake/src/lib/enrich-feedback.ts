import {
  classifyJourneyStage,
  detectLanguage,
  needsPublicAnswer,
  redactPersonalData,
  scoreSentiment,
} from '@closedloop/feedback-domain';
import type { Enrichment } from './enrichment';
import type { NormalisedFeedback } from './normalise-inbound-event';

/**
 * Redacts personal data from the text (before anything else sees it), then scores sentiment,
 * detects the language and places the feedback on the customer journey.
 */
export function enrichFeedback(feedback: NormalisedFeedback): Enrichment {
  const raw = feedback.rawText?.trim() ? feedback.rawText : null;
  const redacted = raw ? redactPersonalData(raw) : { text: null, redactions: [] };
  const sentiment = redacted.text ? scoreSentiment(redacted.text) : null;
  const language = redacted.text ? detectLanguage(redacted.text).language : null;
  return {
    text: redacted.text,
    language,
    sentiment: sentiment?.score ?? null,
    sentimentLabel: sentiment?.label ?? null,
    journeyStage: classifyJourneyStage({
      source: feedback.source,
      crmKind: feedback.crmKind,
      touchpoint: feedback.touchpoint,
      text: redacted.text ?? undefined,
    }),
    needsPublicAnswer:
      feedback.social !== undefined && sentiment !== null
        ? needsPublicAnswer({
            sentiment: sentiment.score,
            followers: feedback.social.followers,
            isPublic: feedback.social.isPublic,
          })
        : false,
    redactions: redacted.redactions.filter((r) => r.count > 0),
  };
}
