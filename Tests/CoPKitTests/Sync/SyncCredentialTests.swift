import Foundation
import GitStore
import Testing

@testable import CoPKit

@Suite("Credentials and masked addresses for cop sync")
struct SyncCredentialTests {
  @Test("the output of `git credential fill` gives the user name and the password (which may hold '=')")
  func parseFill() throws {
    let output = "protocol=https\nhost=forge.example\nusername=ann\npassword=s3=cr=t\n"
    let found = try #require(GitCredentials.parseFill(output))
    #expect(found.username == "ann")
    #expect(found.password == "s3=cr=t")
    #expect(GitCredentials.parseFill("protocol=https\nhost=forge.example\nusername=ann\n") == nil)
    #expect(GitCredentials.parseFill("") == nil)
    #expect(
      GitCredentials.parseFill("username=a\r\npassword=b\r\n").map { [$0.username, $0.password] } == [
        "a", "b",
      ])
  }

  @Test("`git credential fill` is asked with the URL and the user name in the URL")
  func fillInput() {
    #expect(
      GitCredentials.fillInput(url: "https://forge.example/cop.git", username: nil)
        == "url=https://forge.example/cop.git\n\n")
    #expect(
      GitCredentials.fillInput(url: "https://x/y", username: "ann") == "url=https://x/y\nusername=ann\n\n")
  }

  @Test("ssh remotes get the ssh agent, as the URL's user or 'git'; a second attempt gets nothing")
  func sshAgent() {
    let provider = GitCredentials.provider(environment: [:])
    let request = CredentialRequest(
      url: "ssh://git@forge.example/cop.git", username: "git", allowed: [.sshKey], attempt: 0)
    #expect(provider(request) == .sshAgent(username: "git"))
    #expect(
      provider(
        CredentialRequest(url: "ssh://forge.example/x", username: nil, allowed: [.username], attempt: 0))
        == .username("git"))
    #expect(
      provider(CredentialRequest(url: request.url, username: "git", allowed: [.sshKey], attempt: 1)) == nil)
  }

  @Test("after the agent, the key files that exist are offered in ssh's order, each once")
  func sshKeyFiles() throws {
    let scratch = try GitScratch()
    defer { scratch.remove() }
    try scratch.write(Data("private".utf8), to: "home/.ssh/id_ed25519")
    try scratch.write(Data("public".utf8), to: "home/.ssh/id_ed25519.pub")
    try scratch.write(Data("private".utf8), to: "home/.ssh/id_rsa")
    let ssh = scratch.home.path + "/.ssh/"
    let provider = GitCredentials.provider(environment: ["HOME": scratch.home.path])
    func ask(_ allowed: Set<CredentialKind>, _ attempt: Int) -> Credential? {
      provider(
        CredentialRequest(
          url: "ssh://forge.example/cop.git", username: nil, allowed: allowed, attempt: attempt))
    }
    // A URL without a user: ssh asks for the user name first, then for keys.
    #expect(ask([.username], 0) == .username("git"))
    #expect(ask([.sshKey], 1) == .sshAgent(username: "git"))
    #expect(
      ask([.sshKey], 2)
        == .sshKeyFile(username: "git", publicKey: ssh + "id_ed25519.pub", privateKey: ssh + "id_ed25519"))
    #expect(ask([.sshKey], 3) == .sshKeyFile(username: "git", publicKey: nil, privateKey: ssh + "id_rsa"))
    #expect(ask([.sshKey], 4) == nil)
    #expect(ask([.username], 5) == nil)
  }

  @Test("https credentials come from git's credential helpers, and are stored back once they worked")
  func helpers() throws {
    let scratch = try GitScratch()
    defer { scratch.remove() }
    let store = scratch.url("credentials").path
    try scratch.write(
      Data("[credential]\n\thelper = store --file \(store)\n".utf8), to: "home/.gitconfig")
    let environment = scratch.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { $1 }
    let url = "https://forge.example/team/casebook.git"
    let request = CredentialRequest(url: url, username: nil, allowed: [.userPassword], attempt: 0)

    let empty = GitCredentials.Session(environment: environment)
    #expect(empty.provider(request) == nil)

    try scratch.write(Data("https://ann:s3cret@forge.example\n".utf8), to: "credentials")
    let session = GitCredentials.Session(environment: environment)
    #expect(session.provider(request) == .userPassword(username: "ann", password: "s3cret"))
    session.reject()
    #expect(try String(decoding: Data(contentsOf: scratch.url("credentials")), as: UTF8.self) == "")
    #expect(
      GitCredentials.storeInput(url: url, username: "bob", password: "pw")
        == "url=\(url)\nusername=bob\npassword=pw\n\n")
  }

  @Test("passwords in remote addresses are masked anywhere in a message")
  func masked() {
    #expect(
      RemoteText.masked("cannot fetch from origin (https://ann:s3cret@forge.example/cop.git): refused")
        == "cannot fetch from origin (https://ann:***@forge.example/cop.git): refused")
    #expect(
      RemoteText.masked("failed for 'http://u:p@h:8080/x' and https://h/y")
        == "failed for 'http://u:***@h:8080/x' and https://h/y")
    #expect(RemoteText.masked("ssh://git@forge.example/x") == "ssh://git@forge.example/x")
    #expect(RemoteText.masked("git+ssh://git@forge.example/x") == "git+ssh://git@forge.example/x")
  }

  @Test("a token in the user part of an address is masked whole (not only a password)")
  func tokensMasked() {
    #expect(
      RemoteText.masked("at https://ghp_abc123@github.com/o/r.git.")
        == "at https://***@github.com/o/r.git.")
    #expect(RemoteText.masked("file://tok@/srv/cop.git") == "file://***@/srv/cop.git")
    #expect(RemoteText.masked("xssh://tok@h/x and sh://tok@h/y") == "xssh://***@h/x and sh://***@h/y")
    #expect(RemoteURL.masked("https://u:p@h/x") == "https://u:***@h/x")
  }
}
