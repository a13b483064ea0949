import CoPFuzzTargets
import Foundation

/// libFuzzer's entry point for the `front-matter` target (built with `-sanitize=fuzzer` and `-parse-as-library`,
/// so libFuzzer provides `main`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  let input = start.map { Data(bytes: $0, count: count) } ?? Data()
  FuzzTarget.frontMatter.run(input)
  return 0
}
