WITH ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS TEXT) AS customer_id, CAST(round(extract(epoch FROM "timestamp") * 1000) AS BIGINT) AS ts, CAST("event" AS TEXT) AS event, CAST("stage" AS TEXT) AS stage_col, CAST("channel" AS TEXT) AS channel_col, CAST("satisfaction" AS DOUBLE PRECISION) AS score FROM "analytics"."events"),
sc AS (SELECT customer_id, event, stage_col, channel_col, score FROM ev WHERE score IS NOT NULL)
SELECT 'event' AS grouping_name, event AS name, count(*) AS scores, sum(score) AS total,
      sum(CASE WHEN score >= 4 THEN 1 ELSE 0 END) AS four_up, sum(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS nine_up,
      sum(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS six_down, count(DISTINCT customer_id) AS customers,
      min(score) AS lowest, max(score) AS highest
    FROM sc WHERE event IS NOT NULL AND event <> '' GROUP BY event
UNION ALL
SELECT 'stage' AS grouping_name, stage_col AS name, count(*) AS scores, sum(score) AS total,
      sum(CASE WHEN score >= 4 THEN 1 ELSE 0 END) AS four_up, sum(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS nine_up,
      sum(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS six_down, count(DISTINCT customer_id) AS customers,
      min(score) AS lowest, max(score) AS highest
    FROM sc WHERE stage_col IS NOT NULL AND stage_col <> '' GROUP BY stage_col
UNION ALL
SELECT 'channel' AS grouping_name, channel_col AS name, count(*) AS scores, sum(score) AS total,
      sum(CASE WHEN score >= 4 THEN 1 ELSE 0 END) AS four_up, sum(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS nine_up,
      sum(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS six_down, count(DISTINCT customer_id) AS customers,
      min(score) AS lowest, max(score) AS highest
    FROM sc WHERE channel_col IS NOT NULL AND channel_col <> '' GROUP BY channel_col;
