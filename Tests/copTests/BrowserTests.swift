import Foundation
import TestSupport
import Testing

/// The site in a real browser: headless Chromium through chromedriver. Runs when both are installed;
/// `.ci/run` (through `make test`) installs Debian's `chromium` and `chromium-driver` first.
@Suite("The static site in a real browser")
struct BrowserTests {
  /// Where the screenshots go: the build folder, so they never end up in a commit by accident.
  static let screenshots = CopRunner.packageRoot.appendingPathComponent(".build/site-screenshots")

  @Test(
    "home, case list with search and a filter, a case page and an area page: no console error",
    .enabled(if: WebDriver.programs != nil, "needs chromium and chromedriver"), arguments: ["nl", "en"])
  func browse(language: String) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.copyBundledCasebook(to: "cb")
    let attack = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=1\">"
    try sandbox.write(
      """
      ---
      title: 'Injection <script>window.pwned=1</script>'
      areas: [AW-0363-OOST]
      themes: [front-line]
      ---

      \(attack)

      <svg onload="window.pwned=1"></svg> [click](javascript:window.pwned=1)
      """, to: "cb/cases/injection.md")
    try sandbox.git(["init", "-q", "-b", "main"], in: "cb")
    try sandbox.git(["add", "-A"], in: "cb")
    try sandbox.git(["commit", "-q", "-m", "Casebook with an injection attempt"], in: "cb")
    let built = try sandbox.cop(
      [
        "site", "build", "--casebook", "cb", "--out", "site", "--total", "aandachtswijken=NL-AW40",
        "--reference", "aandachtswijken=NL-G18", "--lang", language,
      ])
    try #require(built.status == 0, "\(built)")
    try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)

    let browser = try WebDriver(sandbox: sandbox)
    func page(_ path: String) -> URL { sandbox.url("site/\(path)") }
    func expectNoConsoleErrors(_ where: String) throws {
      let messages = try browser.consoleMessages()
      #expect(messages.isEmpty, "console on \(`where`): \(messages)")
    }
    // The screenshots of the docs are the casebook's own language (nl); English ones get a suffix.
    func save(_ name: String) throws {
      let file = language == "nl" ? name : "\(name)-\(language)"
      try browser.screenshot().write(to: Self.screenshots.appendingPathComponent("\(file).png"))
    }
    do {
      try browser.open(page("index.html"))
      #expect(
        try browser.run("return document.querySelector('h1').textContent") as? String
          == "Wijkaanpak 2013 — wat werkt in de wijken")
      #expect(try browser.run("return document.documentElement.lang") as? String == language)
      #expect(
        try browser.run("return document.querySelector('a.skip').textContent") as? String
          == (language == "nl" ? "Naar de inhoud" : "Skip to the content"))
      try expectNoConsoleErrors("the home page")
      try save("home")

      try browser.open(page("cases/index.html"))
      let visible =
        "return Array.from(document.querySelectorAll('#case-list li')).filter(li => !li.hidden)"
        + ".map(li => li.getAttribute('data-case'))"
      let all = try #require(try browser.run(visible) as? [String])
      #expect(all.count == 18)
      try browser.type("leeuwarden", into: "#case-search")
      let found = try #require(try browser.run(visible) as? [String])
      #expect(found.contains("frontlijnteam-leeuwarden") && found.contains("bewonersbedrijf-leeuwarden"))
      #expect(found.count < all.count, "\(found)")
      #expect(
        try browser.run("return document.getElementById('case-count').textContent") as? String
          == (language == "nl" ? "\(found.count) van 18 voorbeelden" : "\(found.count) of 18 cases"))
      try save("cases-search")
      try browser.clear("#case-search")
      try browser.click("#filter-theme option[value='front-line']")
      let filtered = try #require(try browser.run(visible) as? [String])
      let themes = try #require(
        try browser.run(
          "return Array.from(document.querySelectorAll('#case-list li')).filter(li => !li.hidden)"
            + ".map(li => li.getAttribute('data-themes'))") as? [String])
      #expect(!filtered.isEmpty && filtered.count < all.count, "\(filtered)")
      #expect(themes.allSatisfy { $0.split(separator: " ").contains("front-line") }, "\(themes)")
      #expect(filtered.contains("injection"))
      try expectNoConsoleErrors("the case list")

      try browser.open(page("cases/frontlijnteam-leeuwarden.html"))
      #expect(
        try browser.run("return document.querySelector('h1').textContent") as? String
          == "Frontlijnteam Heechterp-Schieringen, Leeuwarden")
      try expectNoConsoleErrors("a case page")
      try save("case")

      try browser.open(page("areas/AW-0363-OOST.html"))
      #expect(try browser.run("return document.querySelectorAll('svg.chart').length") as? Int ?? 0 > 0)
      #expect(try browser.run("return document.querySelectorAll('svg.chart title').length") as? Int ?? 0 > 0)
      try expectNoConsoleErrors("an area page")
      try save("area")

      // On a phone: nothing wider than the screen but the tables, which scroll inside their box.
      try browser.resize(width: 390, height: 844)
      for path in [
        "index.html", "cases/index.html", "cases/frontlijnteam-leeuwarden.html", "areas/AW-0363-OOST.html",
      ] {
        try browser.open(page(path))
        let overflow =
          try browser.run(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth") as? Int
        #expect(overflow == 0, "\(path) is wider than a phone by \(overflow ?? -1) pixels")
      }
      try save("area-phone")
      try browser.resize(width: 1200, height: 1500)

      try browser.open(page("groups/aandachtswijken.html"))
      try expectNoConsoleErrors("a group page")
      try save("group")

      try browser.open(page("cases/injection.html"))
      #expect(try browser.run("return typeof window.pwned") as? String == "undefined")
      #expect(
        try browser.run("return document.querySelector('h1').textContent") as? String
          == "Injection <script>window.pwned=1</script>")
      #expect(
        try browser.run("return document.querySelectorAll('main img, main svg[onload], main iframe').length")
          as? Int == 0)
      try expectNoConsoleErrors("the injection case")
    } catch {
      browser.quit()
      throw error
    }
    browser.quit()
  }

  @Test(
    "maps on a group page and a gemeente page: rendered, linked, tooltips, recoloured per view, no console error",
    .enabled(if: WebDriver.programs != nil, "needs chromium and chromedriver"))
  func maps() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try FileManager.default.copyItem(
      at: CopRunner.packageRoot.appendingPathComponent("Examples/maps-casebook"), to: sandbox.url("cb"))
    let built = try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "site"])
    try #require(built.status == 0, "\(built)")
    try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
    let browser = try WebDriver(sandbox: sandbox)
    do {
      try browser.open(sandbox.url("site/groups/focus.html"))
      #expect(try browser.run("return document.querySelectorAll('#map path[data-code]').length") as? Int == 2)
      let size = try browser.run(
        "var box = document.querySelector('#map svg').getBoundingClientRect(); return [box.width, box.height]"
      )
      #expect((size as? [Double]).map { $0[0] > 100 && $0[1] > 100 } == true, "\(String(describing: size))")
      let titles = try #require(
        try browser.run(
          "return Array.from(document.querySelectorAll('#map path[data-code] title')).map(t => t.textContent)"
        )
          as? [String])
      #expect(titles.first == "Noord (WK990101): 6.0% (2022); gap +1.0 pp; closer (2018–2022)")
      #expect(titles.count == 2)
      #expect(
        try browser.run("return document.querySelector('#map a').getAttribute('href')") as? String
          == "../areas/WK990101.html")
      try browser.click("#map-show option[value='verdict']")
      #expect(
        try browser.run("return document.querySelector('path[data-code=\"WK990101\"]').getAttribute('fill')")
          as? String == "#009E73")
      #expect(
        try browser.run("return document.getElementById('map-legend').textContent") as? String
          == " closer further")
      #expect(
        try browser.run("return document.getElementById('map-heading').textContent") as? String
          == "Unemployment: verdict")
      let messages = try browser.consoleMessages()
      #expect(messages.isEmpty, "console on the group page: \(messages)")
      try browser.screenshot().write(to: Self.screenshots.appendingPathComponent("map-group.png"))

      try browser.open(sandbox.url("site/areas/GM9901.html"))
      #expect(try browser.run("return document.querySelectorAll('#map path[data-code]').length") as? Int == 5)
      #expect(
        try browser.run("return document.querySelector('path[data-code=\"WK990104\"]').getAttribute('fill')")
          as? String == "url(#site-map-no-value)")
      let gemeenteMessages = try browser.consoleMessages()
      #expect(gemeenteMessages.isEmpty, "console on the gemeente page: \(gemeenteMessages)")
      try browser.screenshot().write(to: Self.screenshots.appendingPathComponent("map-gemeente.png"))

      // A ranking: rows by gap, bars sized by the style sheet, nothing wider than a phone.
      try browser.open(sandbox.url("site/rankings/unemployment/wijk.html"))
      #expect(
        try browser.run(
          "return Array.from(document.querySelectorAll('table.ranking tbody tr')).map(r => r.id)")
          as? [String] == ["WK990103", "WK990101", "WK990102", "WK990105"])
      #expect(
        try browser.run("return document.querySelector('svg.bar').getBoundingClientRect().width") as? Int
          == 100)
      let rankingMessages = try browser.consoleMessages()
      #expect(rankingMessages.isEmpty, "console on the ranking page: \(rankingMessages)")
      try browser.resize(width: 390, height: 844)
      try browser.open(sandbox.url("site/rankings/unemployment/wijk.html"))
      #expect(
        try browser.run("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
          as? Int == 0)
      try browser.screenshot().write(to: Self.screenshots.appendingPathComponent("ranking-phone.png"))
    } catch {
      browser.quit()
      throw error
    }
    browser.quit()
  }
}
