import Foundation
import HTMLKit
import Testing
@testable import Tongwen

/// The bundled portal (`content/`), built as the README's demo builds it.
@Suite struct SamplePortalTests {
    @Test func buildsCleanlyWithEveryKindAndRelativeLinksThatResolve() async throws {
        let site = try TestSite.samplePortal()
        defer { site.delete() }
        let report = try await site.build(strict: true)
        #expect(report.diagnostics.isEmpty)
        #expect(report.pages >= 40)

        let files = try site.outputFiles()
        let pages = files.keys.filter { $0.hasSuffix(".html") }
        #expect(files.keys.filter { $0.hasPrefix("faq/") && $0.hasSuffix("/index.html") && $0 != "faq/index.html" }.count >= 12)
        #expect(files.keys.filter { $0.hasPrefix("glossary/") && $0.hasSuffix("/index.html") && $0 != "glossary/index.html" }.count >= 25)
        #expect(files.keys.filter { $0.hasPrefix("status/") && $0.hasSuffix("/index.html") && $0 != "status/index.html" }.count >= 5)

        // Every relative href/src of every page points at a file that exists (the 404 page is
        // the one page with base-path-absolute links).
        var checked = 0
        for page in pages where page != "404.html" {
            let html = String(decoding: files[page]!, as: UTF8.self)
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            for link in HTMLDocumentSummary(page: html).links {
                guard !link.hasPrefix("#"), !LinkResolver.isExternal(link), !link.hasPrefix("/") else { continue }
                var path = String(link.split(separator: "#", omittingEmptySubsequences: false)[0])
                path = path.removingPercentEncoding ?? path
                guard let target = Permalinks.normalize(folder + "/" + path) else {
                    Issue.record("\(page): \(link) leaves the site")
                    continue
                }
                let file = target.isEmpty || path.hasSuffix("/") ? (target.isEmpty ? "index.html" : target + "/index.html") : target
                #expect(files[file] != nil, "\(page): \(link) → \(file) does not exist")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func navigationMarksTheCurrentPageAndKeepsPagesSmall() async throws {
        let site = try TestSite.samplePortal()
        defer { site.delete() }
        _ = try await site.build()
        let vpn = try site.read("docs/access/vpn/index.html")
        #expect(vpn.contains("<a href=\"../vpn/\" aria-current=\"page\">VPN 使用指南 Using the VPN</a>"))
        #expect(vpn.components(separatedBy: "aria-current=\"page\"").count == 2, "exactly one current link")
        #expect(vpn.contains("<html lang=\"zh-CN\">"))
        #expect(vpn.contains("<a href=\"../../../\">首页</a>"), "breadcrumbs start at home")
        #expect(vpn.contains("rel=\"prev\"") || vpn.contains("rel=\"next\""))
        #expect(vpn.contains("class=\"toc\""))
        #expect(vpn.contains("mailto:portal-team@example.com?subject="))
        // Sections other than the current one are listed but not expanded.
        #expect(!vpn.contains("如何申请 VPN 账号？</a></li>"), "the FAQ section's pages are not inlined")

        let home = try site.read("index.html")
        #expect(home.contains("业务手册 Business manuals</strong> <span class=\"count\">5 篇</span>"))
        #expect(home.contains("id=\"recent\""))

        let status = try site.read("status/sso-migration/index.html")
        #expect(status.contains("<span class=\"status-badge status-blocked\">受阻</span>"))
        #expect(status.contains("剩余 6 个老系统接入"))
        let term = try site.read("glossary/service-level-agreement/index.html")
        #expect(term.contains("业务说法 / Business"))
        #expect(term.contains("<li lang=\"zh-CN\">服务等级协议</li>"))
    }
}
