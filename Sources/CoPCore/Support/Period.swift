/// The forms a period may take in a casebook; one data file uses one form.
public enum PeriodForm: String, Sendable, CaseIterable {
  /// `2012`
  case year = "YYYY"
  /// `2012-03`
  case month = "YYYY-MM"
  /// `2012-03-31`
  case day = "YYYY-MM-DD"
  /// A school or season year, `2013/14`.
  case schoolYear = "YYYY/YY"
  /// A quarter, `2019-Q1` (CBS `2019KW01`).
  case quarter = "YYYY-Qn"
}

/// Recognises period texts. Periods match as exact text and order as text.
public enum Period {
  /// The form of `text`, or nil if it is not a period.
  public static func form(of text: some StringProtocol) -> PeriodForm? {
    form(ofUTF8: Array(text.utf8))
  }

  /// The form of a period given as UTF-8 bytes.
  public static func form(ofUTF8 bytes: [UInt8]) -> PeriodForm? {
    func digits(_ range: Range<Int>) -> Bool {
      range.allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
    }
    func number(_ range: Range<Int>) -> Int {
      range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
    }
    switch bytes.count {
    case 4 where digits(0..<4):
      return .year
    case 7 where digits(0..<4) && bytes[4] == UInt8(ascii: "-") && digits(5..<7):
      return (1...12).contains(number(5..<7)) ? .month : nil
    case 7 where digits(0..<4) && bytes[4] == UInt8(ascii: "-") && bytes[5] == UInt8(ascii: "Q"):
      return (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[6]) ? .quarter : nil
    case 7 where digits(0..<4) && bytes[4] == UInt8(ascii: "/") && digits(5..<7):
      return (number(0..<4) + 1) % 100 == number(5..<7) ? .schoolYear : nil
    case 10
    where digits(0..<4) && bytes[4] == UInt8(ascii: "-") && digits(5..<7) && bytes[7] == UInt8(ascii: "-")
      && digits(8..<10):
      let month = number(5..<7)
      let day = number(8..<10)
      return (1...12).contains(month) && (1...daysIn(month: month, year: number(0..<4))).contains(day)
        ? .day : nil
    default:
      return nil
    }
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
