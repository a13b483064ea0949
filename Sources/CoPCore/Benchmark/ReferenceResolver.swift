/// One row to compute per indicator: a subject (an area or a group's total) and its reference.
struct RowPlan: Sendable {
  /// The row's `area`: an area code or a group name.
  var label: String
  /// Where the subject's values come from.
  var subject: ValueSource
  /// Where the reference's values come from.
  var reference: ValueSource
  /// The row's `reference`: an area code, a group name, or nil when there is none.
  var referenceLabel: String?
}

/// Resolving a ``ReferenceSpec`` into the source of a row's reference values.
///
/// - For one area, `parent` is the parent's own value, else the mean of its children (`aggregate`
///   children excluded), per period; `ancestor:LEVEL` the same for the nearest ancestor of that level;
///   a group its group value; an area code that area's own value. An area without a parent (or without
///   an ancestor of the level) has missing values and a warning.
/// - For a group's total (`aggregate`), `parent` is the common parent when the members share one, else
///   the group value over the members' distinct parents (each its own value, else the mean of its
///   children), labelled `parents of GROUP`: the 40 wijken against their 18 cities; `ancestor:LEVEL` the
///   same with the ancestors of that level (`ancestors (LEVEL) of GROUP`). A reference area whose value
///   at a period would be the mean of children that are all members of the group has no value there
///   (it would compare the group with itself); where no reference area is left, the reference is missing.
extension BenchmarkEngine {
  /// Checks that a group or area reference names something the casebook has.
  package func validate(_ reference: ReferenceSpec) throws {
    switch reference {
    case .parent, .ancestor: return
    case .group(let name):
      guard casebook.group(name) != nil else {
        throw BenchmarkError(
          .badReference,
          "--reference: unknown group '\(name)'" + DidYouMean.hint(for: name, among: casebook.groupNames))
      }
    case .area(let code):
      guard areaIndex.position(of: code) != nil else {
        throw BenchmarkError(
          .badReference,
          "--reference: unknown area '\(code)'" + DidYouMean.hint(for: code, among: areaIndex.codes))
      }
    }
  }

  /// A group's value as the reference.
  func groupReference(_ name: String) -> (ValueSource, String?) {
    (.group(label: name, members: positions(of: casebook.group(name)!), fallback: false), name)
  }

  /// An area's own value as the reference.
  func ownValueReference(_ code: String) -> (ValueSource, String?) {
    (.own(areaIndex.position(of: code)!), code)
  }

  /// The reference of one area.
  package func referenceSource(forArea area: Int, _ reference: ReferenceSpec) -> (ValueSource, String?) {
    let code = areaIndex.codes[area]
    switch reference {
    case .group(let name):
      return groupReference(name)
    case .area(let code):
      return ownValueReference(code)
    case .parent:
      let parent = areaIndex.parents[area]
      guard parent >= 0 else {
        let reason =
          if let parentCode = casebook.area(code)?.parent, !parentCode.isEmpty {
            "\(code): its parent '\(parentCode)' is not in areas.csv; its rows are missing"
          } else {
            "\(code) has no parent area to compare with; choose a reference group or area "
              + "(--reference GROUP or AREA)"
          }
        return (.none(reason: reason), nil)
      }
      return (.ownOrChildren(parent), areaIndex.codes[parent])
    case .ancestor(let level):
      guard let ancestor = areaIndex.ancestor(of: area, at: level) else {
        return (.none(reason: "\(code) has no ancestor of level \(level.rawValue) to compare with"), nil)
      }
      return (.ownOrChildren(ancestor), areaIndex.codes[ancestor])
    }
  }

  /// The reference of a group's total.
  func referenceSource(
    forGroup name: String, members: [Int], _ reference: ReferenceSpec, warnings: inout WarningLog
  ) -> (ValueSource, String?) {
    switch reference {
    case .group(let name):
      groupReference(name)
    case .area(let code):
      ownValueReference(code)
    case .parent:
      aboveReference(forGroup: name, members: members, level: nil, warnings: &warnings)
    case .ancestor(let level):
      aboveReference(forGroup: name, members: members, level: level, warnings: &warnings)
    }
  }

  /// The members' distinct parents (or ancestors of a level) as one reference: the one area when
  /// they share it, else the group value over them, each its own value or the mean of its children
  /// (none where those children with a value are all members of the group).
  private func aboveReference(
    forGroup name: String, members: [Int], level: AreaLevel?, warnings: inout WarningLog
  ) -> (ValueSource, String?) {
    var chosen: Set<Int> = []
    var without = 0
    for member in members {
      let above = level.map { areaIndex.ancestor(of: member, at: $0) ?? -1 } ?? areaIndex.parents[member]
      if above >= 0 { chosen.insert(above) } else { without += 1 }
    }
    let references = chosen.sorted()
    let noun = level.map { "ancestor of level \($0.rawValue)" } ?? "parent"
    if references.isEmpty {
      let reason =
        "no member of \(name) has \(level == nil ? "a" : "an") \(noun) to compare with; "
        + "choose a reference group or area (--reference GROUP or AREA)"
      return (.none(reason: reason), nil)
    }
    if without > 0 {
      warnings.add(
        "\(without) of the \(members.count) members of \(name) have no \(noun) "
          + "and are left out of its reference")
    }
    // A reference area's children's mean made of the group's own members alone is no reference.
    let group = ComparedGroup(name: name, members: Set(members))
    if references.count == 1 {
      return (.ownOrChildren(references[0], comparedWith: group), areaIndex.codes[references[0]])
    }
    let label = level.map { "ancestors (\($0.rawValue)) of \(name)" } ?? "parents of \(name)"
    return (.group(label: label, members: references, fallback: true, comparedWith: group), label)
  }

  /// The rows a request asks for, in the order of `areas.csv`; a reference that is missing raises its
  /// warning here, once.
  func rowPlans(_ request: ComparisonRequest, warnings: inout WarningLog) throws -> [RowPlan] {
    try validate(request.reference)
    let areas: [Int]
    switch request.subject {
    case .area(let code):
      areas = [try position(ofArea: code)]
    case .group(let name):
      let members = positions(of: try group(named: name))
      if request.aggregate {
        let (reference, label) = referenceSource(
          forGroup: name, members: members, request.reference, warnings: &warnings)
        if case .none(let reason) = reference { warnings.add(reason) }
        let subject = ValueSource.group(label: name, members: members, fallback: false)
        return [RowPlan(label: name, subject: subject, reference: reference, referenceLabel: label)]
      }
      areas = members
    case .level(let level):
      if request.aggregate {
        throw BenchmarkError(
          .badRequest, "--aggregate compares the total of a group; name one with --group instead of --level")
      }
      areas = (0..<areaIndex.count).filter { areaIndex.levels[$0] == level }
      if areas.isEmpty {
        throw BenchmarkError(.emptyLevel, "the casebook has no area of level \(level.rawValue)")
      }
    }
    return areas.map { area in
      let (reference, label) = referenceSource(forArea: area, request.reference)
      if case .none(let reason) = reference { warnings.add(reason) }
      return RowPlan(
        label: areaIndex.codes[area], subject: .own(area), reference: reference, referenceLabel: label)
    }
  }
}
