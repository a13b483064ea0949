import CoPCore

/// CBS region codes: the level from the prefix, the parent from the digits.
///
/// `NL`, `NL00`, `NL01` are the country; `PV` a province (`region`, in the country); `GM` a gemeente
/// (in the country); `WK` + 6 digits a wijk, in `GM` + its first 4 digits; `BU` + 8 digits a buurt,
/// in `WK` + its first 6 digits. Any other region code (two capitals and digits: `CR` COROP, `LD`
/// landsdeel, `GG` GGD region, `RE` RES region, ...) is a `region` without a parent.
public enum StatlineRegionCode {
  /// The level of `code`, nil when it is not a CBS region code.
  public static func level(of code: String) -> AreaLevel? {
    guard isCode(code) else { return nil }
    if code.hasPrefix("NL") { return .country }
    switch code.prefix(2) {
    case "GM" where code.utf8.count == 6: return .gemeente
    case "WK" where code.utf8.count == 8: return .wijk
    case "BU" where code.utf8.count == 10: return .buurt
    case "GM", "WK", "BU": return nil
    default: return .region
    }
  }

  /// The codes of the areas `code` lies in that the code itself names, nearest first:
  /// `BU03630000` → `WK036300`, `GM0363`; `WK036300` → `GM0363`; others → none.
  public static func ancestors(of code: String) -> [String] {
    let digits = code.dropFirst(2)
    switch level(of: code) {
    case .buurt: return ["WK" + digits.prefix(6), "GM" + digits.prefix(4)]
    case .wijk: return ["GM" + digits.prefix(4)]
    default: return []
    }
  }

  /// Whether the parent of an area of this code is the country (gemeenten and provinces).
  public static func liesInCountry(_ code: String) -> Bool {
    guard let level = level(of: code) else { return false }
    return level == .gemeente || (level == .region && code.hasPrefix("PV"))
  }

  /// Whether `text` has the shape of a CBS region code: `NL`, or two capitals and 2 to 8 digits.
  public static func isCode(_ text: some StringProtocol) -> Bool {
    let bytes = Array(text.utf8)
    if bytes == Array("NL".utf8) { return true }
    guard (4...10).contains(bytes.count) else { return false }
    let letters = bytes[0..<2].allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    let digits = bytes[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    return letters && digits
  }
}
