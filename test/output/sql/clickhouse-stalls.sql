-- stalls
WITH ev AS (SELECT `event_seq` AS rid, toString(`user_id`) AS customer_id, toUnixTimestamp64Milli(toDateTime64(`timestamp`, 3, 'UTC')) AS ts, toString(`event`) AS event FROM `analytics`.`events`),
cs AS (SELECT customer_id, arraySort(groupArray((ts, multiIf(event IN ('visit'), 0, event IN ('purchase'), 1, 2), rid, event, CAST(NULL AS Nullable(String))))) AS sorted
     FROM ev GROUP BY customer_id),
at AS (SELECT customer_id, arrayMap(x -> x.1, sorted) AS T, arrayMap(x -> x.4, sorted) AS E,
       arrayMap(x -> x.5, sorted) AS B,
       arrayMap(i -> [i], arrayFilter((i, e) -> e IN ('visit'), arrayEnumerate(E), E)) AS a1, arrayMap(a -> if(length(a) = 1, arrayMap(p -> if(p > 0 AND T[p] - T[a[1]] <= 1209600000, arrayPushBack(a, p), a), [arrayFirstIndex((e, j) -> j > a[-1] AND e IN ('purchase'), E, arrayEnumerate(E))])[1], a), a1) AS a2
     FROM cs WHERE notEmpty(a1)),
bp AS (SELECT customer_id, T, B, arrayMax(arrayMap(x -> length(x), a2)) AS furthest,
       arrayFirst(a -> length(a) = furthest, a2) AS b FROM at),
best AS (SELECT customer_id, B[b[1]] AS by_value, length(b) AS reached, if(length(b) >= 1, T[b[1]], NULL) AS t1, if(length(b) >= 2, T[b[2]], NULL) AS t2 FROM bp),
latest AS (SELECT customer_id, max(ts) AS last_ms FROM ev GROUP BY customer_id),
bounds AS (SELECT (SELECT max(ts) FROM ev) AS now_ms)
SELECT b.reached AS reached, count(*) AS customers,
  sum(CASE WHEN l.last_ms < n.now_ms - 604800000 THEN 1 ELSE 0 END) AS stalled
FROM best b JOIN latest l ON l.customer_id = b.customer_id CROSS JOIN bounds n
GROUP BY b.reached SETTINGS join_use_nulls = 1;

-- now
WITH ev AS (SELECT `event_seq` AS rid, toString(`user_id`) AS customer_id, toUnixTimestamp64Milli(toDateTime64(`timestamp`, 3, 'UTC')) AS ts, toString(`event`) AS event FROM `analytics`.`events`)
SELECT (SELECT max(ts) FROM ev) AS now_ms SETTINGS join_use_nulls = 1;
