import FlyingFox
import Foundation
@testable import Preview
import Testing
import Tongwen

@Suite struct PreviewHandlerTests {
    @Test(arguments: [
        ("/", ""), ("/faq/", "faq"), ("/docs/access/vpn/", "docs/access/vpn"), ("/%E9%9C%80%E6%B1%82/", "需求"),
        ("/./faq//x", "faq/x"),
    ])
    func pathsInsideTheOutputResolve(path: String, relative: String) {
        #expect(PreviewHandler.relativePath(path) == relative)
    }

    @Test(arguments: ["/../tongwen.yml", "/faq/../../x", "/%2e%2e/x", "/%2E%2E%2Fx", "/a\\..\\b", "/..%5cx"])
    func pathsThatClimbOutAreRefused(path: String) {
        #expect(PreviewHandler.relativePath(path) == nil)
    }

    @Test func contentTypesAreUTF8WhereItMatters() {
        #expect(PreviewHandler.contentType(of: "/o/index.html") == "text/html; charset=utf-8")
        #expect(PreviewHandler.contentType(of: "/o/assets/search.js") == "text/javascript; charset=utf-8")
        #expect(PreviewHandler.contentType(of: "/o/search/shards/all.json.gz") == "application/gzip")
        #expect(PreviewHandler.contentType(of: "/o/feed.xml") == "application/atom+xml; charset=utf-8")
        #expect(PreviewHandler.contentType(of: "/o/sitemap.xml") == "application/xml; charset=utf-8")
    }

    /// When the very first build fails there is no output at all: every page, the home page
    /// included, still shows the errors (it used to answer a bare 404).
    @Test func aFirstBuildThatFailedShowsItsErrorsOnEveryPage() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/docs"), withIntermediateDirectories: true)
        try Data("---\ntitle: [broken\n---\nx\n".utf8).write(to: root.appendingPathComponent("content/docs/a.md"))
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
        let site = PreviewSite(options: BuildOptions(siteDirectory: root.path, themeDirectory: theme))
        let output = await site.outputDirectory
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path) }
        #expect(await site.rebuild().failed)
        for path in ["/", "/docs/a/", "/docs/"] {
            let request = HTTPRequest(method: .GET, version: .http11, path: path, query: [], headers: [:], body: Data())
            let response = try await PreviewHandler(site: site).handleRequest(request)
            let body = String(decoding: try await response.bodyData, as: UTF8.self)
            #expect(response.statusCode == .internalServerError, "\(path)")
            #expect(body.contains("content/docs/a.md:3:1: error: invalid YAML"), "\(path)")
        }
    }

    @Test func errorPageEscapesDiagnosticsAndGetsTheReloadScript() async throws {
        let page = PreviewHandler.errorPage([.error("x", "bad <script>alert(1)</script> & more", path: "content/a.md", line: 3, column: 1)])
        #expect(page.contains("content/a.md:3:1: error: bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        let response = PreviewHandler.html(page, status: .internalServerError)
        let body = String(decoding: try await response.bodyData, as: UTF8.self)
        #expect(body.contains("/_tongwen/live") && body.hasSuffix("</html>"))
        #expect(body.range(of: "/_tongwen/live")!.lowerBound < body.range(of: "</body>")!.lowerBound)
    }
}
