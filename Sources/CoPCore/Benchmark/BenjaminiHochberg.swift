/// The Benjamini–Hochberg step-up procedure, which keeps the expected share of false discoveries among
/// the rejected hypotheses at most q (Benjamini & Hochberg 1995, "Controlling the false discovery
/// rate", J. R. Statist. Soc. B 57(1), 289–300).
public enum BenjaminiHochberg {
  /// Which of m p-values are rejected at false discovery rate q: with p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted, the
  /// hypotheses of the k smallest, k the largest i with p₍ᵢ₎ ≤ i·q/m (none when there is no such i).
  ///
  /// The answer is in the order of `pValues`; equal p-values are all rejected or none.
  public static func rejections(_ pValues: [Double], q: Double) -> [Bool] {
    let m = pValues.count
    let order = pValues.indices.sorted {
      pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1)
    }
    var cutoff = -1
    for (rank, index) in order.enumerated() where pValues[index] <= Double(rank + 1) * q / Double(m) {
      cutoff = rank
    }
    var rejected = [Bool](repeating: false, count: m)
    guard cutoff >= 0 else { return rejected }
    let threshold = pValues[order[cutoff]]
    for index in pValues.indices where pValues[index] <= threshold { rejected[index] = true }
    return rejected
  }
}
