/// The style sheet and the script of the site, written once into `assets/`.
enum SiteAssets {
  /// `assets/site.css`: readable on a phone, printable, with the verdict and series colours.
  static let css = """
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d5dae3; --paper: #ffffff; --tint: #f3f5f9;
      --accent: #1f5fa8; --good: #1b7f3b; --bad: #b3261e; --warn: #b26a00; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
      background: var(--paper); }
    a { color: var(--accent); }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
    header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 10px 20px;
      border-bottom: 1px solid var(--line); background: var(--tint); }
    header.site .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
    header.site nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0; padding: 0; list-style: none; }
    header.site nav a[aria-current] { font-weight: 700; color: var(--ink); }
    main { max-width: 1060px; margin: 0 auto; padding: 12px 20px 40px; overflow-wrap: anywhere; }
    figure { margin: 0; }
    th, td { overflow-wrap: normal; }
    footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 14px; padding: 8px 20px; }
    h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.6em 0 0.3em; }
    h2 { font-size: 1.3rem; margin: 1.4em 0 0.4em; } h3 { font-size: 1.1rem; margin: 1.2em 0 0.3em; }
    .lead { font-size: 1.1rem; color: var(--muted); }
    dl.facts { display: grid; grid-template-columns: fit-content(16em) minmax(0, 1fr); gap: 2px 16px; }
    dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
    .table-wrap { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--ink); }
    .num, td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .align-right { text-align: right; } .align-center { text-align: center; }
    .note { color: var(--muted); font-size: 14px; margin: 4px 0; }
    .chips { display: flex; flex-wrap: wrap; gap: 6px; padding: 0; margin: 4px 0; list-style: none; }
    .chips li { background: var(--tint); border: 1px solid var(--line); border-radius: 12px; padding: 0 10px;
      font-size: 14px; }
    .verdict { display: inline-block; border-radius: 4px; padding: 0 8px; font-size: 14px; font-weight: 600;
      background: var(--tint); }
    .good, .v-closer, .v-ahead { color: var(--good); }
    .bad, .v-further, .v-behind { color: var(--bad); }
    .v-stable, .v-level, .neutral { color: var(--ink); }
    .v-missing, .v-suppressed, .muted { color: var(--muted); }
    .strong { font-weight: 700; }
    .indicator { border-top: 1px solid var(--line); padding-top: 4px; }
    .indicator-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px;
      align-items: start; }
    .indicator-body > * { min-width: 0; }
    @media (max-width: 760px) { .indicator-body { grid-template-columns: 1fr; } main { padding: 8px 12px 32px; }
      dl.facts { grid-template-columns: fit-content(35%) minmax(0, 1fr); } }
    svg.chart { width: 100%; height: auto; max-width: 640px; display: block; }
    svg.chart .grid { stroke: var(--line); stroke-width: 1; }
    svg.chart .axis { fill: var(--muted); font-size: 12px; }
    svg.chart .line { fill: none; stroke-width: 2.5; }
    svg.chart .highlight { fill: #fff3cd; }
    svg.chart .line.series-1, svg.chart .line.series-3 { stroke-dasharray: 7 4; }
    svg.chart .ring { fill: none; stroke-width: 1.5; }
    .series-0 { stroke: #1f5fa8; fill: #1f5fa8; background: #1f5fa8; }
    .series-1 { stroke: #d1495b; fill: #d1495b; background: #d1495b; }
    .series-2 { stroke: #2e8b57; fill: #2e8b57; background: #2e8b57; }
    .series-3 { stroke: #8d6a9f; fill: #8d6a9f; background: #8d6a9f; }
    svg.chart rect.v-closer, .swatch.v-closer { fill: #2e8b57; background: #2e8b57; }
    svg.chart rect.v-ahead, .swatch.v-ahead { fill: #8cc084; background: #8cc084; }
    svg.chart rect.v-stable, .swatch.v-stable { fill: #9aa5b8; background: #9aa5b8; }
    svg.chart rect.v-level, .swatch.v-level { fill: #4f86c6; background: #4f86c6; }
    svg.chart rect.v-behind, .swatch.v-behind { fill: #e9a23b; background: #e9a23b; }
    svg.chart rect.v-further, .swatch.v-further { fill: #d1495b; background: #d1495b; }
    svg.chart rect.v-suppressed, .swatch.v-suppressed { fill: #d5dae3; background: #d5dae3; }
    svg.chart rect.v-missing, .swatch.v-missing { fill: #eef0f4; background: #eef0f4; }
    svg.bar { width: 100px; height: 10px; vertical-align: middle;
      background: linear-gradient(to right, transparent 49px, #555555 49px, #555555 51px, transparent 51px); }
    svg.bar rect { y: 1px; height: 8px; }
    svg.bar rect.b { x: 50px; fill: #d1495b; }
    svg.bar rect.a { fill: #2e8b57; }
    table.ranking td:nth-child(1), table.ranking td:nth-child(4), table.ranking td:nth-child(6),
    table.ranking td:nth-child(7), table.ranking th:nth-child(1) { text-align: right; }
    table.ranking.one-period td:nth-child(4), table.ranking.one-period td:nth-child(7) { text-align: left; }
    table.ranking.one-period td:nth-child(3), table.ranking.one-period td:nth-child(5),
    table.ranking.one-period td:nth-child(6) { text-align: right; }
    table.ranking.one-reference td:nth-child(5) { text-align: right; }
    table.ranking.one-reference td:nth-child(6), table.ranking.one-reference td:nth-child(7) { text-align: left; }
    table.ranking.one-period.one-reference td:nth-child(4) { text-align: right; }
    table.ranking.one-period.one-reference td:nth-child(5),
    table.ranking.one-period.one-reference td:nth-child(6) { text-align: left; }
    table.summary td:nth-child(n+4), table.summary.with-area td:nth-child(4) { text-align: right; }
    table.summary.with-area td:nth-child(2) { text-align: left; }
    table.summary.one-span td:nth-child(3), table.summary.one-span.with-area td:nth-child(4) { text-align: right; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 4px 0; list-style: none;
      font-size: 14px; }
    .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px;
      border-radius: 2px; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 12px 0;
      padding: 10px; background: var(--tint); border: 1px solid var(--line); border-radius: 6px; }
    .filters label { display: flex; flex-direction: column; flex: 1 1 14em; min-width: 0; font-size: 14px;
      font-weight: 600; }
    .filters input, .filters select { font: inherit; padding: 4px 6px; width: 100%; }
    ul.cases { list-style: none; padding: 0; }
    ul.cases > li { border-bottom: 1px solid var(--line); padding: 8px 0; }
    ul.cases .meta { color: var(--muted); font-size: 14px; }
    ul.columns { columns: 3 16em; padding-left: 1.2em; }
    .narrative { max-width: 46em; }
    .narrative pre { overflow-x: auto; background: var(--tint); padding: 8px; }
    .narrative blockquote { border-left: 4px solid var(--line); margin-left: 0; padding-left: 12px; color: var(--muted); }
    [hidden] { display: none !important; }
    @media print {
      header.site nav, .filters, .skip, footer.site { display: none; }
      body { font-size: 11pt; } main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      .indicator, figure, table, svg.chart { break-inside: avoid; }
      .indicator-body { grid-template-columns: 3fr 2fr; }
    }

    """

