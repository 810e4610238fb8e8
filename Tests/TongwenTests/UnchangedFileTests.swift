import Foundation
import Testing
@testable import Tongwen

@Suite struct UnchangedFileTests {
    static func folder(in parent: String) throws -> String {
        let folder = parent + "/tongwen-unchanged-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func link(_ text: String, from previous: String, to path: String) -> UnchangedFile.Outcome {
        var text = text
        return text.withUTF8 { UnchangedFile.link(UnsafeRawBufferPointer($0), from: previous, to: path) }
    }

    @Test func linksOnlyARegularFileWithTheSameBytes() throws {
        let folder = try UnchangedFileTests.folder(in: FileManager.default.temporaryDirectory.path)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = folder + "/old.html"
        try "<p>同文</p>\n".write(toFile: previous, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/symlink.html", withDestinationPath: previous)

        #expect(UnchangedFileTests.link("<p>同文</p>\n", from: previous, to: folder + "/same.html") == .linked)
        #expect(try String(contentsOfFile: folder + "/same.html", encoding: .utf8) == "<p>同文</p>\n")
        #expect(UnchangedFileTests.link("<p>同文!</p>\n", from: previous, to: folder + "/longer.html") == .changed)
        #expect(UnchangedFileTests.link("<p>同义</p>\n", from: previous, to: folder + "/other.html") == .changed, "same size, other bytes")
        #expect(UnchangedFileTests.link("<p>同文</p>\n", from: folder + "/symlink.html", to: folder + "/via-link.html") == .changed)
        #expect(UnchangedFileTests.link("", from: folder + "/missing.html", to: folder + "/new.html") == .changed)
        for name in ["longer", "other", "via-link", "new"] {
            #expect(!FileManager.default.fileExists(atPath: folder + "/\(name).html"), "nothing made for \(name)")
        }
        #expect(UnchangedFile.link(copyOf: previous, from: previous, to: folder + "/copy.html") == .linked)
    }

    /// Across two file systems (tmpfs and the temporary folder's, where they differ) a link is
    /// impossible: `.cannotLink`, after which `OutputWriter` stops reading previous files.
    @Test func anotherFileSystemCannotLink() throws {
        var shm = stat(), temp = stat()
        let tempPath = FileManager.default.temporaryDirectory.path
        guard stat("/dev/shm", &shm) == 0, stat(tempPath, &temp) == 0, shm.st_dev != temp.st_dev else { return }
        let here = try UnchangedFileTests.folder(in: "/dev/shm"), there = try UnchangedFileTests.folder(in: tempPath)
        defer { try? FileManager.default.removeItem(atPath: here); try? FileManager.default.removeItem(atPath: there) }
        try "same".write(toFile: here + "/page.html", atomically: false, encoding: .utf8)
        #expect(UnchangedFileTests.link("same", from: here + "/page.html", to: there + "/page.html") == .cannotLink)
        #expect(!FileManager.default.fileExists(atPath: there + "/page.html"))
    }
}
