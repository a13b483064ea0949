import Foundation

/// What `lstat` says of a file that changes whenever its content does: device, inode, size, and the
/// modification and status-change times to the nanosecond. Git's index keeps the same data to tell
/// a changed file from an unchanged one without reading it.
public struct FileFingerprint: Hashable, Sendable, Codable {
  /// The device and inode: a file replaced by another (a rename over it) has another inode.
  public var device: UInt64
  public var inode: UInt64
  /// The size in bytes.
  public var size: Int64
  /// The modification time, nanoseconds since 1970.
  public var modified: Int64
  /// The status-change time, nanoseconds since 1970: it moves on every write and every `touch`,
  /// including one that sets the modification time back.
  public var changed: Int64

  /// The fingerprint of the file `info` describes.
  public init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
  }

  /// Creates a fingerprint from its parts (for tests).
  public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
    self.device = device
    self.inode = inode
    self.size = size
    self.modified = modified
    self.changed = changed
  }

  /// How long a file must have been left alone, before it was read, for its fingerprint to be
  /// trusted later: a write in the same tick of the clock as the read could leave the times unchanged
  /// (git calls such a file "racily clean" and compares its content instead).
  public static let settleTime: Int64 = 2_000_000_000

  /// Whether a file with this fingerprint, read at `readAt` (nanoseconds since 1970), had settled:
  /// neither its content nor its status changed in the `settleTime` before.
  public func settled(readAt: Int64) -> Bool {
    max(modified, changed) + Self.settleTime < readAt
  }

  /// Now, in nanoseconds since 1970.
  public static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }
}
