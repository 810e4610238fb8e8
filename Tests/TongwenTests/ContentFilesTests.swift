import Foundation
import Testing
@testable import Tongwen

@Suite struct ContentFilesTests {
    /// Every file under the content folder, relative and sorted; hidden files and everything in
    /// hidden folders left out; a symbolic link counts as a file.
    @Test func walksFoldersSkippingHiddenOnes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b.md", "a/z.md", "a/深/需求池.md", "a/.draft.md", ".git/config", "a/.cache/x.md", "c/img.png"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.md").path, withDestinationPath: "b.md")
        #expect(ContentLoader.files(under: root.path) == ["a/z.md", "a/深/需求池.md", "b.md", "c/img.png", "link.md"])
        #expect(ContentLoader.files(under: root.appendingPathComponent("missing").path).isEmpty)
    }
}
