/// How an area's years read in messages.
package enum AreaYears {
  /// `2017–`, `–2016`, `2000–2016`, or `every year`.
  package static func text(_ area: Area) -> String {
    switch (area.from, area.until) {
    case (nil, nil): "open (every year)"
    case (let from?, nil): "\(from)–"
    case (nil, let until?): "–\(until)"
    case (let from?, let until?): "\(from)–\(until)"
    }
  }

  /// The year a period starts in (`2016/17` → 2016, `2016-03` → 2016), or nil when it has none.
  package static func year(of period: some StringProtocol) -> Int? {
    guard period.utf8.count >= 4 else { return nil }
    return Int(period.prefix(4))
  }

  /// The change list's path in a casebook (``AreaChange``s are read from it).
  package static let changeListPath = "geography/changes.csv"
}
