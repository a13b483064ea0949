/// The width of text in a terminal: wide (East Asian) characters take two cells, combining marks none.
package enum DisplayWidth {
  package static func of(_ text: String) -> Int {
    var width = 0
    for character in text {
      guard let scalar = character.unicodeScalars.first else { continue }
      if scalar.value == 0x1B { continue }
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
        0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1FAFF:
        width += 2
      default:
        width += 1
      }
    }
    return width
  }
}
