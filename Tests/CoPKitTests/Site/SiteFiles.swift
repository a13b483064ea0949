import Foundation
import Testing

@testable import CoPTables

/// Checks on a built site: which pages exist, where their links go.
struct SiteFiles {
  let files: [String: Data]

  /// The text of a file of the site.
  func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

  /// The HTML pages, by path.
  var pages: [String: String] {
    files.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
  }

  /// Every `href` and `src` in the pages: (page, attribute, value with `&amp;` undone).
  var references: [(page: String, attribute: String, value: String)] {
    var found: [(String, String, String)] = []
    let pattern = try! NSRegularExpression(pattern: #"\s(href|src)="([^"]*)""#)
    for (path, html) in pages {
      let range = NSRange(html.startIndex..., in: html)
      for match in pattern.matches(in: html, range: range) {
        let attribute = String(html[Range(match.range(at: 1), in: html)!])
        let value = String(html[Range(match.range(at: 2), in: html)!]).replacingOccurrences(
          of: "&amp;", with: "&")
        found.append((path, attribute, value))
      }
    }
    return found
  }

  /// The references that leave the site or point at no file of it.
  var brokenOrOutside: [String] {
    references.compactMap { reference in
      if reference.value.hasPrefix("http://") || reference.value.hasPrefix("https://") {
        // A link a reader may follow is fine; nothing may be loaded from outside.
        return reference.attribute == "href" && isLink(reference.value, in: reference.page)
          ? nil : "\(reference.page): loads \(reference.value)"
      }
      let target = reference.value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
      if target.isEmpty { return nil }
      guard let resolved = SiteFiles.resolve(String(target), from: reference.page), files[resolved] != nil
      else {
        return "\(reference.page): \(reference.attribute)=\(reference.value) resolves to no file"
      }
      return nil
    }
  }

  /// Whether `value` appears in `page` as the target of an `<a>` element.
  private func isLink(_ value: String, in page: String) -> Bool {
    pages[page]?.contains("<a href=\"\(HTML.escape(value))\"") ?? false
  }

  /// `target` relative to the folder of `page`, as a path from the root; nil when it leaves it.
  static func resolve(_ target: String, from page: String) -> String? {
    var parts = page.split(separator: "/").dropLast().map(String.init)
    for part in target.split(separator: "/", omittingEmptySubsequences: false) {
      switch part {
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      case ".", "": continue
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }
}

/// The package root, found from this file.
let packageRoot: URL = {
  var url = URL(fileURLWithPath: #filePath)
  while url.path != "/"
    && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
  {
    url.deleteLastPathComponent()
  }
  return url
}()
