import Foundation
import TestSupport
import Testing

/// A forge (bare repository) with a small casebook, and two members' clones made with `git clone`.
private func makeForge(_ sandbox: Sandbox) throws {
  let created = try sandbox.cop(["init", "seed", "--title", "Forge"])
  #expect(created.status == 0, "\(created)")
  try sandbox.write(
    "code,name,level,parent,groups\nNL,Nederland,country,,\nGM0363,Amsterdam,gemeente,NL,\n"
      + "GM0599,Rotterdam,gemeente,NL,\n", to: "seed/areas.csv")
  try sandbox.write(
    "- id: unemployment\n  label: Unemployment\n  unit: percent\n  polarity: lower-is-better\n",
    to: "seed/indicators/catalogue.yaml")
  try sandbox.write(dataStart, to: "seed/" + dataFile)
  try sandbox.git(["add", "-A"], in: "seed")
  try sandbox.git(["commit", "-q", "-m", "Areas and unemployment"], in: "seed")
  try sandbox.git(["clone", "-q", "--bare", "seed", "forge.git"])
  try sandbox.git(["clone", "-q", "forge.git", "ann"])
  try sandbox.git(["clone", "-q", "forge.git", "bob"])
}

private let dataFile = "indicators/data/unemployment.csv"
private let dataStart = "area,period,value,n\nGM0363,2020,7.0,\nGM0599,2020,9.1,\n"

/// Appends `line` to the data file of `member` and commits it with git.
private func addValue(_ sandbox: Sandbox, _ line: String, in member: String, message: String) throws {
  let text = try sandbox.read(member + "/" + dataFile)
  try sandbox.commit([dataFile: text + line + "\n"], message: message, in: member)
}

/// `git fsck` is clean in the forge and both clones.
private func expectFsckClean(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
  try sandbox.expectFsckClean(["forge.git", "ann", "bob"], sourceLocation: sourceLocation)
}

@Suite("cop sync and cop merge-driver, end to end")
struct SyncTests {
  @Test("push, fast-forward, then a merge commit that keeps both members' new values")
  func fastForwardAndMerge() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try makeForge(sandbox)
    try addValue(sandbox, "GM0363,2021,6.5,", in: "ann", message: "Amsterdam 2021")
    let pushed = try sandbox.cop(["sync"], in: "ann")
    let annTip = try sandbox.revParse("HEAD", in: "ann")
    #expect(pushed.status == 0, "\(pushed)")
    #expect(pushed.stdout == "Pushed main to origin (\(annTip.prefix(12))).\n")
    #expect(pushed.stderr == "")

