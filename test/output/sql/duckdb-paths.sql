-- paths
WITH ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS VARCHAR) AS customer_id, epoch_ms("timestamp") AS ts, CAST("event" AS VARCHAR) AS event FROM "analytics"."events"),
o AS (SELECT customer_id, ts, event, row_number() OVER (PARTITION BY customer_id ORDER BY ts, rid) AS pos FROM ev),
g AS (SELECT customer_id, event, pos, CASE WHEN lag(ts) OVER (PARTITION BY customer_id ORDER BY pos) IS NULL THEN 1 WHEN ts - lag(ts) OVER (PARTITION BY customer_id ORDER BY pos) >= 1800000 THEN 1 ELSE 0 END AS cut FROM o),
s AS (SELECT customer_id, event, pos,
       sum(cut) OVER (PARTITION BY customer_id ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS sess FROM g),
c AS (SELECT customer_id, sess, event, pos, lag(event) OVER (PARTITION BY customer_id, sess ORDER BY pos) AS previous_event FROM s),
n AS (SELECT customer_id, sess, event, row_number() OVER (PARTITION BY customer_id, sess ORDER BY pos) AS node FROM c WHERE previous_event IS NULL OR previous_event <> event),
f AS (SELECT customer_id, sess, min(CASE WHEN event = 'visit' THEN node END) AS first_node FROM n GROUP BY customer_id, sess),
e AS (SELECT n.customer_id AS customer_id, n.sess AS sess, f.first_node AS first_node, max(n.node) AS end_node
     FROM n JOIN f ON n.customer_id = f.customer_id AND n.sess = f.sess
     WHERE f.first_node IS NOT NULL GROUP BY n.customer_id, n.sess, f.first_node),
kept AS (SELECT n.customer_id AS customer_id, n.sess AS sess, n.event AS event, n.node - e.first_node + 1 AS node_at
     FROM n JOIN e ON n.customer_id = e.customer_id AND n.sess = e.sess
     WHERE e.end_node IS NOT NULL AND n.node >= e.first_node AND n.node <= least(e.end_node, e.first_node + 2)),
sp AS (SELECT customer_id, max(CASE WHEN node_at = 1 THEN event END) AS n1, max(CASE WHEN node_at = 2 THEN event END) AS n2, max(CASE WHEN node_at = 3 THEN event END) AS n3 FROM kept GROUP BY customer_id, sess),
pc AS (SELECT n1, n2, n3, count(*) AS sessions, count(DISTINCT customer_id) AS customers FROM sp GROUP BY n1, n2, n3)
SELECT * FROM pc WHERE sessions >= (SELECT min(sessions) FROM (SELECT sessions FROM pc ORDER BY sessions DESC LIMIT 20) top_rows);

-- edges
WITH ev AS (SELECT "event_seq" AS rid, CAST("user_id" AS VARCHAR) AS customer_id, epoch_ms("timestamp") AS ts, CAST("event" AS VARCHAR) AS event FROM "analytics"."events"),
o AS (SELECT customer_id, ts, event, row_number() OVER (PARTITION BY customer_id ORDER BY ts, rid) AS pos FROM ev),
g AS (SELECT customer_id, event, pos, CASE WHEN lag(ts) OVER (PARTITION BY customer_id ORDER BY pos) IS NULL THEN 1 WHEN ts - lag(ts) OVER (PARTITION BY customer_id ORDER BY pos) >= 1800000 THEN 1 ELSE 0 END AS cut FROM o),
s AS (SELECT customer_id, event, pos,
       sum(cut) OVER (PARTITION BY customer_id ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS sess FROM g),
c AS (SELECT customer_id, sess, event, pos, lag(event) OVER (PARTITION BY customer_id, sess ORDER BY pos) AS previous_event FROM s),
n AS (SELECT customer_id, sess, event, row_number() OVER (PARTITION BY customer_id, sess ORDER BY pos) AS node FROM c WHERE previous_event IS NULL OR previous_event <> event),
f AS (SELECT customer_id, sess, min(CASE WHEN event = 'visit' THEN node END) AS first_node FROM n GROUP BY customer_id, sess),
e AS (SELECT n.customer_id AS customer_id, n.sess AS sess, f.first_node AS first_node, max(n.node) AS end_node
     FROM n JOIN f ON n.customer_id = f.customer_id AND n.sess = f.sess
     WHERE f.first_node IS NOT NULL GROUP BY n.customer_id, n.sess, f.first_node),
kept AS (SELECT n.customer_id AS customer_id, n.sess AS sess, n.event AS event, n.node - e.first_node + 1 AS node_at
     FROM n JOIN e ON n.customer_id = e.customer_id AND n.sess = e.sess
     WHERE e.end_node IS NOT NULL AND n.node >= e.first_node AND n.node <= least(e.end_node, e.first_node + 2)),
sp AS (SELECT customer_id, max(CASE WHEN node_at = 1 THEN event END) AS n1, max(CASE WHEN node_at = 2 THEN event END) AS n2, max(CASE WHEN node_at = 3 THEN event END) AS n3 FROM kept GROUP BY customer_id, sess),
ec AS (SELECT node_at, source, target, count(*) AS sessions, count(DISTINCT customer_id) AS customers
     FROM (SELECT customer_id, 1 AS node_at, n1 AS source, n2 AS target FROM sp WHERE n2 IS NOT NULL UNION ALL SELECT customer_id, 2 AS node_at, n2 AS source, n3 AS target FROM sp WHERE n3 IS NOT NULL) ed GROUP BY node_at, source, target HAVING count(*) >= 1)
SELECT * FROM ec WHERE sessions >= (SELECT min(sessions) FROM (SELECT sessions FROM ec ORDER BY sessions DESC LIMIT 50) top_rows);
