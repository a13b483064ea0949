import Foundation
import GitStore
import Testing

@testable import CoPPluginHost
@testable import CoPRepository

@Suite("Masked addresses for cop sync")
struct RemoteMaskingTests {
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
