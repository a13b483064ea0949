#!/usr/bin/env python3
"""Writes a deterministic SYNTHETIC casebook for cop's benchmark harness.

Every file says it is synthetic: casebook.yaml's title, the names in areas.csv, the catalogue's
labels and sources, the data files' names (indicators/data/synthetic-NNN.csv) and each case's id,
title and text. None of the figures describe a real place.

    Benchmarks/generate.py --scale small|city|country [--multiplier M] [--seed S] OUT

The same arguments always write the same bytes (Python's random.Random with a fixed seed; no
clock, no hash randomisation).
"""

import argparse
import os
import random
import shutil

# gemeenten, wijken, buurten, indicators, periods, cases
SCALES = {
    "small": (1, 12, 50, 8, 10, 50),
    "city": (4, 100, 480, 40, 20, 500),
    "country": (350, 3300, 14000, 100, 20, 5000),
}
FIRST_YEAR = 2005
THEMES = ["wonen", "werken", "school", "veiligheid", "gezondheid", "leefbaarheid"]
UNITS = ["percent", "percent", "percent", "euro", "rate", "index", "ratio", "count"]
POLARITIES = ["higher-is-better", "lower-is-better", "neutral"]


def spread(total, buckets, rng):
    """Splits `total` into `buckets` positive counts, unevenly but deterministically."""
    weights = [rng.uniform(0.3, 1.7) for _ in range(buckets)]
    scale = (total - buckets) / sum(weights)
    counts = [1 + int(w * scale) for w in weights]
    for i in range(total - sum(counts)):
        counts[i % buckets] += 1
    return counts


def make_areas(gemeenten, wijken, buurten, rng):
    """areas.csv rows (code, name, level, parent, groups) in file order: country, then each
    gemeente followed by its wijken, each followed by its buurten."""
    rows = [("NL", "Synthetisch Nederland", "country", "", "")]
    per_gemeente = spread(wijken, gemeenten, rng)
    wijk_codes = []
    gemeente_rows = []
    wijk_rows = []
    for g, count in enumerate(per_gemeente):
        gm = 1 + g
        gm_groups = []
        if g < 4:
            gm_groups.append("synthetic-g4")
        if g < 40:
            gm_groups.append("synthetic-g40")
        gemeente_rows.append((f"GM{gm:04d}", f"Synthetische gemeente {gm}", "gemeente", "NL", ";".join(gm_groups)))
        for w in range(count):
            code = f"WK{gm:04d}{w:02d}" if w < 100 else f"WK{gm:04d}X{w}"
            wijk_codes.append(code)
            wijk_rows.append((g, code))
    buurt_counts = spread(buurten, len(wijk_codes), rng)
    aandacht = set(rng.sample(range(len(wijk_codes)), min(40, len(wijk_codes))))
    by_gemeente = [[] for _ in range(gemeenten)]
    for index, (g, code) in enumerate(wijk_rows):
        groups = "synthetic-aandachtswijken" if index in aandacht else ""
        by_gemeente[g].append((code, f"Synthetische wijk {code[2:]}", "wijk", gemeente_rows[g][0], groups, buurt_counts[index]))
    for g, row in enumerate(gemeente_rows):
        rows.append(row)
        for code, name, level, parent, groups, nb in by_gemeente[g]:
            rows.append((code, name, level, parent, groups))
            for b in range(nb):
                bu = f"BU{code[2:]}{b:02d}" if b < 100 else f"BU{code[2:]}X{b}"
                rows.append((bu, f"Synthetische buurt {bu[2:]}", "buurt", code, ""))
    return rows


