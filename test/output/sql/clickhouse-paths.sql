-- paths
WITH ev AS (SELECT `event_seq` AS rid, toString(`user_id`) AS customer_id, toUnixTimestamp64Milli(toDateTime64(`timestamp`, 3, 'UTC')) AS ts, toString(`event`) AS event FROM `analytics`.`events`),
cs AS (SELECT customer_id, arraySort(groupArray((ts, rid, event))) AS sorted FROM ev GROUP BY customer_id),
ss AS (SELECT customer_id, arrayFilter((e, i) -> i = 1 OR e != session[i - 1], session, arrayEnumerate(session)) AS nodes FROM cs ARRAY JOIN arraySplit((e, gap) -> gap >= 1800000, arrayMap(x -> x.3, sorted), arrayDifference(arrayMap(x -> assumeNotNull(x.1), sorted))) AS session),
sp AS (SELECT customer_id, arraySlice(arraySlice(nodes, indexOf(nodes, 'visit')), 1, 3) AS path FROM ss WHERE indexOf(nodes, 'visit') > 0),
pc AS (SELECT n1, n2, n3, count(*) AS sessions, count(DISTINCT customer_id) AS customers
     FROM (SELECT customer_id, if(length(path) >= 1, path[1], NULL) AS n1, if(length(path) >= 2, path[2], NULL) AS n2, if(length(path) >= 3, path[3], NULL) AS n3 FROM sp) pv GROUP BY n1, n2, n3)
SELECT * FROM pc WHERE sessions >= (SELECT min(sessions) FROM (SELECT sessions FROM pc ORDER BY sessions DESC LIMIT 20) top_rows) SETTINGS join_use_nulls = 1;

-- edges
WITH ev AS (SELECT `event_seq` AS rid, toString(`user_id`) AS customer_id, toUnixTimestamp64Milli(toDateTime64(`timestamp`, 3, 'UTC')) AS ts, toString(`event`) AS event FROM `analytics`.`events`),
cs AS (SELECT customer_id, arraySort(groupArray((ts, rid, event))) AS sorted FROM ev GROUP BY customer_id),
ss AS (SELECT customer_id, arrayFilter((e, i) -> i = 1 OR e != session[i - 1], session, arrayEnumerate(session)) AS nodes FROM cs ARRAY JOIN arraySplit((e, gap) -> gap >= 1800000, arrayMap(x -> x.3, sorted), arrayDifference(arrayMap(x -> assumeNotNull(x.1), sorted))) AS session),
sp AS (SELECT customer_id, arraySlice(arraySlice(nodes, indexOf(nodes, 'visit')), 1, 3) AS path FROM ss WHERE indexOf(nodes, 'visit') > 0),
ec AS (SELECT node_at, source, target, count(*) AS sessions, count(DISTINCT customer_id) AS customers
     FROM (SELECT customer_id, node_at, path[node_at] AS source, path[node_at + 1] AS target
       FROM sp ARRAY JOIN arrayEnumerate(arrayPopBack(path)) AS node_at) ed
     GROUP BY node_at, source, target HAVING count(*) >= 1)
SELECT * FROM ec WHERE sessions >= (SELECT min(sessions) FROM (SELECT sessions FROM ec ORDER BY sessions DESC LIMIT 50) top_rows) SETTINGS join_use_nulls = 1;
