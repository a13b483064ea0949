#!/usr/bin/env python3
"""`cop compare --level wijk --format csv` computed by DuckDB: SQL over the casebook's CSV files."""

import os
import sys

import duckdb

from common import arguments, catalogue, write_rows

casebook = arguments()
entries = catalogue(casebook)
db = duckdb.connect()
db.execute("CREATE TABLE catalogue (position INTEGER, ind VARCHAR, sign DOUBLE, tol DOUBLE, min_n DOUBLE)")
db.executemany("INSERT INTO catalogue VALUES (?, ?, ?, ?, ?)",
               [(i, e[0], e[1], e[2], e[3]) for i, e in enumerate(entries)])
areas = os.path.join(casebook, "areas.csv")
data = os.path.join(casebook, "indicators", "data", "*.csv")
db.execute(f"""
CREATE TABLE areas AS
  SELECT row_number() OVER () AS position, code, level, parent
  FROM read_csv('{areas}', header = true, all_varchar = true)""")
db.execute(f"""
CREATE TABLE obs AS
  SELECT regexp_extract(filename, '([^/]+)\\.csv$', 1) AS ind, area, period, value, n
  FROM read_csv('{data}', header = true, union_by_name = true, filename = true, nullstr = ['', '.'],
                types = {{'area': 'VARCHAR', 'period': 'VARCHAR', 'value': 'DOUBLE', 'n': 'DOUBLE'}})
  WHERE value IS NOT NULL AND area IN (SELECT code FROM areas)""")
rows = db.execute("""
WITH wijk AS (SELECT position, code, parent FROM areas WHERE level = 'wijk'),
children AS (
  SELECT o.ind, a.parent, o.period, count(*) AS cnt, bool_and(o.n IS NOT NULL) AS alln,
         sum(o.n) AS sn, sum(o.n * o.value) AS snv, sum(o.value) AS sv
  FROM obs o JOIN areas a ON a.code = o.area
  WHERE a.level <> 'aggregate' AND a.parent IN (SELECT parent FROM wijk)
  GROUP BY ALL),
ref AS (
  SELECT coalesce(p.ind, c.ind) AS ind, coalesce(p.area, c.parent) AS area,
         coalesce(p.period, c.period) AS period,
         CASE WHEN p.value IS NOT NULL THEN p.value
              WHEN c.cnt < 2 THEN NULL
              WHEN c.alln AND c.sn > 0 THEN c.snv / c.sn
              ELSE c.sv / c.cnt END AS value
  FROM (SELECT * FROM obs WHERE area IN (SELECT parent FROM wijk)) p
  FULL JOIN children c ON p.ind = c.ind AND p.area = c.parent AND p.period = c.period),
pairs AS (
  SELECT o.ind, w.code AS area, o.period, o.value AS a, o.n AS an, r.value AS r
  FROM wijk w JOIN obs o ON o.area = w.code
  JOIN ref r ON r.ind = o.ind AND r.area = w.parent AND r.period = o.period
  WHERE r.value IS NOT NULL),
span AS (SELECT ind, area, min(period) AS f, max(period) AS t FROM pairs GROUP BY ALL),
inds AS (SELECT c.* FROM catalogue c WHERE c.ind IN (SELECT DISTINCT ind FROM obs))
SELECT i.ind, w.code, w.parent, s.f, s.t, pf.a, pt.a, pf.r, pt.r, pf.an, pt.an, i.sign, i.tol, i.min_n
FROM inds i CROSS JOIN wijk w
LEFT JOIN span s ON s.ind = i.ind AND s.area = w.code
LEFT JOIN pairs pf ON pf.ind = i.ind AND pf.area = w.code AND pf.period = s.f
LEFT JOIN pairs pt ON pt.ind = i.ind AND pt.area = w.code AND pt.period = s.t
ORDER BY i.position, w.position""").fetchall()
write_rows(rows, sys.stdout)
