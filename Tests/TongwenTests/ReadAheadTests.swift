import Foundation
import Testing
@testable import Tongwen

@Suite struct ReadAheadTests {
    @Test func sampleSpreadsOverTheWholeList() {
        let paths = (0..<100).map { "p\($0)" }
        let sample = ReadAhead.sample(of: paths)
        #expect(sample.count == ReadAhead.sampleSize)
        #expect(sample.first == "p0" && sample[1] == "p3" && sample.last == "p93")
        #expect(ReadAhead.sample(of: ["a", "b"]) == ["a", "b"])
    }

    /// Drops a file's pages from the page cache, then has `ReadAhead` bring them back. On a
    /// file system that keeps files in memory (tmpfs) pages cannot be dropped: there, only
    /// "cached" can be checked.
    @Test func droppedFilesAreSeenAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-readahead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = (0..<3).map { folder.appendingPathComponent("page-\($0).md").path }
        for path in paths { try Data(repeating: UInt8(ascii: "x"), count: 64 * 1024).write(to: URL(fileURLWithPath: path)) }
        #expect(ReadAhead.isCached(paths), "just written")

        for path in paths {
            let descriptor = open(path, O_RDONLY)
            fsync(descriptor)
            _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(descriptor)
        }
        guard !ReadAhead.isCached(paths) else { return }  // tmpfs: nothing was dropped
        ReadAhead.start(paths)
        let deadline = Date().addingTimeInterval(5)
        while !ReadAhead.isCached(paths), Date() < deadline { usleep(10_000) }
        #expect(ReadAhead.isCached(paths), "the hints read the files back")
    }
}
