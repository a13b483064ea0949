import CoPCore
import CoPPluginKit
import Foundation
import GitStore

extension CasebookReader {
  /// The casebook loader as a command's reader: the folder's working tree or a revision of its
  /// repository, with results cached in the repository's git folder (see ``LoadCache``) unless
  /// `COP_CACHE` is `off`. `beforeWorkingTree` runs first when the working tree of a repository is read
  /// (`cop` finishes interrupted writes there).
  public static func loader(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    beforeWorkingTree: (@Sendable (Repository) -> Void)? = nil
  ) -> CasebookReader {
    CasebookReader { request in
      let repository = try? Repository.discover(from: request.folder.path)
      if request.revision == nil, let repository { beforeWorkingTree?(repository) }
      let source = try CasebookLocation.source(folder: request.folder, revision: request.revision)
      let cache = repository.flatMap { repository in
        LoadCache.forCommands(gitDirectory: repository.gitDirectory, environment: environment)
      }
      var options = LoadOptions(data: request.data, cache: cache)
      options.shapes = request.shapes
      let result = try CasebookLoader.load(from: source, options: options)
      cache?.save()
      return result
    }
  }
}
