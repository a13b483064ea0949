/// The casebook's form of a date written the Dutch way, day first (`12-03-2024` → `2024-03-12`), for
/// a message's did-you-mean.
public enum DateSuggestion {
  /// `YYYY-MM-DD` for `D-M-YYYY` (with `-`, `/` or `.`), `YYYY-MM` for `M-YYYY`; nil for anything else
  /// or an impossible day or month.
  public static func suggestion(for text: String) -> String? {
    let parts = text.split(
      maxSplits: 3, omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
    guard parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = parts.last, year.count == 4
    else { return nil }
    let numbers = parts.dropLast().compactMap { Int($0) }
    func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
    switch (parts.count, parts.first?.count ?? 0) {
    case (3, 1...2) where parts[1].count <= 2:
      let (day, month) = (numbers[0], numbers[1])
      guard (1...12).contains(month), (1...daysIn(month: month, year: Int(year) ?? 0)).contains(day) else {
        return nil
      }
      return "\(year)-\(two(month))-\(two(day))"
    case (2, 1...2):
      guard (1...12).contains(numbers[0]) else { return nil }
      return "\(year)-\(two(numbers[0]))"
    default:
      return nil
    }
  }

  /// A message tail: `; did you mean '2024-03-12' (year-month-day)?`, or an empty string.
  public static func hint(for text: String) -> String {
    guard let suggestion = suggestion(for: text) else { return "" }
    let form = suggestion.count == 10 ? "year-month-day" : "year-month"
    return "; did you mean '\(suggestion)' (\(form))?"
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
