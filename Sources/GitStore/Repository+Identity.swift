import CLibgit2
import Foundation

/// Which identity a commit needs.
private enum Role: String {
  case author, committer

  /// The prefix of the role's environment variables: "GIT_AUTHOR" or "GIT_COMMITTER".
  var variablePrefix: String {
    "GIT_" + rawValue.uppercased()
  }
}

extension Repository {
  /// The author git would use, from `environment` and git config.
  ///
  /// In git's order, the first that is set and not empty: `GIT_AUTHOR_NAME` / `GIT_AUTHOR_EMAIL`
  /// in `environment`; `author.name` / `author.email` in config; `user.name` / `user.email` in
  /// config; and for the email, `EMAIL` in `environment`. The time is `GIT_AUTHOR_DATE` when set
  /// (`@<unix seconds> <+hhmm>`, ISO 8601 or RFC 2822), else now in the local time zone (`TZ` in
  /// `environment`, else the process's).
  ///
  /// The config is read as git reads it, but located through `environment`, never the process
  /// environment, so that the caller decides (tests run in parallel and cannot set variables): the
  /// repository's own config; `GIT_CONFIG_GLOBAL` if set, else `$XDG_CONFIG_HOME/git/config`
  /// (default `$HOME/.config/git/config`) and `$HOME/.gitconfig`; and the system config
  /// (`GIT_CONFIG_SYSTEM`, else the file libgit2 finds, normally /etc/gitconfig) unless
  /// `GIT_CONFIG_NOSYSTEM` is true. Pass `ProcessInfo.processInfo.environment` for git's own
  /// behaviour. `GIT_CONFIG_COUNT` / `GIT_CONFIG_PARAMETERS` overrides are not read.
  ///
  /// - Throws: ``GitError`` (`isNotFound`) when no name or no email is found, or (`GIT_EINVALID`)
  ///   when the date is malformed.
  public func defaultAuthor(environment: [String: String]) throws -> Signature {
    try withIdentityConfig(environment) { config in
      let found = try identity(.author, environment, config)
      return try signature(.author, name: found.name, email: found.email, environment)
    }
  }

  /// The committer git would use: as ``defaultAuthor(environment:)`` with `GIT_COMMITTER_*` and
  /// `committer.*`, then, for whatever is still missing, the author's identity (but not its date).
  public func defaultCommitter(environment: [String: String]) throws -> Signature {
    try withIdentityConfig(environment) { config in
      var found = try identity(.committer, environment, config)
      if found.name == nil || found.email == nil {
        let author = try identity(.author, environment, config)
        found = (found.name ?? author.name, found.email ?? author.email)
      }
      return try signature(.committer, name: found.name, email: found.email, environment)
    }
  }

  /// The name and email for `role`, each nil when nothing sets it.
  private func identity(_ role: Role, _ environment: [String: String], _ config: OpaquePointer) throws
    -> (name: String?, email: String?)
  {
    var name: String? = nonEmpty(environment[role.variablePrefix + "_NAME"])
    if name == nil {
      name = try configString(config, role.rawValue + ".name")
    }
    if name == nil {
      name = try configString(config, "user.name")
    }
    var email: String? = nonEmpty(environment[role.variablePrefix + "_EMAIL"])
    if email == nil {
      email = try configString(config, role.rawValue + ".email")
    }
    if email == nil {
      email = try configString(config, "user.email")
    }
    if email == nil {
      email = nonEmpty(environment["EMAIL"])
    }
    return (name, email)
  }

  /// The signature for a found identity, dated from the environment or now.
  private func signature(_ role: Role, name: String?, email: String?, _ environment: [String: String])
    throws -> Signature
  {
    let operation = "read \(role.rawValue) identity"
    guard let name, let email else {
      let prefix = role.variablePrefix
      throw GitError(
        operation: operation,
        code: GIT_ENOTFOUND.rawValue,
        errorClass: Int32(GIT_ERROR_CONFIG.rawValue),
        message: "no \(role.rawValue): set user.name and user.email (git config) or "
          + "\(prefix)_NAME/\(prefix)_EMAIL"
      )
    }
    return try datedSignature(role, name: name, email: email, environment)
  }

