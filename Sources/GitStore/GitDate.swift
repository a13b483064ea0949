import Foundation

/// Parses the dates git accepts in `GIT_AUTHOR_DATE` and `GIT_COMMITTER_DATE`.
enum GitDate {
  /// A moment and the time-zone offset (minutes east of UTC) it was written in.
  struct Parsed: Equatable {
    var time: Date
    var offsetMinutes: Int
  }

  /// Parses git's internal format, ISO 8601 or RFC 2822; nil for anything else.
  ///
  /// - `@1700000000 +0100` or `1700000000 +0100` (git's internal format; no zone means UTC);
  /// - `2023-11-14T22:13:20+01:00`, `2023-11-14 22:13:20 +0100`, `2023-11-14T21:13:20Z`;
  /// - `Tue, 14 Nov 2023 22:13:20 +0100`.
  ///
  /// Where ISO 8601 and RFC 2822 give no zone, the time is local time in `localTimeZone`.
  static func parse(_ text: String, localTimeZone: TimeZone) -> Parsed? {
    let text = text.trimmingCharacters(in: .whitespaces)
    if let match = text.wholeMatch(of: #/@?(\d+)(?:\s+([+-]\d{4}))?/#) {
      guard let seconds = Int64(match.1) else { return nil }
      let offset = match.2.flatMap { offsetMinutes(String($0)) } ?? 0
      return Parsed(time: Date(timeIntervalSince1970: TimeInterval(seconds)), offsetMinutes: offset)
    }
    let iso =
      #/(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?/#
    if let match = text.wholeMatch(of: iso) {
      return make(
        year: match.1, month: match.2, day: match.3, hour: match.4, minute: match.5,
        second: match.6, zone: match.7, localTimeZone: localTimeZone)
    }
    let rfc =
      #/(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4})?/#
    if let match = text.wholeMatch(of: rfc) {
      let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
      guard let month = months.firstIndex(of: match.2.lowercased()) else { return nil }
      return make(
        year: match.3, month: Substring(String(month + 1)), day: match.1, hour: match.4,
        minute: match.5, second: match.6, zone: match.7, localTimeZone: localTimeZone)
    }
    return nil
  }

  /// Builds the moment from calendar fields and a zone ("Z", "+01", "+0100", "+01:00" or none).
  private static func make(
    year: Substring, month: Substring, day: Substring, hour: Substring, minute: Substring,
    second: Substring?, zone: Substring?, localTimeZone: TimeZone
  ) -> Parsed? {
    var components = DateComponents()
    components.year = Int(year)
    components.month = Int(month)
    components.day = Int(day)
    components.hour = Int(hour)
    components.minute = Int(minute)
    components.second = second.flatMap { Int($0) } ?? 0
    guard let month = components.month, (1...12).contains(month),
      let day = components.day, (1...31).contains(day),
      let hour = components.hour, hour < 24,
      let minute = components.minute, minute < 60,
      let second = components.second, second < 61
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    let fixedOffset: Int?
    if let zone {
      guard let offset = zone == "Z" ? 0 : offsetMinutes(String(zone)) else { return nil }
      fixedOffset = offset
      guard let timeZone = TimeZone(secondsFromGMT: offset * 60) else { return nil }
      calendar.timeZone = timeZone
    } else {
      fixedOffset = nil
      calendar.timeZone = localTimeZone
    }
    guard let date = calendar.date(from: components) else { return nil }
    let offset = fixedOffset ?? localTimeZone.secondsFromGMT(for: date) / 60
    return Parsed(time: date, offsetMinutes: offset)
  }

  /// Minutes east of UTC for "+hh", "+hhmm" or "+hh:mm"; nil when malformed.
  static func offsetMinutes(_ text: String) -> Int? {
    guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
    let digits: [Character] = text.dropFirst().filter { $0 != ":" }
    guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return nil
    }
    let hours: Int = Int(String(digits[0..<2])) ?? 99
    let minutes: Int = digits.count == 4 ? Int(String(digits[2..<4])) ?? 99 : 0
    guard hours < 24, minutes < 60 else { return nil }
    let total = hours * 60 + minutes
    return sign == "-" ? -total : total
  }
}
