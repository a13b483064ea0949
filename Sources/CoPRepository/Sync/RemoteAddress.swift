import Foundation

/// A remote's address as configured, and what `cop sync` needs to know about it: the user name and
/// password inside an http(s) address (kept off git's command line), and how to reach an ssh host
/// with `ssh` to trust its key.
public struct RemoteAddress: Sendable, Equatable {
  /// The address as configured (it may hold a password: mask it before showing it).
  public let url: String

  /// Creates the address.
  public init(_ url: String) {
    self.url = url
  }

  /// For an http, https, ftp or ftps address with a user part: the address without it, and the user
  /// name and password (percent-decoded; nil when there is none). Nil for every other address.
  public var credentials: (url: String, username: String, password: String?)? {
    guard let scheme = scheme, ["http", "https", "ftp", "ftps"].contains(scheme.lowercased()) else {
      return nil
    }
    let rest = url.dropFirst(scheme.count + 3)
    let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
    let authority = rest[..<authorityEnd]
    guard let at = authority.lastIndex(of: "@") else { return nil }
    let userInfo = authority[..<at]
    let stripped = scheme + "://" + rest[rest.index(after: at)...]
    if let colon = userInfo.firstIndex(of: ":") {
      return (
        stripped, Self.decoded(userInfo[..<colon]), Self.decoded(userInfo[userInfo.index(after: colon)...])
      )
    }
    return (stripped, Self.decoded(userInfo), nil)
  }

  /// The `ssh` command that connects to this address's host as git would (port and user included),
  /// for an `ssh://` address or an scp-like one (`[user@]host:path`); nil for every other address.
  public var sshCommand: String? {
    if let scheme = scheme {
      guard ["ssh", "git+ssh", "ssh+git"].contains(scheme.lowercased()) else { return nil }
      let rest = url.dropFirst(scheme.count + 3)
      let authority = rest[..<(rest.firstIndex(of: "/") ?? rest.endIndex)]
      var host = String(authority)
      var port: String?
      if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
        host = String(authority[..<colon])
        port = String(authority[authority.index(after: colon)...])
      }
      host = host.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
      return "ssh " + (port.map { $0.isEmpty ? "" : "-p \($0) " } ?? "") + host
    }
    guard let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/"), colon != url.startIndex
    else { return nil }
    return "ssh " + url[..<colon]
  }

  /// The scheme before `://`, if there is one.
  private var scheme: String? {
    guard let range = url.range(of: "://") else { return nil }
    let scheme = url[..<range.lowerBound]
    guard let first = scheme.first, first.isLetter,
      scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) })
    else { return nil }
    return String(scheme)
  }

  private static func decoded(_ text: Substring) -> String {
    String(text).removingPercentEncoding ?? String(text)
  }
}
