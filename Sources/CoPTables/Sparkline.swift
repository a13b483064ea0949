/// A one-line chart of a series in block characters, for terminal tables.
public enum Sparkline {
  private static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The series as blocks scaled between its minimum and maximum; `·` marks a missing value.
  public static func render(_ values: [Double?]) -> String {
    let present = values.compactMap { $0 }
    guard let low = present.min(), let high = present.max() else { return "" }
    let span = high - low
    return String(
      values.map { value in
        guard let value else { return "·" }
        if span == 0 { return blocks[3] }
        let position = Int(((value - low) / span * Double(blocks.count - 1)).rounded())
        return blocks[min(max(position, 0), blocks.count - 1)]
      })
  }
}
