/**
 * Function words that carry no topic. Negations are deliberately absent: "card not arrived"
 * and "card arrived" are different complaints, so negations are kept (as the token "not").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing done down during each else even ever ' +
    'every few for from further get gets getting got had has have having he her here hers herself ' +
    'him himself his how i if in into is it its itself just let like me might mine more most much ' +
    'must my myself now of off on once only or other our ours ourselves out over own per please ' +
    'quite rather really same shall she should so some such than thank thanks that the their theirs ' +
    'them themselves then there these they this those through thus to too under until up upon us ' +
    'very was we were what whats when where whether which while who whom whose why will with would ' +
    'yes yet you your yours yourself yourselves hi hello hey ok okay im ive id ill youre also still ' +
    'again anyone someone something anything one way since'
  ).split(' '),
);

/** Words that flip meaning; all are folded into the single token "not". */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nor',
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'wont',
  'havent',
  'hasnt',
  'hadnt',
  'couldnt',
  'shouldnt',
  'wouldnt',
  'without',
]);
