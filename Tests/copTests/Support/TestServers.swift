import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A process a test starts in a process group of its own, with default signal handling and an
/// empty signal mask (the test runner's threads block signals such as SIGTERM, and a child would
/// inherit that), stopped by its PID: SIGTERM to the group, then SIGKILL to what is left.
final class ProcessGroup {
  let pid: pid_t
  private var exited = false

  /// Starts `arguments` (an absolute path first) with `environment` exactly, output to `log`.
  init(_ arguments: [String], environment: [String: String], log: URL) throws {
    FileManager.default.createFile(atPath: log.path, contents: nil)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_APPEND, 0)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setpgroup(&attributes, 0)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
    try #require(status == 0, "cannot start \(arguments[0]): \(String(cString: strerror(status)))")
    self.pid = pid
  }

  /// Whether the process still runs (reaps it when it has ended).
  var isRunning: Bool {
    guard !exited else { return false }
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == pid { exited = true }
    return !exited
  }

  /// Stops the group: SIGTERM, up to 5 s for the leader to end, then SIGKILL to the whole group.
  func stop() {
    guard isRunning else { return }
    kill(-pid, SIGTERM)
    for _ in 0..<100 where isRunning { usleep(50_000) }
    kill(-pid, SIGKILL)
    if !exited {
      var status: Int32 = 0
      waitpid(pid, &status, 0)
      exited = true
    }
  }

  deinit { stop() }
}

/// A server that a test starts as a real process on 127.0.0.1 and stops by its PID.
///
/// Its output goes to a log file in the sandbox (quoted when a test fails). Starting waits until
/// the server accepts a connection on its port, bounded (a server that never listens fails the
/// test, it does not hang it).
final class ServerProcess {
  let group: ProcessGroup
  let log: URL

  /// Starts `executable` with `arguments` and `environment` exactly, and waits for `port` to listen.
  init(_ executable: String, _ arguments: [String], environment: [String: String], log: URL, port: Int)
    throws
  {
    self.log = log
    try #require(
      FileManager.default.isExecutableFile(atPath: executable),
      "\(executable) is missing: `make test` installs it (openssh-server, apache2)")
    group = try ProcessGroup([executable] + arguments, environment: environment, log: log)
    let listening = LocalPort.waitUntilListening(port, while: group)
    if !listening { group.stop() }
    try #require(listening, "\(executable) did not listen on 127.0.0.1:\(port): \(logText)")
  }

  /// The server's log so far.
  var logText: String {
    (try? String(contentsOf: log, encoding: .utf8)) ?? ""
  }

  /// Stops the server and everything it started.
  func stop() { group.stop() }
}

/// Ports on 127.0.0.1.
enum LocalPort {
  /// A port that was free a moment ago: the kernel's pick for a socket bound to port 0.
  static func free() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(socket >= 0)
    defer { close(socket) }
    var address = loopback(port: 0)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    try #require(bound == 0, "bind: errno \(errno)")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// The address 127.0.0.1:`port`.
  static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }

  /// Whether something accepts connections on 127.0.0.1:`port` now.
  static func accepts(_ port: Int) -> Bool {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return false }
    defer { close(socket) }
    var address = loopback(port: port)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }

  /// Waits until `port` accepts connections while `process` runs: at most 600 tries 50 ms apart
  /// (30 s), so a server that never comes up fails the test instead of hanging it.
  static func waitUntilListening(_ port: Int, while process: ProcessGroup) -> Bool {
    for _ in 0..<600 {
      if accepts(port) { return true }
      guard process.isRunning else { return false }
      usleep(50_000)
    }
    return false
  }
}

/// A listener on 127.0.0.1 that the kernel completes connections for but that never reads or
/// answers: a server that hangs.
final class StalledListener {
  let port: Int
  private let socket: Int32

  init() throws {
    let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(descriptor >= 0)
    var address = LocalPort.loopback(port: 0)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    let listening = bound == 0 && listen(descriptor, 16) == 0
    if !listening { close(descriptor) }
    try #require(listening, "listen: errno \(errno)")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    socket = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(socket) }
}

/// The user the tests run as: the account sshd logs in to.
enum CurrentUser {
  static var name: String {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "root" }
    return String(cString: name)
  }
}

