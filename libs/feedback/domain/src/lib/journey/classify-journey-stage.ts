export type JourneyStage = 'discover' | 'buy' | 'onboard' | 'use' | 'support' | 'renew' | 'leave';

export type FeedbackSource = 'survey' | 'social' | 'crm' | 'staff';

export type CrmKind = 'support_ticket' | 'note' | 'order' | 'churn_reason' | 'renewal';

export interface JourneyStageInput {
  source: FeedbackSource;
  crmKind?: CrmKind;
  /** Where the feedback was given: a page, screen, survey trigger or channel ("checkout", "help-centre"). */
  touchpoint?: string;
  text?: string;
}

/** CRM record kinds that say the stage outright. A note says nothing. */
export const CRM_KIND_STAGES: Readonly<Partial<Record<CrmKind, JourneyStage>>> = {
  support_ticket: 'support',
  order: 'buy',
  churn_reason: 'leave',
  renewal: 'renew',
};

/**
 * Touchpoint words, matched as whole words in the touchpoint lower-cased with every run of
 * non-letters read as a space ("web/Checkout_v2" reads "web checkout v"). The first row that
 * matches wins, so "cancel-subscription-help" is leave, not support.
 */
export const TOUCHPOINT_RULES: readonly { stage: JourneyStage; words: RegExp }[] = [
  {
    stage: 'leave',
    words: /\b(?:cancel\w*|churn\w*|unsubscribe\w*|close account|offboarding|exit survey)\b/,
  },
  { stage: 'renew', words: /\b(?:renew\w*|re subscribe|resubscribe)\b/ },
  {
    stage: 'buy',
    words:
      /\b(?:checkout|check out|carts?|baskets?|payments?|pay|purchase\w*|order confirmation|upgrade)\b/,
  },
  {
    stage: 'onboard',
    words:
      /\b(?:signup|sign up|register|registration|onboarding|welcome|activation|activate|setup|set up|first run|kyc)\b/,
  },
  {
    stage: 'support',
    words:
      /\b(?:help|support|contact|contact us|helpdesk|help centre|help center|faq|live chat|chat|call centre|call center|complaints?)\b/,
  },
  {
    stage: 'discover',
    words:
      /\b(?:pricing|prices?|ads?|advert\w*|landing|homepage|home page|campaign|promo|blog|compare|comparison|trial)\b/,
  },
];

/**
 * Phrases in the feedback text, used only when neither the CRM kind nor the touchpoint decides.
 * Same precedence as the touchpoint rules.
 */
export const TEXT_RULES: readonly { stage: JourneyStage; words: RegExp }[] = [
  {
    stage: 'leave',
    words:
      /\b(?:cancel(?:l?ed|l?ing)? my (?:account|subscription|membership|plan)|close my account|closing my account|switch(?:ed|ing)? to (?:another|a different)|leaving (?:you|for)|unsubscribe)\b/,
  },
  { stage: 'renew', words: /\b(?:renew\w*|auto[ -]?renew\w*)\b/ },
  {
    stage: 'buy',
    words:
      /\b(?:checkout|check out|shopping (?:cart|basket)|add(?:ed|ing)? (?:it |them )?to (?:my |the )?(?:cart|basket)|place (?:an|my) order|payment page)\b/,
  },
  {
    stage: 'onboard',
    words:
      /\b(?:sign(?:ed|ing)? up|registration|registering|onboarding|open(?:ed|ing)? (?:an|my) account|verify(?:ing)? my identity|activat(?:e|ed|ing) my (?:account|card))\b/,
  },
  {
    stage: 'support',
    words:
      /\b(?:customer (?:service|support|care)|support team|help ?desk|call cent(?:re|er)|live chat|on hold|(?:your|the) agent)\b/,
  },
  {
    stage: 'discover',
    words:
      /\b(?:your (?:ad|advert|advertisement)|heard about you|pricing page|compared (?:you|prices))\b/,
  },
];

/**
 * The customer-journey stage feedback is about, by a transparent rule table: the CRM record kind
 * when it says ({@link CRM_KIND_STAGES}), else the first matching touchpoint rule
 * ({@link TOUCHPOINT_RULES}), else the first matching text rule ({@link TEXT_RULES}), else 'use'.
 */
export function classifyJourneyStage(input: JourneyStageInput): JourneyStage {
  const byCrmKind = input.crmKind ? CRM_KIND_STAGES[input.crmKind] : undefined;
  if (byCrmKind) return byCrmKind;
  const touchpoint = input.touchpoint ? readTouchpoint(input.touchpoint) : '';
  const byTouchpoint = TOUCHPOINT_RULES.find((rule) => rule.words.test(touchpoint));
  if (byTouchpoint) return byTouchpoint.stage;
  const text = (input.text ?? '').toLowerCase();
  return TEXT_RULES.find((rule) => rule.words.test(text))?.stage ?? 'use';
}

function readTouchpoint(touchpoint: string): string {
  return touchpoint
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}
