import CoPCore
import Foundation

/// The text `cop import statline`, `cop areas add` and `cop indicators add` add to `areas.csv` and
/// `indicators/catalogue.yaml`: new lines after the existing ones, which stay byte for byte.
enum StatlineCasebookText {
  /// `areas.csv` with `areas` appended, their fields in the file's own columns and line ends.
  static func appendingAreas(_ areas: [Area], to data: Data) -> Data {
    guard !areas.isEmpty else { return data }
    var text = String(decoding: data, as: UTF8.self)
    let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
    var headerLine = String(text.prefix { $0 != "\n" && $0 != "\r\n" })
    if headerLine.hasPrefix("\u{FEFF}") { headerLine.removeFirst() }
    var columns = headerLine.split(separator: ",", omittingEmptySubsequences: false).map {
      DelimitedLine.trimmed($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
    if text.isEmpty {
      columns = ["code", "name", "level", "parent", "groups"]
      text = columns.joined(separator: ",") + lineEnd
    }
    if !text.hasSuffix("\n") { text += lineEnd }
    for area in areas {
      let fields = columns.map { column -> String in
        switch column {
        case "code": area.code
        case "name": DelimitedLine.csvField(area.name)
        case "level": area.level.rawValue
        case "parent": area.parent ?? ""
        case "groups": DelimitedLine.csvField(area.groups.joined(separator: ";"))
        case "from": area.from.map(String.init) ?? ""
        case "until": area.until.map(String.init) ?? ""
        default: ""
        }
      }
      text += fields.joined(separator: ",") + lineEnd
    }
    return Data(text.utf8)
  }

  /// The catalogue with `indicators` appended; an empty flow list (`[]`, as `cop init` writes it) is
  /// replaced by them.
  static func appendingIndicators(_ indicators: [Indicator], to data: Data) -> Data {
    guard !indicators.isEmpty else { return data }
    var text = String(decoding: data, as: UTF8.self)
    let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
    var lines = text.components(separatedBy: lineEnd)
    if let empty = lines.firstIndex(where: { $0.trimmingWhitespace == "[]" }) {
      lines.remove(at: empty)
      text = lines.joined(separator: lineEnd)
    }
    if !text.isEmpty, !text.hasSuffix("\n") { text += lineEnd }
    for indicator in indicators {
      var entry = "- id: \(indicator.id)\n"
      entry += "  label: \(StatlineMapping.scalar(indicator.label.resolved(for: nil)))\n"
      entry += "  unit: \(StatlineMapping.scalar(indicator.unit.rawValue))\n"
      entry += "  polarity: \(indicator.polarity.rawValue)\n"
      if let theme = indicator.theme { entry += "  theme: \(StatlineMapping.scalar(theme))\n" }
      if let source = indicator.source { entry += "  source: \(StatlineMapping.scalar(source))\n" }
      if indicator.aggregation != .weightedMean {
        entry += "  aggregation: \(indicator.aggregation.rawValue)\n"
      }
      if indicator.tolerance != 0 { entry += "  tolerance: \(number(indicator.tolerance))\n" }
      if indicator.minN != 0 { entry += "  min_n: \(number(indicator.minN))\n" }
      entry += "  decimals: \(indicator.decimals)\n"
      text += lineEnd == "\n" ? entry : entry.replacingOccurrences(of: "\n", with: lineEnd)
    }
    return Data(text.utf8)
  }

  /// A number as YAML text: whole numbers without a decimal point (`2`, not `2.0`).
  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }
}
