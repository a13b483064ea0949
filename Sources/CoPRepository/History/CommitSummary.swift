import Foundation
import GitStore

/// What `cop history` shows of a commit: its id, author, date and message.
public struct CommitSummary: Hashable, Sendable {
  /// The commit id, 40 hex characters.
  public var id: String
  /// The author's name.
  public var author: String
  /// The author's email address.
  public var email: String
  /// When the author made the change.
  public var date: Date
  /// The author's time-zone offset from UTC, in minutes.
  public var offsetMinutes: Int
  /// The full message, without trailing white space.
  public var message: String
  /// The first line of the message.
  public var summary: String

  /// Creates a summary.
  public init(
    id: String, author: String, email: String, date: Date, offsetMinutes: Int, message: String,
    summary: String
  ) {
    self.id = id
    self.author = author
    self.email = email
    self.date = date
    self.offsetMinutes = offsetMinutes
    self.message = message
    self.summary = summary
  }

  /// The summary of a commit read with GitStore.
  init(_ info: CommitInfo) {
    self.init(
      id: info.id.hex, author: info.author.name, email: info.author.email, date: info.author.time,
      offsetMinutes: info.author.timeZoneOffsetMinutes,
      message: info.message.trimmingCharacters(in: .whitespacesAndNewlines), summary: info.summary)
  }

  /// The author date in ISO 8601 with the author's offset, as `2013-05-01T14:03:00+02:00`.
  public var isoDate: String { ISODate.string(date, offsetMinutes: offsetMinutes) }
}

/// ISO 8601 dates with an explicit offset.
public enum ISODate {
  /// `time` as the wall-clock time at `offsetMinutes` east of UTC: `2013-05-01T14:03:00+02:00`.
  public static func string(_ time: Date, offsetMinutes: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    let shifted = time.addingTimeInterval(TimeInterval(offsetMinutes * 60))
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: shifted)
    func two(_ value: Int?) -> String {
      let text = String(value ?? 0)
      return text.count < 2 ? "0" + text : text
    }
    let year = String(parts.year ?? 0)
    let sign = offsetMinutes < 0 ? "-" : "+"
    let offset = abs(offsetMinutes)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(parts.month) + "-"
      + two(parts.day) + "T" + two(parts.hour) + ":" + two(parts.minute) + ":" + two(parts.second) + sign
      + two(offset / 60) + ":" + two(offset % 60)
  }
}
