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

    /// Pages, folders and attachments whose names hold `?`, `#`, `%` or spaces are linked with
    /// those escaped everywhere a link is written: bodies, navigation, the glossary, the search
    /// index and the feed. The strict build reads every written link back (`tongwen check`).
    @Test func fileNamesWithURLCharactersAreLinkedEscaped() async throws {
        let site = try TestSite([
            "tongwen.yml": "baseURL: https://kb.example.com/\n",
            "content/docs/a.md": "---\ntitle: A\n---\nSee [q](what%3F.md), [s](<my doc.md>), [c](../c%23/intro.md#用法), [p](100%25.md) and C#.\n",
            "content/docs/what?.md": "---\ntitle: What?\n---\nx\n",
            "content/docs/my doc.md": "---\ntitle: My doc\n---\nx\n",
            "content/docs/100%.md": "---\ntitle: Percent\n---\nx\n",
            "content/c#/intro.md": "---\ntitle: Intro\n---\n## 用法\n\n![pic](pic%231.png) [up](../docs/a.md)\n",
            "content/c#/pic#1.png": "PNG",
            "content/glossary/c#.md": "---\ntitle: C#\nsummary: A language.\n---\nA language.\n",
        ])
        defer { site.delete() }
        let report = try await site.build(strict: true)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let page = try site.read("docs/a/index.html")
        for href in ["../what%3F/", "../my%20doc/", "../../c%23/intro/#%E7%94%A8%E6%B3%95", "../100%25/", "../../glossary/c%23/"] {
            #expect(page.contains("href=\"\(href)\""), "\(href)")
        }
        #expect(try site.read("c#/intro/index.html").contains("src=\"../pic%231.png\""))
        #expect(try site.read("docs/index.html").contains("href=\"what%3F/\""))
        #expect(try site.read("feed.xml").contains("href=\"https://kb.example.com/docs/what%3F/\""))
        let records = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("search/pages").path)
            .map { try site.readGzipped("search/pages/" + $0.dropLast(3)) }.joined()
        #expect(records.contains("\"u\":\"docs/what%3F/\"") && records.contains("\"u\":\"c%23/intro/\""))
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
