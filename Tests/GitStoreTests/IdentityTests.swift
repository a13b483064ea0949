import Foundation
import GitStore
import Testing

@Suite("Default author and committer")
struct IdentityTests {
  @Test("the environment gives name, email and date")
  func fromEnvironment() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.open(at: try scratch.makeRepository())
    let environment = scratch.identityEnvironment([
      "GIT_AUTHOR_NAME": "Env Author", "GIT_AUTHOR_EMAIL": "env@example.org",
      "GIT_AUTHOR_DATE": "@1700000000 +0130",
    ])

    #expect(
      try repository.defaultAuthor(environment: environment)
        == Signature(
          name: "Env Author", email: "env@example.org", time: Date(timeIntervalSince1970: 1_700_000_000),
          timeZoneOffsetMinutes: 90))
    // The committer falls back to the author's identity, but not to its date.
    let committer = try repository.defaultCommitter(environment: environment)
    #expect(committer.name == "Env Author" && committer.email == "env@example.org")
    #expect(abs(committer.time.timeIntervalSinceNow) < 600)
    #expect(committer.timeZoneOffsetMinutes == 0)
  }

  @Test("the repository's config gives the identity when the environment does not")
  func fromRepositoryConfig() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.open(at: try scratch.makeRepository())
    try scratch.git(["config", "user.name", "Repo User"], in: "repo")
    try scratch.git(["config", "user.email", "repo@example.org"], in: "repo")

    let author = try repository.defaultAuthor(environment: scratch.identityEnvironment())
    #expect(author.name == "Repo User" && author.email == "repo@example.org")
    let committer = try repository.defaultCommitter(environment: scratch.identityEnvironment())
    #expect(committer.name == "Repo User" && committer.email == "repo@example.org")
  }

  @Test("the environment wins over config, and committer.* over user.*")
  func environmentWins() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.open(at: try scratch.makeRepository())
    try scratch.git(["config", "user.name", "Repo User"], in: "repo")
    try scratch.git(["config", "user.email", "repo@example.org"], in: "repo")
    try scratch.git(["config", "committer.name", "Config Committer"], in: "repo")

    let environment = scratch.identityEnvironment([
      "GIT_AUTHOR_NAME": "Env Author", "GIT_COMMITTER_EMAIL": "c@x.org",
    ])
    let author = try repository.defaultAuthor(environment: environment)
    #expect(author.name == "Env Author" && author.email == "repo@example.org")
    let committer = try repository.defaultCommitter(environment: environment)
    #expect(committer.name == "Config Committer" && committer.email == "c@x.org")
  }

  @Test("the global config is found through HOME in the given environment, and EMAIL is a fallback")
  func globalConfigAndEmail() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.open(at: try scratch.makeRepository())
    try scratch.write("[user]\n\tname = Global Name\n", to: "home/.gitconfig")

    let author = try repository.defaultAuthor(
      environment: scratch.identityEnvironment(["EMAIL": "mail@x.org"]))
    #expect(author.name == "Global Name" && author.email == "mail@x.org")
  }

  @Test("with neither environment nor config there is a clear error")
  func noIdentity() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.open(at: try scratch.makeRepository())

    let error = #expect(throws: GitError.self) {
      try repository.defaultAuthor(environment: scratch.identityEnvironment())
    }
    #expect(error?.isNotFound == true)
    #expect(
      error?.message
        == "no author: set user.name and user.email (git config) or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL")
    let committer = #expect(throws: GitError.self) {
      try repository.defaultCommitter(
        environment: scratch.identityEnvironment(["GIT_COMMITTER_NAME": "Only"]))
    }
    #expect(committer?.message.hasPrefix("no committer: ") == true)
  }

  @Test(
    "dates in git's formats",
    arguments: [
      ("@1700000000 +0100", 1_700_000_000, 60),
      ("1700000000 -0230", 1_700_000_000, -150),
      ("@1700000000", 1_700_000_000, 0),
      ("2023-11-14T22:13:20+01:00", 1_699_996_400, 60),
      ("2023-11-14 22:13:20 +0100", 1_699_996_400, 60),
      ("2023-11-14T22:13:20Z", 1_700_000_000, 0),
      ("2023-11-14T22:13:20.5-0500", 1_700_018_000, -300),
      ("2023-11-14T22:13:20", 1_700_000_000, 0),  // local time; TZ=UTC in the environment
      ("Tue, 14 Nov 2023 22:13:20 +0100", 1_699_996_400, 60),
      ("14 Nov 2023 22:13:20 +0000", 1_700_000_000, 0),
    ]
  )
  func dates(text: String, seconds: Int, offset: Int) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.open(at: try scratch.makeRepository())
    let environment = scratch.identityEnvironment([
      "GIT_COMMITTER_NAME": "N", "GIT_COMMITTER_EMAIL": "e@x.org", "GIT_COMMITTER_DATE": text,
    ])

    let committer = try repository.defaultCommitter(environment: environment)
    #expect(committer.time == Date(timeIntervalSince1970: TimeInterval(seconds)))
    #expect(committer.timeZoneOffsetMinutes == offset)
  }

  @Test("a malformed date is an error that names the variable")
  func badDate() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.open(at: try scratch.makeRepository())
    let environment = scratch.identityEnvironment([
      "GIT_AUTHOR_NAME": "N", "GIT_AUTHOR_EMAIL": "e@x.org", "GIT_AUTHOR_DATE": "yesterday",
    ])

    let error = #expect(throws: GitError.self) { try repository.defaultAuthor(environment: environment) }
    #expect(error?.message.contains("GIT_AUTHOR_DATE") == true)
  }
}
