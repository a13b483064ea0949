/// `assets/maps.js`, written only for a casebook with shapes: colours a page's map from its data file
/// (`window.copMap`, see ``MapSection``) when the reader picks an indicator or a view. It only sets
/// attributes and text (never HTML), so no casebook text can become markup.
enum MapScript {
  /// The script's path from the site's root.
  static let path = "assets/maps.js"

  /// The script.
  static let javascript = """
    (function () {
      'use strict';
      var data = window.copMap;
      var section = document.getElementById('map');
      if (!data || !section) { return; }
      var svgNS = 'http://www.w3.org/2000/svg';
      var indicator = document.getElementById('map-indicator');
      var show = document.getElementById('map-show');
      var heading = document.getElementById('map-heading');
      var legend = document.getElementById('map-legend');
      var paths = Array.prototype.slice.call(section.querySelectorAll('path[data-code]'));

      function draw() {
        var chosen = data.indicators[Number(indicator.value)] || data.indicators[0];
        var view = chosen[show.value] || chosen.value;
        heading.textContent = view.heading;
        paths.forEach(function (path) {
          var code = path.getAttribute('data-code');
          path.setAttribute('fill', view.fill[code] || data.noValue);
          var title = path.querySelector('title');
          if (title && chosen.titles[code]) { title.textContent = chosen.titles[code]; }
        });
        while (legend.firstChild) { legend.removeChild(legend.firstChild); }
        view.legend.forEach(function (entry) {
          var item = document.createElement('li');
          var swatch = document.createElementNS(svgNS, 'svg');
          swatch.setAttribute('width', '14');
          swatch.setAttribute('height', '14');
          swatch.setAttribute('aria-hidden', 'true');
          var rect = document.createElementNS(svgNS, 'rect');
          rect.setAttribute('width', '14');
          rect.setAttribute('height', '14');
          rect.setAttribute('fill', entry[0] || data.noValue);
          rect.setAttribute('stroke', '#555555');
          swatch.appendChild(rect);
          item.appendChild(swatch);
          item.appendChild(document.createTextNode(' ' + entry[1]));
          legend.appendChild(item);
        });
      }
      indicator.addEventListener('change', draw);
      show.addEventListener('change', draw);
    })();

    """
}
