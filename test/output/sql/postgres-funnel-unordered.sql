WITH ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS TEXT) AS customer_id, CAST(round(extract(epoch FROM "timestamp") * 1000) AS BIGINT) AS ts, CAST("event" AS TEXT) AS event FROM "analytics"."events"),
o AS (SELECT customer_id, ts, event, NULL AS by_value, CASE WHEN event IN ('visit') THEN 1 ELSE 0 END AS s1, CASE WHEN event IN ('add_to_cart') THEN 1 ELSE 0 END AS s2, CASE WHEN event IN ('purchase') THEN 1 ELSE 0 END AS s3,
       row_number() OVER (PARTITION BY customer_id ORDER BY ts, CASE WHEN event IN ('visit') THEN 0 WHEN event IN ('add_to_cart') THEN 1 WHEN event IN ('purchase') THEN 2 ELSE 3 END, rid) AS pos
     FROM ev),
oc AS (SELECT customer_id, ts, by_value, pos, CASE WHEN event IN ('visit') THEN 1 WHEN event IN ('add_to_cart') THEN 2 WHEN event IN ('purchase') THEN 3 END AS cls FROM o),
hits AS (SELECT a.customer_id AS customer_id, a.by_value AS by_value, a.pos AS p1, a.ts AS t1, x.pos AS q, x.ts AS tq,
       CASE x.cls WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 END AS capacity,
       row_number() OVER (PARTITION BY a.customer_id, a.pos, x.cls ORDER BY x.pos) AS nth_in_class
     FROM oc a JOIN oc x ON x.customer_id = a.customer_id
     WHERE a.cls IS NOT NULL AND x.cls IS NOT NULL AND x.pos >= a.pos AND x.ts - a.ts <= 1209600000),
done AS (SELECT customer_id, by_value, p1, t1, tq, row_number() OVER (PARTITION BY customer_id, p1 ORDER BY q) AS k
     FROM hits WHERE nth_in_class <= capacity),
attempts AS (SELECT customer_id, by_value, p1, count(*) AS reached, min(t1) AS t1, max(CASE WHEN k = 2 THEN tq END) AS t2, max(CASE WHEN k = 3 THEN tq END) AS t3
     FROM done GROUP BY customer_id, by_value, p1),
ranked AS (SELECT customer_id, by_value, reached, t1, t2, t3,
       row_number() OVER (PARTITION BY customer_id ORDER BY reached DESC, p1) AS pick FROM attempts),
best AS (SELECT customer_id, by_value, reached, t1, t2, t3 FROM ranked WHERE pick = 1)
SELECT NULL AS bucket, sum(CASE WHEN reached >= 1 THEN 1 ELSE 0 END) AS c1, sum(CASE WHEN reached >= 2 THEN 1 ELSE 0 END) AS c2, percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN reached >= 2 THEN CAST(t2 - t1 AS DOUBLE PRECISION) / 1000 END) AS median2, avg(CASE WHEN reached >= 2 THEN CAST(t2 - t1 AS DOUBLE PRECISION) / 1000 END) AS mean2, sum(CASE WHEN reached >= 3 THEN 1 ELSE 0 END) AS c3, percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN reached >= 3 THEN CAST(t3 - t2 AS DOUBLE PRECISION) / 1000 END) AS median3, avg(CASE WHEN reached >= 3 THEN CAST(t3 - t2 AS DOUBLE PRECISION) / 1000 END) AS mean3 FROM best;
