import Foundation
import Testing
@testable import Tongwen

/// `tongwen check` on `Fixtures/check`: one broken case of each kind, in every output format.
@Suite struct CheckTests {
    static func run() async throws -> CheckReport {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("check/combined"))
        defer { site.delete() }
        let report = await SiteCheck.run(options: site.options(), fetchExternal: false)
        #expect(!site.exists("index.html"), "check never writes the site's output")
        return report
    }

    @Test func everyBrokenLinkAnchorImageAndTitleIsReportedOnceInEachFormat() async throws {
        let report = try await CheckTests.run()
        Snapshot.assert(report.text(), named: "check/report.txt")
        Snapshot.assert(report.github(), named: "check/report-github.txt")
        Snapshot.assert(report.json(), named: "check/report.json")
        #expect(report.exitStatus(strict: false) == 0)
        #expect(report.exitStatus(strict: true) == 1)
        #expect(report.externalLinks.map(\.url) == ["https://example.com/vpn?a=1", "https://example.com/vpn?a=1", "http://intranet.example/x"])
    }

    static let cases: [String] = {
        let folder = FixtureSiteTests.fixtures.appendingPathComponent("check").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != "combined" }.sorted()
    }()

    /// One fixture per broken case; `Snapshots/check/<case>.txt` holds its report in all three formats.
    @Test(arguments: cases)
    func eachCaseHasItsExactReport(name: String) async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("check/\(name)"))
        defer { site.delete() }
        let report = await SiteCheck.run(options: site.options(), fetchExternal: false)
        Snapshot.assert("== text\n" + report.text() + "== github\n" + report.github() + "== json\n" + report.json(), named: "check/\(name).txt")
    }

    @Test func errorsStopTheBuildAndAreReportedAlone() async throws {
        let site = try TestSite(["content/requirements/a.md": "---\ntitle: A\nstate: someday\n---\nx\n"])
        defer { site.delete() }
        let report = await SiteCheck.run(options: site.options(), fetchExternal: false)
        #expect(report.errors == 1 && report.exitStatus(strict: false) == 1)
        #expect(report.github().hasPrefix("::error file=content/requirements/a.md,line=3,col=8,title=frontmatter.state::unknown state 'someday'"))
    }

    @Test func githubEscapesWhatWouldBreakAnAnnotation() {
        let diagnostic = Diagnostic(.warning, "x", "50% done\nnext: line", path: "content/a,b:c.md", line: 2, column: 3)
        let report = CheckReport(diagnostics: [diagnostic], externalLinks: [], externalChecked: false, pages: 1)
        #expect(report.github().hasPrefix("::warning file=content/a%2Cb%3Ac.md,line=2,col=3,title=x::50%25 done%0Anext: line\n"))
    }
}
