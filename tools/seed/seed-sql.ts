import { lineageFromThemeLinksSql } from '@closedloop/actions-data-access';

/**
 * The SQL of the performance seed: everything is generated inside PostgreSQL (generate_series and
 * random() after setseed on one connection), so a million rows take minutes and the same
 * arguments always give the same data.
 */

const FIRST = `ARRAY['Ada','Grace','Maya','Ravi','Lena','Tom','Aisha','Jonas','Sofia','Kenji','Priya','Omar','Elena','Noah','Chloe','Mateo']`;
const LAST = `ARRAY['Lovelace','Hopper','Chen','Patel','Meyer','Brown','Khan','Berg','Rossi','Sato','Singh','Haddad','Novak','Smith','Martin','Garcia']`;
const TOPICS = `ARRAY['checkout','delivery','login','refund','support','pricing','app','invoice','search','account','password','subscription','parcel','card payment','returns','notifications','onboarding','reports','export','mobile app']`;
const PROBLEMS = `ARRAY['times out','is too slow','keeps failing','was late','is confusing','costs too much','crashes','never arrives','is broken','needs a dark mode','lost my data','is great','works well','got better','is hard to find']`;

/** Customers `customer-<i>@example.com`, created over the 52 weeks before the seed's day. */
export const customersSql = `
  INSERT INTO customers (id, email, name, created_at)
  SELECT md5('seed-customer-' || i)::uuid, 'customer-' || i || '@example.com',
         (${FIRST})[1 + i % 16] || ' ' || (${LAST})[1 + (i / 16) % 16],
         $2::timestamptz - (random() * 364) * interval '1 day'
  FROM generate_series(1, $1::int) AS i`;

/**
 * Themes `seed-theme-<i>`: labels from topic and problem; about 3% noise and 2% merged into their
 * neighbour, the rest active.
 */
export const themesSql = `
  INSERT INTO themes (id, space, label, label_source, status, size, key_phrases, merged_into, created_at, updated_at)
  SELECT 'seed-theme-' || i, 'default',
         initcap((${TOPICS})[1 + i % 20]) || ' ' || (${PROBLEMS})[1 + (i / 20) % 15] || ' #' || i,
         CASE WHEN i % 11 = 0 THEN 'manual' ELSE 'machine' END,
         CASE WHEN i % 53 = 0 THEN 'merged' WHEN i % 37 = 0 THEN 'noise' ELSE 'active' END,
         0,
         jsonb_build_array((${TOPICS})[1 + i % 20], (${PROBLEMS})[1 + (i / 20) % 15], (${TOPICS})[1 + (i * 7) % 20]),
         CASE WHEN i % 53 = 0 THEN 'seed-theme-' || (i - 1) END,
         $2::timestamptz - (random() * 364) * interval '1 day', $2::timestamptz
  FROM generate_series(1, $1::int) AS i`;

/**
 * Feedback rows lo..hi: four sources (survey 45%, crm 25%, social 20%, staff 10%), scores and
 * bands for surveys, sentiment, language, journey stage, spread over 52 weeks; 85% of the items
 * with text are in a theme, a few themes far more than others (a skewed, Zipf-like pick).
 */
