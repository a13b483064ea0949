import CoPPluginKit
import Foundation

/// Where installed plugins live and which of them load: `$COP_PLUGIN_PATH` (colon-separated), else
/// `~/.local/share/cop/plugins`; `$COP_PLUGINS` (comma-separated ids, or empty for none) limits them.
public struct PluginDirectory: Sendable {
  /// The folders searched, first wins.
  public var folders: [URL]
  /// The ids allowed to load, or nil for all.
  public var allowed: Set<String>?
  /// Seconds one request may take (`$COP_PLUGIN_TIMEOUT`, default 30).
  public var timeout: Double
  /// The environment plugins run with.
  public var environment: [String: String]
  /// Where descriptions are cached (`$XDG_CACHE_HOME/cop` or `~/.cache/cop`).
  public var cacheFile: URL?

  /// The plugin folders and settings from an environment.
  public init(environment: [String: String]) {
    self.environment = environment
    let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
    if let path = environment["COP_PLUGIN_PATH"], !path.isEmpty {
      folders = path.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
    } else if let home {
      folders = [home.appendingPathComponent(".local/share/cop/plugins")]
    } else {
      folders = []
    }
    if let list = environment["COP_PLUGINS"] {
      allowed = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
    timeout = environment["COP_PLUGIN_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 30
    if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
      cacheFile = URL(fileURLWithPath: cache).appendingPathComponent("cop/plugin-descriptions.json")
    } else {
      cacheFile = home?.appendingPathComponent(".cache/cop/plugin-descriptions.json")
    }
  }

  /// The folder `cop plugins install` copies into: the first one.
  public var installFolder: URL? { folders.first }

  /// The plugin executables found, one per id (the first folder that has it wins), sorted by id.
  public func executables() -> [(id: String, url: URL)] {
    var found: [String: URL] = [:]
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() where name.hasPrefix("cop-") && name.count > 4 {
        let id = String(name.dropFirst(4))
        guard found[id] == nil, allowed?.contains(id) ?? true else { continue }
        found[id] = folder.appendingPathComponent(name)
      }
    }
    return found.keys.sorted().map { ($0, found[$0]!) }
  }

  /// The installed plugins with their descriptions (from the cache when the executable is unchanged),
  /// and one error for each plugin that could not describe itself.
  public func load(casebookFolder: String? = nil, revision: String? = nil) -> (
    plugins: [InstalledPlugin], errors: [PluginError]
  ) {
    var cache = DescriptionCache(file: cacheFile)
    var plugins: [InstalledPlugin] = []
    var errors: [PluginError] = []
    for (id, url) in executables() {
      do {
        let description = try cache.description(for: url) {
          try InstalledPlugin.describe(executable: url, timeout: timeout, environment: environment)
        }
        plugins.append(
          InstalledPlugin(
            executable: url, description: description, timeout: timeout, environment: environment,
            casebookFolder: casebookFolder, revision: revision))
      } catch let error as PluginError {
        errors.append(error)
      } catch {
        errors.append(PluginError(plugin: "cop-\(id)", problem: "\(error)"))
      }
    }
    cache.save()
    return (plugins, errors)
  }
}

/// Plugin descriptions cached by executable path, size and modification time, so that `cop --help`
/// does not start every plugin each time. A plugin that could not describe itself (no answer in time,
/// a crash, output that is not the protocol's) is remembered too, with its error, so that a broken
/// plugin costs its timeout once, not on every run, until its executable changes.
struct DescriptionCache {
  struct Entry: Codable {
    var size: Int
    var modified: Double
    /// The description, or nil when the plugin failed.
    var description: PluginDescription?
    /// What the plugin did wrong, when it failed.
    var failure: String?
  }

  let file: URL?
  private var entries: [String: Entry] = [:]
  private var changed = false

  init(file: URL?) {
    self.file = file
    if let file, let data = try? Data(contentsOf: file),
      let decoded = try? JSONDecoder().decode([String: Entry].self, from: data)
    {
      entries = decoded
    }
  }

  /// The cached description of `url`, or a fresh one from `describe` (then cached). A cached failure
  /// is thrown again without starting the plugin; a fresh failure of an executable that could be
  /// started is cached.
  mutating func description(for url: URL, describe: () throws -> PluginDescription) throws
    -> PluginDescription
  {
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
    if let entry = entries[url.path], entry.size == size, entry.modified == modified {
      if let description = entry.description { return description }
      if let failure = entry.failure { throw PluginError(plugin: url.lastPathComponent, problem: failure) }
    }
    do {
      let description = try describe()
      entries[url.path] = Entry(size: size, modified: modified, description: description)
      changed = true
      return description
    } catch let error as PluginError {
      // A missing or non-executable file costs nothing to check again; anything else was started.
      if size >= 0, FileManager.default.isExecutableFile(atPath: url.path) {
        entries[url.path] = Entry(size: size, modified: modified, failure: error.problem)
        changed = true
      }
      throw error
    }
  }

  /// Writes the cache if it changed (atomically; a failure to write only costs speed).
  func save() {
    guard changed, let file else { return }
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    if let data = try? JSONEncoder().encode(entries) { try? data.write(to: file, options: .atomic) }
  }
}
