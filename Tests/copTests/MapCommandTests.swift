import Foundation
import TestSupport
import Testing

/// `cop map` end to end on a copy of `Examples/maps-casebook`, and `cop validate` on its shapes.
@Suite("cop map")
struct MapCommandTests {
  /// A copy of the example casebook at `book/` in the sandbox.
  static func copyExample(to sandbox: Sandbox) throws {
    try FileManager.default.copyItem(
      at: CopRunner.packageRoot.appendingPathComponent("Examples/maps-casebook"), to: sandbox.url("book"))
  }

  @Test(
    "--show verdict writes an SVG with one shape per area, a legend, hatching and titles; twice the same bytes"
  )
  func verdictMap() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.copyExample(to: sandbox)
    let arguments = ["map", "--casebook", "book", "--indicator", "unemployment", "--show", "verdict"]
    let written = try sandbox.cop(arguments + ["--out", "map.svg"])
    #expect(written.status == 0, "\(written)")
    #expect(written.stdout.isEmpty)
    let svg = try sandbox.read("map.svg")
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.components(separatedBy: "<path ").count - 1 == 5)
    #expect(svg.components(separatedBy: "<title>").count - 1 == 6)
    #expect(svg.contains("fill=\"url(#map-no-value)\" data-code=\"WK990104\""))
    #expect(svg.contains(">no value (1)</text>"))
    #expect(svg.contains(">further</text>"))
    let printed = try sandbox.cop(arguments)
    #expect(printed.status == 0)
    #expect(printed.stdout == svg)
  }

  @Test("usage errors exit 64: a level without shapes, an unknown area, a bad --show or --classes")
  func usageErrors() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.copyExample(to: sandbox)
    let base = ["map", "--casebook", "book", "--indicator", "unemployment"]
    let noShapes = try sandbox.cop(base + ["--level", "buurt"])
    #expect(noShapes.status == 64)
    #expect(
      noShapes.errorLines == [
        "error: the casebook has no shapes for level 'buurt' (geography/shapes/buurt.geojson); `cop import shapes FILE --level buurt` brings them in"
      ])
    let unknown = try sandbox.cop(base + ["--within", "GM9902"])
    #expect(unknown.status == 64)
    #expect(
      unknown.errorLines.first?.contains("unknown area or group 'GM9902'; did you mean 'GM9901'?") == true)
    #expect(try sandbox.cop(base + ["--show", "colour"]).status == 64)
    #expect(try sandbox.cop(base + ["--classes", "12"]).status == 64)
    #expect(try sandbox.cop(["map", "--casebook", "book", "--indicator", "nope"]).status == 64)
  }

  @Test("cop validate reports broken shapes with file, line and column and exits 65")
  func validateShapes() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.copyExample(to: sandbox)
    let path = "book/geography/shapes/wijk.geojson"
    let text = try sandbox.read(path)
    // Feature 2 (line 3) loses its closing position.
    let broken = text.replacingOccurrences(
      of: "[132000,454000],[132000,452000]]]}}", with: "[132000,454000]]]}}")
    #expect(broken != text)
    try sandbox.write(broken, to: path)
    let result = try sandbox.cop(["validate", "--casebook", "book"])
    #expect(result.status == 65, "\(result)")
    #expect(
      result.errorLines.first
        == "book/geography/shapes/wijk.geojson:3:1: error: feature 2 (WK990102): ring 1 is not closed; its last position must repeat its first"
    )
    let map = try sandbox.cop(["map", "--casebook", "book", "--indicator", "unemployment"])
    #expect(map.status == 65)
  }
}

extension MapCommandTests {
  @Test("cop compare leaves a broken shapes file alone; cop map and cop site build refuse it (65)")
  func onlyMapsReadShapes() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.copyExample(to: sandbox)
    try sandbox.write("{\"type\": \"nonsense\"}", to: "book/geography/shapes/wijk.geojson")
    let compared = try sandbox.cop(["compare", "--casebook", "book", "--level", "wijk", "--format", "csv"])
    #expect(compared.status == 0, "\(compared)")
    #expect(try sandbox.cop(["map", "--casebook", "book", "--indicator", "unemployment"]).status == 65)
    #expect(try sandbox.cop(["site", "build", "--casebook", "book", "--out", "site"]).status == 65)
    #expect(try sandbox.cop(["validate", "--casebook", "book"]).status == 65)
  }
}
