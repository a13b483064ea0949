import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a plugin executable in its own process group with a deadline, feeding it standard input and
/// collecting its output; on the deadline the whole group is killed.
enum PluginProcess {
  /// What a finished plugin process left.
  struct Output {
    var status: Int32
    var signal: Int32?
    var standardOutput: Data
    var standardError: Data
  }

  /// Why a run failed before the plugin could answer.
  enum Failure: Error {
    case cannotStart(String)
    case timedOut(seconds: Double)
  }

  /// The most output read from a plugin (64 MiB); more is cut off.
  static let outputLimit = 64 << 20

  /// Runs `executable` with `arguments` and `environment`, writes `input` to its standard input, and
  /// waits at most `timeout` seconds.
  static func run(
    executable: String, arguments: [String], environment: [String: String], input: Data, timeout: Double
  ) throws -> Output {
    signal(SIGPIPE, SIG_IGN)
    var inputPipe: [Int32] = [0, 0]
    var outputPipe: [Int32] = [0, 0]
    var errorPipe: [Int32] = [0, 0]
    guard pipe(&inputPipe) == 0, pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else {
      throw Failure.cannotStart("cannot create pipes: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
    for descriptor in inputPipe + outputPipe + errorPipe {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaultSignals = sigset_t()
    sigemptyset(&defaultSignals)
    sigaddset(&defaultSignals, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    close(inputPipe[0])
    close(outputPipe[1])
    close(errorPipe[1])
    guard spawned == 0 else {
      close(inputPipe[1])
      close(outputPipe[0])
      close(errorPipe[0])
      throw Failure.cannotStart(String(cString: strerror(spawned)))
    }
    let deadline = Date().addingTimeInterval(timeout)
    var pendingInput = input
    var inputOpen = true
    if pendingInput.isEmpty {
      close(inputPipe[1])
      inputOpen = false
    } else {
      _ = fcntl(inputPipe[1], F_SETFL, fcntl(inputPipe[1], F_GETFL) | O_NONBLOCK)
    }
    var standardOutput = Data()
    var standardError = Data()
    var openReaders: Set<Int32> = [outputPipe[0], errorPipe[0]]
    var buffer = [UInt8](repeating: 0, count: 65536)
    var timedOut = false
    while !openReaders.isEmpty || inputOpen {
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 {
        timedOut = true
        break
      }
      var descriptors = openReaders.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      if inputOpen { descriptors.append(pollfd(fd: inputPipe[1], events: Int16(POLLOUT), revents: 0)) }
      let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(remaining, 1) * 1000) + 1)
      if ready < 0 && errno != EINTR { break }
      for descriptor in descriptors where descriptor.revents != 0 {
        if inputOpen && descriptor.fd == inputPipe[1] {
          let written = pendingInput.withUnsafeBytes { write(inputPipe[1], $0.baseAddress, $0.count) }
          if written > 0 { pendingInput.removeFirst(written) }
          if written < 0 && errno != EAGAIN && errno != EINTR || pendingInput.isEmpty {
            // Written in full, or the plugin closed its input early: either way, input is done.
            close(inputPipe[1])
            inputOpen = false
          }
          continue
        }
        let count = read(descriptor.fd, &buffer, buffer.count)
        if count <= 0 {
          if count == 0 || (errno != EINTR && errno != EAGAIN) {
            close(descriptor.fd)
            openReaders.remove(descriptor.fd)
          }
          continue
        }
        if descriptor.fd == outputPipe[0] {
          if standardOutput.count < outputLimit { standardOutput.append(contentsOf: buffer[0..<count]) }
        } else if standardError.count < outputLimit {
          standardError.append(contentsOf: buffer[0..<count])
        }
      }
    }
    if timedOut {
      kill(-pid, SIGKILL)
      kill(pid, SIGKILL)
    }
    if inputOpen { close(inputPipe[1]) }
    for descriptor in openReaders { close(descriptor) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    if timedOut { throw Failure.timedOut(seconds: timeout) }
    // Whatever the plugin left running in its group is ended with it.
    kill(-pid, SIGKILL)
    let exited = status & 0x7F == 0
    return Output(
      status: exited ? (status >> 8) & 0xFF : -1, signal: exited ? nil : status & 0x7F,
      standardOutput: standardOutput, standardError: standardError)
  }
}
