import { detectLanguage, loadLanguageDetector } from './detect-language';

describe('detectLanguage', () => {
  it.each([
    ['en', 'I still have not received my new card, I ordered it over a week ago.'],
    [
      'de',
      'Ich habe meine neue Karte immer noch nicht erhalten, obwohl ich sie vor einer Woche bestellt habe.',
    ],
    [
      'fr',
      "Je n'ai toujours pas reçu ma nouvelle carte, je l'ai commandée il y a plus d'une semaine.",
    ],
    ['es', 'Todavía no he recibido mi nueva tarjeta, la pedí hace más de una semana.'],
  ])('%s', (language, text) => {
    const detected = detectLanguage(text);
    expect(detected.language).toBe(language);
    expect(detected.confidence).toBeGreaterThan(0.33);
    expect(detected.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ['it', 'Servizio clienti pessimo, nessuno risponde alle email.'],
    ['nl', 'De app werkt niet meer sinds de laatste update, erg vervelend.'],
    ['pt', 'O atendimento foi ótimo, resolveram o meu problema rapidamente.'],
    ['pl', 'Aplikacja ciągle się zawiesza, to bardzo irytujące.'],
    ['en', 'Card declined at the shop again'],
  ])('short feedback in %s', (language, text) =>
    expect(detectLanguage(text).language).toBe(language),
  );

  it('loads its n-gram database on demand', () => {
    expect(() => loadLanguageDetector()).not.toThrow();
  });

  it.each(['ok', '', '   ', '👍👍', '10/10', 'ok!! 5 stars', '[email] [phone]'])(
    '"%s" is undetermined',
    (text) => expect(detectLanguage(text)).toEqual({ language: 'und', confidence: 0 }),
  );

  it('ignores placeholders, URLs and email addresses', () => {
    expect(
      detectLanguage(
        'Der Kundenservice war sehr hilfreich [email] https://example.com/help ada@example.com',
      ).language,
    ).toBe('de');
  });
});
