import Foundation
import Testing
@testable import Tongwen

@Suite struct ContentFilesTests {
    /// Every file under the content folder, relative and sorted; hidden files, everything in
    /// hidden folders and editors' scratch files left out; a symbolic link counts as a file.
    @Test func walksFoldersSkippingHiddenOnes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b.md", "a/z.md", "a/深/需求池.md", "a/.draft.md", ".git/config", "a/.cache/x.md", "c/img.png",
                     "a/z.md~", "a/#z.md#", "c/~$报告.docx", "c/Thumbs.db", "c/desktop.ini", "c/#1.png", "c/v1~2.png"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.md").path, withDestinationPath: "b.md")
        #expect(ContentLoader.files(under: root.path) == ["a/z.md", "a/深/需求池.md", "b.md", "c/#1.png", "c/img.png", "c/v1~2.png", "link.md"])
        #expect(ContentLoader.files(under: root.appendingPathComponent("missing").path).isEmpty)
    }

    /// A linked folder is walked like any other; a link that points nowhere or back into a
    /// folder it is in is left out and reported, so a walk always ends.
    @Test func followsLinksButNotLoops() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("content"), shared = base.appendingPathComponent("shared")
        for url in [root.appendingPathComponent("docs/a.md"), shared.appendingPathComponent("guide.pdf"), shared.appendingPathComponent("deep/b.md")] {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("docs/shared").path, withDestinationPath: shared.path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("docs/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: shared.appendingPathComponent("deep/back").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("docs/gone.png").path, withDestinationPath: "nowhere.png")
        let walk = FileWalk(under: root.path)
        #expect(walk.files == ["docs/a.md", "docs/shared/deep/b.md", "docs/shared/guide.pdf"])
        #expect(walk.skippedLinks.map { "\($0.path) \($0.reason)" } == ["docs/gone.png broken", "docs/shared/deep/back loop", "docs/up loop"])
    }
}
