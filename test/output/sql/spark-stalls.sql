-- stalls
WITH ev AS (SELECT `event_seq` AS rid, CAST(`user_id` AS STRING) AS customer_id, unix_millis(`timestamp`) AS ts, CAST(`event` AS STRING) AS event FROM `analytics`.`events`),
o AS (SELECT customer_id, ts, event, NULL AS by_value, CASE WHEN event IN ('visit') THEN 1 ELSE 0 END AS s1, CASE WHEN event IN ('purchase') THEN 1 ELSE 0 END AS s2,
       row_number() OVER (PARTITION BY customer_id ORDER BY ts, CASE WHEN event IN ('visit') THEN 0 WHEN event IN ('purchase') THEN 1 ELSE 2 END, rid) AS pos
     FROM ev),
nx AS (SELECT customer_id, pos, ts, by_value, s1, s2, min(CASE WHEN s2 = 1 THEN pos END) OVER (PARTITION BY customer_id ORDER BY pos ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next2 FROM o),
m1 AS (SELECT customer_id, by_value, pos AS p1, ts AS t1, next2 AS c2 FROM nx WHERE s1 = 1),
m2 AS (SELECT a.customer_id AS customer_id, a.by_value AS by_value, a.p1 AS p1, a.t1 AS t1, CASE WHEN x.ts - a.t1 <= 1209600000 THEN x.pos END AS p2, CASE WHEN x.ts - a.t1 <= 1209600000 THEN x.ts END AS t2
       FROM m1 a LEFT JOIN (SELECT customer_id, pos, ts FROM nx WHERE s2 = 1) x
       ON x.customer_id = a.customer_id AND x.pos = a.c2),
attempts AS (SELECT customer_id, by_value, p1, 1 + CASE WHEN p2 IS NOT NULL THEN 1 ELSE 0 END AS reached, t1, t2 FROM m2),
ranked AS (SELECT customer_id, by_value, reached, t1, t2,
       row_number() OVER (PARTITION BY customer_id ORDER BY reached DESC, p1) AS pick FROM attempts),
best AS (SELECT customer_id, by_value, reached, t1, t2 FROM ranked WHERE pick = 1),
latest AS (SELECT customer_id, max(ts) AS last_ms FROM ev GROUP BY customer_id),
bounds AS (SELECT (SELECT max(ts) FROM ev) AS now_ms)
SELECT b.reached AS reached, count(*) AS customers,
  sum(CASE WHEN l.last_ms < n.now_ms - 604800000 THEN 1 ELSE 0 END) AS stalled
FROM best b JOIN latest l ON l.customer_id = b.customer_id CROSS JOIN bounds n
GROUP BY b.reached;

-- now
WITH ev AS (SELECT `event_seq` AS rid, CAST(`user_id` AS STRING) AS customer_id, unix_millis(`timestamp`) AS ts, CAST(`event` AS STRING) AS event FROM `analytics`.`events`)
SELECT (SELECT max(ts) FROM ev) AS now_ms;
