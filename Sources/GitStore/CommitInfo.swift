/// What a commit records: its parents, tree, author, committer and message.
public struct CommitInfo: Sendable, Equatable {
  /// The commit's own id.
  public let id: ObjectID
  /// The parent commits, first parent first; empty for a root commit.
  public let parents: [ObjectID]
  /// Who wrote the change.
  public let author: Signature
  /// Who made the commit.
  public let committer: Signature
  /// The full message, as stored (normally ending with a newline).
  public let message: String
  /// The first line of the message, without its line end.
  public let summary: String
  /// The commit's root tree.
  public let tree: ObjectID

  /// Creates a value; GitStore makes these itself, the initialiser is public for test doubles.
  public init(
    id: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String,
    summary: String, tree: ObjectID
  ) {
    self.id = id
    self.parents = parents
    self.author = author
    self.committer = committer
    self.message = message
    self.summary = summary
    self.tree = tree
  }
}
