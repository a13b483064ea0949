#!/usr/bin/env python3
"""cop's benchmark harness: generates synthetic casebooks, times `cop` against DuckDB and pandas on
the same files, checks that the three agree row for row, and prints the tables.

Run it through `Benchmarks/run` (or `make bench`), which makes the virtual environment and builds
`cop` first. Each timing is a fresh process, as a user runs it (the files are in the page cache for
every tool alike); the median of --repeat runs is shown, with the largest peak resident memory.
COP_BINARY names another `cop` to time (say, an older build kept for comparison).
"""

import argparse
import csv
import hashlib
import math
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "Benchmarks")
WORK = os.path.join(ROOT, ".build-bench")
COP = os.environ.get("COP_BINARY", os.path.join(ROOT, ".build", "release", "cop"))
PYTHON = sys.executable
GIT_ENV = {"GIT_AUTHOR_NAME": "cop benchmark", "GIT_AUTHOR_EMAIL": "bench@cop.invalid",
           "GIT_COMMITTER_NAME": "cop benchmark", "GIT_COMMITTER_EMAIL": "bench@cop.invalid",
           "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}


TIME = "/usr/bin/time"


def run(command, out_path, cwd=ROOT, env=None):
    """Runs a command with stdout to a file; returns (wall seconds, peak RSS bytes, exit code, stderr).

    The peak is measured by GNU time where there is one: Linux counts, in a child's peak, the memory of
    the process it was forked from (here the harness, which holds the compared CSV files), so wait4's
    figure would be the harness's whenever that is larger."""
    measured = os.access(TIME, os.X_OK)
    peak_file = out_path + ".peak"
    full = [TIME, "-f", "%M", "-o", peak_file] + command if measured else command
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(full, stdout=out, stderr=subprocess.PIPE, cwd=cwd,
                                   env=dict(os.environ, **(env or {})))
        stderr = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * 1024
    if measured:
        with open(peak_file) as f:
            lines = [line for line in f.read().splitlines() if line.strip().isdigit()]
        os.remove(peak_file)
        if lines:
            peak = int(lines[-1]) * 1024
    return wall, peak, process.returncode, stderr.decode(errors="replace")


def measure(name, command, out_path, repeat, expect_ok=True):
    walls, peaks = [], []
    for _ in range(repeat):
        wall, peak, code, stderr = run(command, out_path)
        if expect_ok and code != 0:
            sys.exit(f"{name} failed with exit code {code}:\n{stderr[-3000:]}")
        walls.append(wall)
        peaks.append(peak)
    return {"name": name, "wall": statistics.median(walls), "peak": max(peaks)}


def measure_cold_warm(name, command, out_path, repeat, path):
    """Times a command that reads through cop's cache of per-file results (`.git/cop/`): once with the
    cache removed first (cold: every file read, checked and hashed), then the median of at least three
    runs with the cache the first run left (warm: unchanged files are not read)."""
    cache = os.path.join(path, ".git", "cop")
    if os.path.isdir(cache):
        for name_ in os.listdir(cache):
            os.remove(os.path.join(cache, name_))
    cold = measure(name + " (cold cache)", command, out_path, 1)
    warm = measure(name + " (warm cache)", command, out_path, max(3, repeat))
    return [cold, warm]


def casebook(scale, multiplier):
    """The generated casebook of a scale, as a committed git repository; regenerated only when the
    generator or its arguments changed."""
    path = os.path.join(WORK, "casebooks", f"{scale}-x{multiplier:g}")
    with open(os.path.join(BENCH, "generate.py"), "rb") as f:
        stamp = hashlib.sha256(f.read() + f"{scale}:{multiplier}".encode()).hexdigest()
    stamp_path = path + ".stamp"
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return path
    print(f"generating the {scale} casebook (x{multiplier:g}) ...", file=sys.stderr, flush=True)
    subprocess.run([PYTHON, os.path.join(BENCH, "generate.py"), "--scale", scale, "--multiplier",
                    str(multiplier), path], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, **GIT_ENV)
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "SYNTHETIC benchmark casebook"]):
        subprocess.run(command, cwd=path, check=True, env=env)
    with open(stamp_path, "w") as f:
        f.write(stamp)
    return path


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))


def same_number(a, b):
    if a == b:
        return True
    if a == "" or b == "":
        return False
    x, y = float(a), float(b)
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def agree(reference_path, other_path, label):
    """Compares two compare CSVs row for row: text exactly, numbers to 1e-9 relative (sums of a
    fallback mean may be added in another order)."""
    ours, theirs = read_csv(reference_path), read_csv(other_path)
    if len(ours) != len(theirs):
        return f"{label}: {len(theirs) - 1} rows, cop has {len(ours) - 1}"
    numeric = set(range(5, 11)) | {12, 13}
    for number, (a, b) in enumerate(zip(ours, theirs), start=1):
        if len(a) != len(b):
            return f"{label}: line {number} has {len(b)} fields, cop's has {len(a)}"
        for column, (x, y) in enumerate(zip(a, b)):
            if not (same_number(x, y) if column in numeric and number > 1 else x == y):
                return f"{label}: line {number}, column {ours[0][column]}: cop {x!r}, {label} {y!r}"
    return None


