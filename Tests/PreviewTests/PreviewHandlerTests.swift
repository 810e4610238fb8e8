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

    @Test func errorPageEscapesDiagnosticsAndGetsTheReloadScript() async throws {
        let page = PreviewHandler.errorPage([.error("x", "bad <script>alert(1)</script> & more", path: "content/a.md", line: 3, column: 1)])
        #expect(page.contains("content/a.md:3:1: error: bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
        let response = PreviewHandler.html(page, status: .internalServerError)
        let body = String(decoding: try await response.bodyData, as: UTF8.self)
        #expect(body.contains("/_tongwen/live") && body.hasSuffix("</html>"))
        #expect(body.range(of: "/_tongwen/live")!.lowerBound < body.range(of: "</body>")!.lowerBound)
    }
}
