import Testing

@testable import CoPCore

/// "did you mean ...?": the nearest candidate, the same whatever order the candidates come in.
@Suite("Did you mean")
struct DidYouMeanTests {
  @Test("the nearest candidate within the limit, none beyond it")
  func nearest() {
    #expect(DidYouMean.suggestion(for: "thems", among: ["title", "themes", "areas"]) == "themes")
    #expect(DidYouMean.suggestion(for: "xyz", among: ["title", "themes"]) == nil)
  }

  @Test("of equally near candidates the first in code-point order, in any order given")
  func tiesDoNotDependOnOrder() {
    let candidates = ["WK03", "WK01", "WK02", "GM01"]
    for order in [candidates, candidates.reversed(), candidates.sorted(), candidates.sorted().reversed()] {
      #expect(DidYouMean.suggestion(for: "WK09", among: order) == "WK01")
    }
  }
}
