import Foundation
import Tongwen
#if canImport(Glibc)
import Glibc
#endif

/// Changes under a site's sources through Linux inotify (not by polling every file): each
/// watched folder and every folder created below it later. Reports the changed paths in batches,
/// a batch being everything that changed until the files were quiet for `quiet` seconds (an
/// editor's save is often several events).
public final class FileWatcher: @unchecked Sendable {
    private let descriptor: Int32
    /// Watch descriptor → folder; touched only by the reading thread after `init`.
    private var folders: [Int32: String] = [:]
    private let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `roots`: folders watched recursively, or single files (watched through their folder).
    public init(roots: [String]) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(description: "inotify is not available: \(String(cString: strerror(errno)))") }
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue { watchTree(root) } else { watch((root as NSString).deletingLastPathComponent) }
        }
    }

    deinit {
        close(descriptor)
    }

    private func watch(_ folder: String) {
        let id = inotify_add_watch(descriptor, folder, mask)
        if id >= 0 { folders[id] = folder }
    }

    /// `folder` and the folders a build reads below it: the same walk, so linked folders are
    /// watched and a link back up (`up -> ..`) is not followed round and round.
    private func watchTree(_ folder: String) {
        watch(folder)
        for child in FileWalk(under: folder).folders { watch(folder + "/" + child) }
    }

    /// Batches of changed paths, until the stream is dropped. Reading happens on its own thread.
    public func changes(quiet: TimeInterval = 0.08) -> AsyncStream<Set<String>> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                var pending: Set<String> = []
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                while true {
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    // Wait for events; once some are pending, wait only `quiet` for more.
                    let ready = poll(&poller, 1, pending.isEmpty ? 500 : Int32(quiet * 1000))
                    if ready == 0 {
                        if !pending.isEmpty {
                            if case .terminated = continuation.yield(pending) { return }
                            pending.removeAll()
                        }
                        continue
                    }
                    guard ready > 0 else { if errno == EINTR { continue } else { return } }
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    guard count > 0 else { return }
                    pending.formUnion(self.decode(buffer, count: count))
                }
            }
            thread.start()
        }
    }

    /// Paths named by the `inotify_event` records in `buffer`; new folders are watched too.
    private func decode(_ buffer: [UInt8], count: Int) -> Set<String> {
        var paths: Set<String> = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (wd, eventMask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + nameLength)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if let folder = folders[wd] {
                let path = name.isEmpty ? folder : folder + "/" + name
                // Editors' swap, backup and lock files are not content (their swap files are hidden).
                if !name.hasPrefix("."), !FileWalk.isScratchFile(name) { paths.insert(path) }
                if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
            }
            offset += header + nameLength
        }
        return paths
    }
}
