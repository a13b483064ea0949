import Foundation

/// Which folder a command's casebook is in.
public enum CasebookFolder {
  /// The casebook folder: `--casebook`, else `$COP_CASEBOOK`, else `./casebook` if it exists, else the
  /// current folder.
  public static func resolve(option: String?, environment: [String: String], currentDirectory: URL) -> URL {
    // A folder URL without a trailing slash would resolve relative paths against its parent.
    let currentDirectory = URL(fileURLWithPath: currentDirectory.path, isDirectory: true)
    if let option, !option.isEmpty {
      return URL(fileURLWithPath: option, relativeTo: currentDirectory).standardizedFileURL
    }
    if let variable = environment["COP_CASEBOOK"], !variable.isEmpty {
      return URL(fileURLWithPath: variable, relativeTo: currentDirectory).standardizedFileURL
    }
    let bundled = currentDirectory.appendingPathComponent("casebook")
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: bundled.path, isDirectory: &isFolder), isFolder.boolValue {
      return bundled.standardizedFileURL
    }
    return currentDirectory.standardizedFileURL
  }
}
