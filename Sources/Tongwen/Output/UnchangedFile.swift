import Foundation

/// Puts a file of the previous build into the staging folder as a hard link when its bytes are
/// the ones this build would write, instead of writing them again.
///
/// Why: a rebuild creates some 22,000 files and folders and then deletes as many of the old
/// output. On ext4 without a journal (as on these build machines), creating a file while many
/// inodes were deleted in the last minutes scans past each of them (`find_inode_bit`,
/// `recently_deleted`): rebuilds of the 10,000-page corpus spent 7–19 s of system time there. A
/// link makes no inode, and deleting the old output then frees none for what did not change.
/// Unchanged files also keep their modification time, so a copy of the site elsewhere (rsync,
/// a web server's caches) sees only what changed.
///
/// Only regular files are linked (never a symbolic link someone left in the output), and only
/// after comparing every byte; otherwise nothing is done, and the caller writes the file.
enum UnchangedFile {
    enum Outcome: Equatable {
        case linked
        /// No such previous file, or other bytes.
        case changed
        /// The bytes were the same, but the file system cannot link them there (another file
        /// system, or one without hard links: FAT, some network shares). It will not for the
        /// next file either.
        case cannotLink
    }

    /// Links `previous` at `path` if it holds exactly `bytes`.
    static func link(_ bytes: UnsafeRawBufferPointer, from previous: String, to path: String) -> Outcome {
        link(from: previous, to: path, size: bytes.count) { chunk, offset in
            memcmp(chunk.baseAddress!, bytes.baseAddress! + offset, chunk.count) == 0
        }
    }

    /// Links `previous` at `path` if it holds exactly what the file at `source` holds.
    static func link(copyOf source: String, from previous: String, to path: String) -> Outcome {
        let descriptor = open(source, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .changed }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .changed }
        let sourceChunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { sourceChunk.deallocate() }
        return link(from: previous, to: path, size: Int(info.st_size)) { chunk, _ in
            readFully(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: sourceChunk[..<chunk.count]))
                && memcmp(chunk.baseAddress!, sourceChunk.baseAddress!, chunk.count) == 0
        }
    }

    private static let chunkSize = 64 * 1024

    /// Reads `previous` chunk by chunk, each checked by `matches` (with its offset), and links it
    /// at `path` if it is a regular file of `size` bytes that all match.
    private static func link(from previous: String, to path: String, size: Int,
                             matches: (UnsafeRawBufferPointer, Int) -> Bool) -> Outcome {
        let descriptor = open(previous, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .changed }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else { return .changed }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: min(chunkSize, max(size, 1)), alignment: 16)
        defer { chunk.deallocate() }
        var offset = 0
        while offset < size {
            let part = UnsafeMutableRawBufferPointer(rebasing: chunk[..<min(chunk.count, size - offset)])
            guard readFully(descriptor, into: part), matches(UnsafeRawBufferPointer(part), offset) else { return .changed }
            offset += part.count
        }
        if Foundation.link(previous, path) == 0 { return .linked }
        return [EXDEV, EPERM, EMLINK, ENOTSUP, EOPNOTSUPP].contains(errno) ? .cannotLink : .changed
    }

    /// Fills `buffer` from `descriptor`; false on an error or a file shorter than expected.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var filled = 0
        while filled < buffer.count {
            let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            filled += count
        }
        return true
    }
}
