import { redactPersonalData } from './redact-personal-data';

const redact = (text: string) => redactPersonalData(text).text;

describe('redactPersonalData', () => {
  describe('email addresses', () => {
    it.each([
      ['Mail ada@example.com please', 'Mail [email] please'],
      ['ada.lovelace+newsletter@mail.example.co.uk.', '[email].'],
      ['(Ada_L-1990@Example.ORG)', '([email])'],
      ['mailto:ada@example.com', 'mailto:[email]'],
      ['josé.garcía@correo.es', '[email]'],
    ])('%s', (text, expected) => expect(redact(text)).toBe(expected));

    it.each([
      ['ada [at] example [dot] com', '[email]'],
      ['ada(at)example(dot)co(dot)uk', '[email]'],
      ['ada {at} example.com', '[email]'],
      ['write to ada at example dot com', 'write to [email]'],
      ['ADA AT EXAMPLE DOT COM', '[email]'],
      ['ada.lovelace at example.com', '[email]'],
    ])('obfuscated: %s', (text, expected) => expect(redact(text)).toBe(expected));

    it.each([
      'visit us at example dot com',
      'I bought it at amazon.com',
      'Ada at Example.com was helpful',
      'meet at noon dot',
      'we met at example dot xyz',
      '@handle and a@b',
      'price 5 @ £2',
    ])('leaves "%s" alone', (text) => expect(redact(text)).toBe(text));
  });

  describe('phone numbers', () => {
    it.each([
      '+44 20 7946 0958',
      '+44 (0)20 7946 0958',
      '+447700900123',
      '+1 (415) 555-2671',
      '+1-415-555-2671',
      '+33 1 23 45 67 89',
      '+49 30 1234567',
      '0044 20 7946 0958',
      '020 7946 0958',
      '07700 900123',
      '(020) 7946 0958',
      '01 23 45 67 89',
      '030 1234567',
      '06-12345678',
      '(415) 555-2671',
      '415-555-2671',
      '415.555.2671',
      '1 415 555 2671',
      '555-2671',
      '07700900123',
    ])('%s', (phone) =>
      expect(redact(`Call me on ${phone}, thanks`)).toBe('Call me on [phone], thanks'),
    );

    it('takes any 7+ digit number right after a phone word', () => {
      expect(redact('my mobile is 612 345 678')).toBe('my mobile is [phone]');
      expect(redact('text 4155552671 please')).toBe('text [phone] please');
    });

    it('separates phone numbers written next to each other or next to another number', () => {
      expect(redact('020 7946 0958 07700 900123')).toBe('[phone] [phone]');
      expect(redact('ring 2 020 7946 0958')).toBe('ring 2 [phone]');
      expect(redact('+44 20 7946 0958 2 times')).toBe('[phone] 2 times');
    });

    it.each([
      'I paid £25.50 and $1,299.99 (€ 1234567)',
      'in 2024, 1999-2024 and 2019 2020 2021',
      'order 12345, order no. 1234567, ref: 98765432, ticket #4455667, invoice 07700900123',
      'at 10:30, from 09.30 to 17.30, open 0930-1730',
      'on 2024-01-15, 15.01.2024 and 1.1.2024',
      'server 192.168.100.200',
      '1.234.567 and 1 200 000 people, 12 345 678 euros',
      'pi is 3.14159265 and 1234567.89',
      'ZIP 20500-0003',
      'version 10.2.3.4567',
      'card 1234 5678 9012 3456 (not Luhn-valid)',
      '12345678',
      'up 25% to 1234567%',
    ])('leaves "%s" alone', (text) => expect(redact(text)).toBe(text));
  });

  describe('card numbers', () => {
    it.each([
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      '4111111111111111',
      '5555 5555 5555 4444',
      '3782 822463 10005',
      '6011 1111 1111 1117',
      '4222222222222',
      '6011 0000 0000 0000 001',
    ])('%s', (card) => expect(redact(`card: ${card}.`)).toBe('card: [card].'));

    it('finds a card next to other numbers', () => {
      expect(redact('in 2024 4111 1111 1111 1111 was charged')).toBe('in 2024 [card] was charged');
    });

    it.each([
      '4111 1111 1111 1112',
      '1234567812345678',
      '41111111111111111111',
      '0000 0000 0000 0000',
    ])('leaves %s alone (not Luhn-valid or not a card length)', (digits) =>
      expect(redact(`number ${digits}`)).toBe(`number ${digits}`),
    );
  });

  describe('IBANs', () => {
    it.each([
      'GB82 WEST 1234 5698 7654 32',
      'GB82WEST12345698765432',
      'DE89 3704 0044 0532 0130 00',
      'FR14 2004 1010 0505 0001 3M02 606',
      'NL91ABNA0417164300',
      'be68 5390 0754 7034',
    ])('%s', (iban) => expect(redact(`IBAN ${iban}, thanks`)).toBe('IBAN [iban], thanks'));

    it.each(['GB83 WEST 1234 5698 7654 32', 'GB82WEST1234569876543', 'XX82WEST12345698765432'])(
      'leaves %s alone (bad checksum, length or country)',
      (text) => expect(redact(text)).toBe(text),
    );
  });

  describe('street addresses', () => {
    it.each([
      ['I live at 221B Baker Street.', 'I live at [address].'],
      ['10 Downing St, London SW1A 2AA', '[address]'],
      ['Flat 2, 14 Elm Grove', '[address]'],
      ['1600 Pennsylvania Avenue NW, Washington, DC 20500-0003', '[address]'],
      ['742 Evergreen Terrace, Springfield', '[address], Springfield'],
      ['350 5th Ave, New York, NY 10118', '[address]'],
      ['12 Acacia Ave SE', '[address]'],
      ['3 St. John’s Rd, Oxford OX1 2LE', '[address]'],
      ['Hauptstraße 5, 10115 Berlin', '[address]'],
      ['Karl-Marx-Str. 12a', '[address]'],
      ['Berliner Strasse 7', '[address]'],
      ['Lindenweg 3', '[address]'],
      ['12 rue de la Paix, 75002 Paris', '[address]'],
    ])('%s', (text, expected) => expect(redact(text)).toBe(expected));

    it.each([
      'I waited 2 hours on the road',
      'we drove 300 miles down the street',
      'Route 66',
      'I gave it 5 stars',
      'Baker Street branch was closed',
    ])('leaves "%s" alone', (text) => expect(redact(text)).toBe(text));
  });

  describe('credentials in URLs', () => {
    it('replaces the user and password but keeps the URL', () => {
      expect(redact('see https://ada:s3cret@example.com/x?y=1')).toBe(
        'see https://[credentials]@example.com/x?y=1',
      );
      expect(redact('ftp://anonymous@files.example.com')).toBe(
        'ftp://[credentials]@files.example.com',
      );
    });

    it('does not read digits in URLs as phone or card numbers', () => {
      const text = 'https://shop.example.com/orders/4111111111111111?phone=02079460958';
      expect(redact(text)).toBe(text);
    });

    it('still finds email addresses in URLs', () => {
      expect(redact('https://example.com/unsubscribe?email=ada@example.com')).toBe(
        'https://example.com/unsubscribe?email=[email]',
      );
    });
  });

  it('counts what it replaced, by kind, in a fixed order', () => {
    const result = redactPersonalData(
      'Call 020 7946 0958 or 07700 900123, mail ada@example.com, card 4111 1111 1111 1111.',
    );
    expect(result).toEqual({
      text: 'Call [phone] or [phone], mail [email], card [card].',
      redactions: [
        { kind: 'email', count: 1 },
        { kind: 'card', count: 1 },
        { kind: 'phone', count: 2 },
      ],
    });
  });

  it('returns text without personal data unchanged, with no redactions', () => {
    const text =
      'The app crashed twice at 10:30 on 2024-01-15; order 12345 cost £25.50. 😡\n\tWhy?';
    expect(redactPersonalData(text)).toEqual({ text, redactions: [] });
  });

  it('handles empty text', () =>
    expect(redactPersonalData('')).toEqual({ text: '', redactions: [] }));
});
