import Foundation

/// Sorts what `git fetch` or `git push` writes on standard error as it arrives: the server's own
/// words (`remote: ...` lines, from hooks and the forge) go to the user at once, progress only when
/// asked for (on a terminal), and git's and ssh's other lines are kept to explain a failure.
package final class GitMessages {
  /// Whether progress lines are passed on.
  private let showProgress: Bool
  /// Where lines for the user go, each with its line end (`\n`, or `\r` for progress).
  private let relay: (String) -> Void
  /// Bytes of a line not yet complete.
  private var pending = Data()
  /// The `remote: ...` lines seen, without their line ends.
  private(set) var remoteLines: [String] = []
  /// git's and ssh's own lines (not progress, not the server's), without their line ends.
  private(set) var otherLines: [String] = []

  init(showProgress: Bool, relay: @escaping (String) -> Void) {
    self.showProgress = showProgress
    self.relay = relay
  }

  /// Takes the next chunk of standard error.
  func take(_ chunk: Data) {
    pending.append(chunk)
    while let end = pending.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
      let line = String(decoding: pending[pending.startIndex..<end], as: UTF8.self)
      var next = pending.index(after: end)
      var terminator = "\n"
      if pending[end] == 0x0D {
        // ssh ends its lines with "\r\n"; a lone "\r" ends a progress line that the next overwrites.
        guard next < pending.endIndex else { break }
        if pending[next] == 0x0A {
          next = pending.index(after: next)
        } else {
          terminator = "\r"
        }
      }
      pending = Data(pending[next...])
      sort(line, terminator: terminator)
    }
  }

  /// Takes what was left without a line end, once the process has ended.
  func finish() {
    guard !pending.isEmpty else { return }
    let line = String(decoding: pending, as: UTF8.self)
    pending = Data()
    sort(line, terminator: "\n")
  }

  private func sort(_ line: String, terminator: String) {
    // git pads the server's lines with spaces (to overwrite progress on a terminal): not shown.
    let masked = RemoteText.masked(String(line.reversed().drop(while: { $0 == " " }).reversed()))
    if terminator == "\r" || Self.isProgress(masked) {
      if showProgress { relay(masked + terminator) }
    } else if masked.hasPrefix("remote:") {
      remoteLines.append(masked)
      relay(masked + "\n")
    } else if !masked.trimmingCharacters(in: .whitespaces).isEmpty {
      otherLines.append(masked)
    }
  }

  /// True for git's progress lines, and the server's, which plain git shows only on a terminal.
  static func isProgress(_ line: String) -> Bool {
    let text = line.hasPrefix("remote: ") ? line.dropFirst("remote: ".count) : Substring(line)
    return progressPrefixes.contains { text.hasPrefix($0) }
  }

  private static let progressPrefixes = [
    "Enumerating objects:", "Counting objects:", "Compressing objects:", "Writing objects:",
    "Receiving objects:", "Resolving deltas:", "Unpacking objects:", "Total ", "Delta compression",
    "Checking connectivity",
  ]
}

/// Why a fetch or a push through `git` failed, in git's and ssh's words, with what to do about it.
public struct TransportFailure: Error, Sendable, Equatable {
  /// What kind of failure this is.
  public enum Kind: Sendable, Equatable {
    /// Nothing came from the server (or from git) for the whole timeout: git was stopped.
    case timedOut
    /// ssh refused the server's host key: unknown, or changed.
    case hostKey
    /// The ssh server refused every key offered.
    case sshKeysRefused
    /// The http server rejected the user name and password (or token) it got.
    case credentialsRejected
    /// The http server wants a user name and password and none could be found.
    case noCredentials
    /// Anything else: unreachable, no such repository, a broken connection.
    case other
  }

  /// The kind.
  public var kind: Kind
  /// git's and ssh's words, on one line, masked (without `fatal: ` and `error: `).
  public var words: String
  /// Lines that say what to do, masked.
  public var advice: [String]
}

extension TransportFailure {
  /// Reads the failure out of git's lines (git runs with `LC_ALL=C`, so they are in English).
  static func classify(
    _ lines: [String], timedOut: Bool, timeout: TimeInterval, address: RemoteAddress
  ) -> TransportFailure {
    let seconds = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
    if timedOut {
      return TransportFailure(
        kind: .timedOut,
        words: "no answer from the server for \(seconds) s; stopped git (--timeout \(seconds))",
        advice: [
          "Check that the server is up and reachable (plain `git fetch` should work too), or allow it more "
            + "time with --timeout SECONDS."
        ])
    }
    let text = lines.joined(separator: "\n")
    let words = Self.words(lines)
    let ssh = address.sshCommand ?? "ssh HOST"
    if text.contains("Host key verification failed") {
      let changed = text.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
      var advice = lines.filter { $0.contains("Offending") || $0.contains("ssh-keygen") }
      advice.append(
        (changed
          ? "The host's key is not the one in your known_hosts. If the change is expected (ask the "
            + "server's admins), remove the old key as ssh says above, then check the new one"
          : "ssh does not know this host's key yet. Check it")
          + " and trust the host with ssh itself: run `\(ssh)`, compare the fingerprint it "
          + "shows with the one the server's admins publish, and answer yes; then run `cop sync` again. "
          + "cop never adds host keys itself.")
      return TransportFailure(
        kind: .hostKey,
        words: changed
          ? "Host key verification failed: the host's key has changed" : "Host key verification failed",
        advice: advice)
    }
    if text.contains("Permission denied (") {
      return TransportFailure(
        kind: .sshKeysRefused, words: words,
        advice: [
          "The ssh server refused every key ssh offered (from your ssh agent, and the key files your "
            + "~/.ssh/config names or ~/.ssh/id_*). Check with `\(ssh)` which keys it offers (add -v), and "
            + "that the server has your public key."
        ])
    }
    if text.contains("Authentication failed for") {
      return TransportFailure(
        kind: .credentialsRejected, words: words,
        advice: [
          "The server rejected the user name and password (or token) it was given; git told your "
            + "credential helpers to forget it. Check it, then run `cop sync` again."
        ])
    }
    if text.contains("could not read Username") || text.contains("could not read Password") {
      return TransportFailure(
        kind: .noCredentials, words: words,
        advice: [
          "The server asks for a user name and password (or token) and none was found: set up a credential "
            + "helper (your forge's, or `git config --global credential.helper store`), set GIT_ASKPASS, "
            + "or run `cop sync` on a terminal to be asked."
        ])
    }
    return TransportFailure(kind: .other, words: words, advice: [])
  }

  /// git's lines on one line: each `fatal:`/`error:` line starts a part, other lines continue it;
  /// parts are joined with "; ".
  static func words(_ lines: [String]) -> String {
    var parts: [String] = []
    for line in lines where !line.hasPrefix("hint:") {
      var text = line.trimmingCharacters(in: .whitespaces)
      var starts = parts.isEmpty
      for prefix in ["fatal: ", "error: ", "ssh: "] where text.hasPrefix(prefix) {
        if prefix != "ssh: " { text = String(text.dropFirst(prefix.count)) }
        starts = true
      }
      if starts {
        parts.append(text)
      } else {
        parts[parts.count - 1] += " " + text
      }
    }
    return parts.isEmpty ? "git failed without saying why" : parts.joined(separator: "; ")
  }
}
