import Foundation

extension Array where Element: Sendable {
  /// `transform` applied to every element on every core, the results in the elements' order.
  package func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    let slots = ResultSlots<Result>(count: count)
    let elements = self
    DispatchQueue.concurrentPerform(iterations: elements.count) { position in
      slots.store(transform(elements[position]), at: position)
    }
    return slots.values
  }
}

/// One slot per task of a parallel loop, each written by exactly one task.
///
/// `@unchecked Sendable`: every task writes only its own slot, through a lock, and the values are
/// read only after `concurrentPerform` has returned (which waits for every task).
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
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