/// A real OpenSSH server on 127.0.0.1 for one test, with its own host key, one authorised client
/// key, and every file in the sandbox's `ssh/` folder.
///
/// The client side is set up through `GIT_SSH_COMMAND="ssh -F <sandbox>/ssh/config"`: OpenSSH takes
/// `~` from the passwd database, not from HOME, so a test cannot give ssh a scratch `~/.ssh`; `-F`
/// makes the scratch file the whole user configuration, in which `UserKnownHostsFile` points into
/// the sandbox too. The rest is ssh's own work: its config, agent, key files and host-key checks.
final class SSHServer {
  let port: Int
  let folder: URL
  private let server: ServerProcess

  /// Starts sshd; `client_key` (authorised) and `other_key` (not) are made in `ssh/`.
  init(_ sandbox: Sandbox) throws {
    folder = sandbox.url("ssh")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for key in ["host_key", "client_key", "other_key"] {
      let made = try sandbox.run(
        URL(fileURLWithPath: "/usr/bin/ssh-keygen"),
        ["-q", "-t", "ed25519", "-N", "", "-C", key, "-f", folder.appendingPathComponent(key).path])
      try #require(made.status == 0, "\(made)")
    }
    try FileManager.default.copyItem(
      at: folder.appendingPathComponent("client_key.pub"),
      to: folder.appendingPathComponent("authorized_keys"))
    if getuid() == 0 {
      // sshd's privilege separation folder; the package's service creates it, a test run must too.
      try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
    }
    let path = folder.path
    try sandbox.write(
      """
      ListenAddress 127.0.0.1
      HostKey \(path)/host_key
      AuthorizedKeysFile \(path)/authorized_keys
      StrictModes no
      PidFile \(path)/sshd.pid
      UsePAM no
      PasswordAuthentication no
      KbdInteractiveAuthentication no
      PubkeyAuthentication yes
      PermitRootLogin prohibit-password
      AllowUsers \(CurrentUser.name)

      """, to: "ssh/sshd_config")
    port = try LocalPort.free()
    server = try ServerProcess(
      "/usr/sbin/sshd",
      ["-D", "-e", "-f", path + "/sshd_config", "-p", String(port), "-h", path + "/host_key"],
      environment: ["PATH": "/usr/sbin:/usr/bin:/bin"], log: folder.appendingPathComponent("sshd.log"),
      port: port)
  }

  /// The `known_hosts` line for this server's host key, as ssh writes it for a non-standard port.
  var knownHostsLine: String {
    get throws {
      let key = try String(contentsOf: folder.appendingPathComponent("host_key.pub"), encoding: .utf8)
      return "[127.0.0.1]:\(port) " + key.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
    }
  }

  /// Writes the client's ssh config (`body`, after the known_hosts settings) and returns the
  /// environment that makes git's ssh use it.
  func client(_ sandbox: Sandbox, config body: String) throws -> [String: String] {
    try sandbox.write(
      "UserKnownHostsFile \(folder.path)/known_hosts\nGlobalKnownHostsFile /dev/null\n" + body,
      to: "ssh/config")
    return ["GIT_SSH_COMMAND": "ssh -F \(folder.path)/config"]
  }

  /// The sshd log so far.
  var log: String { server.logText }

  func stop() { server.stop() }
}

/// An ssh agent started by the test on a socket in the sandbox, stopped by its PID.
final class SSHAgent {
  let socket: URL
  private let group: ProcessGroup

  init(_ sandbox: Sandbox) throws {
    socket = sandbox.url("agent.sock")
    group = try ProcessGroup(
      ["/usr/bin/ssh-agent", "-D", "-a", socket.path], environment: sandbox.environment(),
      log: sandbox.url("agent.log"))
    // The socket file appears when ssh-agent binds it, a moment before it listens: ready is when
    // `ssh-add -l` reaches it (exit 1, no keys) rather than failing to connect (exit 2).
    var ready = false
    let list = URL(fileURLWithPath: "/usr/bin/ssh-add")
    let agent = ["SSH_AUTH_SOCK": socket.path]
    for _ in 0..<600 where group.isRunning {
      if FileManager.default.fileExists(atPath: socket.path),
        try sandbox.run(list, ["-l"], environment: agent).status != 2
      {
        ready = true
        break
      }
      usleep(50_000)
    }
    if !ready { group.stop() }
    try #require(ready, "ssh-agent made no socket that answers")
  }

