/// Suggests the closest known word for a misspelt one, as in "did you mean 'themes'?".
public enum DidYouMean {
  /// The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo.
  /// Of equally near candidates the first in code-point order wins, so the suggestion does not
  /// depend on the order of `candidates` (callers often pass a dictionary's keys).
  public static func suggestion(for word: String, among candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, candidate.lowercased())
      if let current = best,
        distance > current.distance || (distance == current.distance && candidate >= current.candidate)
      {
        continue
      }
      best = (candidate, distance)
    }
    guard let best else { return nil }
    let limit = word.count <= 2 ? 1 : min(3, max(2, word.count / 3))
    return best.distance <= limit ? best.candidate : nil
  }

  /// A message tail such as ` (did you mean 'themes'?)`, or an empty string.
  public static func hint(for word: String, among candidates: [String]) -> String {
    suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  /// The Levenshtein distance between two strings, over Unicode scalars.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
