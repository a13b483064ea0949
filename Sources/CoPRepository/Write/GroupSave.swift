import Foundation

/// `cop peers --save-group NAME`: the areas.csv change that puts areas in a group, as a write.
///
/// Only the `groups` field of the member lines changes (the name is appended, `;`-separated); every
/// other line stays byte for byte.
public struct GroupSave {
  /// The group name.
  public var group: String
  /// The area codes to put in the group.
  public var members: [String]

  /// Creates the change.
  public init(group: String, members: [String]) {
    self.group = group
    self.members = members
  }

  /// The plan against the committed casebook; the codes already in the group are left as they are.
  public func plan(against base: CasebookWrite.Base) throws -> CasebookWrite.Plan {
    guard let data = try base.source.read("areas.csv") else {
      throw CasebookWriteError.unsupported("the casebook has no areas.csv")
    }
    let text = String(decoding: data, as: UTF8.self)
    var lines = TextLines(text)
    var output = ""
    var groupsColumn: Int?
    var codeColumn: Int?
    var added: [String] = []
    let wanted = Set(members)
    var previousEnd = text.startIndex
    while let line = lines.next() {
      var end = line.text.endIndex
      let utf8 = text.utf8
      if end < utf8.endIndex, utf8[end] == UInt8(ascii: "\r") { end = utf8.index(after: end) }
      if end < utf8.endIndex, utf8[end] == UInt8(ascii: "\n") { end = utf8.index(after: end) }
      let raw = text[previousEnd..<end]
      let lineEnd = raw[line.text.endIndex...]
      previousEnd = end
      let fields = ((try? DelimitedLine.split(line.text, delimiter: ",")) ?? []).map { String($0.text) }
      if line.number == 1 {
        let names = fields.map {
          $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces)
        }
        groupsColumn = names.firstIndex(of: "groups")
        codeColumn = names.firstIndex(of: "code")
        output += raw
        continue
      }
      guard let codeColumn, let groupsColumn, fields.count > max(codeColumn, groupsColumn),
        wanted.contains(fields[codeColumn])
      else {
        output += raw
        continue
      }
      var groups = fields[groupsColumn].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      if groups.contains(group) {
        output += raw
        continue
      }
      groups.append(group)
      var newFields = fields
      newFields[groupsColumn] = groups.joined(separator: ";")
      added.append(fields[codeColumn])
      output += newFields.map { DelimitedLine.csvField($0) }.joined(separator: ",") + lineEnd
    }
    guard codeColumn != nil, groupsColumn != nil else {
      throw CasebookWriteError.unsupported("areas.csv has no 'code' and 'groups' columns")
    }
    let message =
      "Save the group \(group): \(members.joined(separator: ", "))\n\n"
      + "Saved with `cop peers --save-group`; \(added.count) "
      + "area\(added.count == 1 ? "" : "s") added to it.\n"
    return CasebookWrite.Plan(changes: ["areas.csv": Data(output.utf8)], message: message)
  }
}
