import Foundation

/// The tables in the files given to `cop import statline`, recognised by their content: JSON (an
/// OData page or a cbsodata file) or a StatLine CSV download. Each CSV file is one table; the JSON
/// files together are one table (its data pages, DataProperties and dimensions).
public enum StatlineInput {
  /// The tables in `files` (name as given, and bytes), in the order given.
  /// With `matchNames`, a CSV download without codes is matched to the casebook's areas by name.
  public static func tables(_ files: [(name: String, data: Data)], matchNames: Bool = false)
    -> [StatlineTable]
  {
    var tables: [StatlineTable] = []
    var json: [(name: String, data: Data)] = []
    for file in files {
      if isJSON(file.data) {
        json.append(file)
      } else {
        tables.append(StatlineCSVReader.read(file.data, file: file.name, matchNames: matchNames))
      }
    }
    if !json.isEmpty { tables.append(StatlineODataReader.read(json)) }
    return tables
  }

  /// Whether the first byte after a byte-order mark and white space opens a JSON object or array.
  static func isJSON(_ data: Data) -> Bool {
    var bytes = data.prefix(4096)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }
}
