import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPPluginKitTesting

/// `Examples/plugin-sample-casebook` is `PluginContract.sampleCasebook` written out as files, for
/// plugins in other languages: the two must not drift apart.
@Suite("The plugin sample casebook on disk")
struct PluginSampleCasebookTests {
  @Test("the files load, without a diagnostic, to exactly the sample casebook in CoPKit")
  func sameAsTheKit() throws {
    let folder = packageRoot.appendingPathComponent("Examples/plugin-sample-casebook")
    let result = try CasebookLoader.load(from: FileSystemSource(root: folder))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let files = result.casebook
    let kit = PluginContract.sampleCasebook
    #expect(files.settings.title == kit.settings.title)
    #expect(files.settings.language == kit.settings.language)
    #expect(files.areas == kit.areas)
    #expect(files.indicators == kit.indicators)
    #expect(files.data.keys.sorted() == kit.data.keys.sorted())
    for indicator in kit.data.keys {
      #expect(files.observations(of: indicator) == kit.observations(of: indicator), "\(indicator)")
    }
    #expect(files.cases == kit.cases)
  }
}