export const feedbackSql = `
  INSERT INTO feedback (id, event_key, source, customer_id, occurred_at, received_at, text, metric, score, score_band,
                        language, sentiment, sentiment_label, journey_stage, needs_public_answer, theme_id,
                        theme_similarity, themed_at, details)
  SELECT md5('seed-feedback-' || i)::uuid, r.source || ':seed-' || i, r.source,
         CASE WHEN r.source = 'staff' AND r.u1 < 0.3 THEN NULL
              ELSE md5('seed-customer-' || (1 + floor(r.u2 * $3::int))::int)::uuid END,
         r.occurred_at, r.occurred_at + (r.u3 * 600) * interval '1 second',
         CASE WHEN r.has_text THEN initcap((${TOPICS})[1 + r.theme % 20]) || ' ' || (${PROBLEMS})[1 + (r.theme / 20) % 15]
                   || CASE WHEN r.sentiment < -0.05 THEN ', really disappointed.' WHEN r.sentiment > 0.05 THEN ', thank you!' ELSE '.' END
                   || ' Ref ' || i END,
         r.metric, r.score,
         CASE r.metric
           WHEN 'NPS' THEN CASE WHEN r.score >= 9 THEN 'promoter' WHEN r.score >= 7 THEN 'passive' ELSE 'detractor' END
           WHEN 'CSAT' THEN CASE WHEN r.score >= 4 THEN 'satisfied' WHEN r.score = 3 THEN 'neutral' ELSE 'dissatisfied' END
           WHEN 'CES' THEN CASE WHEN r.score >= 5 THEN 'easy' WHEN r.score = 4 THEN 'neutral' ELSE 'difficult' END
         END,
         CASE WHEN NOT r.has_text THEN NULL WHEN r.u4 < 0.85 THEN 'en'
              ELSE (ARRAY['de','fr','es','nl','it'])[1 + floor(r.u5 * 5)::int] END,
         CASE WHEN r.has_text THEN r.sentiment END,
         CASE WHEN NOT r.has_text THEN NULL WHEN r.sentiment >= 0.05 THEN 'positive'
              WHEN r.sentiment <= -0.05 THEN 'negative' ELSE 'neutral' END,
         (ARRAY['discover','buy','onboard','use','use','use','support','support','renew','leave'])[1 + floor(r.u6 * 10)::int],
         r.source = 'social' AND r.sentiment < -0.5 AND r.u1 < 0.2,
         CASE WHEN r.themed THEN 'seed-theme-' || r.theme END,
         CASE WHEN r.themed THEN 0.55 + r.u5 * 0.4 END,
         CASE WHEN r.has_text THEN r.occurred_at + interval '1 minute' END,
         '{}'::jsonb
  FROM (
    SELECT s.*,
           s.has_text AND s.theme % 37 <> 0 AND s.u7 < 0.85 AS themed,
           CASE WHEN s.metric IS NULL THEN NULL WHEN s.metric = 'NPS' THEN floor(s.u8 * 11)::int
                WHEN s.metric = 'CSAT' THEN 1 + floor(s.u8 * 5)::int ELSE 1 + floor(s.u8 * 7)::int END AS score
    FROM (
      SELECT g.i, g.source, g.u1, g.u2, g.u3, g.u4, g.u5, g.u6, g.u7, g.u8,
             g.source <> 'survey' OR g.u1 < 0.7 AS has_text,
             CASE WHEN g.source = 'survey' THEN (ARRAY['NPS','NPS','CSAT','CES'])[1 + floor(g.u3 * 4)::int] END AS metric,
             -- Skewed theme pick; a merged theme's items went to its neighbour.
             (SELECT CASE WHEN t % 53 = 0 THEN t - 1 ELSE t END
                FROM (SELECT 1 + floor($4::int * power(g.u9, 2.2))::int AS t) AS pick) AS theme,
             greatest(-1, least(1, (g.u8 - 0.45) * 2.2)) AS sentiment,
             $5::timestamptz - (power(g.u2 * 0.999 + 0.001, 0.8) * 364) * interval '1 day'
                             - (g.u4 * 86400) * interval '1 second' AS occurred_at
      FROM (
        SELECT i, random() AS u0, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5,
               random() AS u6, random() AS u7, random() AS u8, random() AS u9
        FROM generate_series($1::int, $2::int) AS i
      ) AS raw
      CROSS JOIN LATERAL (SELECT raw.*,
        CASE WHEN raw.u0 < 0.45 THEN 'survey' WHEN raw.u0 < 0.70 THEN 'crm' WHEN raw.u0 < 0.90 THEN 'social' ELSE 'staff' END AS source) AS g
    ) AS s
  ) AS r`;

/** Daily statistics and running totals of every theme, from its feedback (as the pipeline keeps them). */
export const themeStatsSql = [
  `INSERT INTO theme_daily_stats (theme_id, day, source, journey_stage, volume, sentiment_sum, sentiment_count,
                                  negative_count, promoters, passives, detractors)
   SELECT theme_id, (occurred_at AT TIME ZONE 'UTC')::date, source, COALESCE(journey_stage, 'use'), count(*),
          COALESCE(sum(sentiment), 0), count(sentiment), count(*) FILTER (WHERE sentiment <= -0.05),
          count(*) FILTER (WHERE metric = 'NPS' AND score_band = 'promoter'),
          count(*) FILTER (WHERE metric = 'NPS' AND score_band = 'passive'),
          count(*) FILTER (WHERE metric = 'NPS' AND score_band = 'detractor')
   FROM feedback WHERE theme_id IS NOT NULL GROUP BY 1, 2, 3, 4`,
  `INSERT INTO theme_totals (theme_id, volume, negative_count, sentiment_sum, sentiment_count, last_feedback_at)
   SELECT t.id, COALESCE(a.volume, 0), COALESCE(a.negative_count, 0), COALESCE(a.sentiment_sum, 0),
          COALESCE(a.sentiment_count, 0), a.last_feedback_at
   FROM themes t LEFT JOIN (
     SELECT theme_id, count(*) AS volume, count(*) FILTER (WHERE sentiment <= -0.05) AS negative_count,
            sum(sentiment) AS sentiment_sum, count(sentiment) AS sentiment_count, max(occurred_at) AS last_feedback_at
     FROM feedback WHERE theme_id IS NOT NULL GROUP BY theme_id
   ) AS a ON a.theme_id = t.id`,
  `UPDATE themes t SET size = tt.volume FROM theme_totals tt WHERE tt.theme_id = t.id`,
];