def split_edges(start, end, parts):
    """`parts + 1` whole-metre edges from `start` to `end`, as even as whole metres allow."""
    return [start + (end - start) * i // parts for i in range(parts + 1)]


def make_shapes(areas):
    """A deterministic SYNTHETIC tiling of the areas, in RD New metres: the gemeenten are the cells
    of a grid over the Netherlands' bounding box, each gemeente cut into vertical strips (its wijken)
    and each strip into horizontal slices (its buurten). Neighbours share their edges exactly; the
    shapes describe no real boundary. Returns {level: [(code, name, ring)]}."""
    gemeenten = [row for row in areas if row[2] == "gemeente"]
    wijken = {}
    buurten = {}
    for code, name, level, parent, _ in areas:
        if level == "wijk":
            wijken.setdefault(parent, []).append((code, name))
        elif level == "buurt":
            buurten.setdefault(parent, []).append((code, name))
    columns = 1
    while columns * columns < len(gemeenten):
        columns += 1
    rows = (len(gemeenten) + columns - 1) // columns
    xs = split_edges(14000, 278000, columns)
    ys = split_edges(307000, 613000, rows)
    shapes = {"gemeente": [], "wijk": [], "buurt": []}

    def ring(x0, y0, x1, y1):
        return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]

    for index, (code, name, _, _, _) in enumerate(gemeenten):
        x0, x1 = xs[index % columns], xs[index % columns + 1]
        y1, y0 = ys[rows - index // columns], ys[rows - index // columns - 1]
        shapes["gemeente"].append((code, name, ring(x0, y0, x1, y1)))
        strips = wijken.get(code, [])
        wx = split_edges(x0, x1, max(1, len(strips)))
        for w, (wijk, wijk_name) in enumerate(strips):
            shapes["wijk"].append((wijk, wijk_name, ring(wx[w], y0, wx[w + 1], y1)))
            slices = buurten.get(wijk, [])
            by = split_edges(y0, y1, max(1, len(slices)))
            for b, (buurt, buurt_name) in enumerate(slices):
                shapes["buurt"].append((buurt, buurt_name, ring(wx[w], by[b], wx[w + 1], by[b + 1])))
    return shapes


def write_shapes(folder, shapes):
    """geography/shapes/<level>.geojson, one feature a line, each marked synthetic."""
    os.makedirs(folder, exist_ok=True)
    for level, features in shapes.items():
        with open(os.path.join(folder, level + ".geojson"), "w") as f:
            f.write('{"type":"FeatureCollection","name":"SYNTHETIC tiling by Benchmarks/generate.py",'
                    '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"features":[\n')
            lines = []
            for code, name, points in features:
                coordinates = ",".join(f"[{x},{y}]" for x, y in points)
                lines.append('{"type":"Feature","properties":{"code":"%s","name":"%s","synthetic":true},'
                             '"geometry":{"type":"Polygon","coordinates":[[%s]]}}' % (code, name, coordinates))
            f.write(",\n".join(lines) + "\n]}\n")


def make_catalogue(count, rng):
    entries = []
    for i in range(count):
        unit = UNITS[i % len(UNITS)]
        polarity = POLARITIES[i % 3] if i % 7 else "neutral"
        has_n = i % 4 != 3
        entries.append({
            "id": f"synthetic-{i + 1:03d}",
            "unit": unit,
            "polarity": polarity,
            "theme": THEMES[i % len(THEMES)],
            "tolerance": [0, 0.5, 1, 2, 0.1][i % 5] if unit != "euro" else 1000,
            "min_n": [0, 10, 25, 50][i % 4] if has_n else 0,
            "aggregation": "sum" if unit == "count" else "weighted-mean",
            "has_n": has_n,
            "base": {"percent": 50.0, "euro": 250000.0, "rate": 8.0, "index": 100.0, "ratio": 1.2, "count": 500.0}[unit],
        })
    return entries


def write_catalogue(path, entries):
    with open(path, "w") as out:
        out.write("# SYNTHETIC indicator catalogue written by Benchmarks/generate.py; no real figures.\n")
        for e in entries:
            out.write(f"- id: {e['id']}\n")
            out.write(f"  label: \"Synthetic indicator {e['id'][-3:]} ({e['theme']})\"\n")
            out.write(f"  unit: {e['unit']}\n  polarity: {e['polarity']}\n  theme: {e['theme']}\n")
            out.write("  source: \"synthetic (cop Benchmarks/generate.py)\"\n")
            out.write(f"  tolerance: {e['tolerance']}\n  min_n: {e['min_n']}\n")
            out.write(f"  aggregation: {e['aggregation']}\n  decimals: 1\n")


def fmt(value):
    return f"{value:.1f}"


def write_data(path, entry, areas, periods, rng):
    """One data file: every area at every period, about 3% of values empty ('' or '.') and about
    1% of rows left out; gemeenten lack their own value now and then, so references fall back to
    the mean of their wijken."""
    base = entry["base"]
    spread_ = base * 0.2
    has_n = entry["has_n"]
    lines = ["area,period,value,n\n" if has_n else "area,period,value\n"]
    append = lines.append
    random_ = rng.random
    gauss = rng.gauss
    for code, level in areas:
        level_offset = gauss(0, spread_)
        trend = gauss(0, spread_ * 0.03)
        size = {"country": 100000, "gemeente": 5000, "wijk": 600, "buurt": 150}[level]
        for step, period in enumerate(periods):
            draw = random_()
            if draw < 0.01:
                continue
            if level == "gemeente" and draw < 0.06:
                continue  # no own value: the fallback mean of the wijken is the reference
            if draw > 0.97:
                value = "." if draw > 0.985 else ""
            else:
                value = fmt(max(0.0, base + level_offset + trend * step + gauss(0, spread_ * 0.05)))
            if has_n:
                n = int(size * (0.05 + random_() * 1.5)) if draw < 0.96 else int(random_() * 60)
                append(f"{code},{period},{value},{n}\n")
            else:
                append(f"{code},{period},{value}\n")
    with open(path, "w") as out:
        out.write("".join(lines))


def write_case(path, number, case_id, areas, themes, rng):
    area = areas[rng.randrange(len(areas))]
    start = FIRST_YEAR + rng.randrange(12)
    theme = themes[rng.randrange(len(themes))]
    words = ["buurt", "school", "werk", "wonen", "veiligheid", "jongeren", "zorg", "coalitie",
             "bewoners", "financiering", "groen", "energie", "taal", "schulden", "sport"]
    picked = " ".join(rng.choice(words) for _ in range(6))
    with open(path, "w") as out:
        out.write("---\n")
        out.write(f"title: \"SYNTHETIC case {number}: {picked}\"\n")
        out.write(f"areas: [{area}]\n")
        out.write(f"themes: [{theme}]\n")
        out.write(f"period: {{start: \"{start}\", end: \"{start + 1 + rng.randrange(6)}\"}}\n")
        out.write("partners: [synthetic partner A, synthetic partner B]\n")
        out.write("summary: >-\n")
        out.write(f"  A synthetic practice example written by Benchmarks/generate.py about {picked}.\n")
        out.write("  It describes no real project.\n")
        out.write("evidence:\n")
        out.write("  - scale: synthetic-scale\n")
        out.write(f"    level: level-{1 + rng.randrange(3)}\n")
        out.write("    assessed_by: synthetic-generator\n")
        out.write("    date: \"2026-01-01\"\n")
        out.write("sources:\n")
        out.write("  - title: Synthetic source (Benchmarks/generate.py)\n")
        out.write("    date: \"2026\"\n")
        out.write("contributors: [synthetic-generator]\n")
        out.write("---\n\n")
        out.write(f"SYNTHETIC. This case about {picked} was generated for benchmarks; it describes no real project.\n")


def generate(scale, multiplier, seed, out):
    gemeenten, wijken, buurten, indicators, period_count, cases = SCALES[scale]
    gemeenten = max(1, round(gemeenten * multiplier))
    wijken = max(gemeenten, round(wijken * multiplier))
    buurten = max(wijken, round(buurten * multiplier))
    cases = max(1, round(cases * multiplier))
    rng = random.Random(f"{seed}:{scale}:{multiplier}")
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "indicators", "data"))
    os.makedirs(os.path.join(out, "cases"))
    with open(os.path.join(out, "casebook.yaml"), "w") as f:
        f.write("# SYNTHETIC casebook written by Benchmarks/generate.py for cop's benchmark harness.\n")
        f.write(f"format: 1\ntitle: \"SYNTHETIC benchmark casebook ({scale}, x{multiplier})\"\nlanguage: nl\n")
        f.write("themes:\n")
        for theme in THEMES:
            f.write(f"  - id: {theme}\n    label: Synthetic theme {theme}\n")
        f.write("evidence_scales:\n  - id: synthetic-scale\n    label: Synthetic evidence scale\n    levels:\n")
        for level in range(1, 4):
            f.write(f"      - id: level-{level}\n        label: Synthetic level {level}\n")
    areas = make_areas(gemeenten, wijken, buurten, rng)
    with open(os.path.join(out, "areas.csv"), "w") as f:
        f.write("code,name,level,parent,groups\n")
        for row in areas:
            f.write(",".join(row) + "\n")
    write_shapes(os.path.join(out, "geography", "shapes"), make_shapes(areas))
    catalogue = make_catalogue(indicators, rng)
    write_catalogue(os.path.join(out, "indicators", "catalogue.yaml"), catalogue)
    periods = [str(FIRST_YEAR + i) for i in range(period_count)]
    area_levels = [(row[0], row[2]) for row in areas]
    for entry in catalogue:
        write_data(os.path.join(out, "indicators", "data", entry["id"] + ".csv"), entry, area_levels, periods,
                   random.Random(f"{seed}:{scale}:{multiplier}:{entry['id']}"))
    case_areas = [row[0] for row in areas if row[2] in ("gemeente", "wijk", "buurt")]
    for number in range(1, cases + 1):
        case_id = f"synthetic-{number:05d}"
        write_case(os.path.join(out, "cases", case_id + ".md"), number, case_id, case_areas, THEMES, rng)
    return {"areas": len(areas), "indicators": indicators, "periods": period_count, "cases": cases}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--multiplier", type=float, default=1.0)
    parser.add_argument("--seed", default="cop-bench-1")
    parser.add_argument("out")
    args = parser.parse_args()
    summary = generate(args.scale, args.multiplier, args.seed, args.out)
    print(f"wrote {args.out}: {summary}")


if __name__ == "__main__":
    main()
