"""Joins JMH result files into one: records of the same benchmark and parameters become one record
whose forks are all of theirs, in the order of the files; other records pass through.

bench/run launches the call-history benchmark once per round and history, one fork each, so that
"fresh" and "after the other losses" JVMs alternate in time; this puts their forks back together as
if JMH had run them in one go (report.py reads each fork's rounds from rawData).

    python bench/merge_forks.py FILE.json [FILE.json ...] > merged.json
"""
import json
import statistics
import sys


def merge(paths):
    merged, order = {}, []
    for path in paths:
        for record in json.load(open(path)):
            key = (record["benchmark"], json.dumps(record.get("params") or {}, sort_keys=True))
            if key not in merged:
                merged[key] = record
                order.append(key)
                continue
            metric = merged[key]["primaryMetric"]
            metric["rawData"] = (metric.get("rawData") or []) + (record["primaryMetric"].get("rawData") or [])
            merged[key]["forks"] = len(metric["rawData"])
    for key in order:
        metric = merged[key]["primaryMetric"]
        rounds = [value for fork in metric.get("rawData") or [] for value in fork]
        if rounds:  # the score of all rounds, as JMH gives it for several forks; no error bar across launches
            metric["score"] = statistics.fmean(rounds)
            metric["scoreError"] = "NaN"
    return [merged[key] for key in order]


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: merge_forks.py FILE.json [FILE.json ...]")
    json.dump(merge(sys.argv[1:]), sys.stdout, indent=2)
