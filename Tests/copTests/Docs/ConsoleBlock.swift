import Foundation

/// A ```console block of a document whose `$ cop ...` commands the docs test runs.
///
/// The block is preceded by a comment line that says where its commands run:
///
///     <!-- cop-docs: cwd=casebook -->          run in that folder of the package (read only)
///     <!-- cop-docs: copy=Examples/impact-casebook -->   run in a git repository made from a copy
///     <!-- cop-docs: copy=casebook files=Examples/contributing-files -->  and that folder's files beside it
///
/// Inside the block, a line `$ COMMAND` starts a command; the lines up to the next `$ ` line are its
/// output (standard output, then standard error). `$ cop ...` runs the built `cop`; `$ echo $?` prints
/// the exit status of the command before it; `$ cd FOLDER` changes the folder of the commands after it;
/// any other command, and a pipeline, runs with `/bin/sh -c` in the block's folder, with the built
/// `cop` first on the PATH. A line ending in ` \` continues on the next line; ` # ...` after a command is
/// a comment.
struct ConsoleBlock {
  /// Where the commands run.
  enum Place: Equatable {
    /// A folder of the package, relative to its root.
    case folder(String)
    /// A git repository made from a copy of a folder of the package, with the files of another folder
    /// (if any) copied beside it, so that `../FILE` names them.
    case copy(String, files: String?)
  }

  /// One command and the output the document shows for it.
  struct Command {
    /// The command line as written, continuation lines joined.
    var line: String
    /// Its words, quotes removed.
    var words: [String]
    /// The output lines the document shows.
    var expected: [String]
  }

  /// The file it is in, for messages.
  var file: String
  /// The line of the opening fence (1-based).
  var fenceLine: Int
  /// Where the commands run.
  var place: Place
  /// The block's commands.
  var commands: [Command]
  /// The range of the block's content lines (0-based, between the fences).
  var contentLines: Range<Int>

  static let marker = "<!-- cop-docs:"

  /// The console blocks of `text` that show a `$ cop` command; throws for one without a place.
  static func blocks(in text: String, file: String) throws -> [ConsoleBlock] {
    let lines = text.components(separatedBy: "\n")
    var blocks: [ConsoleBlock] = []
    var index = 0
    var fence: String? = nil
    while index < lines.count {
      let line = lines[index]
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if let open = fence {
        if trimmed == open { fence = nil }
        index += 1
        continue
      }
      guard trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") else {
        index += 1
        continue
      }
      let ticks = String(trimmed.prefix { $0 == "`" || $0 == "~" })
      guard trimmed == ticks + "console" else {
        fence = ticks
        index += 1
        continue
      }
      var end = index + 1
      while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != ticks { end += 1 }
      let content = Array(lines[(index + 1)..<min(end, lines.count)])
      let commands = parseCommands(content)
      if commands.contains(where: { $0.words.first == "cop" }) {
        let place = try placeComment(lines, before: index, file: file)
        blocks.append(
          ConsoleBlock(
            file: file, fenceLine: index + 1, place: place, commands: commands,
            contentLines: (index + 1)..<end))
      }
      index = end + 1
    }
    return blocks
  }

  /// The place named by the comment on the last non-empty line before the fence at `index`.
  private static func placeComment(_ lines: [String], before index: Int, file: String) throws -> Place {
    var previous = index - 1
    while previous >= 0, lines[previous].trimmingCharacters(in: .whitespaces).isEmpty { previous -= 1 }
    let comment = previous >= 0 ? lines[previous].trimmingCharacters(in: .whitespaces) : ""
    guard comment.hasPrefix(marker), comment.hasSuffix("-->") else {
      throw DocsError("\(file):\(index + 1): a console block with `$ cop` needs a `\(marker) cwd=...` line")
    }
    let body = comment.dropFirst(marker.count).dropLast(3).trimmingCharacters(in: .whitespaces)
    var settings: [String: String] = [:]
    for word in body.split(separator: " ") {
      let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
      guard pair.count == 2, ["cwd", "copy", "files"].contains(pair[0]) else {
        throw DocsError(
          "\(file):\(previous + 1): say cwd=FOLDER or copy=FOLDER [files=FOLDER], not '\(body)'")
      }
      settings[pair[0]] = pair[1]
    }
    switch (settings["cwd"], settings["copy"]) {
    case (let folder?, nil) where settings["files"] == nil: return .folder(folder)
    case (nil, let folder?): return .copy(folder, files: settings["files"])
    default:
      throw DocsError("\(file):\(previous + 1): say cwd=FOLDER or copy=FOLDER [files=FOLDER], not '\(body)'")
    }
  }

  /// The commands of a block's content lines.
  static func parseCommands(_ content: [String]) -> [Command] {
    var commands: [Command] = []
    var index = 0
    while index < content.count {
      var line = content[index]
      guard line.hasPrefix("$ ") else {
        if !commands.isEmpty { commands[commands.count - 1].expected.append(line) }
        index += 1
        continue
      }
      var joined = String(line.dropFirst(2))
      while joined.hasSuffix("\\"), index + 1 < content.count {
        index += 1
        line = content[index]
        joined = String(joined.dropLast()) + line
      }
      commands.append(Command(line: joined, words: ShellWords.split(joined), expected: []))
      index += 1
    }
    return commands
  }

  /// The block's content with each command's output replaced by `outputs` (one per command).
  func rendered(_ original: [String], outputs: [[String]]) -> [String] {
    var result: [String] = []
    var commandIndex = -1
    var index = contentLines.lowerBound
    while index < contentLines.upperBound {
      let line = original[index]
      if line.hasPrefix("$ ") {
        commandIndex += 1
        result.append(line)
        var continued = line
        while continued.hasSuffix("\\"), index + 1 < contentLines.upperBound {
          index += 1
          continued = original[index]
          result.append(continued)
        }
        result += outputs[commandIndex]
      } else if commandIndex < 0 {
        result.append(line)
      }
      index += 1
    }
    return result
  }
}

/// A problem with a document, for the docs tests.
struct DocsError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Splits a command line into words the way a POSIX shell does for plain words and quotes, and drops a
/// ` # comment` at its end.
enum ShellWords {
  static func split(_ line: String) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character? = nil
    var previous: Character = " "
    for character in line {
      defer { previous = character }
      if let open = quote {
        if character == open { quote = nil } else { word.append(character) }
        continue
      }
      switch character {
      case "\"", "'":
        quote = character
        inWord = true
      case " ", "\t":
        if inWord { words.append(word) }
        word = ""
        inWord = false
      case "#" where !inWord && previous == " ":
        return words
      default:
        word.append(character)
        inWord = true
      }
    }
    if inWord { words.append(word) }
    return words
  }
}
