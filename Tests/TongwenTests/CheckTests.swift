import Foundation
import Testing
@testable import Tongwen

/// `tongwen check` on `Fixtures/check`: one broken case of each kind, in every output format.
@Suite struct CheckTests {
    static func run() async throws -> CheckReport {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("check"))
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
