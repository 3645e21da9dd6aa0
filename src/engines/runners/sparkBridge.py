"""Runs Spark SQL for Journey Kit: one JSON request per stdin line, one JSON answer per stdout line.

Started once per engine (Spark is slow to start). SPARK_REMOTE (sc://host:15002) uses Spark
Connect; otherwise a local session (SPARK_MASTER, default local[2]; SPARK_CONF adds settings,
one key=value a line). The session time zone is UTC.
"""
import json
import os
import sys

from pyspark.sql import SparkSession

builder = SparkSession.builder.appName("journey-kit")
if os.environ.get("SPARK_REMOTE"):
    builder = builder.remote(os.environ["SPARK_REMOTE"])
else:
    builder = (
        builder.master(os.environ.get("SPARK_MASTER", "local[2]"))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("SPARK_SHUFFLE_PARTITIONS", "4"))
        .config("spark.sql.warehouse.dir", os.environ.get("SPARK_WAREHOUSE", "spark-warehouse"))
        .config("spark.driver.memory", os.environ.get("SPARK_DRIVER_MEMORY", "1g"))
    )
    # SPARK_CONF: more settings, one key=value per line (the tests' quick settings for small data).
    for setting in os.environ.get("SPARK_CONF", "").splitlines():
        if "=" in setting:
            key, value = setting.split("=", 1)
            builder = builder.config(key.strip(), value.strip())
spark = builder.config("spark.sql.session.timeZone", "UTC").getOrCreate()
spark.sparkContext.setLogLevel("ERROR") if not os.environ.get("SPARK_REMOTE") else None
print(json.dumps({"ready": spark.version}), flush=True)

for line in sys.stdin:
    request = json.loads(line)
    try:
        frame = spark.sql(request["sql"])
        rows = [row.asDict() for row in frame.collect()] if request.get("rows", True) else []
        print(json.dumps({"rows": rows}, default=str), flush=True)
    except Exception as error:  # noqa: BLE001 - every error goes back to the caller as text
        print(json.dumps({"error": str(error).split("\n")[0]}), flush=True)
