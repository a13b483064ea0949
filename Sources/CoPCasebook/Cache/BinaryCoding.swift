import CoPPluginKit
import Foundation

/// Writes values into a compact byte form for the cache: integers as LEB128 variable-length numbers,
/// doubles as their 8 bytes, strings as a length and UTF-8. Decoding thousands of cases from this
/// takes a tenth of what JSONDecoder takes (see Benchmarks/README.md).
package struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func int(_ value: Int) {
    var rest = UInt64(bitPattern: Int64(value))
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func double(_ value: Double) {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      int(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  mutating func optional<Value>(_ value: Value?, _ write: (inout BinaryWriter, Value) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }
}

/// Reads what ``BinaryWriter`` wrote; throws ``Damaged`` when the bytes run out or make no sense, so
/// a damaged cache is only an empty one.
package struct BinaryReader {
  struct Damaged: Error {}

  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { offset == bytes.count }

  /// The bytes not read yet: no count read from the bytes may be larger (every item takes one at
  /// least), or a damaged count would ask for an impossible allocation.
  var remaining: Int { bytes.count - offset }

  mutating func int() throws -> Int {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw Damaged() }
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return Int(Int64(bitPattern: result)) }
      shift += 7
    }
  }

  mutating func bool() throws -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
    offset += 1
    return bytes[offset - 1] == 1
  }

  mutating func double() throws -> Double {
    guard offset + 8 <= bytes.count else { throw Damaged() }
    var pattern: UInt64 = 0
    for index in 0..<8 { pattern |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
    offset += 8
    return Double(bitPattern: pattern)
  }

  mutating func string() throws -> String {
    let count = try int()
    guard count >= 0, count <= remaining else { throw Damaged() }
    defer { offset += count }
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
    }
  }

  mutating func strings() throws -> [String] {
    let count = try int()
    guard count >= 0, count <= remaining else { throw Damaged() }
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }

  mutating func optional<Value>(_ read: (inout BinaryReader) throws -> Value) throws -> Value? {
    try bool() ? try read(&self) : nil
  }

  mutating func array<Value>(_ read: (inout BinaryReader) throws -> Value) throws -> [Value] {
    let count = try int()
    guard count >= 0, count <= remaining else { throw Damaged() }
    var values: [Value] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }
}

extension BinaryWriter {
  /// A table by key, in key order (so equal tables give equal bytes).
  mutating func table<Value>(_ table: [String: Value], _ write: (inout BinaryWriter, Value) -> Void) {
    int(table.count)
    for key in table.keys.sorted() {
      string(key)
      write(&self, table[key]!)
    }
  }
}

extension BinaryReader {
  /// A table ``BinaryWriter/table(_:_:)`` wrote; the bytes must end with it.
  mutating func table<Value>(_ read: (inout BinaryReader) throws -> Value) throws -> [String: Value] {
    let count = try int()
    guard count >= 0, count <= remaining else { throw Damaged() }
    var table: [String: Value] = [:]
    table.reserveCapacity(count)
    for _ in 0..<count {
      let key = try string()
      table[key] = try read(&self)
    }
    guard isAtEnd else { throw Damaged() }
    return table
  }
}
