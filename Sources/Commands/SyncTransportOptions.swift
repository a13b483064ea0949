import ArgumentParser

/// How `cop sync` waits for a server.
struct SyncTransportOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Seconds to wait for the server when connecting and whenever it falls silent during the fetch or "
        + "push; then git is stopped and cop sync fails (exit 1) with nothing changed by that step.",
      valueName: "seconds"))
  var timeout: Double = 60

  func validate() throws {
    guard timeout > 0, timeout.isFinite else {
      throw ValidationError("--timeout must be a number of seconds above 0, such as 60 or 2.5")
    }
  }
}
