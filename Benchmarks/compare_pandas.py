#!/usr/bin/env python3
"""`cop compare --level wijk --format csv` computed with pandas, one data file at a time."""

import os
import sys

import numpy as np
import pandas as pd

from common import arguments, catalogue, write_rows

casebook = arguments()
areas = pd.read_csv(os.path.join(casebook, "areas.csv"), dtype=str, keep_default_na=False)
known = set(areas.code)
wijken = areas[areas.level == "wijk"][["code", "parent"]]
parents = set(wijken.parent)
children = areas[(areas.level != "aggregate") & areas.parent.isin(parents)][["code", "parent"]]
rows = []
for indicator, sign, tol, min_n in catalogue(casebook):
    path = os.path.join(casebook, "indicators", "data", indicator + ".csv")
    if not os.path.exists(path):
        continue
    df = pd.read_csv(path, dtype={"area": str, "period": str}, na_values=["", "."], keep_default_na=False)
    if "n" not in df:
        df["n"] = np.nan
    df = df[df.value.notna() & df.area.isin(known)]
    if df.empty:
        continue
    c = df.merge(children, left_on="area", right_on="code")
    c["nv"] = c.n * c.value
    c["hasn"] = c.n.notna()
    g = c.groupby(["parent", "period"]).agg(
        cnt=("value", "size"), sv=("value", "sum"), sn=("n", "sum"), snv=("nv", "sum"), alln=("hasn", "all"))
    fallback = np.where(g.alln & (g.sn > 0), g.snv / g.sn, g.sv / g.cnt)
    fallback = pd.Series(np.where(g.cnt < 2, np.nan, fallback), index=g.index, name="r")
    own = df[df.area.isin(parents)].set_index(["area", "period"]).value.rename("r")
    own.index.names = ["parent", "period"]
    ref = own.combine_first(fallback).dropna().reset_index()
    pairs = wijken.merge(df, left_on="code", right_on="area").merge(ref, on=["parent", "period"])
    span = pairs.groupby("code").period.agg(["min", "max"])
    at = pairs.set_index(["code", "period"])[["value", "n", "r"]]
    out = wijken.merge(span, left_on="code", right_index=True, how="left")
    start = out.merge(at, left_on=["code", "min"], right_index=True, how="left")
    end = out.merge(at, left_on=["code", "max"], right_index=True, how="left")
    for s, e in zip(start.itertuples(index=False), end.itertuples(index=False)):
        rows.append((indicator, s.code, s.parent, s.min, s.max, s.value, e.value, s.r, e.r, s.n, e.n,
                     sign, tol, min_n))
write_rows(rows, sys.stdout)
