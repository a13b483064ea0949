import CoPCasebook
import CoPPluginKit

extension CasebookReader {
  /// `cop`'s reader: the casebook loader, which first finishes a write interrupted after its branch
  /// moved (see ``WriteJournal``), with a note on standard error.
  public static var recoveringLoader: CasebookReader {
    .loader(beforeWorkingTree: { repository in
      for message in (try? WriteJournal.recover(in: repository)) ?? [] { Terminal.error("note: \(message)") }
    })
  }
}
