WITH ev AS (SELECT `event_seq` AS rid, CAST(`user_id` AS STRING) AS customer_id, unix_millis(`timestamp`) AS ts, CAST(`event` AS STRING) AS event FROM `analytics`.`events`),
o AS (SELECT customer_id, ts, event, NULL AS by_value, CASE WHEN event IN ('visit') THEN 1 ELSE 0 END AS s1, CASE WHEN event IN ('add_to_cart') THEN 1 ELSE 0 END AS s2, CASE WHEN event IN ('purchase') THEN 1 ELSE 0 END AS s3,
       row_number() OVER (PARTITION BY customer_id ORDER BY ts, CASE WHEN event IN ('visit') THEN 0 WHEN event IN ('add_to_cart') THEN 1 WHEN event IN ('purchase') THEN 2 ELSE 3 END, rid) AS pos
     FROM ev),
nx AS (SELECT customer_id, pos, ts, by_value, s1, s2, s3, CASE WHEN lead(s2) OVER (PARTITION BY customer_id ORDER BY pos) = 1 THEN pos + 1 END AS next2, CASE WHEN lead(s3) OVER (PARTITION BY customer_id ORDER BY pos) = 1 THEN pos + 1 END AS next3 FROM o),
m1 AS (SELECT customer_id, by_value, pos AS p1, ts AS t1, next2 AS c2 FROM nx WHERE s1 = 1),
m2 AS (SELECT a.customer_id AS customer_id, a.by_value AS by_value, a.p1 AS p1, a.t1 AS t1, CASE WHEN x.ts - a.t1 <= 1209600000 THEN x.pos END AS p2, CASE WHEN x.ts - a.t1 <= 1209600000 THEN x.ts END AS t2, CASE WHEN x.ts - a.t1 <= 1209600000 THEN x.next3 END AS c3
       FROM m1 a LEFT JOIN (SELECT customer_id, pos, ts, next3 FROM nx WHERE s2 = 1) x
       ON x.customer_id = a.customer_id AND x.pos = a.c2),
m3 AS (SELECT a.customer_id AS customer_id, a.by_value AS by_value, a.p1 AS p1, a.t1 AS t1, a.p2 AS p2, a.t2 AS t2, CASE WHEN x.ts - a.t1 <= 1209600000 THEN x.pos END AS p3, CASE WHEN x.ts - a.t1 <= 1209600000 THEN x.ts END AS t3
       FROM m2 a LEFT JOIN (SELECT customer_id, pos, ts FROM nx WHERE s3 = 1) x
       ON x.customer_id = a.customer_id AND x.pos = a.c3),
attempts AS (SELECT customer_id, by_value, p1, 1 + CASE WHEN p2 IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN p3 IS NOT NULL THEN 1 ELSE 0 END AS reached, t1, t2, t3 FROM m3),
ranked AS (SELECT customer_id, by_value, reached, t1, t2, t3,
       row_number() OVER (PARTITION BY customer_id ORDER BY reached DESC, p1) AS pick FROM attempts),
best AS (SELECT customer_id, by_value, reached, t1, t2, t3 FROM ranked WHERE pick = 1)
SELECT NULL AS bucket, sum(CASE WHEN reached >= 1 THEN 1 ELSE 0 END) AS c1, sum(CASE WHEN reached >= 2 THEN 1 ELSE 0 END) AS c2, percentile(CASE WHEN reached >= 2 THEN CAST(t2 - t1 AS DOUBLE) / 1000 END, 0.5) AS median2, avg(CASE WHEN reached >= 2 THEN CAST(t2 - t1 AS DOUBLE) / 1000 END) AS mean2, sum(CASE WHEN reached >= 3 THEN 1 ELSE 0 END) AS c3, percentile(CASE WHEN reached >= 3 THEN CAST(t3 - t2 AS DOUBLE) / 1000 END, 0.5) AS median3, avg(CASE WHEN reached >= 3 THEN CAST(t3 - t2 AS DOUBLE) / 1000 END) AS mean3 FROM best;
