WITH ev AS (SELECT `event_seq` AS rid, toString(`user_id`) AS customer_id, toUnixTimestamp64Milli(toDateTime64(`timestamp`, 3, 'UTC')) AS ts, toString(`event`) AS event, toFloat64(`value`) AS amount FROM `analytics`.`events`),
pu AS (SELECT customer_id, ts, amount, lagInFrame(toNullable(ts), 1) OVER (PARTITION BY customer_id ORDER BY ts, rid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS previous_ts
     FROM ev WHERE event = 'purchase'),
per AS (SELECT customer_id, count(*) AS purchases, max(ts) - min(ts) AS span_ms FROM pu GROUP BY customer_id)
SELECT * FROM
  (SELECT count(*) AS purchases, sum(amount) AS revenue FROM pu) totals
  CROSS JOIN (SELECT count(*) AS buyers, sum(span_ms) AS span_ms, sum(CASE WHEN purchases >= 2 THEN 1 ELSE 0 END) AS repeaters FROM per) buyers
  CROSS JOIN (SELECT count(gap_days) AS gaps, quantileExactInclusive(0.5)(gap_days) AS median_days, avg(gap_days) AS mean_days
    FROM (SELECT toFloat64(ts - previous_ts) / 86400000 AS gap_days FROM pu WHERE previous_ts IS NOT NULL) g) gaps SETTINGS join_use_nulls = 1;
