import Foundation
import Testing

@testable import CoPRepository

/// The merged text, or nil when the merge did not come out clean.
private func merged(_ base: String?, _ ours: String, _ theirs: String) -> String? {
  guard
    case .merged(let data) = DataFileMerge.merge(
      base: base.map { Data($0.utf8) }, ours: Data(ours.utf8), theirs: Data(theirs.utf8))
  else { return nil }
  return String(decoding: data, as: UTF8.self)
}

@Suite("Merging data files by observation")
struct DataFileMergeTests {
  private let base = "area,period,value,n\nA,2020,1.0,10\nB,2020,2.0,20\n"

  @Test("values added on both sides are all kept: ours in place, theirs appended in their order")
  func bothAdd() {
    let ours = base + "A,2021,1.1,11\n"
    let theirs = base + "B,2021,2.1,21\nB,2022,2.2,22\n"
    #expect(merged(base, ours, theirs) == base + "A,2021,1.1,11\nB,2021,2.1,21\nB,2022,2.2,22\n")
  }

  @Test("a value changed on one side and rows added on the other are both taken; our bytes are kept")
  func changeAndAdd() {
    let ours = "area,period,value,n\nA,2020,1.0,10\nB,2020, 2.0 ,20\nC,2020,3,\n"
    let oursBase = "area,period,value,n\nA,2020,1.0,10\nB,2020, 2.0 ,20\n"
    let theirs = "area,period,value,n\nA,2020,1.5,10\nB,2020, 2.0 ,20\n"
    #expect(
      merged(oursBase, ours, theirs) == "area,period,value,n\nA,2020,1.5,10\nB,2020, 2.0 ,20\nC,2020,3,\n")
  }

  @Test("the same change on both sides is no conflict; a deletion on one side is taken")
  func sameChangeAndDeletion() {
    let ours = "area,period,value,n\nA,2020,1.5,10\nB,2020,2.0,20\n"
    let theirs = "area,period,value,n\nA,2020,1.5,10\n"
    #expect(merged(base, ours, theirs) == "area,period,value,n\nA,2020,1.5,10\n")
  }

  @Test("the same observation changed differently is a conflict, shown with its three versions and markers")
  func conflict() throws {
    let ours = "area,period,value,n\nA,2020,1.1,10\nB,2020,2.0,20\nC,2020,3,\n"
    let theirs = "area,period,value,n\nA,2020,1.2,10\nB,2020,2.0,20\n"
    let result = DataFileMerge.merge(base: Data(base.utf8), ours: Data(ours.utf8), theirs: Data(theirs.utf8))
    guard case .conflicts(let list, let marked) = result else {
      Issue.record("expected conflicts, got \(result)")
      return
    }
    #expect(
      list == [
        ObservationConflict(
          area: "A", period: "2020", stratum: nil, base: "value 1.0, n 10", ours: "value 1.1, n 10",
          theirs: "value 1.2, n 10")
      ])
    #expect(
      list[0].description == "A 2020: here value 1.1, n 10, there value 1.2, n 10 (was value 1.0, n 10)")
    #expect(
      String(decoding: marked, as: UTF8.self)
        == "area,period,value,n\n<<<<<<< ours\nA,2020,1.1,10\n=======\nA,2020,1.2,10\n>>>>>>> theirs\n"
        + "B,2020,2.0,20\nC,2020,3,\n")
  }

  @Test("a deletion on one side and a change on the other is a conflict")
  func deleteAgainstChange() {
    let ours = "area,period,value,n\nB,2020,2.0,20\n"
    let theirs = "area,period,value,n\nA,2020,9.9,10\nB,2020,2.0,20\n"
    guard
      case .conflicts(let list, _) = DataFileMerge.merge(
        base: Data(base.utf8), ours: Data(ours.utf8), theirs: Data(theirs.utf8))
    else {
      Issue.record("expected a conflict")
      return
    }
    #expect(list.map(\.ours) == [nil])
    #expect(list.map(\.theirs) == ["value 9.9, n 10"])
  }

  @Test("strata are part of the key; a file added on both sides merges against an empty ancestor")
  func strataAndNoBase() {
    let ours = "area,period,stratum,value,n\nA,2020,m,1,5\n"
    let theirs = "area,period,stratum,value,n\nA,2020,f,2,6\n"
    #expect(merged(nil, ours, theirs) == "area,period,stratum,value,n\nA,2020,m,1,5\nA,2020,f,2,6\n")
  }

  @Test("CRLF line ends, a byte-order mark and a missing last line end are kept from our file")
  func lineEnds() {
    let crlfBase = "\u{FEFF}area,period,value\r\nA,2020,1\r\n"
    let ours = "\u{FEFF}area,period,value\r\nA,2020,1\r\nB,2020,2"
    let theirs = "\u{FEFF}area,period,value\nA,2020,1\nC,2020,3\n"
    #expect(
      merged(crlfBase, ours, theirs) == "\u{FEFF}area,period,value\r\nA,2020,1\r\nB,2020,2\r\nC,2020,3\r\n")
  }

  @Test("different headers, duplicate keys and broken CSV cannot be merged by observation")
  func unmergeable() {
    let other = "area,period,value\nA,2020,1\n"
    guard
      case .unmergeable(let header) = DataFileMerge.merge(
        base: Data(base.utf8), ours: Data(base.utf8), theirs: Data(other.utf8))
    else {
      Issue.record("expected unmergeable")
      return
    }
    #expect(header.contains("header"))
    let duplicate = base + "A,2020,1.0,10\n"
    guard
      case .unmergeable(let why) = DataFileMerge.merge(
        base: Data(base.utf8), ours: Data(duplicate.utf8), theirs: Data(base.utf8))
    else {
      Issue.record("expected unmergeable")
      return
    }
    #expect(why.contains("line 4"))
    let broken = "area,period,value,n\nA,\"2020,1.0,10\n"
    guard
      case .unmergeable = DataFileMerge.merge(
        base: Data(base.utf8), ours: Data(base.utf8), theirs: Data(broken.utf8))
    else {
      Issue.record("expected unmergeable")
      return
    }
  }
}
