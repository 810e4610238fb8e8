import Foundation
import Testing
@testable import Tongwen

/// Fixture sites under `Fixtures/`, built into temporary folders.
@Suite struct FixtureSiteTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let invalidCases: [String] = {
        let folder = fixtures.appendingPathComponent("invalid").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }()

    /// Each invalid site prints exactly the diagnostics in `Snapshots/invalid/<case>.txt`
    /// (a `strict` file in the fixture builds it with --strict).
    @Test(arguments: invalidCases)
    func invalidInputGetsItsExactDiagnostics(name: String) async throws {
        let folder = FixtureSiteTests.fixtures.appendingPathComponent("invalid/\(name)")
        let site = try TestSite(copying: folder)
        defer { site.delete() }
        let strict = FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict").path)
        var lines: [String]
        do {
            let report = try await SiteBuilder(options: site.options(strict: strict)).build()
            lines = ["result: built"] + report.diagnostics.map(\.description)
        } catch {
            lines = ["result: failed"] + error.diagnostics.map(\.description)
            #expect(!site.exists("index.html"), "a failed build must not write the output")
        }
        Snapshot.assert(lines.joined(separator: "\n") + "\n", named: "invalid/\(name).txt")
    }

    /// Tables, footnotes, Chinese headings, raw HTML and links, rendered through the real
    /// load → resolve → render stages; safe and unsafe raw HTML each have a golden file.
    @Test(arguments: [false, true])
    func markdownFixturesMatchTheirGoldenHTML(unsafe: Bool) async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("markdown"))
        defer { site.delete() }
        if unsafe { try site.write(["tongwen.yml": "markdown:\n  unsafe: true\n"]) }
        let report = try await site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        for name in ["tables", "footnotes", "chinese-headings", "raw-html", "links"] {
            let html = try site.read("\(name)/index.html")
            let body = FixtureSiteTests.between(html, "<div class=\"content\">", "\n    </div>\n")
            let variant = name == "raw-html" ? (unsafe ? "-unsafe" : "-safe") : ""
            if unsafe && name != "raw-html" { continue }
            Snapshot.assert(body, named: "markdown/\(name)\(variant).html")
        }
    }

    /// One whole themed page and a section page, so template changes are seen in review.
    @Test func themedPagesMatchTheirGoldenHTML() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("markdown"))
        defer { site.delete() }
        _ = try await site.build()
        Snapshot.assert(try site.read("chinese-headings/index.html"), named: "theme/page.html")
        Snapshot.assert(try site.read("index.html"), named: "theme/home.html")
        Snapshot.assert(try site.read("404.html"), named: "theme/404.html")
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return text }
        return String(text[from.upperBound..<to.lowerBound])
    }
}
