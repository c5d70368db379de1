"""pandas' read_csv (C engine) in chunks on the streaming benchmark's CSV: the figure CsvRows is compared with.

Usage: csv_pandas.py FILE [rounds]. Each round reads every chunk of 8,192 rows and turns it into a float64
array (what a conversion to a binary row file needs); prints the median seconds, MB/s and rows/s.
"""
import statistics
import sys
import time
import os

import pandas as pd


def one_read(path):
    rows = 0
    for chunk in pd.read_csv(path, engine="c", chunksize=8192, dtype="float64"):
        rows += len(chunk.to_numpy())
    return rows


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    one_read(path)  # warm the page cache
    times, rows = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        rows = one_read(path)
        times.append(time.perf_counter() - start)
    s = statistics.median(times)
    size = os.path.getsize(path)
    print(f"pandas {pd.__version__} read_csv(engine='c', chunksize=8192) rows={rows} seconds={s:.3f} "
          f"MB_per_s={size / 1e6 / s:.1f} rows_per_s={rows / s:.0f}")


if __name__ == "__main__":
    main()
