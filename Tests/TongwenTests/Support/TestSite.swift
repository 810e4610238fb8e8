import Testing
import Foundation
import GzipKit
@testable import Tongwen

/// A site written from an inline `[path: text]` map into a fresh temporary folder.
struct TestSite {
    let root: URL

    /// The repository root (for the default theme and the sample portal).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Every test build's date, so review dates, overdue milestones and stale projects are fixed.
    static let today = Day(year: 2026, month: 11, day: 24)
    static var themeDirectory: String { repository.appendingPathComponent("templates").path }

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try write(files)
    }

    /// A copy of a folder (a fixture site, or the sample portal).
    init(copying folder: URL) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder, to: root)
    }

    /// The bundled sample portal: its `content/` and `tongwen.yml`, built with the default theme.
    static func samplePortal() throws -> TestSite {
        let site = try TestSite([:])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        for item in ["content", "tongwen.yml"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: site.root.appendingPathComponent(item))
        }
        return site
    }

    func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// Rewrites the site file at `path` (relative to the site root) with `change`; returns its
    /// absolute path, as a file watcher reports it.
    @discardableResult
    func edit(_ path: String, _ change: (String) -> String) throws -> String {
        let file = root.appendingPathComponent(path)
        try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var output: URL { root.appendingPathComponent("public") }

    func options(strict: Bool = false) -> BuildOptions {
        var options = BuildOptions(siteDirectory: root.path, themeDirectory: TestSite.themeDirectory)
        options.strict = strict
        options.today = TestSite.today
        return options
    }

    func build(strict: Bool = false) async throws(BuildFailure) -> BuildReport {
        try await SiteBuilder(options: options(strict: strict)).build()
    }

    /// The diagnostics of a build that must fail, as printed.
    func failure(strict: Bool = false) async -> [String] {
        do {
            _ = try await SiteBuilder(options: options(strict: strict)).build()
            return ["(build succeeded)"]
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// A gzipped output file's text (the search index files), read from `path` + `.gz`.
    func readGzipped(_ path: String) throws -> String {
        let data = try Data(contentsOf: output.appendingPathComponent(path + ".gz"))
        return String(decoding: try #require(GzipCompressor.decompress(data), "\(path).gz is not gzip"), as: UTF8.self)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file under the output, path → bytes.
    func outputFiles() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in ContentLoader.files(under: output.path) + [".tongwen-build"] {
            files[path] = FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
        }
        return files
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }
}
