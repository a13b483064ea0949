import CoPCore
import CoPPluginKit
import CoPRepository
import Foundation

/// Installs and removes plugins in the plugin folder: builds a Swift package's `cop-<id>` product in
/// release mode (from a folder or a git URL), or copies a prebuilt executable.
public struct PluginInstaller {
  /// Where plugins go and how they are run.
  public var directory: PluginDirectory
  /// Receives progress lines (the build's output).
  public var progress: (String) -> Void

  /// Creates an installer.
  public init(directory: PluginDirectory, progress: @escaping (String) -> Void = { _ in }) {
    self.directory = directory
    self.progress = progress
  }

  /// What an installation did.
  public struct Installed: Sendable {
    /// The plugin's description.
    public var description: PluginDescription
    /// Where the executable now is.
    public var path: URL
  }

  /// Installs from a folder holding a Swift package, a prebuilt executable, or a git URL (`URL@REF`
  /// for a branch, tag or commit). The plugin must describe itself over the protocol before it is copied
  /// in. A git URL is cloned into a temporary folder that is removed afterwards, whatever happens.
  public func install(_ source: String, scratchPath: String? = nil) throws -> Installed {
    guard let folder = directory.installFolder else {
      throw PluginError(
        plugin: source, problem: "no plugin folder: set COP_PLUGIN_PATH or HOME", isUsage: true)
    }
    var isFolder: ObjCBool = false
    let executable: URL
    if FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) {
      let url = URL(fileURLWithPath: source).standardizedFileURL
      executable = isFolder.boolValue ? try build(package: url, scratchPath: scratchPath) : url
    } else if Self.looksLikeGitURL(source) {
      let clone = try clone(source)
      defer { try? FileManager.default.removeItem(at: clone) }
      return try copyIn(
        try build(package: clone, scratchPath: scratchPath), folder: folder)
    } else {
      throw PluginError(
        plugin: source, problem: "is neither a folder, an executable, nor a git URL", isUsage: true)
    }
    return try copyIn(executable, folder: folder)
  }

  /// Checks that `executable` is a plugin that describes itself, then copies it (atomically) into `folder`.
  private func copyIn(_ executable: URL, folder: URL) throws -> Installed {
    let name = executable.lastPathComponent
    guard name.hasPrefix("cop-"), name.count > 4 else {
      throw PluginError(plugin: name, problem: "a plugin executable must be named cop-<id>", isUsage: true)
    }
    let description = try InstalledPlugin.describe(
      executable: executable, timeout: directory.timeout, environment: directory.environment)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let destination = folder.appendingPathComponent(name)
    let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString)")
    try FileManager.default.copyItem(at: executable, to: temporary)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary.path)
    guard rename(temporary.path, destination.path) == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      throw PluginError(plugin: description.id, problem: "could not be copied to \(destination.path)")
    }
    return Installed(description: description, path: destination)
  }

  /// Removes the plugin `id` from the first plugin folder that has it: only the entry
  /// `<folder>/cop-<id>` itself (a symbolic link is removed, not what it points to), never a folder.
  public func remove(_ id: String) throws -> URL {
    guard IdentifierPattern.caseID.matches(id) else {
      throw PluginError(
        plugin: id, problem: "is not a plugin id: an id has \(IdentifierPattern.caseID)", isUsage: true)
    }
    for folder in directory.folders {
      let path = folder.appendingPathComponent("cop-\(id)")
      // lstat: a dangling link is still an entry to remove, and a link is never followed.
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path.path) else { continue }
      guard attributes[.type] as? FileAttributeType != .typeDirectory else {
        throw PluginError(
          plugin: id, problem: "\(path.path) is a folder, not a plugin executable; it was left alone",
          isUsage: true)
      }
      guard unlink(path.path) == 0 else {
        throw PluginError(
          plugin: id, problem: "could not remove \(path.path): \(String(cString: strerror(errno)))")
      }
      return path
    }
    throw PluginError(
      plugin: id, problem: "is not installed in \(directory.folders.map(\.path).joined(separator: ":"))",
      isUsage: true)
  }

  static func looksLikeGitURL(_ text: String) -> Bool {
    text.contains("://") || text.hasPrefix("git@") || text.hasSuffix(".git") || text.contains(".git@")
  }

  /// Builds the package's `cop-*` executable product in release mode and returns the binary.
  func build(package: URL, scratchPath: String?) throws -> URL {
    let manifest = try run(["swift", "package", "dump-package", "--package-path", package.path], quiet: true)
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any],
      let products = object["products"] as? [[String: Any]]
    else {
      throw PluginError(plugin: package.path, problem: "its Package.swift could not be read")
    }
    let names = products.compactMap { product -> String? in
      guard let name = product["name"] as? String, name.hasPrefix("cop-"),
        let type = product["type"] as? [String: Any], type["executable"] != nil
      else { return nil }
      return name
    }
    guard names.count == 1, let product = names.first else {
      throw PluginError(
        plugin: package.path,
        problem: names.isEmpty
          ? "has no executable product named cop-<id>"
          : "has several cop-* products: \(names.joined(separator: ", "))",
        isUsage: true)
    }
    var arguments = ["swift", "build", "-c", "release", "--product", product, "--package-path", package.path]
    if let scratchPath { arguments += ["--scratch-path", scratchPath] }
    progress("Building \(product) in release mode (this takes a few minutes the first time)")
    _ = try run(arguments, quiet: false)
    let binPath = try run(
      arguments.filter { $0 != "--product" && $0 != product } + ["--show-bin-path"], quiet: true)
    return URL(fileURLWithPath: binPath.trimmingCharacters(in: .whitespacesAndNewlines))
      .appendingPathComponent(product)
  }

  /// Clones `URL[@REF]` into a new temporary folder (under `$TMPDIR` of the installer's environment);
  /// REF is a branch, a tag or a commit (an abbreviated or full hexadecimal id).
  func clone(_ source: String) throws -> URL {
    var url = source
    var reference: String?
    if let at = source.range(of: "@", options: .backwards),
      source[at.upperBound...].allSatisfy({ $0 != "/" && $0 != ":" }),
      !source.hasPrefix("git@") || source.filter({ $0 == "@" }).count > 1
    {
      url = String(source[..<at.lowerBound])
      reference = String(source[at.upperBound...])
    }
    let target = temporaryFolder.appendingPathComponent("cop-plugin-\(UUID().uuidString)")
    progress("Cloning \(RemoteURL.masked(url))")
    do {
      if let reference, Self.looksLikeCommit(reference) {
        // `--branch` takes no commit id, and a shallow fetch of one needs the server's consent: clone
        // in full, then check the commit out (a branch or tag spelt in hex still resolves).
        _ = try run(["git", "clone", "--no-checkout", "--", url, target.path], quiet: false)
        _ = try run(
          [
            "git", "-C", target.path, "-c", "advice.detachedHead=false", "checkout", "--quiet", reference,
            "--",
          ],
          quiet: false)
      } else {
        var arguments = ["git", "clone", "--depth", "1"]
        if let reference { arguments += ["--branch", reference] }
        _ = try run(arguments + ["--", url, target.path], quiet: false)
      }
    } catch {
      try? FileManager.default.removeItem(at: target)
      throw error
    }
    return target
  }

  /// Whether a reference looks like a commit id: 7 to 40 hexadecimal digits.
  static func looksLikeCommit(_ reference: String) -> Bool {
    (7...40).contains(reference.count) && reference.allSatisfy(\.isHexDigit)
  }

  /// Where temporary clones go: `$TMPDIR` of the installer's environment, else the system's.
  var temporaryFolder: URL {
    if let folder = directory.environment["TMPDIR"], !folder.isEmpty {
      return URL(fileURLWithPath: folder, isDirectory: true)
    }
    return FileManager.default.temporaryDirectory
  }

  /// Runs a command, returning its standard output. Unless `quiet`, its output goes to standard error
  /// as progress; when quiet, its standard error is shown only if it fails.
  @discardableResult
  func run(_ arguments: [String], quiet: Bool) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = directory.environment
    process.standardInput = FileHandle.nullDevice
    let errorLog = temporaryFolder.appendingPathComponent(
      "cop-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorLog) }
    let output = Pipe()
    process.standardOutput = quiet ? output : FileHandle.standardError
    process.standardError = quiet ? try FileHandle(forWritingTo: errorLog) : FileHandle.standardError
    try process.run()
    let data = quiet ? output.fileHandleForReading.readDataToEndOfFile() : Data()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let detail = (try? String(contentsOf: errorLog, encoding: .utf8))?.suffix(600) ?? ""
      throw PluginError(
        plugin: RemoteText.masked(arguments.prefix(3).joined(separator: " ")),
        problem: RemoteText.masked(
          "failed with status \(process.terminationStatus)" + (detail.isEmpty ? "" : ": \(detail)")))
    }
    return String(decoding: data, as: UTF8.self)
  }
}

/// Remote addresses as they may be shown: with any password or token masked.
public enum RemoteURL {
  /// `https://user:secret@host/x` → `https://user:***@host/x`; `https://token@host/x` →
  /// `https://***@host/x` (as ``RemoteText/masked(_:)``).
  public static func masked(_ url: String) -> String {
    RemoteText.masked(url)
  }
}