  /// The environment that points ssh at this agent.
  var environment: [String: String] { ["SSH_AUTH_SOCK": socket.path] }

  /// Adds the private key at `path`.
  func add(_ path: String, _ sandbox: Sandbox) throws {
    let added = try sandbox.run(URL(fileURLWithPath: "/usr/bin/ssh-add"), [path], environment: environment)
    try #require(added.status == 0, "\(added)")
  }

  func stop() { group.stop() }
}

/// A real Apache httpd on 127.0.0.1 for one test, serving the repositories in the sandbox's `srv/`
/// through `git http-backend` (smart HTTP) at `/git/`, with basic authentication for reading and
/// pushing (users in `apache/htpasswd`).
///
/// When the tests run as root, Apache's workers run as `www-data` (Apache refuses to serve as root),
/// so `srv/` is handed to that user, and the sandbox's git config trusts it (`safe.directory`).
final class ApacheServer {
  let port: Int
  let folder: URL
  private let server: ServerProcess

  /// Starts Apache with `users` (name and password) allowed in.
  init(_ sandbox: Sandbox, users: [String: String]) throws {
    folder = sandbox.url("apache")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (user, password) in users {
      let made = try sandbox.run(
        URL(fileURLWithPath: "/usr/bin/htpasswd"),
        ["-b"] + (FileManager.default.fileExists(atPath: folder.path + "/htpasswd") ? [] : ["-c"]) + [
          folder.path + "/htpasswd", user, password,
        ])
      try #require(made.status == 0, "\(made)")
    }
    let srv = sandbox.url("srv").path
    let modules = "/usr/lib/apache2/modules"
    let asRoot = getuid() == 0
    if asRoot {
      try Self.handOver(sandbox)
      try sandbox.appendGitConfig("[safe]\n\tdirectory = *\n")
    }
    port = try LocalPort.free()
    let loads = [
      "mpm_prefork", "authz_core", "authz_user", "authn_core", "authn_file", "auth_basic", "alias", "cgi",
      "env",
    ].map { "LoadModule \($0)_module \(modules)/mod_\($0).so" }.joined(separator: "\n")
    try sandbox.write(
      """
      ServerRoot \(folder.path)
      Listen 127.0.0.1:\(port)
      ServerName 127.0.0.1
      PidFile \(folder.path)/httpd.pid
      ErrorLog \(folder.path)/error.log
      DefaultRuntimeDir \(folder.path)
      \(asRoot ? "User www-data\nGroup www-data" : "")
      \(loads)
      SetEnv GIT_PROJECT_ROOT \(srv)
      SetEnv GIT_HTTP_EXPORT_ALL 1
      ScriptAlias /git/ /usr/lib/git-core/git-http-backend/
      <Location /git/>
        AuthType Basic
        AuthName "cop test forge"
        AuthUserFile \(folder.path)/htpasswd
        Require valid-user
      </Location>

      """, to: "apache/httpd.conf")
    server = try ServerProcess(
      "/usr/sbin/apache2", ["-DFOREGROUND", "-f", folder.path + "/httpd.conf"],
      environment: ["PATH": "/usr/sbin:/usr/bin:/bin"], log: folder.appendingPathComponent("apache.log"),
      port: port)
  }

  /// Gives `srv/` back to Apache's user after the test wrote into it as root (a push on the file
  /// system); nothing when the tests do not run as root.
  static func handOver(_ sandbox: Sandbox) throws {
    guard getuid() == 0 else { return }
    let owned = try sandbox.run(
      URL(fileURLWithPath: "/bin/chown"), ["-R", "www-data:www-data", sandbox.url("srv").path])
    try #require(owned.status == 0, "\(owned)")
  }

  /// The address of the repository `name` in `srv/`, with `userInfo` (such as "ann:pw") if given.
  func url(_ name: String, userInfo: String? = nil) -> String {
    "http://\(userInfo.map { $0 + "@" } ?? "")127.0.0.1:\(port)/git/\(name)"
  }

  /// Apache's error log so far.
  var log: String {
    (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
  }

  func stop() { server.stop() }
}

extension Sandbox {
  /// Adds `text` to the global git config of the sandbox's processes (`home/.gitconfig`).
  func appendGitConfig(_ text: String) throws {
    let existing = (try? read("home/.gitconfig")) ?? ""
    try write(existing + text, to: "home/.gitconfig")
  }
}
