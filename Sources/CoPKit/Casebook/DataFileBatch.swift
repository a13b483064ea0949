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
  private var pending: [Pending] = []
  private var bytes = 0

  init(knownAreas: Set<String>) { self.knownAreas = knownAreas }

  /// Whether the batch should be parsed before more files are added.
  var isFull: Bool { bytes >= Self.byteLimit || pending.count >= Self.fileLimit }

  /// Adds a file's bytes.
  mutating func add(_ data: Data, path: String, indicator: String, keep: Bool) {
    pending.append(Pending(bytes: data, path: path, indicator: indicator, keep: keep))
    bytes += data.count
  }

  /// Parses the pending files in parallel and empties the batch; the results are in the order added.
  mutating func parse() -> [Parsed] {
    let work = pending
    let knownAreas = self.knownAreas
    pending = []
    bytes = 0
    let slots = ResultSlots<Parsed>(count: work.count)
    DispatchQueue.concurrentPerform(iterations: work.count) { position in
      let file = work[position]
      var diagnostics: [Diagnostic] = []
      let data = DataReader.read(
        file.bytes, path: file.path, indicator: file.indicator, knownAreas: knownAreas,
        diagnostics: &diagnostics)
      slots.store(
        Parsed(
          path: file.path, indicator: file.indicator, keep: file.keep, data: data, diagnostics: diagnostics),
        at: position)
    }
    return slots.values
  }
}

/// One slot per task of a parallel loop, each written by exactly one task.
///
/// `@unchecked Sendable`: every task writes only its own slot, through a lock, and the values are
/// read only after `concurrentPerform` has returned (which waits for every task).
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores the result of task `position`.
  func store(_ value: Value, at position: Int) {
    lock.lock()
    slots[position] = value
    lock.unlock()
  }

  /// The results, in task order.
  var values: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
