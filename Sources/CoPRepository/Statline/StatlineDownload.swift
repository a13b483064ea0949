import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Downloads a table from the CBS open-data API (OData v3): its `DataProperties`, its `TypedDataSet`
/// (optionally filtered) and its region and period dimensions, each followed through `odata.nextLink`
/// pages: the OData v3 JSON shape the API serves, `{"odata.metadata": ..., "value": [...],
/// "odata.nextLink": URL}` on every page but the last (OData Version 3.0 JSON Verbose/Light format;
/// read the same way by the `cbsodata` package, `cbsodata3.py` `_download_metadata`).
public struct StatlineDownload {
  /// A failed download (exit 1; nothing is written).
  public struct Failure: Error, CustomStringConvertible {
    /// What failed.
    public var reason: String
    /// The reason, and that nothing was written.
    public var description: String { "\(reason); nothing was written" }

    init(description: String) { reason = description }
  }

  /// The API's address, without the table: `COP_STATLINE_URL`, else CBS's.
  public var baseURL: String
  /// Called with each address before it is fetched.
  public var progress: ((String) -> Void)?

  /// The default address of the open-data API.
  public static let defaultBaseURL = "https://opendata.cbs.nl/ODataApi/odata"

  /// A download from the address in `environment` (`COP_STATLINE_URL`) or CBS's.
  public init(environment: [String: String]) {
    let configured = environment["COP_STATLINE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    var base = configured ?? Self.defaultBaseURL
    while base.hasSuffix("/") { base.removeLast() }
    baseURL = base
  }

  /// The table's pages as named files, ready for ``StatlineInput/tables(_:)``.
  public func fetch(table: String, filter: String?) throws -> [(name: String, data: Data)] {
    guard !table.isEmpty,
      table.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    else { throw Failure(description: "'\(table)' is not a StatLine table id (such as 84583NED)") }
    var files = try pages("\(table)/DataProperties", query: [])
    var keys: [String] = []
    for file in files {
      let object = try? JSONSerialization.jsonObject(with: file.data)
      for entry in (object as? [String: Any])?["value"] as? [[String: Any]] ?? [] {
        if let type = entry["Type"] as? String, type == "GeoDimension" || type == "TimeDimension",
          let key = entry["Key"] as? String
        {
          keys.append(key)
        }
      }
    }
    for key in keys { files += try pages("\(table)/\(key)", query: []) }
    let query = filter.map { [URLQueryItem(name: "$filter", value: $0)] } ?? []
    files += try pages("\(table)/TypedDataSet", query: query)
    return files
  }

  /// Every page of one resource, following `odata.nextLink`.
  private func pages(_ resource: String, query: [URLQueryItem]) throws -> [(name: String, data: Data)] {
    guard var components = URLComponents(string: "\(baseURL)/\(resource)") else {
      throw Failure(description: "'\(baseURL)/\(resource)' is not a valid address (COP_STATLINE_URL?)")
    }
    components.queryItems = [URLQueryItem(name: "$format", value: "json")] + query
    var next = components.url
    var files: [(name: String, data: Data)] = []
    var visited: Set<URL> = []
    while let url = next {
      guard visited.insert(url).inserted else {
        throw Failure(description: "\(url.absoluteString) links to itself as its next page")
      }
      progress?(url.absoluteString)
      let data = try get(url)
      files.append(("\(resource) (page \(files.count + 1))", data))
      let object = try? JSONSerialization.jsonObject(with: data)
      next = ((object as? [String: Any])?["odata.nextLink"] as? String).flatMap(URL.init(string:))
    }
    return files
  }

  /// The body of a successful GET of `url`.
  private func get(_ url: URL) throws -> Data {
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 120)
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    let box = ResponseBox()
    let done = DispatchSemaphore(value: 0)
    let task = URLSession.shared.dataTask(with: request) { data, response, error in
      box.set(data: data, response: response, error: error)
      done.signal()
    }
    task.resume()
    done.wait()
    let (data, response, error) = box.get()
    if let error {
      throw Failure(description: "cannot download \(url.absoluteString): \(error.localizedDescription)")
    }
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200, let data else {
      throw Failure(description: "cannot download \(url.absoluteString): the server answered HTTP \(status)")
    }
    return data
  }

  /// The answer of one request, handed from URLSession's queue to the waiting thread.
  /// `@unchecked Sendable`: every access holds the lock.
  private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: URLResponse?
    private var error: (any Error)?

    func set(data: Data?, response: URLResponse?, error: (any Error)?) {
      lock.lock()
      defer { lock.unlock() }
      (self.data, self.response, self.error) = (data, response, error)
    }

    func get() -> (Data?, URLResponse?, (any Error)?) {
      lock.lock()
      defer { lock.unlock() }
      return (data, response, error)
    }
  }
}
