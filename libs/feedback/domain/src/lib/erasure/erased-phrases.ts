/**
 * What is left of a list of phrases derived from feedback text (a theme's key phrases, stems,
 * label) once some texts are erased: a phrase found in an erased text is dropped unless a text
 * still kept also holds it, so nothing only an erased customer wrote survives, while phrases
 * many customers share stay. Matching is case-insensitive on the phrase as a substring.
 */
export function keptPhrases(
  phrases: readonly string[],
  erasedTexts: readonly string[],
  keptTexts: readonly string[],
): string[] {
  const erased = erasedTexts.map((t) => t.toLowerCase());
  const kept = keptTexts.map((t) => t.toLowerCase());
  return phrases.filter((phrase) => {
    const p = phrase.toLowerCase().trim();
    if (p.length === 0) return true;
    const inErased = erased.some((t) => t.includes(p));
    return !inErased || kept.some((t) => t.includes(p));
  });
}
