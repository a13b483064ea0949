/// What the site shows of the casebook's git history: the revision it was built from, the latest
/// changes and who worked on each case. Names only: e-mail addresses are never published.
public struct SiteHistory: Sendable, Hashable {
  /// One commit on the home page.
  public struct Change: Sendable, Hashable {
    /// The commit id.
    public var id: String
    /// The first line of its message.
    public var summary: String
    /// The author's name.
    public var author: String
    /// The author date, `YYYY-MM-DD`.
    public var date: String

    /// Creates a change.
    public init(id: String, summary: String, author: String, date: String) {
      self.id = id
      self.summary = summary
      self.author = author
      self.date = date
    }
  }

  /// The commit the site was built from; nil for a working tree with changes, or a folder outside git.
  public var revision: String?
  /// The commit's date, `YYYY-MM-DD`.
  public var date: String?
  /// The latest commits that changed the casebook, newest first.
  public var changes: [Change]
  /// Per case id, the names of the authors of the commits that changed its file, first author first.
  public var caseAuthors: [String: [String]]

  /// Creates a history.
  public init(
    revision: String? = nil, date: String? = nil, changes: [Change] = [],
    caseAuthors: [String: [String]] = [:]
  ) {
    self.revision = revision
    self.date = date
    self.changes = changes
    self.caseAuthors = caseAuthors
  }
}