def has_case_search():
    """Whether this build of cop has `cop case search` (DESIGN.md lists it; not every build has it yet)."""
    listing = subprocess.run([COP, "case", "--help"], capture_output=True, text=True).stdout
    return any(line.strip().startswith("search ") for line in listing.splitlines())


def data_size(path):
    total = os.path.getsize(os.path.join(path, "areas.csv"))
    folder = os.path.join(path, "indicators", "data")
    return total + sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))


def megabytes(value):
    return f"{value / 1e6:,.0f}"


def bench_scale(scale, multiplier, repeat):
    path = casebook(scale, multiplier)
    out = os.path.join(WORK, "out", f"{scale}-x{multiplier:g}")
    os.makedirs(out, exist_ok=True)
    size = data_size(path)
    rows = sum(1 for name in os.listdir(os.path.join(path, "indicators", "data"))
               for _ in open(os.path.join(path, "indicators", "data", name))) - len(
        os.listdir(os.path.join(path, "indicators", "data")))
    cases = len(os.listdir(os.path.join(path, "cases")))
    compare = ["compare", "--casebook", path, "--level", "wijk", "--format", "csv"]
    results = [
        measure("cop compare", [COP] + compare, os.path.join(out, "cop.csv"), repeat),
        measure("DuckDB", [PYTHON, os.path.join(BENCH, "compare_duckdb.py"), path],
                os.path.join(out, "duckdb.csv"), repeat),
        measure("pandas", [PYTHON, os.path.join(BENCH, "compare_pandas.py"), path],
                os.path.join(out, "pandas.csv"), repeat),
    ]
    problems = [p for p in (agree(os.path.join(out, "cop.csv"), os.path.join(out, "duckdb.csv"), "DuckDB"),
                            agree(os.path.join(out, "cop.csv"), os.path.join(out, "pandas.csv"), "pandas"))
                if p]
    compared = len(read_csv(os.path.join(out, "cop.csv"))) - 1
    others = [
        measure("cop compare --at HEAD", [COP] + compare + ["--at", "HEAD"], os.path.join(out, "cop-at.csv"),
                repeat),
        *measure_cold_warm("cop validate", [COP, "validate", "--casebook", path],
                           os.path.join(out, "validate.txt"), repeat, path),
        *measure_cold_warm("cop validate --at HEAD", [COP, "validate", "--casebook", path, "--at", "HEAD"],
                           os.path.join(out, "validate-at.txt"), repeat, path),
        *measure_cold_warm("cop case list", [COP, "case", "list", "--casebook", path, "--format", "csv"],
                           os.path.join(out, "list.csv"), repeat, path),
    ]
    if has_case_search():
        others.append(measure("cop case search", [COP, "case", "search", "schulden jongeren", "--casebook", path],
                              os.path.join(out, "search.txt"), repeat))
    if open(os.path.join(out, "cop.csv")).read() != open(os.path.join(out, "cop-at.csv")).read():
        problems.append("cop compare --at HEAD differs from the working tree's")
    cop = results[0]
    lines = [f"### {scale} (x{multiplier:g}): {rows:,} data rows, {compared:,} compared rows, "
             f"{cases:,} cases, data files {megabytes(size)} MB", "",
             "| run | wall (s) | peak memory (MB) | wall / cop's | memory / cop's |",
             "|---|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['name']} | {r['wall']:.2f} | {megabytes(r['peak'])} | "
                     f"{r['wall'] / cop['wall']:.2f} | {r['peak'] / cop['peak']:.2f} |")
    for r in others:
        lines.append(f"| {r['name']} | {r['wall']:.2f} | {megabytes(r['peak'])} | | |")
    if not has_case_search():
        lines.append("| cop case search | not in this build of cop | | | |")
    lines.append("")
    lines.append(f"Agreement (cop, DuckDB, pandas, row for row): "
                 f"{'passed' if not problems else 'FAILED: ' + '; '.join(problems)}. "
                 f"cop's peak memory is {cop['peak'] / size:.2f}x the data files.")
    return "\n".join(lines), not problems


def main():
    parser = argparse.ArgumentParser(description="cop's benchmark harness")
    parser.add_argument("--scales", default="small,city,country")
    parser.add_argument("--multiplier", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median); country runs once")
    args = parser.parse_args()
    if not os.access(COP, os.X_OK):
        sys.exit(f"no {COP}; run Benchmarks/run, which builds it")
    ok = True
    print(f"cop benchmark: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB,"
          f" {time.strftime('%Y-%m-%d', time.gmtime())}\n")
    for scale in args.scales.split(","):
        repeat = 1 if scale == "country" else args.repeat
        table, passed = bench_scale(scale, args.multiplier, repeat)
        ok = ok and passed
        print(table + "\n", flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
