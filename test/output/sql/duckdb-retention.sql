-- bounds
WITH ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS VARCHAR) AS customer_id, epoch_ms("timestamp") AS ts, CAST("event" AS VARCHAR) AS event FROM "analytics"."events")
SELECT min(ts) AS first_ms, max(ts) AS last_ms, count(*) AS events FROM ev;

-- sizes
WITH ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS VARCHAR) AS customer_id, epoch_ms("timestamp") AS ts, CAST("event" AS VARCHAR) AS event FROM "analytics"."events"),
p AS (SELECT customer_id, event, strftime(CAST(date_trunc('week', timezone('Asia/Shanghai', make_timestamptz(CAST(ts AS BIGINT) * 1000))) AS DATE), '%Y-%m-%d') AS period FROM ev),
cohorts AS (SELECT customer_id, min(period) AS cohort FROM p WHERE 1 = 1 GROUP BY customer_id),
returns AS (SELECT DISTINCT p.customer_id AS customer_id, c.cohort AS cohort, p.period AS returned
     FROM p JOIN cohorts c ON c.customer_id = p.customer_id WHERE 1 = 1 AND p.period > c.cohort)
SELECT cohort, count(*) AS customers FROM cohorts GROUP BY cohort;

-- returns
WITH ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS VARCHAR) AS customer_id, epoch_ms("timestamp") AS ts, CAST("event" AS VARCHAR) AS event FROM "analytics"."events"),
p AS (SELECT customer_id, event, strftime(CAST(date_trunc('week', timezone('Asia/Shanghai', make_timestamptz(CAST(ts AS BIGINT) * 1000))) AS DATE), '%Y-%m-%d') AS period FROM ev),
cohorts AS (SELECT customer_id, min(period) AS cohort FROM p WHERE 1 = 1 GROUP BY customer_id),
returns AS (SELECT DISTINCT p.customer_id AS customer_id, c.cohort AS cohort, p.period AS returned
     FROM p JOIN cohorts c ON c.customer_id = p.customer_id WHERE 1 = 1 AND p.period > c.cohort)
SELECT cohort, latest AS returned, count(*) AS customers
         FROM (SELECT customer_id, cohort, max(returned) AS latest FROM returns GROUP BY customer_id, cohort) f
         GROUP BY cohort, latest;