/** How many seeded owners (CX leads who cannot sign in) the actions are spread over. */
export const SEED_OWNERS = 8;

/**
 * Actions, one per 25th active theme, owned by the seeded CX leads, across the lifecycle; each
 * linked to its theme, whose feedback becomes its lineage (the loop roll-ups follow through their
 * triggers); announced ones with a sent notice per customer, which tells those customers' items;
 * then the weekly feedback counts the loop measures divide by. Run after the feedback and themes.
 */
export const actionsSql = [
  `INSERT INTO users (id, email, name, role, password_hash)
   SELECT md5('seed-owner-' || k)::uuid, 'owner-' || k || '@closedloop.test', 'Owner ' || k, 'cx_lead', 'seeded: no sign-in'
   FROM generate_series(0, ${SEED_OWNERS - 1}) AS k`,
  `INSERT INTO actions (id, title, description, owner_id, status, created_at, updated_at, shipped_at, announced_at,
                        notice_subject, notice_body)
   SELECT md5('seed-action-' || n)::uuid, 'Fix: ' || t.label, 'Seeded action for ' || t.id,
          md5('seed-owner-' || (n % ${SEED_OWNERS}))::uuid,
          (ARRAY['proposed','planned','in_progress','shipped','announced','announced'])[1 + n % 6],
          $1::timestamptz - (60 + n % 240) * interval '1 day', $1::timestamptz - (n % 30) * interval '1 day',
          CASE WHEN n % 6 >= 3 THEN $1::timestamptz - (10 + n % 50) * interval '1 day' END,
          CASE WHEN n % 6 >= 4 THEN $1::timestamptz - (n % 10) * interval '1 day' END,
          CASE WHEN n % 6 >= 4 THEN 'We fixed it' END,
          CASE WHEN n % 6 >= 4 THEN 'Thanks for telling us; it is fixed.' END
   FROM (SELECT id, label, row_number() OVER (ORDER BY id) AS n FROM themes
         WHERE status = 'active' AND space = 'default') AS t
   WHERE t.n % 25 = 0`,
  `INSERT INTO action_themes (action_id, theme_id, linked_at, linked_by)
   SELECT a.id, substring(a.description FROM 'seed-theme-[0-9]+'), a.created_at, a.owner_id
   FROM actions a WHERE a.description LIKE 'Seeded action for %'`,
  `INSERT INTO action_history (id, action_id, actor, actor_id, kind, from_status, to_status, at)
   SELECT md5('seed-history-' || a.id)::uuid, a.id, 'seed', a.owner_id, 'status', NULL, a.status, a.updated_at
   FROM actions a WHERE a.description LIKE 'Seeded action for %'`,
  lineageFromThemeLinksSql('SELECT action_id, theme_id, linked_at FROM action_themes'),
  `INSERT INTO notices (id, action_id, customer_id, status, attempts, subject, text_body, created_at, sent_at)
   SELECT md5('seed-notice-' || a.id || c.customer_id)::uuid, a.id, c.customer_id, 'sent', 1, a.notice_subject,
          a.notice_body, a.announced_at, a.announced_at + interval '1 minute'
   FROM actions a
   CROSS JOIN LATERAL (SELECT DISTINCT l.customer_id FROM action_lineage l
                       WHERE l.action_id = a.id AND l.customer_id IS NOT NULL) AS c
   WHERE a.description LIKE 'Seeded action for %' AND a.status = 'announced'`,
  `UPDATE action_lineage l SET noticed_at = n.sent_at
   FROM notices n WHERE n.action_id = l.action_id AND n.customer_id = l.customer_id AND n.status = 'sent'`,
  `INSERT INTO feedback_weekly_stats (week, source, volume)
   SELECT date_trunc('week', occurred_at AT TIME ZONE 'UTC')::date, source, count(*)
   FROM feedback WHERE themed_at IS NOT NULL GROUP BY 1, 2
   ON CONFLICT (week, source) DO UPDATE SET volume = EXCLUDED.volume`,
  `UPDATE feedback SET tracked_at = themed_at WHERE themed_at IS NOT NULL AND tracked_at IS NULL`,
];
