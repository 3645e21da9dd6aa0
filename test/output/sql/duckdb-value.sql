WITH ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS VARCHAR) AS customer_id, epoch_ms("timestamp") AS ts, CAST("event" AS VARCHAR) AS event, CAST("value" AS DOUBLE) AS amount FROM "analytics"."events"),
pu AS (SELECT customer_id, ts, amount, lag(ts) OVER (PARTITION BY customer_id ORDER BY ts, rid) AS previous_ts
     FROM ev WHERE event = 'purchase'),
per AS (SELECT customer_id, count(*) AS purchases, max(ts) - min(ts) AS span_ms FROM pu GROUP BY customer_id)
SELECT * FROM
  (SELECT count(*) AS purchases, sum(amount) AS revenue FROM pu) totals
  CROSS JOIN (SELECT count(*) AS buyers, sum(span_ms) AS span_ms, sum(CASE WHEN purchases >= 2 THEN 1 ELSE 0 END) AS repeaters FROM per) buyers
  CROSS JOIN (SELECT count(gap_days) AS gaps, median(gap_days) AS median_days, avg(gap_days) AS mean_days
    FROM (SELECT CAST(ts - previous_ts AS DOUBLE) / 86400000 AS gap_days FROM pu WHERE previous_ts IS NOT NULL) g) gaps;
