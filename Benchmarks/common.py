"""What the DuckDB and pandas versions of `cop compare --level wijk` share: the catalogue, the
verdict rules of DESIGN.md ("Benchmark semantics") and the CSV they write.

Both scripts compute, for every stored indicator with data and every wijk (areas.csv order), the
wijk against its parent's own value, else the mean of the parent's children with a value
(n-weighted where every one has n and the weights add up to more than 0, else unweighted; a mean of
one child is no reference), over the first and last period at which both have a value.
"""

import csv
import math
import os
import sys

import yaml

EPSILON = 1e-9
COLUMNS = ["indicator", "area", "reference", "from", "to", "area_from", "area_to", "reference_from",
           "reference_to", "gap_from", "gap_to", "verdict", "coverage_from", "coverage_to"]


def catalogue(casebook):
    """The catalogue entries in file order: id, sign (+1, -1, or 0 for neutral), tolerance, min_n."""
    with open(os.path.join(casebook, "indicators", "catalogue.yaml")) as f:
        entries = yaml.safe_load(f) or []
    result = []
    for entry in entries:
        polarity = entry.get("polarity", "neutral")
        sign = {"higher-is-better": 1.0, "lower-is-better": -1.0}.get(polarity, 0.0)
        result.append((str(entry["id"]), sign, float(entry.get("tolerance", 0) or 0),
                       float(entry.get("min_n", 0) or 0)))
    return result


def gap(area, reference, sign):
    return sign * (reference - area) if sign != 0 else abs(reference - area)


def judge(area_from, area_to, ref_from, ref_to, n_from, n_to, single, sign, tolerance, min_n):
    """The verdict, by the same rules and in the same order as cop's Verdict.judge."""
    if any(v is None for v in (area_from, area_to, ref_from, ref_to)):
        return "missing"
    if n_from is not None and n_from < min_n:
        return "suppressed"
    if n_to is not None and n_to < min_n:
        return "suppressed"
    gap_to = gap(area_to, ref_to, sign)
    if abs(gap_to) <= tolerance + EPSILON:
        return "level"
    if gap_to < -tolerance:
        return "ahead"
    if single:
        return "behind"
    change = gap_to - gap(area_from, ref_from, sign)
    if abs(change) <= tolerance + EPSILON:
        return "stable"
    return "closer" if change < 0 else "further"


def number(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return repr(float(value))


def none_if_nan(value):
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def write_rows(rows, out):
    """Writes rows of (indicator, area, reference, from, to, area_from, area_to, ref_from, ref_to,
    n_from, n_to, sign, tolerance, min_n) as cop's CSV, computing gaps and verdicts."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for (indicator, area, reference, start, end, af, at, rf, rt, nf, nt, sign, tol, min_n) in rows:
        af, at, rf, rt, nf, nt = map(none_if_nan, (af, at, rf, rt, nf, nt))
        start = start if isinstance(start, str) else ""
        end = end if isinstance(end, str) else ""
        verdict = judge(af, at, rf, rt, nf, nt, start == end, sign, tol, min_n)
        if verdict == "suppressed" or verdict == "missing" and not start:
            af = at = rf = rt = None
        gf = gap(af, rf, sign) if af is not None and rf is not None else None
        gt = gap(at, rt, sign) if at is not None and rt is not None else None
        writer.writerow([indicator, area, reference, start, end, number(af), number(at), number(rf),
                         number(rt), number(gf), number(gt), verdict, "", ""])


def arguments():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} CASEBOOK  (writes CSV to stdout)")
    return sys.argv[1]
