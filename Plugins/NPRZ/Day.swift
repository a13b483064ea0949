import CoPPluginKit
import Foundation

/// A calendar day (proleptic Gregorian, no time zone), for deadlines, measurement dates and `--as-of`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// The month, 1-12.
  public let month: Int
  /// The day of the month, 1-31.
  public let day: Int

  /// Creates a day; nil when the date does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...Day.days(inMonth: month, year: year)).contains(day) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Reads `YYYY-MM-DD`; nil for anything else.
  public init?(_ text: String) {
    guard Period.form(of: text) == .day else { return nil }
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    self.init(year: parts[0], month: parts[1], day: parts[2])
  }

  /// The day `ordinal` days after 1970-01-01.
  public init(ordinal: Int) {
    // Howard Hinnant's civil_from_days.
    let shifted = ordinal + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPosition = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthPosition + 2) / 5 + 1
    month = monthPosition < 10 ? monthPosition + 3 : monthPosition - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// The number of days since 1970-01-01.
  public var ordinal: Int {
    // Howard Hinnant's days_from_civil.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Today in UTC.
  public static var today: Day {
    Day(ordinal: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
  }

  /// The position of the day on a scale of months: whole months since year 0, plus the day's fraction of
  /// its month (the 1st is .0, the 16th of a 30-day month is .5).
  var monthScale: Double {
    Double(year * 12 + month - 1) + Double(day - 1) / Double(Day.days(inMonth: month, year: year))
  }

  /// The years from `self` to `other` (negative when `other` is earlier): a year is twelve months and a
  /// day counts as its fraction of its month, so 2013-10-01 → 2014-01-01 is exactly 0.25 and
  /// 2014-01-01 → 2015-01-01 exactly 1, leap year or not.
  public func years(to other: Day) -> Double {
    (other.monthScale - monthScale) / 12
  }

  /// The day `years` years after this one on the same scale, rounded to the nearest day.
  public func adding(years: Double) -> Day {
    let target = monthScale + years * 12
    var whole = Int(target.rounded(.down))
    var year = whole / 12
    var month = whole % 12 + 1
    var day = 1 + Int(((target - Double(whole)) * Double(Day.days(inMonth: month, year: year))).rounded())
    if day > Day.days(inMonth: month, year: year) {
      whole += 1
      year = whole / 12
      month = whole % 12 + 1
      day = 1
    }
    return Day(year: year, month: month, day: day)!
  }

  /// The next day.
  public var next: Day { Day(ordinal: ordinal + 1) }

  /// `YYYY-MM-DD`.
  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

/// How the casebook's period texts map to days.
///
/// A baseline or a measurement is dated at the **first** day of its period: the value holds from then
/// on, and `--as-of D` sees it once its period has begun by D. A deadline is the **last** day of its
/// period: the target must be reached within it (and is missed from the day after).
///
/// | period | first day | last day |
/// |---|---|---|
/// | `2013` | 2013-01-01 | 2013-12-31 |
/// | `2013-10` | 2013-10-01 | 2013-10-31 |
/// | `2013-10-15` | 2013-10-15 | 2013-10-15 |
/// | `2013/14` (school year) | 2013-08-01 | 2014-07-31 |
/// | `2013-Q4` (quarter) | 2013-10-01 | 2013-12-31 |
public enum PeriodDates {
  /// The first day of a period, or nil when the text is not a period.
  public static func start(of period: String) -> Day? {
    guard let form = Period.form(of: period) else { return nil }
    let numbers = period.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
    switch form {
    case .year: return Day(year: numbers[0], month: 1, day: 1)
    case .month: return Day(year: numbers[0], month: numbers[1], day: 1)
    case .day: return Day(year: numbers[0], month: numbers[1], day: numbers[2])
    case .schoolYear: return Day(year: numbers[0], month: 8, day: 1)
    case .quarter: return Day(year: numbers[0], month: quarter(period) * 3 - 2, day: 1)
    }
  }

  /// The last day of a period, or nil when the text is not a period.
  public static func end(of period: String) -> Day? {
    guard let form = Period.form(of: period) else { return nil }
    let numbers = period.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
    switch form {
    case .year: return Day(year: numbers[0], month: 12, day: 31)
    case .month:
      return Day(year: numbers[0], month: numbers[1], day: Day.days(inMonth: numbers[1], year: numbers[0]))
    case .day: return Day(year: numbers[0], month: numbers[1], day: numbers[2])
    case .schoolYear: return Day(year: numbers[0] + 1, month: 7, day: 31)
    case .quarter:
      let month = quarter(period) * 3
      return Day(year: numbers[0], month: month, day: Day.days(inMonth: month, year: numbers[0]))
    }
  }

  /// The quarter's number of a `YYYY-Qn` period.
  private static func quarter(_ period: String) -> Int { Int(String(period.suffix(1))) ?? 1 }
}
