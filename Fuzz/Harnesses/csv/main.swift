import CoPFuzzTargets
import Foundation

// The libFuzzer harness of the `csv` target. Built with `-sanitize=fuzzer,address -parse-as-library`
// (see the Makefile's `fuzz-build`). SwiftPM links an executable with `main` defined as
// `<module>_main`, so that function is the entry point here, and it hands over to libFuzzer's driver.

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The entry point SwiftPM names `main`: runs libFuzzer with the command line.
@_cdecl("fuzz_csv_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments, fuzzOne)
}

/// One input: runs the target on it (`LLVMFuzzerTestOneInput`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let input = start.map { Data(bytes: $0, count: count) } ?? Data()
  FuzzTarget.csv.run(input)
  return 0
}
