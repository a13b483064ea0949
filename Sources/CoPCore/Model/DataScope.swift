/// What the loader does with the data files, by far the largest part of a casebook.
public enum DataScope: Sendable {
  /// Parses them into the model: for the commands that compute with observations.
  case load
  /// Checks them (through the cache, when there is one) and counts their observations without keeping
  /// them: every diagnostic of ``load``, for `cop validate`.
  case check
  /// Neither reads nor checks them, beyond their names: for commands that only read cases.
  case skip
}
