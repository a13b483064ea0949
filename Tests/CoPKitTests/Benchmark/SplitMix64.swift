/// A small seeded generator (SplitMix64) for property tests: the same seed gives the same cases on
/// every machine and toolchain, because the tests draw through its own methods, not the standard
/// library's `random(in:using:)`.
struct SplitMix64 {
  private var state: UInt64

  /// Creates a generator from a seed.
  init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// An integer in the closed range (with a negligible modulo bias).
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < p
  }

  /// One of the elements.
  mutating func pick<T>(_ elements: [T]) -> T {
    elements[int(0...(elements.count - 1))]
  }
}
