#!/usr/bin/env python3
"""Times `cop site build --at HEAD` on the SYNTHETIC casebooks of the harness (with the generator's
synthetic tiling as shapes) and measures what it wrote: a row per scale with the wall time, the peak
memory (GNU time), the site's total size, its number of files and pages, the largest page and the
largest file of any kind.

    python3 Benchmarks/site_build.py [--scales small,city,country] [--multiplier M]

Plain `python3` (no DuckDB or pandas); it builds nothing, so build the release `cop` first
(`swift build -c release --product cop`) or name one with COP_BINARY. The casebooks are the
harness's, generated once under `.build-bench/casebooks/`.
"""

import argparse
import os
import shutil
import sys

import harness


def site_size(folder):
    """(total bytes, files, pages, (largest page bytes, path), (largest file bytes, path))."""
    total, files, pages = 0, 0, 0
    largest_page, largest_file = (0, ""), (0, "")
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            size = os.path.getsize(path)
            relative = os.path.relpath(path, folder)
            total += size
            files += 1
            largest_file = max(largest_file, (size, relative))
            if name.endswith(".html"):
                pages += 1
                largest_page = max(largest_page, (size, relative))
    return total, files, pages, largest_page, largest_file


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="small,city,country")
    parser.add_argument("--multiplier", type=float, default=1.0)
    args = parser.parse_args()
    print("| scale | areas × indicators | wall (s) | peak memory (MiB) | total size (MiB) | files | pages "
          "| largest page (KiB) | largest file (KiB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for scale in args.scales.split(","):
        path = harness.casebook(scale, args.multiplier)
        out = os.path.join(harness.WORK, "sites", f"{scale}-x{args.multiplier:g}")
        if os.path.exists(out):
            shutil.rmtree(out)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        log = os.path.join(harness.WORK, f"site-{scale}.out")
        wall, peak, code, stderr = harness.run(
            [harness.COP, "site", "build", "--casebook", path, "--at", "HEAD", "--out", out], log)
        if code != 0:
            sys.exit(f"cop site build failed at {scale} with exit code {code}:\n{stderr[-3000:]}")
        total, files, pages, page, largest = site_size(out)
        with open(os.path.join(path, "areas.csv")) as f:
            areas = sum(1 for _ in f) - 1
        indicators = len(os.listdir(os.path.join(path, "indicators", "data")))
        print(f"| {scale} | {areas:,} × {indicators} | {wall:.1f} | {peak / 2**20:,.0f} | {total / 2**20:,.0f} "
              f"| {files:,} | {pages:,} | {page[0] / 1024:,.0f} (`{page[1]}`) "
              f"| {largest[0] / 1024:,.0f} (`{largest[1]}`) |", flush=True)


if __name__ == "__main__":
    main()