    let forwarded = try sandbox.cop(["sync"], in: "bob")
    #expect(
      forwarded.stdout == "Fast-forwarded main to origin/main (\(annTip.prefix(12))): 1 file updated.\n")
    #expect(try sandbox.read("bob/" + dataFile) == dataStart + "GM0363,2021,6.5,\n")

    try addValue(sandbox, "GM0599,2021,8.8,", in: "ann", message: "Rotterdam 2021")
    #expect(try sandbox.cop(["sync"], in: "ann").status == 0)
    try addValue(sandbox, "GM0363,2022,6.1,", in: "bob", message: "Amsterdam 2022")
    let merged = try sandbox.cop(["sync"], in: "bob")
    #expect(merged.status == 0, "\(merged)")
    let merge = try sandbox.revParse("HEAD", in: "bob")
    #expect(
      merged.lines == [
        "Merged origin/main into main (merge commit \(merge.prefix(12))): 1 file updated; "
          + "merged by observation: \(dataFile).",
        "Pushed main to origin.",
      ])
    #expect(
      try sandbox.read("bob/" + dataFile)
        == dataStart + "GM0363,2021,6.5,\nGM0363,2022,6.1,\nGM0599,2021,8.8,\n")
    #expect(try sandbox.revParse("main", in: "forge.git") == merge)
    #expect(try sandbox.git(["log", "-1", "--format=%P", merge], in: "bob").split(separator: " ").count == 2)
    #expect(try sandbox.git(["status", "--porcelain"], in: "bob") == "")
    let log = try sandbox.git(["log", "-p", "--format=%s"], in: "forge.git")
    #expect(log.contains("Merge origin/main into main") && log.contains("+GM0599,2021,8.8,"))
    #expect(try sandbox.cop(["validate"], in: "bob").status == 0)
    #expect(try sandbox.cop(["sync"], in: "ann").stdout.hasPrefix("Fast-forwarded main to origin/main"))
    #expect(try sandbox.cop(["sync"], in: "ann").stdout.hasPrefix("Already up to date with origin/main"))
    try expectFsckClean(sandbox)
  }

  @Test("a conflict names the file and the observation, says what to do, and leaves both clones as they were")
  func conflict() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try makeForge(sandbox)
    try sandbox.commit(
      [dataFile: dataStart.replacingOccurrences(of: "7.0", with: "7.2")], message: "A", in: "ann")
    #expect(try sandbox.cop(["sync"], in: "ann").status == 0)
    try sandbox.commit(
      [dataFile: dataStart.replacingOccurrences(of: "7.0", with: "7.4")], message: "B", in: "bob")
    func state(_ member: String) throws -> [String] {
      [
        try sandbox.git(["for-each-ref"], in: member), try sandbox.git(["ls-files", "-s"], in: member),
        try sandbox.git(["status", "--porcelain"], in: member), try sandbox.read(member + "/" + dataFile),
        try sandbox.git(["reflog", "--all"], in: member),
      ]
    }
    let bob = try state("bob")
    let ann = try state("ann")
    let forge = try sandbox.revParse("main", in: "forge.git")

    let result = try sandbox.cop(["sync"], in: "bob")
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.errorLines.first?.hasPrefix("error: cannot merge origin/main (") == true)
    #expect(result.errorLines.first?.hasSuffix("1 conflicting file; nothing was changed") == true)
    #expect(
      result.errorLines.contains("conflict: \(dataFile): 1 observation changed differently on both sides"))
    #expect(result.errorLines.contains("  GM0363 2020: here value 7.4, there value 7.2 (was value 7.0)"))
    #expect(result.errorLines.last?.hasPrefix("To resolve:") == true)
    #expect(try state("bob") == bob)
    #expect(try state("ann") == ann)
    #expect(try sandbox.revParse("main", in: "forge.git") == forge)
    try expectFsckClean(sandbox)
  }

  @Test("an unreachable remote is one line, with the password in its address masked")
  func unreachable() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try makeForge(sandbox)
    try sandbox.git(["remote", "add", "web", "https://ann:s3cret@127.0.0.1:9/cop.git"], in: "bob")
    let result = try sandbox.cop(
      ["sync", "--remote", "web"], in: "bob", environment: ["GIT_TERMINAL_PROMPT": "0"])
    #expect(result.status == 1)
    #expect(result.errorLines.count == 1, "\(result)")
    #expect(result.stderr.hasPrefix("error: cannot fetch from web (https://ann:***@127.0.0.1:9/cop.git): "))
    #expect(!result.stderr.contains("s3cret"))
    let usage = try sandbox.cop(["sync", "--at", "HEAD"], in: "bob")
    #expect(usage.status == 64)
    try expectFsckClean(sandbox)
  }

  @Test("a clone's invalid commit is not pushed to a hooked local or file:// remote; a valid one is")
  func invalidNotPushed() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    // A bare repository with the pre-receive hook of gates/, which libgit2's local transport never runs.
    try GateTests.makeServer(sandbox)
    try sandbox.git(["config", "cop.path", try GateTests.copPath()], in: "server.git")
    #expect(try sandbox.cop(["init", "seed", "--title", "T"]).status == 0)
    #expect(try GateTests.push(sandbox, ["HEAD:main"], from: "seed").status == 0)
    try sandbox.git(["clone", "-q", "server.git", "member"])
    let start = try #require(try GateTests.serverCommit(sandbox, "main"))
    try sandbox.git(["remote", "add", "file", "file://" + sandbox.url("server.git").path], in: "member")

    let bad = try sandbox.commit(["cases/beta.md": GateTests.brokenCase], message: "Add beta", in: "member")
    for remote in ["origin", "file"] {
      let refused = try sandbox.cop(["sync", "--remote", remote], in: "member")
      #expect(refused.status == 65, "\(refused)")
      #expect(refused.stdout == "", "\(refused)")
      #expect(
        refused.errorLines == [
          "error: did not push main to \(remote): the casebook at \(bad.prefix(12)) has 1 error; \(remote) "
            + "was not changed",
          "cases/beta.md:3:9: error: unknown area 'NOWHERE'; add it to areas.csv (`cop areas add`), or use one "
            + "of its codes: NL",
          "Nothing is lost: your commits stay on main at \(bad.prefix(12)); fix the casebook (`cop validate`), "
            + "commit, and run `cop sync` again.",
        ], "\(refused)")
      #expect(try GateTests.serverCommit(sandbox, "main") == start, "the remote's branch moved")
      #expect(try sandbox.gitResult(["cat-file", "-e", bad], in: "server.git").status != 0)
      #expect(try sandbox.revParse("HEAD", in: "member") == bad)
    }

    let fixed = try sandbox.commit(
      ["cases/beta.md": GateTests.caseText(title: "Beta")], message: "Fix beta", in: "member")
    let pushed = try sandbox.cop(["sync"], in: "member")
    #expect(pushed.status == 0, "\(pushed)")
    #expect(pushed.stdout == "Pushed main to origin (\(fixed.prefix(12))).\n")
    #expect(try GateTests.serverCommit(sandbox, "main") == fixed)
    #expect(try sandbox.cop(["validate", "--casebook", "server.git", "--at", "main"]).status == 0)
    try sandbox.expectFsckClean(["server.git", "member"])
  }

  @Test("a merge whose casebook has errors stays on the branch and is not pushed")
  func invalidMergeKeptNotPushed() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try makeForge(sandbox)
    try addValue(sandbox, "GM0363,2021,6.5,", in: "ann", message: "Amsterdam 2021")
    #expect(try sandbox.cop(["sync"], in: "ann").status == 0)
    let forge = try sandbox.revParse("main", in: "forge.git")
    let bad = try sandbox.commit(["cases/beta.md": GateTests.brokenCase], message: "Add beta", in: "bob")

    let result = try sandbox.cop(["sync"], in: "bob")
    #expect(result.status == 65, "\(result)")
    let merge = try sandbox.revParse("HEAD", in: "bob")
    #expect(
      try sandbox.git(["log", "-1", "--format=%P", merge], in: "bob") == "\(bad) \(forge)\n",
      "the merge stays on bob's branch")
    #expect(
      result.errorLines.contains(
        "cases/beta.md:3:9: error: unknown area 'NOWHERE'; add it to areas.csv (`cop areas add`), or use one of "
          + "its codes: NL, GM0363, GM0599"))
    #expect(
      result.errorLines.last
        == "Nothing is lost: your commits stay on main at \(merge.prefix(12)), with the merge of origin/main "
        + "made by this sync; fix the casebook (`cop validate`), commit, and run `cop sync` again.",
      "\(result)")
    #expect(try sandbox.revParse("main", in: "forge.git") == forge)
    #expect(try sandbox.read("bob/" + dataFile) == dataStart + "GM0363,2021,6.5,\n")
    try expectFsckClean(sandbox)
  }

  @Test("git with cop as merge driver merges data files by observation, and marks conflicting observations")
  func mergeDriver() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try makeForge(sandbox)
    let binary = try #require(CopRunner.binary)
    let driver = ["-c", "merge.cop.driver=\(binary.path) merge-driver %O %A %B %P"]
    try sandbox.commit(
      [".gitattributes": "indicators/data/*.csv merge=cop\n"], message: "Merge driver", in: "ann")
    try sandbox.git(["push", "-q", "origin", "main"], in: "ann")
    try sandbox.git(["pull", "-q", "--ff-only"], in: "bob")
    try addValue(sandbox, "GM0363,2021,6.5,", in: "ann", message: "Amsterdam 2021")
    try sandbox.git(["push", "-q", "origin", "main"], in: "ann")
    try addValue(sandbox, "GM0599,2021,8.8,", in: "bob", message: "Rotterdam 2021")
    try sandbox.git(driver + ["pull", "-q", "--no-rebase", "origin", "main"], in: "bob")
    #expect(try sandbox.read("bob/" + dataFile) == dataStart + "GM0599,2021,8.8,\nGM0363,2021,6.5,\n")
    #expect(try sandbox.git(["status", "--porcelain"], in: "bob") == "")

    // A conflicting observation: git stops, with markers around that observation only.
    let current = try sandbox.read("bob/" + dataFile)
    try sandbox.git(["switch", "-q", "-c", "other"], in: "bob")
    try sandbox.commit(
      [dataFile: current.replacingOccurrences(of: "9.1", with: "9.0")], message: "A", in: "bob")
    try sandbox.git(["switch", "-q", "main"], in: "bob")
    try sandbox.commit(
      [dataFile: current.replacingOccurrences(of: "9.1", with: "9.2") + "GM0363,2023,5.9,\n"], message: "B",
      in: "bob")
    let conflicted = try sandbox.gitResult(driver + ["merge", "-q", "other"], in: "bob")
    #expect(conflicted.status != 0)
    #expect(conflicted.stderr.contains("\(dataFile): conflict: GM0599 2020: here value 9.2, there value 9.0"))
    #expect(
      try sandbox.read("bob/" + dataFile)
        == "area,period,value,n\nGM0363,2020,7.0,\n<<<<<<< ours\nGM0599,2020,9.2,\n=======\n"
        + "GM0599,2020,9.0,\n>>>>>>> theirs\nGM0599,2021,8.8,\nGM0363,2021,6.5,\nGM0363,2023,5.9,\n")
    #expect(try sandbox.git(["status", "--porcelain"], in: "bob") == "UU \(dataFile)\n")
    try expectFsckClean(sandbox)
  }
}
