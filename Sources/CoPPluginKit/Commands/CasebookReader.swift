import CoPCore
import Foundation

/// How a command gets its casebook. The kit reads no files itself: `cop` installs the casebook loader
/// (with the load cache and the recovery of interrupted writes), an installed plugin's ``PluginMain``
/// the casebook the host sent with the request. Set once, by the process's `main`, before any command
/// runs.
public struct CasebookReader: Sendable {
  /// What to read.
  public struct Request: Sendable {
    /// The casebook folder.
    public var folder: URL
    /// The git revision to read, or nil for the working tree.
    public var revision: String?
    /// What to do with the data files.
    public var data: DataScope
    /// Whether the shapes files are read too (the commands that draw maps).
    public var shapes: Bool

    /// Creates a request.
    public init(folder: URL, revision: String?, data: DataScope = .load, shapes: Bool = false) {
      self.folder = folder
      self.revision = revision
      self.data = data
      self.shapes = shapes
    }
  }

  /// Reads the casebook a request names, with every diagnostic; throws only when it cannot be read at all.
  public var read: @Sendable (Request) throws -> LoadResult

  /// Creates a reader.
  public init(read: @escaping @Sendable (Request) throws -> LoadResult) { self.read = read }

  /// The reader of this process, or nil before its `main` installed one.
  public static var current: CasebookReader? {
    get { box.withLock { $0 } }
    set { box.withLock { $0 = newValue } }
  }

  private static let box = LockedValue<CasebookReader?>(nil)
}

/// A value behind a lock.
final class LockedValue<Value>: @unchecked Sendable {
  // Safe: `value` is only touched while `lock` is held.
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