  /// `assets/site.js`: the search box and the filters of the case list, reading the prebuilt index
  /// in `assets/search-index.js`. No framework, no request, no `eval`; everything shown comes from
  /// the page itself, so nothing is written as HTML.
  static let javascript = """
    (function () {
      'use strict';
      function fold(text) {
        return text.toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g, '');
      }
      function words(text) {
        return fold(text).split(/[^a-z0-9]+/).filter(function (word) { return word.length > 1; });
      }
      var list = document.getElementById('case-list');
      if (!list) { return; }
      var items = Array.prototype.slice.call(list.querySelectorAll('li[data-case]'));
      var order = items.slice();
      var search = document.getElementById('case-search');
      var selects = {
        theme: document.getElementById('filter-theme'),
        area: document.getElementById('filter-area'),
        evidence: document.getElementById('filter-evidence')
      };
      var count = document.getElementById('case-count');
      var index = window.COP_SEARCH_INDEX || { docs: [], terms: {} };
      var termList = Object.keys(index.terms);

      function scores(query) {
        var queryWords = words(query);
        if (queryWords.length === 0) { return null; }
        var total = null;
        queryWords.forEach(function (word) {
          var found = {};
          termList.forEach(function (term) {
            if (term.indexOf(word) !== 0) { return; }
            var exact = term === word ? 2 : 1;
            index.terms[term].forEach(function (posting) {
              var id = index.docs[posting[0]];
              found[id] = (found[id] || 0) + posting[1] * exact;
            });
          });
          if (total === null) { total = found; return; }
          var both = {};
          Object.keys(total).forEach(function (id) {
            if (found[id]) { both[id] = total[id] + found[id]; }
          });
          total = both;
        });
        return total;
      }

      function has(item, key, value) {
        return !value || (item.getAttribute('data-' + key) || '').split(' ').indexOf(value) >= 0;
      }

      function apply() {
        var ranked = scores(search ? search.value : '');
        var shown = 0;
        items.forEach(function (item) {
          var id = item.getAttribute('data-case');
          var visible = (ranked === null || ranked[id] > 0) &&
            has(item, 'themes', selects.theme && selects.theme.value) &&
            has(item, 'areas', selects.area && selects.area.value) &&
            has(item, 'evidence', selects.evidence && selects.evidence.value);
          item.hidden = !visible;
          if (visible) { shown += 1; }
        });
        var sorted = ranked === null ? order : order.slice().sort(function (a, b) {
          return (ranked[b.getAttribute('data-case')] || 0) - (ranked[a.getAttribute('data-case')] || 0);
        });
        sorted.forEach(function (item) { list.appendChild(item); });
        if (count) {
          // The words come from the page (data-all, data-one, data-some), in the site's language.
          var template = shown !== items.length ? count.getAttribute('data-some') :
            (items.length === 1 ? count.getAttribute('data-one') : count.getAttribute('data-all'));
          count.textContent = (template || '{1}').replace('{1}', String(shown)).replace('{2}', String(items.length));
        }
        var state = [];
        if (search && search.value) { state.push('q=' + encodeURIComponent(search.value)); }
        Object.keys(selects).forEach(function (key) {
          if (selects[key] && selects[key].value) { state.push(key + '=' + encodeURIComponent(selects[key].value)); }
        });
        var hash = state.length ? '#' + state.join('&') : '';
        if (window.location.hash !== hash && window.history && window.history.replaceState) {
          try { window.history.replaceState(null, '', hash || window.location.pathname); } catch (ignored) { }
        }
      }

      window.location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
        var parts = pair.split('=');
        if (parts.length !== 2) { return; }
        var value;
        try { value = decodeURIComponent(parts[1]); } catch (ignored) { return; }
        if (parts[0] === 'q' && search) { search.value = value; }
        var select = selects[parts[0]];
        if (select && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
          select.value = value;
        }
      });
      if (search) { search.addEventListener('input', apply); }
      Object.keys(selects).forEach(function (key) {
        if (selects[key]) { selects[key].addEventListener('change', apply); }
      });
      apply();
    }());

    """
}
