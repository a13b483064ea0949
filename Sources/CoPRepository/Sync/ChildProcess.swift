import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a finished ``ChildProcess`` left.
public struct ChildProcessResult: Sendable, Equatable {
  /// The exit status; for a process ended by a signal, 128 plus the signal's number.
  public var status: Int32
  /// Everything written to standard output.
  public var standardOutput: Data
  /// Everything written to standard error.
  public var standardError: Data
  /// True when the process was stopped because it wrote nothing for longer than the silence limit.
  public var timedOut: Bool
}

/// A program run in a process group of its own, its output read as it comes, and the whole group
/// stopped (SIGTERM, then SIGKILL) when it writes nothing for `silenceLimit` seconds.
///
/// `cop sync` runs `git fetch` and `git push` this way: git starts ssh or a remote helper, which may
/// start a proxy command, and all of them are in the group, so a server that never answers or stops
/// mid-transfer cannot hold `cop` beyond the limit. Standard input is `/dev/null`. When `cop` runs in
/// the foreground of a terminal, the terminal is handed to the child's group while it runs (as a
/// shell does for a job), so ssh and git can still ask for a passphrase, a password or a host key on
/// the terminal; it is taken back afterwards.
public enum ChildProcess {
  /// Runs `arguments` (the first is looked up in `PATH`) with `environment` exactly, in its own
  /// process group. `standardError` is called with each chunk of standard error as it arrives.
  public static func run(
    _ arguments: [String], environment: [String: String], silenceLimit: TimeInterval,
    standardError: (Data) -> Void = { _ in }
  ) throws -> ChildProcessResult {
    let output = try makePipe()
    let errors = try makePipe()
    defer {
      for descriptor in [output.read, errors.read] { close(descriptor) }
    }
    let pid: pid_t
    do {
      pid = try spawn(arguments, environment: environment, output: output.write, errors: errors.write)
    } catch {
      close(output.write)
      close(errors.write)
      throw error
    }
    close(output.write)
    close(errors.write)
    let terminal = TerminalHandOff(child: pid)
    defer { terminal.takeBack() }

    var outputData = Data()
    var errorData = Data()
    var open: [Int32] = [output.read, errors.read]
    var deadline = Date().addingTimeInterval(silenceLimit)
    var timedOut = false
    // The raw wait status once the child has ended; its output is then read for at most a moment
    // more, in case a process it left behind (a daemon) still holds the pipes open.
    var ended: Int32?
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while !open.isEmpty {
      if ended == nil {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
          ended = status
          deadline = min(deadline, Date().addingTimeInterval(1))
        }
      }
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 {
        timedOut = ended == nil
        break
      }
      var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(remaining, 0.25) * 1000) + 1)
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      for descriptor in descriptors where descriptor.revents != 0 {
        let count = read(descriptor.fd, &buffer, buffer.count)
        if count > 0 {
          let chunk = Data(buffer[0..<count])
          if descriptor.fd == output.read {
            outputData.append(chunk)
          } else {
            errorData.append(chunk)
            standardError(chunk)
          }
          if ended == nil { deadline = Date().addingTimeInterval(silenceLimit) }
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
          open.removeAll { $0 == descriptor.fd }
        }
      }
    }
    let stopped = timedOut ? stopGroup(pid) : nil
    return ChildProcessResult(
      status: decode(ended ?? stopped ?? waitForExit(pid)), standardOutput: outputData,
      standardError: errorData, timedOut: timedOut)
  }

  /// A pipe's two ends, closed on exec.
  private static func makePipe() throws -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw ChildProcessError.system("pipe", errno) }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return (ends[0], ends[1])
  }

  /// Starts the program in a new process group, standard input from `/dev/null`, default signal
  /// handling and an empty signal mask.
  private static func spawn(
    _ arguments: [String], environment: [String: String], output: Int32, errors: Int32
  ) throws -> pid_t {
    guard let program = arguments.first else { throw ChildProcessError.system("spawn", EINVAL) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output, 1)
    posix_spawn_file_actions_adddup2(&actions, errors, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigfillset(&defaults)
    sigdelset(&defaults, SIGKILL)
    sigdelset(&defaults, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
    guard status == 0 else { throw ChildProcessError.system("start \(program)", status) }
    return pid
  }

  /// Stops every process of the group `pid` leads: SIGTERM, then SIGKILL to what is left a second
  /// later. Returns the raw wait status of `pid` when it was reaped here.
  private static func stopGroup(_ pid: pid_t) -> Int32? {
    kill(-pid, SIGTERM)
    for _ in 0..<20 {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        kill(-pid, SIGKILL)
        return status
      }
      usleep(50_000)
    }
    kill(-pid, SIGKILL)
    return nil
  }

  /// Waits for `pid` and returns its raw wait status.
  private static func waitForExit(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
  }

  /// The exit status in a raw wait status: 128 plus the signal for a process ended by one.
  private static func decode(_ status: Int32) -> Int32 {
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }
}

/// A system call that failed while starting a child process.
public enum ChildProcessError: Error, CustomStringConvertible {
  /// The call, and its errno.
  case system(String, Int32)

  /// The error as one line.
  public var description: String {
    switch self {
    case .system(let call, let code): "cannot \(call): \(String(cString: strerror(code)))"
    }
  }
}

/// Gives the controlling terminal to a child's process group while it runs, when `cop` is in the
/// terminal's foreground, and takes it back.
private struct TerminalHandOff {
  /// The terminal's descriptor and the group that had it, when it was handed over.
  private let handedOver: (descriptor: Int32, group: pid_t)?

  init(child: pid_t) {
    let descriptor = STDIN_FILENO
    guard isatty(descriptor) == 1, tcgetpgrp(descriptor) == getpgrp() else {
      handedOver = nil
      return
    }
    handedOver = tcsetpgrp(descriptor, child) == 0 ? (descriptor, getpgrp()) : nil
  }

  /// Makes `cop`'s group the terminal's foreground again (ignoring SIGTTOU meanwhile, which a
  /// background group gets for asking).
  func takeBack() {
    guard let handedOver else { return }
    let previous = signal(SIGTTOU, SIG_IGN)
    _ = tcsetpgrp(handedOver.descriptor, handedOver.group)
    _ = signal(SIGTTOU, previous)
  }
}
