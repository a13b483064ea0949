import CLibgit2
import Foundation
import Testing

@testable import GitStore

@Suite("Waiting for another writer's lock file")
struct LockWaitTests {
  @Test("a lock that is released is waited for, and the call made again until it succeeds")
  func releasedLock() {
    var calls = 0
    let result = retryingWhileLocked(timeout: 5) {
      calls += 1
      return calls < 4 ? GIT_ELOCKED.rawValue : 0
    }
    #expect(result == 0)
    #expect(calls == 4)
  }

  @Test("a lock that stays is reported once the time is up; other errors are not retried")
  func staleLockAndOtherErrors() {
    var calls = 0
    let stale = retryingWhileLocked(timeout: 0.01) {
      calls += 1
      return GIT_ELOCKED.rawValue
    }
    #expect(stale == GIT_ELOCKED.rawValue)
    #expect(calls > 1)
    calls = 0
    let modified = retryingWhileLocked(timeout: 5) {
      calls += 1
      return GIT_EMODIFIED.rawValue
    }
    #expect(modified == GIT_EMODIFIED.rawValue)
    #expect(calls == 1)
  }
}
