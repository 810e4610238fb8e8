import Foundation
import HTMLKit
import Testing
@testable import Tongwen

/// The knowledge-base pages of `Fixtures/knowledge`, built on `TestSite.today` (2026-11-24).
@Suite struct KnowledgeBaseTests {
    static func build(warnOnReviews: Bool = true) async throws -> (TestSite, BuildReport) {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        var options = site.options()
        options.warnsOnOverdueReviews = warnOnReviews
        let report = try await SiteBuilder(options: options).build()
        return (site, report)
    }

    static func main(_ html: String) -> String {
        "<main" + FixtureSiteTests.between(html, "<main", "</main>") + "</main>\n"
    }

    @Test func generatedPagesMatchTheirGoldenHTML() async throws {
        let (site, report) = try await KnowledgeBaseTests.build()
        defer { site.delete() }
        Snapshot.assert(report.diagnostics.map(\.description).joined(separator: "\n") + "\n", named: "knowledge/diagnostics.txt")
        for (path, name) in [
            ("faq/index.html", "faq-hub"), ("status/index.html", "status-dashboard"), ("requirements/index.html", "requirement-board"),
            ("contacts/index.html", "contacts"), ("review/index.html", "review-queue"), ("tags/index.html", "tags"),
            ("tags/vpn/index.html", "tag-vpn"), ("docs/ops/vpn/index.html", "overdue-page"),
        ] {
            Snapshot.assert(KnowledgeBaseTests.main(try site.read(path)), named: "knowledge/\(name).html")
        }
        for path in ["feed.xml", "faq/feed.xml", "sitemap.xml"] {
            Snapshot.assert(try site.read(path), named: "knowledge/\(path.replacingOccurrences(of: "/", with: "-"))")
        }
    }

