import { classifyJourneyStage, JourneyStage } from './classify-journey-stage';

describe('classifyJourneyStage', () => {
  describe('CRM record kind', () => {
    it.each([
      ['support_ticket', 'support'],
      ['order', 'buy'],
      ['churn_reason', 'leave'],
      ['renewal', 'renew'],
    ] as const)('%s is %s', (crmKind, stage) =>
      expect(classifyJourneyStage({ source: 'crm', crmKind })).toBe(stage),
    );

    it('wins over the touchpoint and the text', () =>
      expect(
        classifyJourneyStage({
          source: 'crm',
          crmKind: 'order',
          touchpoint: 'help-centre',
          text: 'I want to cancel my account',
        }),
      ).toBe('buy'));

    it('a note says nothing: the touchpoint, then the text, then the default decide', () => {
      expect(classifyJourneyStage({ source: 'crm', crmKind: 'note', touchpoint: 'checkout' })).toBe(
        'buy',
      );
      expect(
        classifyJourneyStage({
          source: 'crm',
          crmKind: 'note',
          text: 'Customer service never called back',
        }),
      ).toBe('support');
      expect(classifyJourneyStage({ source: 'crm', crmKind: 'note' })).toBe('use');
    });
  });

  describe('touchpoint', () => {
    it.each([
      ['checkout', 'buy'],
      ['web/Checkout_v2', 'buy'],
      ['cart', 'buy'],
      ['basket-page', 'buy'],
      ['payment', 'buy'],
      ['PaymentPage', 'buy'],
      ['signup', 'onboard'],
      ['sign-up', 'onboard'],
      ['onboarding-step-3', 'onboard'],
      ['welcome email', 'onboard'],
      ['help', 'support'],
      ['help-center', 'support'],
      ['support chat', 'support'],
      ['contact-us', 'support'],
      ['cancel', 'leave'],
      ['cancellation-flow', 'leave'],
      ['renewal-reminder', 'renew'],
      ['pricing', 'discover'],
      ['ads', 'discover'],
      ['facebook ad', 'discover'],
      ['landing-page', 'discover'],
      ['cancel-subscription-help', 'leave'],
      ['mobile-app home', 'use'],
    ] as [string, JourneyStage][])('%s is %s', (touchpoint, stage) =>
      expect(classifyJourneyStage({ source: 'survey', touchpoint })).toBe(stage),
    );

    it('wins over the text', () =>
      expect(
        classifyJourneyStage({
          source: 'survey',
          touchpoint: 'checkout',
          text: 'customer service was rude',
        }),
      ).toBe('buy'));

    it('does not match parts of words', () =>
      expect(classifyJourneyStage({ source: 'survey', touchpoint: 'download-header' })).toBe(
        'use',
      ));
  });

  describe('text, when nothing else decides', () => {
    it.each([
      ['I want to cancel my subscription', 'leave'],
      ["I'm switching to another bank", 'leave'],
      ['Please renew my plan', 'renew'],
      ['The checkout kept failing', 'buy'],
      ['I added it to my cart and it vanished', 'buy'],
      ['Signing up took ages', 'onboard'],
      ['I could not verify my identity', 'onboard'],
      ['Customer service kept me on hold', 'support'],
      ['I saw your advert on the tube', 'discover'],
      ['The app crashes when I open statements', 'use'],
    ] as [string, JourneyStage][])('"%s" is %s', (text, stage) =>
      expect(classifyJourneyStage({ source: 'social', text })).toBe(stage),
    );
  });

  it('defaults to use', () => {
    expect(classifyJourneyStage({ source: 'staff' })).toBe('use');
    expect(classifyJourneyStage({ source: 'survey', touchpoint: '', text: '' })).toBe('use');
  });
});
