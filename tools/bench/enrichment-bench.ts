/**
 * npm run bench:enrichment — the CPU cost of each intake step per event, on one core, no I/O.
 *
 * Builds inbound events (all four sources, in turn) from the BANKING77 test texts, plus
 * multilingual comments and texts carrying personal data (emails, phone numbers, cards, IBANs,
 * addresses), serialises them as the Kafka messages intake receives, then times each step over
 * all of them, several rounds, and prints the median µs per event of each step:
 *   decode+validate   JSON bytes → contract event (decodeMessage: JSON.parse + zod schema)
 *   normalise         contract event → common feedback record (normaliseInboundEvent)
 *   redaction         redactPersonalData on the raw text
 *   sentiment         scoreSentiment on the redacted text
 *   language          detectLanguage on the redacted text
 *   journey stage     classifyJourneyStage
 *   enrich            enrichFeedback (redaction, sentiment, language, journey stage, public answer)
 *   intake prepare    decode+validate, normalise and enrich: what intake does per event before storing
 * Options: --rounds R (default 7), --json (print the figures as JSON too).
 */
import {
  INBOUND_TOPICS,
  type InboundFeedbackEvent,
  type TopicDefinition,
} from '@closedloop/contracts';
import {
  classifyJourneyStage,
  detectLanguage,
  redactPersonalData,
  scoreSentiment,
} from '@closedloop/feedback-domain';
import { decodeMessage } from '@closedloop/messaging';
import {
  enrichFeedback,
  normaliseInboundEvent,
  type NormalisedFeedback,
} from '@closedloop/pipeline-feature-intake';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const root = join(__dirname, '..', '..');
const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } },
});
const ROUNDS = Math.max(1, Number(values.rounds));

/** Comments in the languages customers of a European bank write in (and two further away). */
const MULTILINGUAL = [
  'Ich habe meine neue Karte immer noch nicht erhalten, obwohl ich sie vor einer Woche bestellt habe.',
  'Die Überweisung ist seit drei Tagen unterwegs und niemand kann mir sagen, wo das Geld ist.',
  'Der Kundenservice war sehr freundlich und hat mein Problem sofort gelöst.',
  'Warum wurde mir eine Gebühr für die Abhebung am Automaten berechnet?',
  "Je n'ai toujours pas reçu ma nouvelle carte, je l'ai commandée il y a plus d'une semaine.",
  "L'application plante à chaque fois que j'essaie de faire un virement.",
  'Le conseiller a été très aimable, merci beaucoup pour votre aide.',
  'Pourquoi mon paiement a-t-il été refusé alors que mon compte est approvisionné ?',
  'Todavía no he recibido mi nueva tarjeta, la pedí hace más de una semana.',
  'La aplicación es muy lenta y no puedo ver mis movimientos.',
  'El servicio de atención al cliente fue excelente, muy rápidos.',
  'Me han cobrado dos veces la misma compra, quiero que me devuelvan el dinero.',
  'Non ho ancora ricevuto la mia nuova carta, l’ho ordinata più di una settimana fa.',
  "L'app si blocca ogni volta che provo a fare un bonifico.",
  'Ik heb mijn nieuwe pas nog steeds niet ontvangen, terwijl ik hem vorige week heb besteld.',
  'De app werkt niet meer sinds de laatste update, erg vervelend.',
  'Ainda não recebi o meu novo cartão, encomendei-o há mais de uma semana.',
  'O atendimento foi ótimo, resolveram o meu problema rapidamente.',
  'Nadal nie otrzymałem nowej karty, zamówiłem ją ponad tydzień temu.',
  'Jag har fortfarande inte fått mitt nya kort, jag beställde det för över en vecka sedan.',
  'Jeg har stadig ikke modtaget mit nye kort, selvom jeg bestilte det for en uge siden.',
  'Yeni kartımı hâlâ almadım, bir haftadan fazla önce sipariş verdim.',
  'Я до сих пор не получил новую карту, хотя заказал её больше недели назад.',
  'Δεν έχω λάβει ακόμα τη νέα μου κάρτα, την παρήγγειλα πριν από μια εβδομάδα.',
  'Uusi korttini ei ole vieläkään saapunut, vaikka tilasin sen viikko sitten.',
  'Még mindig nem kaptam meg az új kártyámat, pedig egy hete rendeltem.',
  'Stále jsem nedostal novou kartu, objednal jsem ji před týdnem.',
  '新しいカードがまだ届いていません。一週間以上前に注文しました。',
  '我的新卡还没有收到，我一个多星期前就订了。',
  'ok',
  '👍👍',
  '10/10',
];