    @Test func dashboardSummaryFlagsOnlyWhatIsLate() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        // Without the blocked project, no milestone is overdue and no project is stale.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/status/sso.md"))
        _ = try await site.build()
        let summary = FixtureSiteTests.between(try site.read("status/index.html"), "<p class=\"dashboard-summary\">", "</p>")
        #expect(summary == "<span>2 个项目</span> · <time datetime=\"2026-11-24\">2026-11-24</time>")
    }

    /// Spellings of one tag that differ in case, width or surrounding spaces are one tag page,
    /// named as most pages spell it, and a page listing two spellings shows the tag once.
    @Test func tagSpellingsMergeIntoOneTag() async throws {
        let site = try TestSite([
            "content/docs/a.md": "---\ntitle: A\ntags: [VPN, 远程办公]\n---\nx\n",
            "content/docs/b.md": "---\ntitle: B\ntags: [vpn, \" 远程办公 \"]\n---\nx\n",
            "content/docs/c.md": "---\ntitle: C\ntags: [VPN, ＶＰＮ, Vpn]\n---\nx\n",
        ])
        defer { site.delete() }
        _ = try await site.build()
        let folders = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("tags").path).sorted()
        #expect(folders == ["index.html", "vpn", "远程办公"])
        let tags = try site.read("tags/index.html")
        #expect(tags.contains(">VPN</a>") && !tags.contains(">vpn</a>") && !tags.contains(">ＶＰＮ</a>"))
        let meta = FixtureSiteTests.between(try site.read("docs/c/index.html"), "<ul class=\"tags\">", "</ul>")
        #expect(meta == "<li><a href=\"../../tags/vpn/\">VPN</a></li>")
        for page in ["a", "b", "c"] { #expect(try site.read("tags/vpn/index.html").contains("docs/\(page)/")) }
    }

    /// FAQ categories merge like tags, named as `faq.categories` spells them; spaces around
    /// any front-matter text (an owner, a category) do not make another one.
    @Test func categoryAndOwnerSpellingsMerge() async throws {
        let site = try TestSite([
            "tongwen.yml": "faq:\n  categories: [Accounts]\n",
            "content/faq/a.md": "---\ntitle: 问题一？\ncategory: \"账号与权限 \"\nowner: \"张三 \"\n---\n答案。\n",
            "content/faq/b.md": "---\ntitle: 问题二？\ncategory: 账号与权限\nowner: 张三\n---\n答案。\n",
            "content/faq/c.md": "---\ntitle: Q3?\ncategory: accounts\n---\nA.\n",
            "content/faq/d.md": "---\ntitle: Q4?\ncategory: ACCOUNTS\n---\nA.\n",
        ])
        defer { site.delete() }
        _ = try await site.build()
        let hub = try site.read("faq/index.html")
        let headings = hub.components(separatedBy: "<h2 id=\"c-").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(headings == ["accounts", "账号与权限"])
        #expect(try site.read("faq/d/index.html").contains("<span class=\"badge\">分类</span> Accounts</p>"))
        #expect(try site.read("contacts/index.html").components(separatedBy: "id=\"p-").count - 1 == 1)
    }

    @Test func overdueReviewsWarnUnlessIgnored() async throws {
        let (site, report) = try await KnowledgeBaseTests.build()
        defer { site.delete() }
        let overdue = report.diagnostics.filter { $0.id == "review.overdue" }
        #expect(overdue.map(\.path) == ["content/docs/ops/vpn.md", "content/faq/misc.md"])
        #expect(overdue.first?.message.contains("every 90d") == true, "the section's review_every wins over the site's")
        let (quiet, quietReport) = try await KnowledgeBaseTests.build(warnOnReviews: false)
        defer { quiet.delete() }
        #expect(quietReport.diagnostics.filter { $0.id == "review.overdue" }.isEmpty)
        #expect(try quiet.read("review/index.html").contains("VPN 指南"), "the queue lists them either way")
    }

    @Test func faqHubCarriesValidJSONLDThatCannotCloseItsScript() async throws {
        let (site, _) = try await KnowledgeBaseTests.build()
        defer { site.delete() }
        let html = try site.read("faq/index.html")
        let json = FixtureSiteTests.between(html, "<script type=\"application/ld+json\">", "</script>")
        #expect(!json.contains("<"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "FAQPage")
        let questions = try #require(object["mainEntity"] as? [[String: Any]])
        #expect(questions.count == 4)
        #expect(questions.contains { $0["name"] as? String == "报表 </script> 数字对不上？" })
        // The answer's link moved from faq/vpn/ to faq/ with it.
        #expect(html.contains("href=\"../docs/ops/vpn/#steps\""))
        #expect(!html.contains("<script>alert"), "raw HTML stays escaped")
    }

    @Test func bigFAQsGetOnePagePerCategory() async throws {
        let site = try TestSite(copying: FixtureSiteTests.fixtures.appendingPathComponent("knowledge"))
        defer { site.delete() }
        let config = try String(contentsOf: site.root.appendingPathComponent("tongwen.yml"), encoding: .utf8)
        try site.write(["tongwen.yml": config.replacingOccurrences(of: "faq:\n", with: "faq:\n  hub_limit: 3\n")])
        _ = try await site.build()
        let hub = try site.read("faq/index.html")
        #expect(!hub.contains("<details class=\"faq-entry\"") && !hub.contains("application/ld+json"), "the hub lists questions only")
        #expect(hub.contains("<h2 id=\"c-账号\"><a href=\"c/账号/\">账号</a>"))
        #expect(hub.contains("<a href=\"c/账号/#q-vpn\">如何申请 VPN？</a>"))
        let category = try site.read("faq/c/账号/index.html")
        #expect(category.contains("<details class=\"faq-entry\" id=\"q-vpn\""))
        #expect(category.contains("href=\"../../../docs/ops/vpn/#steps\""), "answer links moved two folders down")
        // Term links are made for the category page (`RenderedPage.markerTerms`), and no marker is left.
        #expect(category.contains("<a class=\"term\" href=\"../../../glossary/backlog/\" data-term=\"backlog\" title=\"等待排期的全部需求。\">需求池</a>"))
        #expect(!category.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) })
        #expect(category.contains("\"mainEntity\":[{"))
        #expect(site.exists("faq/c/other/index.html"))
    }

    @Test func feedsAndSitemapParseBackWithTheirRequiredElements() async throws {
        let (site, _) = try await KnowledgeBaseTests.build()
        defer { site.delete() }
        for path in ["feed.xml", "faq/feed.xml"] {
            let feed = try #require(XMLTree.parse(try site.read(path)), "\(path) is well-formed")
            #expect(feed.name == "feed" && feed.namespace == "http://www.w3.org/2005/Atom")
            for required in ["title", "id", "updated", "author"] { #expect(feed.child(required) != nil, "\(path): \(required)") }
            let entries = feed.children(named: "entry")
            #expect(!entries.isEmpty)
            for entry in entries {
                for required in ["title", "id", "updated", "link"] { #expect(entry.child(required) != nil, "\(path) entry: \(required)") }
                #expect(entry.child("updated")!.text.hasSuffix("T00:00:00Z"))
            }
        }
        let faq = try #require(XMLTree.parse(try site.read("faq/feed.xml")))
        #expect(faq.children(named: "entry").count == 4)
        let vpn = try #require(faq.children(named: "entry").first { $0.child("title")?.text == "如何申请 VPN？" })
        #expect(vpn.child("content")?.text.contains("href=\"https://kb.example.com/kb/docs/ops/vpn/#steps\"") == true)
        let sitemap = try #require(XMLTree.parse(try site.read("sitemap.xml")))
        #expect(sitemap.name == "urlset" && sitemap.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let locations = sitemap.children(named: "url").compactMap { $0.child("loc")?.text }
        #expect(locations.allSatisfy { $0.hasPrefix("https://kb.example.com/kb/") })
        #expect(locations.contains("https://kb.example.com/kb/faq/vpn/") && locations.contains("https://kb.example.com/kb/contacts/"))
        #expect(locations.contains("https://kb.example.com/kb/tags/%E7%BD%91%E7%BB%9C/"), "non-ASCII paths are percent-encoded")
    }

    static func statusPage(_ status: ProjectStatus, updated: Day?, milestones: [Milestone]) -> Page {
        var matter = FrontMatter()
        matter.status = StatusFields(status: status, progress: 50, milestones: milestones)
        matter.updated = updated
        return Page(sourcePath: "status/p.md", displayPath: "content/status/p.md", kind: .status, sectionPath: "status",
                    isSectionIndex: false, frontMatter: matter, body: "", bodyLine: 1, urlPath: "status/p/", title: "P")
    }

    @Test func statusCardsFlagOverdueMilestonesAndStaleProjects() {
        let today = TestSite.today
        let milestones = [
            Milestone(name: "done late", due: Day(year: 2026, month: 7, day: 31), done: true),
            Milestone(name: "undated", due: nil, done: false),
            Milestone(name: "late", due: Day(year: 2026, month: 9, day: 30), done: false),
            Milestone(name: "later", due: Day(year: 2027, month: 1, day: 15), done: false),
            Milestone(name: "due today", due: today, done: false),
        ]
        let blocked = StatusDashboard.card(KnowledgeBaseTests.statusPage(.blocked, updated: Day(year: 2026, month: 10, day: 30), milestones: milestones),
                                           today: today, staleAfter: DayInterval(days: 14))
        #expect(blocked.overdue.map(\.name) == ["late"], "due today is not overdue yet; done and undated never are")
        #expect(blocked.nextMilestone?.name == "late", "earliest open milestone, undated last")
        #expect(blocked.staleDays == 25)
        let fresh = StatusDashboard.card(KnowledgeBaseTests.statusPage(.onTrack, updated: Day(year: 2026, month: 11, day: 10), milestones: []),
                                         today: today, staleAfter: DayInterval(days: 14))
        #expect(fresh.staleDays == nil && fresh.nextMilestone == nil, "14 days is not more than 14")
        let done = StatusDashboard.card(KnowledgeBaseTests.statusPage(.done, updated: Day(year: 2025, month: 1, day: 1), milestones: milestones),
                                        today: today, staleAfter: DayInterval(days: 14))
        #expect(done.staleDays == nil && done.overdue.isEmpty, "a finished project is never stale or late")
    }
}
