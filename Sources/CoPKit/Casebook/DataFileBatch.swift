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
  }

  private struct Pending: Sendable {
    var bytes: Data
    var path: String
    var indicator: String
    var keep: Bool
  }

  static let byteLimit = 64 << 20
  static let fileLimit = 16

  let knownAreas: Set<String>
  /// The line-length limit, checked here (in parallel) rather than when the file is read.
  let limits: ReadLimits
  private var pending: [Pending] = []
  private var bytes = 0

  init(knownAreas: Set<String>, limits: ReadLimits) {
    self.knownAreas = knownAreas
    self.limits = limits
  }

  /// Whether the batch should be parsed before more files are added.
  var isFull: Bool { bytes >= Self.byteLimit || pending.count >= Self.fileLimit }

  /// Adds a file's bytes.
  mutating func add(_ data: Data, path: String, indicator: String, keep: Bool) {
    pending.append(Pending(bytes: data, path: path, indicator: indicator, keep: keep))
    bytes += data.count
  }

  /// Parses the pending files in parallel and empties the batch; the results are in the order added.
  /// A file with a line past the limit is not parsed: its one diagnostic says so, and it is not kept.
  mutating func parse() -> [Parsed] {
    let work = pending
    let knownAreas = self.knownAreas
    let limits = self.limits
    pending = []
    bytes = 0
    return work.concurrentMap { file in
      if let tooLong = limits.checkLines(file.bytes, path: file.path) {
        return Parsed(
          path: file.path, indicator: file.indicator, keep: false,
          data: IndicatorData(indicator: file.indicator, columns: ObservationColumns()),
          diagnostics: [tooLong])
      }
      var diagnostics: [Diagnostic] = []
      let data = DataReader.read(
        file.bytes, path: file.path, indicator: file.indicator, knownAreas: knownAreas,
        diagnostics: &diagnostics)
      return Parsed(
        path: file.path, indicator: file.indicator, keep: file.keep, data: data, diagnostics: diagnostics)
    }
  }
}
