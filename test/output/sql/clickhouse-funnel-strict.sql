WITH ev AS (SELECT `event_seq` AS rid, toString(`user_id`) AS customer_id, toUnixTimestamp64Milli(toDateTime64(`timestamp`, 3, 'UTC')) AS ts, toString(`event`) AS event FROM `analytics`.`events`),
cs AS (SELECT customer_id, arraySort(groupArray((ts, multiIf(event IN ('visit'), 0, event IN ('add_to_cart'), 1, event IN ('purchase'), 2, 3), rid, event, CAST(NULL AS Nullable(String))))) AS sorted
     FROM ev GROUP BY customer_id),
at AS (SELECT customer_id, arrayMap(x -> x.1, sorted) AS T, arrayMap(x -> x.4, sorted) AS E,
       arrayMap(x -> x.5, sorted) AS B,
       arrayMap(i -> [i], arrayFilter((i, e) -> e IN ('visit'), arrayEnumerate(E), E)) AS a1, arrayMap(a -> if(length(a) = 1, arrayMap(p -> if(p > 0 AND T[p] - T[a[1]] <= 1209600000, arrayPushBack(a, p), a), [if(a[-1] < length(E) AND E[a[-1] + 1] IN ('add_to_cart'), a[-1] + 1, 0)])[1], a), a1) AS a2, arrayMap(a -> if(length(a) = 2, arrayMap(p -> if(p > 0 AND T[p] - T[a[1]] <= 1209600000, arrayPushBack(a, p), a), [if(a[-1] < length(E) AND E[a[-1] + 1] IN ('purchase'), a[-1] + 1, 0)])[1], a), a2) AS a3
     FROM cs WHERE notEmpty(a1)),
bp AS (SELECT customer_id, T, B, arrayMax(arrayMap(x -> length(x), a3)) AS furthest,
       arrayFirst(a -> length(a) = furthest, a3) AS b FROM at),
best AS (SELECT customer_id, B[b[1]] AS by_value, length(b) AS reached, if(length(b) >= 1, T[b[1]], NULL) AS t1, if(length(b) >= 2, T[b[2]], NULL) AS t2, if(length(b) >= 3, T[b[3]], NULL) AS t3 FROM bp)
SELECT NULL AS bucket, sum(CASE WHEN reached >= 1 THEN 1 ELSE 0 END) AS c1, sum(CASE WHEN reached >= 2 THEN 1 ELSE 0 END) AS c2, quantileExactInclusive(0.5)(CASE WHEN reached >= 2 THEN toFloat64(t2 - t1) / 1000 END) AS median2, avg(CASE WHEN reached >= 2 THEN toFloat64(t2 - t1) / 1000 END) AS mean2, sum(CASE WHEN reached >= 3 THEN 1 ELSE 0 END) AS c3, quantileExactInclusive(0.5)(CASE WHEN reached >= 3 THEN toFloat64(t3 - t2) / 1000 END) AS median3, avg(CASE WHEN reached >= 3 THEN toFloat64(t3 - t2) / 1000 END) AS mean3 FROM best SETTINGS join_use_nulls = 1;
