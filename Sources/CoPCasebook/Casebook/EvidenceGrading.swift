import CoPCore
import CoPPluginKit
import Foundation

/// The checks of a case's evidence grading that need no other file: who assessed it and when, and
/// one level per scale.
///
/// - An entry without `assessed_by` or `date` is a warning (older casebooks still validate).
/// - `date` must be `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and not in the future; otherwise an error.
///   "The future" is judged against today where it is latest on earth (UTC+14), so a contributor
///   anywhere can write their own today's date.
/// - Two entries on the same scale with different levels are a warning on the second.
package enum EvidenceGrading {
  /// The date forms an assessment may take.
  static let dateForms = "YYYY, YYYY-MM or YYYY-MM-DD"

  /// Why `date` is not an acceptable assessment date when today is `today` (`YYYY-MM-DD`), or nil.
  static func dateProblem(_ date: String, today: String) -> String? {
    guard let form = Period.form(of: date), form != .schoolYear else {
      return "evidence date '\(date)' is not a date; expected \(dateForms)" + DateSuggestion.hint(for: date)
    }
    // Fixed-width forms order as text: compare with today cut to the same precision.
    if date > String(today.prefix(date.count)) {
      return "evidence date '\(date)' is in the future (today is \(today)); give the date it was assessed"
    }
    return nil
  }

  /// Today's date where it is latest on earth (UTC+14), as `YYYY-MM-DD`.
  static func today(now: Date = Date()) -> String {
    var calendar = Calendar(identifier: .gregorian)
    if let latest = TimeZone(secondsFromGMT: 14 * 3600) { calendar.timeZone = latest }
    let parts = calendar.dateComponents([.year, .month, .day], from: now)
    let year = parts.year ?? 0
    let month = parts.month ?? 0
    let day = parts.day ?? 0
    return String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// The warning for an entry that does not say who assessed it or when, or nil when it says both.
  static func missingMessage(scale: String, assessedBy: String?, date: String?) -> String? {
    let missing = [assessedBy == nil ? "assessed_by" : nil, date == nil ? "date" : nil].compactMap { $0 }
    guard !missing.isEmpty else { return nil }
    let what = [assessedBy == nil ? "who assessed it" : nil, date == nil ? "when" : nil].compactMap { $0 }
    return "the evidence entry on scale '\(scale)' does not say \(what.joined(separator: " or ")); add "
      + missing.map { "'\($0)'" }.joined(separator: " and ")
      + (date == nil ? " (\(dateForms))" : "")
  }

  /// The warning for a second level on a scale that an earlier entry (at `earlierLine`) graded.
  static func conflictMessage(scale: String, level: String, earlierLevel: String, earlierLine: Int) -> String
  {
    "scale '\(scale)' is graded twice with different levels: '\(earlierLevel)' on line \(earlierLine) and "
      + "'\(level)' here; keep the current assessment and remove the other"
  }
}
