import { keptPhrases } from './erased-phrases';

describe('keptPhrases', () => {
  it('drops phrases only erased texts hold and keeps shared or unrelated ones', () => {
    expect(
      keptPhrases(
        ['payout delay', 'Zanzibar Widget', 'refund', ''],
        ['My zanzibar widget payout delay'],
        ['another payout delay here'],
      ),
    ).toEqual(['payout delay', 'refund', '']);
  });

  it('keeps everything when nothing is erased', () => {
    expect(keptPhrases(['a', 'b'], [], [])).toEqual(['a', 'b']);
  });
});