  /// Calls `body` with the config git would read, located through `environment`.
  private func withIdentityConfig<Result>(
    _ environment: [String: String], _ body: (OpaquePointer) throws -> Result
  ) throws -> Result {
    let operation = "read git config"
    var config: OpaquePointer?
    defer { git_config_free(config) }
    try check(git_config_new(&config), operation)
    guard let config else { throw GitError.invalid(operation, "libgit2 returned no config") }
    var files: [(path: String, level: git_config_level_t)] = []
    if !isTrue(environment["GIT_CONFIG_NOSYSTEM"]) {
      if let system = nonEmpty(environment["GIT_CONFIG_SYSTEM"]) {
        files.append((system, GIT_CONFIG_LEVEL_SYSTEM))
      } else if let system = try systemConfigPath() {
        files.append((system, GIT_CONFIG_LEVEL_SYSTEM))
      }
    }
    if let global = nonEmpty(environment["GIT_CONFIG_GLOBAL"]) {
      files.append((global, GIT_CONFIG_LEVEL_GLOBAL))
    } else {
      let home: String? = nonEmpty(environment["HOME"])
      var xdg: String? = nonEmpty(environment["XDG_CONFIG_HOME"])
      if xdg == nil, let home {
        xdg = home + "/.config"
      }
      if let xdg {
        files.append((xdg + "/git/config", GIT_CONFIG_LEVEL_XDG))
      }
      if let home {
        files.append((home + "/.gitconfig", GIT_CONFIG_LEVEL_GLOBAL))
      }
    }
    var local = git_buf()
    defer { git_buf_dispose(&local) }
    try check(git_repository_item_path(&local, pointer, GIT_REPOSITORY_ITEM_CONFIG), operation)
    if let path = local.ptr {
      files.append((String(cString: path), GIT_CONFIG_LEVEL_LOCAL))
    }
    for file in files where FileManager.default.fileExists(atPath: file.path) {
      try check(
        git_config_add_file_ondisk(config, file.path, file.level, pointer, 1),
        "read git config \(file.path)"
      )
    }
    return try body(config)
  }

  /// The system config file libgit2 knows of, nil when there is none.
  private func systemConfigPath() throws -> String? {
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    let found = try check(
      git_config_find_system(&buffer), "find the system git config", allowing: [GIT_ENOTFOUND])
    guard found >= 0 else { return nil }
    return buffer.ptr.map { String(cString: $0) }
  }

  /// The value of `key` in `config`, nil when unset or blank.
  private func configString(_ config: OpaquePointer, _ key: String) throws -> String? {
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    let found = try check(
      git_config_get_string_buf(&buffer, config, key), "read git config \(key)", allowing: [GIT_ENOTFOUND])
    guard found >= 0 else { return nil }
    return nonEmpty(buffer.ptr.map { String(cString: $0) })
  }
}

/// `value` without surrounding white space, nil when that leaves nothing.
private func nonEmpty(_ value: String?) -> String? {
  guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
    return nil
  }
  return trimmed
}

/// Whether an environment value means true the way git reads booleans ("1", "true", "yes", "on").
private func isTrue(_ value: String?) -> Bool {
  guard let value = nonEmpty(value)?.lowercased() else { return false }
  return ["1", "true", "yes", "on"].contains(value)
}

extension Signature {
  /// `name` and `email` at the moment git would give an author: `GIT_AUTHOR_DATE` in `environment`
  /// when set (`@<unix seconds> <+hhmm>`, ISO 8601 or RFC 2822), else now in the local time zone
  /// (`TZ` in `environment`, else the process's). For an author named on the command line, so
  /// that it is dated as `git commit --author` dates it.
  ///
  /// - Throws: ``GitError`` (`GIT_EINVALID`) when the date is malformed.
  public static func author(name: String, email: String, environment: [String: String]) throws -> Signature {
    try datedSignature(.author, name: name, email: email, environment)
  }
}

/// `name` and `email` dated by the role's `GIT_*_DATE` in `environment`, else now.
private func datedSignature(_ role: Role, name: String, email: String, _ environment: [String: String])
  throws -> Signature
{
  var localTimeZone = TimeZone.current
  if let zone = environment["TZ"], let named = TimeZone(identifier: String(zone.drop { $0 == ":" })) {
    localTimeZone = named
  }
  guard let dateText = nonEmpty(environment[role.variablePrefix + "_DATE"]) else {
    let now = Date()
    let offset = localTimeZone.secondsFromGMT(for: now) / 60
    return Signature(name: name, email: email, time: now, timeZoneOffsetMinutes: offset)
  }
  guard let date = GitDate.parse(dateText, localTimeZone: localTimeZone) else {
    throw GitError.invalid(
      "read \(role.rawValue) identity",
      "invalid date in \(role.variablePrefix)_DATE: '\(dateText)' "
        + "(use '@<unix seconds> <+hhmm>', ISO 8601 or RFC 2822)"
    )
  }
  return Signature(name: name, email: email, time: date.time, timeZoneOffsetMinutes: date.offsetMinutes)
}
