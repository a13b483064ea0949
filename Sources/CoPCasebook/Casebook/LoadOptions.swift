import CoPCore
import Foundation

/// How to read a casebook.
public struct LoadOptions {
  /// What to do with the data files.
  public var data: DataScope
  /// The largest file and line read.
  public var limits: ReadLimits
  /// Results of earlier runs to use, and to add this run's to (nil: none).
  public var cache: LoadCache?
  /// Whether the shapes files (`geography/shapes/`) are read with scope ``DataScope/load``: by the
  /// commands that draw maps, not by those that only compare (a country's shapes are large, and do not
  /// change a comparison). Scope ``DataScope/check`` always reads them, ``DataScope/skip`` never.
  public var shapes = true

  /// Creates options; the defaults read everything without a cache, as ``CasebookLoader/load(from:limits:)``.
  public init(data: DataScope = .load, limits: ReadLimits = .current, cache: LoadCache? = nil) {
    self.data = data
    self.limits = limits
    self.cache = cache
  }

  /// What every cached result depends on, whatever the file: the build that made it
  /// (``LoadCache/identity``) and the read limits; "" without a cache.
  var cacheScope: String {
    guard let cache else { return "" }
    return "\(cache.identity)\u{0}\(limits.maxFileSize)/\(limits.maxLineLength)"
  }
}
