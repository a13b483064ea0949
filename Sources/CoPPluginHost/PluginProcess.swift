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
    let pipes = try Pipes()
    let pid = try spawn(executable, arguments: arguments, environment: environment, pipes: pipes)
    var exchange = Exchange(pipes: pipes, input: input)
    let timedOut = exchange.run(until: Date().addingTimeInterval(timeout))
    if timedOut {
      kill(-pid, SIGKILL)
      kill(pid, SIGKILL)
    }
    exchange.closeAll()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    if timedOut { throw Failure.timedOut(seconds: timeout) }
    // Whatever the plugin left running in its group is ended with it.
    kill(-pid, SIGKILL)
    let exited = status & 0x7F == 0
    return Output(
      status: exited ? (status >> 8) & 0xFF : -1, signal: exited ? nil : status & 0x7F,
      standardOutput: exchange.standardOutput, standardError: exchange.standardError)
  }

  /// The three pipes between cop and the plugin: `[read end, write end]` each.
  struct Pipes {
    var input: [Int32] = [0, 0]
    var output: [Int32] = [0, 0]
    var error: [Int32] = [0, 0]

    init() throws {
      guard pipe(&input) == 0, pipe(&output) == 0, pipe(&error) == 0 else {
        throw Failure.cannotStart("cannot create pipes: \(String(cString: strerror(errno)))")
      }
    }
  }

  /// Starts the plugin in a process group of its own, with the pipes as its standard input, output
  /// and error and SIGPIPE at its default; closes the plugin's ends of the pipes (and, when it cannot
  /// start, cop's ends too).
  private static func spawn(
    _ executable: String, arguments: [String], environment: [String: String], pipes: Pipes
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipes.input[0], 0)
    posix_spawn_file_actions_adddup2(&actions, pipes.output[1], 1)
    posix_spawn_file_actions_adddup2(&actions, pipes.error[1], 2)
    for descriptor in pipes.input + pipes.output + pipes.error {
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
    close(pipes.input[0])
    close(pipes.output[1])
    close(pipes.error[1])
    guard spawned == 0 else {
      close(pipes.input[1])
      close(pipes.output[0])
      close(pipes.error[0])
      throw Failure.cannotStart(String(cString: strerror(spawned)))
    }
    return pid
  }

  /// Feeds the plugin its input and collects its output and error, both at once, until both are
  /// closed and the input is written (or the deadline).
  struct Exchange {
    let pipes: Pipes
    private var pendingInput: Data
    private var inputOpen = true
    private(set) var standardOutput = Data()
    private(set) var standardError = Data()
    private var openReaders: Set<Int32>
    private var buffer = [UInt8](repeating: 0, count: 65536)

    init(pipes: Pipes, input: Data) {
      self.pipes = pipes
      pendingInput = input
      openReaders = [pipes.output[0], pipes.error[0]]
      if pendingInput.isEmpty {
        close(pipes.input[1])
        inputOpen = false
      } else {
        _ = fcntl(pipes.input[1], F_SETFL, fcntl(pipes.input[1], F_GETFL) | O_NONBLOCK)
      }
    }

    /// Polls until everything is done; true when the deadline came first.
    mutating func run(until deadline: Date) -> Bool {
      while !openReaders.isEmpty || inputOpen {
        let remaining = deadline.timeIntervalSinceNow
        if remaining <= 0 { return true }
        var descriptors = openReaders.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        if inputOpen { descriptors.append(pollfd(fd: pipes.input[1], events: Int16(POLLOUT), revents: 0)) }
        let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(min(remaining, 1) * 1000) + 1)
        if ready < 0 && errno != EINTR { break }
        for descriptor in descriptors where descriptor.revents != 0 {
          if inputOpen && descriptor.fd == pipes.input[1] {
            writeInput()
          } else {
            readOutput(from: descriptor.fd)
          }
        }
      }
      return false
    }

    /// Writes what the pipe takes of the pending input; closes the input when it is all written or
    /// the plugin closed its end.
    private mutating func writeInput() {
      let written = pendingInput.withUnsafeBytes { write(pipes.input[1], $0.baseAddress, $0.count) }
      if written > 0 { pendingInput.removeFirst(written) }
      if written < 0 && errno != EAGAIN && errno != EINTR || pendingInput.isEmpty {
        // Written in full, or the plugin closed its input early: either way, input is done.
        close(pipes.input[1])
        inputOpen = false
      }
    }

    /// Reads what is ready on the plugin's output or error, up to ``outputLimit`` each; closes a
    /// pipe at its end.
    private mutating func readOutput(from descriptor: Int32) {
      let count = read(descriptor, &buffer, buffer.count)
      if count <= 0 {
        if count == 0 || (errno != EINTR && errno != EAGAIN) {
          close(descriptor)
          openReaders.remove(descriptor)
        }
        return
      }
      if descriptor == pipes.output[0] {
        if standardOutput.count < outputLimit { standardOutput.append(contentsOf: buffer[0..<count]) }
      } else if standardError.count < outputLimit {
        standardError.append(contentsOf: buffer[0..<count])
      }
    }

    /// Closes cop's ends of the pipes that are still open.
    mutating func closeAll() {
      if inputOpen { close(pipes.input[1]) }
      for descriptor in openReaders { close(descriptor) }
    }
  }
}
