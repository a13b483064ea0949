import Foundation
import GitStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Test-only fault injection in the write path, chosen by `COP_FAULT` in the environment of a write.
///
/// Inert unless `COP_FAULT` is set; the test suite sets it to show that a write cannot half-happen.
/// Values:
/// - `kill:after-objects`, `kill:after-journal`, `kill:after-branch`, `kill:mid-worktree`: the
///   process sends itself SIGKILL at that point (after the commit objects are written; after the
///   write's record is saved; after the branch moved; after the first work-tree file is replaced and
///   before the index is written), as a crash or a power cut would stop it.
/// - `enospc:N`: the N-th write of the write path fails with ENOSPC ("No space left on device"). The
///   writes, in order: 1 the commit objects, 2 the write's record, 3 the branch, then each work-tree
///   file, then the index (a write of one file has 5).
/// - `after-branch`: the write stops with an error right after the branch moved (the record stays).
final class WriteFaults {
  /// A named point of the write path.
  enum Point: String, CaseIterable {
    case afterObjects = "after-objects"
    case afterJournal = "after-journal"
    case afterBranch = "after-branch"
    case midWorkTree = "mid-worktree"
  }

  private enum Mode {
    case none
    case stopAfterBranch
    case kill(Point)
    case noSpace(Int)
  }

  private let mode: Mode
  /// The writes seen so far.
  private var writes = 0
  /// The work-tree steps seen so far.
  private var workTreeSteps = 0

  /// The faults that `environment` asks for; none unless `COP_FAULT` is set.
  init(environment: [String: String]) {
    let value = environment["COP_FAULT"] ?? ""
    if value == "after-branch" {
      mode = .stopAfterBranch
    } else if value.hasPrefix("kill:"), let point = Point(rawValue: String(value.dropFirst(5))) {
      mode = .kill(point)
    } else if value.hasPrefix("enospc:"), let count = Int(value.dropFirst(7)), count > 0 {
      mode = .noSpace(count)
    } else {
      mode = .none
    }
  }

  /// The write reached `point`: kills the process when asked to.
  func reached(_ point: Point, commit: ObjectID) throws {
    switch mode {
    case .kill(let target) where target == point:
      kill(getpid(), SIGKILL)
    case .stopAfterBranch where point == .afterBranch:
      throw CasebookWriteError.interrupted(commit: commit.hex, reason: "stopped by the COP_FAULT test hook")
    default:
      break
    }
  }

  /// The write path is about to write `what`: fails with ENOSPC when it is the chosen write.
  func willWrite(_ what: String) throws {
    writes += 1
    if case .noSpace(let count) = mode, count == writes {
      throw GitError(
        operation: "write \(what)", code: -1, errorClass: 0,
        message: "\(String(cString: strerror(ENOSPC))) (injected by COP_FAULT)")
    }
  }

  /// The work-tree update is about to take `step`: a write, and after the first file the
  /// `mid-worktree` point.
  func workTreeStep(_ step: WorkTreeUpdateStep, commit: ObjectID) throws {
    workTreeSteps += 1
    if workTreeSteps == 2 { try reached(.midWorkTree, commit: commit) }
    switch step {
    case .file(let path): try willWrite("'\(path)'")
    case .index: try willWrite("the index")
    }
  }
}
