import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Chromium driven headless through chromedriver's W3C WebDriver protocol, for the site's browser test.
///
/// chromedriver is started on a free port (`--port=0`); the test waits for the line in which it names
/// the port (a synchronisation point, not a sleep). Chromium runs with its own profile folder inside
/// the test's scratch folder and the browser log enabled, so console errors can be read back.
final class WebDriver {
  /// Where chromium and chromedriver are, when both are installed.
  static let programs: (browser: String, driver: String)? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    func find(_ names: [String]) -> String? {
      for folder in path.split(separator: ":") {
        for name in names where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
          return "\(folder)/\(name)"
        }
      }
      return nil
    }
    guard let browser = find(["chromium", "chromium-browser", "google-chrome"]),
      let driver = find(["chromedriver"])
    else { return nil }
    return (browser, driver)
  }()

  private let process: Process
  private let port: Int
  private var session = ""

  /// Starts chromedriver and a headless browser session.
  init(sandbox: Sandbox) throws {
    let programs = try #require(WebDriver.programs)
    process = Process()
    process.executableURL = URL(fileURLWithPath: programs.driver)
    process.arguments = ["--port=0"]
    process.environment = sandbox.environment()
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var text = ""
    var port: Int?
    while port == nil, process.isRunning {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
      if let range = text.range(of: #"started successfully on port (\d+)"#, options: .regularExpression) {
        port = Int(text[range].split(separator: " ").last!)
      }
    }
    self.port = try #require(port, "chromedriver said: \(text)")
    let capabilities: [String: Any] = [
      "capabilities": [
        "alwaysMatch": [
          "browserName": "chrome",
          "goog:loggingPrefs": ["browser": "ALL"],
          "goog:chromeOptions": [
            "binary": programs.browser,
            "args": [
              "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1200,1500",
              "--user-data-dir=\(sandbox.url("chromium-profile").path)", "--no-first-run",
            ],
          ],
        ]
      ]
    ]
    let created = try call("POST", "session", capabilities)
    session = try #require((created["value"] as? [String: Any])?["sessionId"] as? String, "\(created)")
  }

  /// Ends the session and stops chromedriver.
  func quit() {
    _ = try? call("DELETE", "session/\(session)", nil)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Opens `url`.
  func open(_ url: URL) throws {
    _ = try call("POST", "session/\(session)/url", ["url": url.absoluteString])
  }

  /// Runs `script` in the page and returns its result.
  func run(_ script: String) throws -> Any? {
    try call("POST", "session/\(session)/execute/sync", ["script": script, "args": []])["value"]
  }

  /// Types `text` into the element `selector` finds.
  func type(_ text: String, into selector: String) throws {
    let id = try element(selector)
    _ = try call("POST", "session/\(session)/element/\(id)/value", ["text": text])
  }

  /// Clicks the element `selector` finds (an `<option>` chooses it, as a person does).
  func click(_ selector: String) throws {
    let id = try element(selector)
    _ = try call("POST", "session/\(session)/element/\(id)/click", [:])
  }

  /// Clears the input `selector` finds.
  func clear(_ selector: String) throws {
    let id = try element(selector)
    _ = try call("POST", "session/\(session)/element/\(id)/clear", [:])
  }

  /// The browser's console messages since the last call, as "LEVEL message".
  func consoleMessages() throws -> [String] {
    let entries =
      try call("POST", "session/\(session)/se/log", ["type": "browser"])["value"] as? [[String: Any]]
    return (entries ?? []).map { "\($0["level"] ?? "") \($0["message"] ?? "")" }
  }

  /// Resizes the browser window (a phone is about 390 by 844).
  func resize(width: Int, height: Int) throws {
    _ = try call("POST", "session/\(session)/window/rect", ["width": width, "height": height])
  }

  /// A screenshot of the window, as PNG.
  func screenshot() throws -> Data {
    let value = try call("GET", "session/\(session)/screenshot", nil)["value"] as? String
    return try #require(value.flatMap { Data(base64Encoded: $0) })
  }

  private func element(_ selector: String) throws -> String {
    let found = try call(
      "POST", "session/\(session)/element", ["using": "css selector", "value": selector])
    let value = try #require(found["value"] as? [String: Any], "no element \(selector): \(found)")
    return try #require(
      value["element-6066-11e4-a52e-4f735466cecf"] as? String, "no element \(selector): \(found)")
  }

  /// Sends one HTTP/1.1 request to chromedriver on a plain socket and returns the body.
  ///
  /// Not URLSession: chromedriver writes headers without a space after the colon
  /// (`Content-Length:916`), which FoundationNetworking on Linux rejects ("Failed writing header").
  private func send(_ method: String, _ path: String, _ body: Data) throws -> Data {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(socket >= 0, "socket: errno \(errno)")
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    try #require(connected == 0, "connect to chromedriver: errno \(errno)")
    var request = Data(
      ("\(method) /\(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n").utf8)
    request.append(body)
    try request.withUnsafeBytes { bytes in
      var sent = 0
      while sent < bytes.count {
        let written = write(socket, bytes.baseAddress! + sent, bytes.count - sent)
        try #require(written > 0, "write to chromedriver: errno \(errno)")
        sent += written
      }
    }
    var response = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      if let length = WebDriver.expectedLength(response), response.count >= length { break }
      let count = read(socket, &buffer, buffer.count)
      if count <= 0 { break }
      response.append(contentsOf: buffer[0..<count])
    }
    let separator = try #require(
      response.range(of: Data("\r\n\r\n".utf8)), "no HTTP answer from chromedriver")
    return response[separator.upperBound...]
  }

  /// The whole length of a response (headers and body) once its headers are in, from Content-Length.
  private static func expectedLength(_ response: Data) -> Int? {
    guard let separator = response.range(of: Data("\r\n\r\n".utf8)) else { return nil }
    let headers = String(decoding: response[..<separator.lowerBound], as: UTF8.self).lowercased()
    for line in headers.split(separator: "\r\n") where line.hasPrefix("content-length:") {
      let value = line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)
      return Int(value).map { separator.upperBound + $0 }
    }
    return nil
  }

  private func call(_ method: String, _ path: String, _ body: Any?) throws -> [String: Any] {
    let data = try send(
      method, path, try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data())
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
      Issue.record("WebDriver \(method) \(path): \(error): \(value["message"] ?? "")")
    }
    return object
  }
}
