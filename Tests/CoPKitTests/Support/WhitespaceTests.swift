import Foundation
import Testing

@testable import CoPCore

@Suite("Trimming whitespace")
struct WhitespaceTests {
  @Test(
    "trims what Foundation's CharacterSet.whitespaces trims, and nothing else",
    arguments: [
      "", " ", "\t", "abc", " abc ", "\tab c\t", "\u{00A0}naam\u{2003}", "\u{3000}x", " \n x \n ",
      "x\u{200B}",
      "\r a", "é ", " 日本 ", "\u{1680}ogham", "a\u{202F}", "\u{205F}", "🙂 ",
    ])
  func sameAsFoundation(_ text: String) {
    #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
    #expect(text[...].trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
  }

  @Test("every scalar below U+11000 is a space exactly when CharacterSet.whitespaces says so")
  func everyScalar() {
    for value in UInt32(0)..<0x11000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(
        scalar.isHorizontalSpace == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))"
      )
    }
  }
}