/** Personal data as customers write it; appended to some BANKING77 texts. */
const PERSONAL_DATA = [
  'You can reach me at ada.lovelace@example.com.',
  'Call me back on +44 20 7946 0958 please.',
  'My card number is 4111 1111 1111 1111 if that helps.',
  'The money should go to GB82 WEST 1234 5698 7654 32.',
  'Send the new card to 221B Baker Street, London NW1 6XE.',
  'My mobile is 020 7946 0958, email ada [at] example [dot] com.',
  'I live at Hauptstraße 5, 10115 Berlin.',
  'Try https://ada:s3cret@example.com/login to see it.',
  'Reference 2024-01-15 order 12345, call (415) 555-2671.',
];

interface Sample {
  readonly bytes: Buffer;
  readonly topic: TopicDefinition<InboundFeedbackEvent>;
}

function texts(): string[] {
  const rows = parse(readFileSync(join(root, 'tools/themes/data/banking77/test.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as { text: string }[];
  const banking = rows.map((r) => r.text).filter((t) => t.trim().length > 0);
  const withPii = banking.map((text, i) =>
    i % 7 === 0 ? `${text} ${PERSONAL_DATA[(i / 7) % PERSONAL_DATA.length]}` : text,
  );
  // Multilingual comments: about 5% of the stream.
  const stream: string[] = [];
  withPii.forEach((text, i) => {
    stream.push(text);
    if (i % 20 === 0) stream.push(MULTILINGUAL[(i / 20) % MULTILINGUAL.length] as string);
  });
  return stream;
}

function eventFor(text: string, i: number): InboundFeedbackEvent {
  const base = {
    schemaVersion: 1 as const,
    externalId: `bench-${i}`,
    occurredAt: new Date(Date.UTC(2026, 10, 1, 10, 0, i % 60)).toISOString(),
    metadata: { campaign: 'bench' },
  };
  const customer = { email: `Customer${i % 500}@Example.com`, name: 'Bench Customer' };
  switch (i % 4) {
    case 0:
      return {
        ...base,
        source: 'survey',
        customer,
        survey: {
          surveyId: 'nps-q4',
          metric: 'NPS',
          score: i % 11,
          comment: text,
          channel: 'in-app',
          touchpoint: i % 3 === 0 ? 'checkout' : 'app-home',
        },
      };
    case 1:
      return {
        ...base,
        source: 'social',
        social: {
          platform: 'x',
          authorHandle: `@customer${i % 500}`,
          url: `https://x.com/customer${i % 500}/status/${i}`,
          text,
          reach: { followers: (i * 37) % 5000, likes: i % 13 },
          isPublic: i % 5 !== 0,
        },
      };
    case 2:
      return {
        ...base,
        source: 'crm',
        customer: { externalId: `contact-${i % 500}`, email: customer.email },
        crm: {
          kind: i % 3 === 0 ? 'support_ticket' : 'note',
          accountId: `acct-${i % 100}`,
          subject: 'Customer contact',
          text,
        },
      };
    default:
      return {
        ...base,
        source: 'staff',
        customer: i % 2 === 0 ? customer : undefined,
        staff: { employeeId: `emp-${i % 40}`, team: 'branch-london', observation: text },
      };
  }
}

let sink = 0;
/** Keeps results alive so that the work is not optimised away. */
const keep = (value: unknown) => {
  sink = (sink + (value === null || value === undefined ? 0 : 1)) | 0;
};

/** Median µs per item of `fn` over all `items`, after one warm-up pass. */
function time<T>(items: readonly T[], fn: (item: T) => unknown): { median: number; min: number } {
  for (const item of items) keep(fn(item));
  const perItem: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (const item of items) keep(fn(item));
    perItem.push(((performance.now() - start) * 1000) / items.length);
  }
  perItem.sort((a, b) => a - b);
  return { median: perItem[Math.floor(perItem.length / 2)] as number, min: perItem[0] as number };
}

function machine(): Record<string, string> {
  let nproc = String(cpus().length);
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
    const lscpu = execFileSync('lscpu', { encoding: 'utf8' });
    model = /^Model name:\s*(.+)$/m.exec(lscpu)?.[1]?.trim() ?? model;
  } catch {
    /* not Linux: os.cpus() it is */
  }
  return {
    date: new Date().toISOString(),
    nproc,
    cpu: model,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
  };
}

function main(): void {
  const samples: Sample[] = texts().map((text, i) => {
    const event = eventFor(text, i);
    return {
      bytes: Buffer.from(JSON.stringify(event)),
      topic: INBOUND_TOPICS[event.source] as TopicDefinition<InboundFeedbackEvent>,
    };
  });
  const decoded = samples.map(({ topic, bytes }) => {
    const result = decodeMessage(topic, bytes);
    if (!result.ok) throw new Error(`sample does not validate: ${result.reason}`);
    return result.value;
  });
  const normalised: NormalisedFeedback[] = decoded.map(normaliseInboundEvent);
  const raw = normalised.map((n) => n.rawText).filter((t): t is string => !!t && t.trim() !== '');
  const redacted = raw.map((t) => redactPersonalData(t).text);
  const journeyInputs = normalised.map((n) => ({
    source: n.source,
    crmKind: n.crmKind,
    touchpoint: n.touchpoint,
    text: n.rawText ? redactPersonalData(n.rawText).text : undefined,
  }));

  const info = machine();
  console.log(
    `enrichment bench: ${samples.length} events (${raw.length} with text), ${ROUNDS} rounds, median of rounds`,
  );
  console.log(
    Object.entries(info)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; '),
  );

  const steps: [string, () => { median: number; min: number }][] = [
    ['decode+validate', () => time(samples, ({ topic, bytes }) => decodeMessage(topic, bytes))],
    ['normalise', () => time(decoded, normaliseInboundEvent)],
    ['redaction', () => time(raw, redactPersonalData)],
    ['sentiment', () => time(redacted, scoreSentiment)],
    ['language', () => time(redacted, detectLanguage)],
    ['journey stage', () => time(journeyInputs, classifyJourneyStage)],
    ['enrich (whole)', () => time(normalised, enrichFeedback)],
    [
      'intake prepare',
      () =>
        time(samples, ({ topic, bytes }) => {
          const result = decodeMessage(topic, bytes);
          return result.ok ? enrichFeedback(normaliseInboundEvent(result.value)) : null;
        }),
    ],
  ];
  const figures: Record<string, { median: number; min: number }> = {};
  for (const [name, run] of steps) {
    const figure = run();
    figures[name] = figure;
    console.log(
      `${name.padEnd(16)} ${figure.median.toFixed(1).padStart(8)} µs/event  (best round ${figure.min.toFixed(1)})`,
    );
  }
  const perEvent = figures['intake prepare']?.median ?? 0;
  console.log(
    `one core, CPU alone: at most ${Math.round(1e6 / perEvent).toLocaleString('en')} events/s before any I/O`,
  );
  if (values.json)
    console.log(JSON.stringify({ ...info, events: samples.length, rounds: ROUNDS, figures }));
  if (sink === -1) console.log(sink);
}

main();
