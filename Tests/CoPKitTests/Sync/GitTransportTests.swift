import Foundation
import Testing

@testable import CoPRepository

#if canImport(Glibc)
  import Glibc
#endif

@Suite("cop sync's transport: addresses, git's messages, the push status, the child process")
struct GitTransportTests {
  @Test("the user name and password of an http(s) address are taken out of it; other addresses keep theirs")
  func credentials() throws {
    let full = try #require(RemoteAddress("https://ann:s3%40cret@forge.example:8443/team/cb.git").credentials)
    #expect(full.url == "https://forge.example:8443/team/cb.git")
    #expect(full.username == "ann")
    #expect(full.password == "s3@cret")
    let token = try #require(RemoteAddress("https://ghp_TOKEN@github.com/o/r.git").credentials)
    #expect(
      token.url == "https://github.com/o/r.git" && token.username == "ghp_TOKEN" && token.password == nil)
    #expect(RemoteAddress("https://forge.example/a@b.git").credentials == nil)
    #expect(RemoteAddress("http://forge.example/cb.git").credentials == nil)
    #expect(RemoteAddress("ssh://git@forge.example/cb.git").credentials == nil)
    #expect(RemoteAddress("git@forge.example:cb.git").credentials == nil)
  }

  @Test("git is given the remote's name, or the address without its secrets and them in the environment")
  func target() {
    let plain = GitTransport.target(remote: "origin", address: RemoteAddress("https://forge.example/cb.git"))
    #expect(plain.name == "origin" && plain.environment.isEmpty && plain.settings.isEmpty)
    let secret = GitTransport.target(
      remote: "origin", address: RemoteAddress("https://ann:pw@forge.example/cb.git"))
    #expect(secret.name == "https://forge.example/cb.git")
    #expect(secret.environment == ["COP_SYNC_USERNAME": "ann", "COP_SYNC_PASSWORD": "pw"])
    #expect(secret.settings.map(\.0) == ["credential.helper", "credential.helper"])
    #expect(secret.settings.first?.1 == "" && !secret.settings.contains { $0.1.contains("pw") })
    let user = GitTransport.target(remote: "web", address: RemoteAddress("https://tok@forge.example/cb.git"))
    #expect(user.name == "https://forge.example/cb.git")
    #expect(user.settings.map { [$0.0, $0.1] } == [["credential.username", "tok"]])
    var environment = ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "a.b", "GIT_CONFIG_VALUE_0": "c"]
    GitTransport.addConfiguration("core.hooksPath", "/dev/null", to: &environment)
    #expect(environment["GIT_CONFIG_COUNT"] == "2" && environment["GIT_CONFIG_KEY_1"] == "core.hooksPath")
    #expect(environment["GIT_CONFIG_KEY_0"] == "a.b")
  }

  @Test("the ssh command that reaches an address's host, for trusting its key")
  func sshCommand() {
    #expect(
      RemoteAddress("ssh://forge@127.0.0.1:2222/srv/cb.git").sshCommand == "ssh -p 2222 forge@127.0.0.1")
    #expect(RemoteAddress("ssh://git@forge.example/cb.git").sshCommand == "ssh git@forge.example")
    #expect(RemoteAddress("git+ssh://[::1]:22/cb.git").sshCommand == "ssh -p 22 ::1")
    #expect(RemoteAddress("git@forge.example:team/cb.git").sshCommand == "ssh git@forge.example")
    #expect(RemoteAddress("casebook-forge:/srv/cb.git").sshCommand == "ssh casebook-forge")
    #expect(RemoteAddress("/srv/cb.git").sshCommand == nil)
    #expect(RemoteAddress("./a:b").sshCommand == nil)
    #expect(RemoteAddress("https://forge.example/cb.git").sshCommand == nil)
  }

  @Test(
    "git's standard error, in chunks: the server's lines relayed, progress only when asked, the rest kept")
  func messages() {
    var relayed: [String] = []
    let messages = GitMessages(showProgress: false) { relayed.append($0) }
    let text =
      "remote: Enumerating objects: 5, done.\nReceiving objects:  50% (1/2)\rReceiving objects: 100% (2/2), "
      + "done.\nremote: casebook frozen until Monday        \nHost key verification failed.\r\n"
      + "fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\n"
      + "and the repository exists.\nremote: https://ann:pw@forge.example/x"
    let bytes = Array(text.utf8)
    for start in stride(from: 0, to: bytes.count, by: 7) {
      messages.take(Data(bytes[start..<min(start + 7, bytes.count)]))
    }
    messages.finish()
    #expect(
      relayed == ["remote: casebook frozen until Monday\n", "remote: https://ann:***@forge.example/x\n"])
    #expect(
      messages.otherLines == [
        "Host key verification failed.", "fatal: Could not read from remote repository.",
        "Please make sure you have the correct access rights", "and the repository exists.",
      ])
    var shown = ""
    let progress = GitMessages(showProgress: true) { shown += $0 }
    progress.take(Data("Receiving objects:  50% (1/2)\rReceiving objects: 100% (2/2), done.\n".utf8))
    #expect(shown == "Receiving objects:  50% (1/2)\rReceiving objects: 100% (2/2), done.\n")
  }

  @Test("git's lines become one line; ssh's and git's failures are told apart")
  func failures() {
    let address = RemoteAddress("ssh://forge@127.0.0.1:2222/srv/cb.git")
    func classify(_ text: String) -> TransportFailure {
      TransportFailure.classify(
        text.split(separator: "\n").map(String.init), timedOut: false, timeout: 60, address: address)
    }
    let unknown = classify(
      "Host key verification failed.\nfatal: Could not read from remote repository.\n"
        + "Please make sure you have the correct access rights\nand the repository exists.")
    #expect(unknown.kind == .hostKey && unknown.words == "Host key verification failed")
    #expect(unknown.advice.last?.contains("run `ssh -p 2222 forge@127.0.0.1`") == true)
    let keys = classify(
      "forge@127.0.0.1: Permission denied (publickey).\nfatal: Could not read from remote repository.")
    #expect(keys.kind == .sshKeysRefused)
    #expect(
      keys.words == "forge@127.0.0.1: Permission denied (publickey).; Could not read from remote repository.")
    #expect(classify("fatal: Authentication failed for 'https://h/x/'").kind == .credentialsRejected)
    #expect(
      classify("fatal: could not read Username for 'https://h': terminal prompts disabled").kind
        == .noCredentials)
    let other = classify("fatal: unable to access 'https://h/x/': Could not resolve host: h\nhint: x")
    #expect(
      other.kind == .other && other.words == "unable to access 'https://h/x/': Could not resolve host: h")
    let timedOut = TransportFailure.classify([], timedOut: true, timeout: 2.5, address: address)
    #expect(timedOut.kind == .timedOut && timedOut.words.hasSuffix("(--timeout 2.5)"))
    #expect(TransportFailure.words([]) == "git failed without saying why")
  }

  @Test("the status of the pushed branch in `git push --porcelain`")
  func porcelain() throws {
    let output = "To /srv/f.git\n!\tdebe6cb7:refs/heads/main\t[rejected] (fetch first)\nDone\n"
    let rejected = try #require(GitTransport.porcelainStatus(of: "refs/heads/main", in: output))
    #expect(rejected.flag == "!" && rejected.summary == "[rejected]" && rejected.reason == "fetch first")
    let hook = "To h\n!\tabc:refs/heads/main\t[remote rejected] (pre-receive hook declined)\nDone\n"
    #expect(
      GitTransport.porcelainStatus(of: "refs/heads/main", in: hook)?.reason == "pre-receive hook declined")
    let pushed = try #require(
      GitTransport.porcelainStatus(
        of: "refs/heads/main", in: "To h\n \tabc:refs/heads/main\t1234..abcd\nDone\n"))
    #expect(pushed.flag == " " && pushed.summary == "1234..abcd" && pushed.reason == nil)
    #expect(
      GitTransport.porcelainStatus(of: "refs/heads/main", in: "To h\n*\tx:refs/heads/other\t[new branch]\n")
        == nil)
  }

  @Test("a child process: its exit status and output; a silent one is stopped with its whole process group")
  func childProcess() throws {
    var errors = Data()
    let done = try ChildProcess.run(
      ["sh", "-c", "echo out; echo err >&2; exit 3"], environment: ["PATH": "/usr/bin:/bin"],
      silenceLimit: 60,
      standardError: { errors.append($0) })
    #expect(done.status == 3 && !done.timedOut)
    #expect(String(decoding: done.standardOutput, as: UTF8.self) == "out\n")
    #expect(String(decoding: done.standardError, as: UTF8.self) == "err\n" && errors == done.standardError)

    // A child that ends leaving a process behind that holds its output open (as a daemon might):
    // its end is what counts, not the silence limit.
    let leftBehind = try ChildProcess.run(
      ["sh", "-c", "sleep 5 & exit 4"], environment: ["PATH": "/usr/bin:/bin"], silenceLimit: 600)
    #expect(leftBehind.status == 4 && !leftBehind.timedOut)

    // The shell starts a grandchild and both wait in silence: both are stopped.
    let silent = try ChildProcess.run(
      ["sh", "-c", "sleep 300 & echo $!; wait"], environment: ["PATH": "/usr/bin:/bin"], silenceLimit: 0.5)
    #expect(silent.timedOut)
    #expect(silent.status == 128 + SIGTERM)
    let grandchild = try #require(
      Int32(
        String(decoding: silent.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      ))
    // Stopped: gone, or a zombie waiting for init to reap it, once the kernel has finished its exit
    // (a dying process shows as running for a moment; waited for, at most 10 s).
    func sleepState() -> Substring? {
      guard let stat = try? String(contentsOfFile: "/proc/\(grandchild)/stat", encoding: .utf8),
        stat.contains("(sleep)")
      else { return nil }
      return stat.split(separator: ")").last?.split(separator: " ").first
    }
    for _ in 0..<200 where sleepState() != nil && sleepState() != "Z" { usleep(50_000) }
    let state = sleepState()
    #expect(state == nil || state == "Z", "the grandchild still runs: \(state ?? "")")
    #expect(throws: ChildProcessError.self) {
      try ChildProcess.run(["/nonexistent/git"], environment: [:], silenceLimit: 1)
    }
  }
}
