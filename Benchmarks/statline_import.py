#!/usr/bin/env python3
"""`cop import statline` of a national Kerncijfers-size StatLine download, timed.

Generates, deterministically, a SYNTHETIC StatLine CSV download ("CSV met statistische symbolen":
byte-order mark, `;`, every field quoted, codes padded, numbers right-aligned) of one year for the
whole country: Nederland, 350 gemeenten, 3,300 wijken and about 13,900 buurten (about 17,500 areas) times 100
measures (counts, percentages, x 1 000 euro, km, Getal; about 4% '.' cells), 1.75 million cells.
Then times, each in a fresh `cop init` casebook: `cop import statline` (the import and its commit,
areas.csv, the catalogue and 100 data files from nothing), the same import again (nothing to
commit), and `cop validate` of the result; with peak resident memory (GNU time).

    python3 Benchmarks/statline_import.py [--areas-scale M]

needs the release `cop` (`swift build -c release --product cop`; COP_BINARY names another).
"""

import argparse
import os
import random
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import COP, GIT_ENV, WORK, megabytes, run  # noqa: E402

UNITS = ["Aantal", "%", "x 1 000 euro", "km", "Getal"]


def regions(scale):
    """Nederland, then each gemeente followed by its wijken and their buurten, as StatLine orders them."""
    rng = random.Random(2019)
    rows = [("NL00", "Nederland (synthetisch)")]
    gemeenten = int(350 * scale)
    wijken_left = int(3300 * scale)
    for g in range(gemeenten):
        code = f"{g + 1:04d}"
        rows.append((f"GM{code}", f"Synthetische gemeente {g + 1}"))
        wijken = max(1, wijken_left // (gemeenten - g))
        wijken_left -= wijken
        for w in range(wijken):
            rows.append((f"WK{code}{w:02d}", f"Synthetische wijk {g + 1}-{w}"))
            for b in range(5 if rng.random() < 0.2 else 4):  # 4.2 buurten a wijk on average
                rows.append((f"BU{code}{w:02d}{b:02d}", f"Synthetische buurt {g + 1}-{w}-{b}"))
    return rows


def generate(path, scale, measures=100):
    rng = random.Random(84583)
    titles = []
    for m in range(measures):
        unit = UNITS[m % len(UNITS)]
        titles.append((f"Synthetische groep {m // 10}/Synthetische maat {m} ({unit})", unit))
    header = ["Perioden", "Wijken en buurten", "Regiocode (gemeente, wijk, buurt) (code)"] + [t for t, _ in titles]
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\ufeff" + ";".join(f'"{h}"' for h in header) + "\r\n")
        for code, name in regions(scale):
            fields = ["2019", name, code.ljust(10)]
            for _, unit in titles:
                if rng.random() < 0.04:
                    cell = "."
                elif unit == "Aantal":
                    cell = str(rng.randint(0, 5000))
                elif unit == "Getal":
                    cell = f"{rng.uniform(-1, 1):.3f}"
                else:
                    cell = f"{rng.uniform(0, 100):.1f}"
                fields.append(cell.rjust(12))
            out.write(";".join(f'"{f}"' for f in fields) + "\r\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas-scale", type=float, default=1.0)
    args = parser.parse_args()
    folder = os.path.join(WORK, "statline")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    download = os.path.join(folder, "84583NED.csv")
    generate(download, args.areas_scale)
    with open(download, encoding="utf-8") as f:
        lines = sum(1 for _ in f) - 1
    size = os.path.getsize(download)
    env = dict(GIT_ENV, COP_CACHE="off")
    book = os.path.join(folder, "cb")
    # A repository of its own: `cop init` would otherwise commit into the enclosing checkout of cop.
    subprocess.run(["git", "init", "-q", folder], check=True)
    subprocess.run([COP, "init", book, "--title", "Synthetic"], check=True, capture_output=True,
                   env=dict(os.environ, **env))
    out = os.path.join(folder, "out.txt")
    results = []
    for label, command in [
        ("cop import statline (first)", [COP, "import", "statline", download, "--show", "0"]),
        ("cop import statline (again)", [COP, "import", "statline", download, "--show", "0"]),
        ("cop validate", [COP, "validate"]),
    ]:
        wall, peak, status, stderr = run(command, out, cwd=book, env=env)
        if status != 0:
            sys.exit(f"{label} failed ({status}): {stderr}")
        results.append((label, wall, peak))
    print(f"StatLine download: {lines:,} areas x 100 measures, {megabytes(size)} MB")
    print("| run | seconds | peak memory |")
    print("|---|---:|---:|")
    for label, wall, peak in results:
        print(f"| {label} | {wall:.2f} | {megabytes(peak)} MB |")


if __name__ == "__main__":
    main()
