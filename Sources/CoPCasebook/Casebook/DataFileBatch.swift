import CoPCore
import Foundation

/// Data files read but not yet parsed, parsed together on every core.
///
/// The loader reads files one at a time (a git source owns a C handle and stays in one thread) and
/// hands them over here; a batch holds at most ``byteLimit`` bytes or ``fileLimit`` files, so memory
/// stays bounded however large the casebook.
struct DataFileBatch {
  /// A parsed file, with its diagnostics in the order the reader found them.
  struct Parsed: Sendable {
    var path: String
    var indicator: String
    /// Whether the data are kept (false for a file checked only for its own problems).
    var keep: Bool
    var data: IndicatorData
    var diagnostics: [Diagnostic]
    /// The file's content id: given, or computed when the batch identifies files.
    var contentID: String?
    /// When the file was read (for its fingerprint).
    var readAt: Int64
  }

  private struct Pending: Sendable {
    var bytes: Data
    var path: String
    var indicator: String
    var keep: Bool
    var contentID: String?
    var readAt: Int64
  }

  static let byteLimit = 64 << 20
  static let fileLimit = 16

  let knownAreas: Set<String>
  /// The areas with a `from` or `until` year, whose observations outside those years are warned about.
  var boundedAreas: [String: Area] = [:]
  /// The line-length limit, checked here (in parallel) rather than when the file is read.
  let limits: ReadLimits
  /// Whether to compute each file's content id (its git blob id) where it is not given.
  let identify: Bool
  private var pending: [Pending] = []
  private var bytes = 0

  init(knownAreas: Set<String>, limits: ReadLimits, identify: Bool = false) {
    self.knownAreas = knownAreas
    self.limits = limits
    self.identify = identify
  }

  /// Whether the batch should be parsed before more files are added.
  var isFull: Bool { bytes >= Self.byteLimit || pending.count >= Self.fileLimit }

  /// Adds a file's bytes.
  mutating func add(
    _ data: Data, path: String, indicator: String, keep: Bool, contentID: String? = nil, readAt: Int64 = 0
  ) {
    pending.append(
      Pending(bytes: data, path: path, indicator: indicator, keep: keep, contentID: contentID, readAt: readAt)
    )
    bytes += data.count
  }

  /// Parses the pending files in parallel and empties the batch; the results are in the order added.
  /// A file with a line past the limit is not parsed: its one diagnostic says so, and it is not kept.
  mutating func parse() -> [Parsed] {
    let work = pending
    let knownAreas = self.knownAreas
    let limits = self.limits
    let identify = self.identify
    let boundedAreas = self.boundedAreas
    pending = []
    bytes = 0
    return work.concurrentMap { file in
      let contentID = file.contentID ?? (identify ? LoadCache.contentID(of: file.bytes) : nil)
      if let tooLong = limits.checkLines(file.bytes, path: file.path) {
        return Parsed(
          path: file.path, indicator: file.indicator, keep: false,
          data: IndicatorData(indicator: file.indicator, columns: ObservationColumns()),
          diagnostics: [tooLong], contentID: contentID, readAt: file.readAt)
      }
      var diagnostics: [Diagnostic] = []
      let data = DataReader.read(
        file.bytes, path: file.path, indicator: file.indicator, knownAreas: knownAreas,
        diagnostics: &diagnostics)
      diagnostics += AreaYearsCheck.warnings(
        for: data, bytes: file.bytes, path: file.path, bounded: boundedAreas)
      return Parsed(
        path: file.path, indicator: file.indicator, keep: file.keep, data: data, diagnostics: diagnostics,
        contentID: contentID, readAt: file.readAt)
    }
  }
}
