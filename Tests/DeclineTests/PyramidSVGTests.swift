import Foundation
import Testing

@testable import Decline

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Collects the text of an SVG document's elements.
final class SVGCollector: NSObject, XMLParserDelegate {
  var elements: [String] = []
  var texts: [String] = []
  private var current = ""

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.append(elementName)
    current = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if elementName == "text" || elementName == "title" { texts.append(current) }
    current = ""
  }
}

@Suite("Population pyramid")
struct PyramidSVGTests {
  @Test func thePyramidIsWellFormedWithEscapedText() throws {
    let casebook = try Sample.casebook()
    let inputs = try #require(try DeclineInputs.load(casebook))
    let steps = try inputs.projection(of: "RG9901")
    let title = "Pyramid: Oost & West <\"synthetic\"> 'rural'"
    let svg = PyramidSVG.render(
      title: title, base: (steps.first!.year, steps.first!.population),
      horizon: (steps.last!.year, steps.last!.population))
    #expect(svg.contains("Oost &amp; West &lt;&quot;synthetic&quot;&gt; &apos;rural&apos;"))
    #expect(!svg.contains("Oost & West"))
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = SVGCollector()
    parser.delegate = collector
    #expect(parser.parse(), "\(String(describing: parser.parserError))")
    #expect(collector.elements.first == "svg")
    #expect(collector.texts.first == title)
    #expect(collector.texts.contains("Men (m)") && collector.texts.contains("Women (f)"))
    #expect(collector.texts.contains("85+") && collector.texts.contains("0-4"))
    #expect(
      collector.texts.contains { $0.contains("2020") } && collector.texts.contains { $0.contains("2040") })
    #expect(collector.elements.filter { $0 == "polyline" }.count == 2)
    #expect(collector.elements.filter { $0 == "rect" }.count >= 36)
  }

  @Test func niceScaleCoversTheLargestBar() {
    #expect(PyramidSVG.niceCeiling(3_900) == 5_000)
    #expect(PyramidSVG.niceCeiling(2_100) == 2_500)
    #expect(PyramidSVG.niceCeiling(0) == 1)
    #expect(PyramidSVG.niceCeiling(10_000) == 10_000)
  }
}
