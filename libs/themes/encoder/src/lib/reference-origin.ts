import type { SentenceEncoder } from './sentence-encoder';

/**
 * Everyday sentences on unrelated subjects (weather, food, sport, travel, work, shopping, service),
 * written for ClosedLoop. Their mean embedding is where a model's embeddings of ordinary text sit:
 * the theme engine centres a young stream's embeddings there until the stream has a mean of its own.
 */
export const REFERENCE_SENTENCES: readonly string[] = [
  'The weather will be sunny tomorrow with a light breeze.',
  'I cooked pasta with tomatoes and basil for dinner.',
  'The football match ended in a draw after extra time.',
  'Our train to the coast leaves at nine in the morning.',
  'She is learning to play the violin at a music school.',
  'The museum opens a new exhibition of modern sculpture.',
  'Interest rates rose again according to the central bank.',
  'My laptop battery drains too quickly when I watch videos.',
  'The children planted tomatoes and beans in the garden.',
  'He ran his first marathon in just under four hours.',
  'The hotel breakfast had fresh bread and local cheese.',
  'Please send me the report before the meeting on Friday.',
  'The new phone has a brighter screen and a better camera.',
  'We adopted a small dog from the animal shelter.',
  'The library extended its opening hours during exams.',
  'Traffic on the motorway was slow because of roadworks.',
  'The recipe needs two eggs, flour, sugar and butter.',
  'The band played their old songs at the summer festival.',
  'I renewed my passport online and it arrived in a week.',
  'The doctor recommended more sleep and less coffee.',
  'Our flight was delayed by two hours because of fog.',
  'The company announced record profits this quarter.',
  'The kids built a snowman in the park this morning.',
  'This novel tells the story of a family over three generations.',
  'The plumber fixed the leaking pipe under the kitchen sink.',
  'Electric cars are becoming cheaper every year.',
  'The price of groceries went up again this month.',
  'He forgot his umbrella and got soaked on the way home.',
  'The online course teaches the basics of photography.',
  'The city council approved a new bike lane downtown.',
  'My order from the shop arrived damaged and late.',
  'The customer service agent solved my problem quickly.',
  'I love the new design of your website, it is very clear.',
  'The app keeps crashing when I try to upload a photo.',
  'Thank you for the quick delivery and the friendly note.',
  'I was charged twice for the same subscription.',
  'The instructions in the box were hard to understand.',
  'The waiter was rude and the soup was cold.',
  'Can I change the delivery address after ordering?',
  'The software update made my printer stop working.',
  'Our neighbours are renovating their house all summer.',
  'The river flooded the fields after days of heavy rain.',
  'She won a scholarship to study engineering abroad.',
  'The concert tickets sold out within ten minutes.',
  'The bakery on the corner makes the best croissants.',
  'The mountain trail was steep but the view was worth it.',
  'The meeting was moved to the large conference room.',
  'He repaired his old bicycle with parts from a friend.',
  'The election results will be announced tonight.',
  'The cat sleeps on the windowsill in the afternoon sun.',
  'The factory will hire two hundred new workers next year.',
  'I need help resetting my password for the account.',
  'The new tax rules apply from the first of January.',
  'The school trip to the science museum was a big success.',
  'My internet connection drops every evening around eight.',
  'The garden centre has a sale on roses this weekend.',
  'The bus driver waited for the old man to sit down.',
  'Scientists discovered a new species of frog in the rainforest.',
  'The refund has still not appeared on my bank statement.',
  'The gym is offering a free trial month for new members.',
  'The film was too long but the music was beautiful.',
  "We celebrated my grandmother's ninetieth birthday together.",
  'The warehouse strike delayed deliveries across the country.',
  'This coffee machine is easy to clean and makes great espresso.',
];

/** The encoder's mean embedding of {@link REFERENCE_SENTENCES}. */
export async function referenceOrigin(encoder: SentenceEncoder): Promise<number[]> {
  const vectors = await encoder.encode(REFERENCE_SENTENCES);
  const origin = new Array<number>(encoder.dimensions).fill(0);
  for (const vector of vectors) {
    for (let d = 0; d < origin.length; d++) origin[d] += vector[d] / vectors.length;
  }
  return origin;
}
