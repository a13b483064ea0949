/// A column's cells, stored compactly: the texts' bytes one after another and where each ends.
///
/// A national table has 1.75 million cells; as `[String]` each costs 16 bytes plus the array's slack,
/// here a cell costs its length (a canonical number is usually 1 to 6 bytes) plus 4. Measured on the
/// national benchmark of `Benchmarks/statline_import.py`: see Benchmarks/README.md.
public struct StatlineCells: Sendable, RandomAccessCollection {
  private var bytes: [UInt8] = []
  private var ends: [UInt32] = []

  /// An empty column, with room for `count` cells of about `bytesPerCell` bytes.
  public init(reservingCapacity count: Int = 0, bytesPerCell: Int = 4) {
    ends.reserveCapacity(count)
    bytes.reserveCapacity(count * bytesPerCell)
  }

  /// Cells from their texts.
  public init(_ texts: some Sequence<String>) {
    for text in texts { append(text) }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { ends.count }

  /// The cell at `position`: a number in canonical form, or a symbol (``StatlineCell``).
  public subscript(position: Int) -> String {
    let start = position == 0 ? 0 : Int(ends[position - 1])
    return String(decoding: bytes[start..<Int(ends[position])], as: UTF8.self)
  }

  /// Adds a cell at the end.
  public mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    ends.append(UInt32(bytes.count))
  }
}
