import Foundation
import Testing
@testable import Tongwen

@Suite struct NewEntryTests {
    @Test(arguments: [
        ("如何申请VPN账号？", "ru-he-shen-qing-vpn-zhang-hao"),
        ("Change Management", "change-management"),
        ("Café déjà vu — ＦＡＱ #1", "cafe-deja-vu-faq-1"),
        ("？？", "entry"),
        ("服务等级协议（SLA）", "fu-wu-deng-ji-xie-yi-sla"),
    ])
    func slugsAreReadableAndSafe(title: String, slug: String) {
        #expect(NewEntry.slug(title) == slug)
    }

    @Test func longTitlesAreCutAtAWord() {
        let slug = NewEntry.slug(String(repeating: "requirement ", count: 20))
        #expect(slug.count <= NewEntry.maxSlugLength && !slug.hasSuffix("-") && slug.hasSuffix("requirement"))
    }

    @Test func everyKindsFrontMatterParsesCleanly() {
        for kind in NewEntry.Kind.allCases {
            var entry = NewEntry(kind: kind, title: "报销: \"审批\" #1")
            entry.tags = ["a", "b: c"]
            let text = entry.text(today: TestSite.today, language: .zhCN)
            let yaml = FixtureSiteTests.between(text, "---\n", "---\n")
            let (matter, problems) = FrontMatter.parse(yaml, path: "x.md", lineOffset: 1)
            #expect(problems.isEmpty, "\(kind): \(problems)")
            #expect(matter.title == "报销: \"审批\" #1" && matter.tags == ["a", "b: c"], "\(kind)")
            #expect(matter.reviewed == TestSite.today)
        }
    }

    /// A term whose name another term already has (title, business or technical name, alias;
    /// full-width or other case alike) is refused before anything is written: the build would
    /// fail on the conflict. Other kinds may repeat a title.
    @Test func aNewTermMayNotTakeAnotherTermsName() throws {
        let site = try TestSite([
            "content/glossary/sla.md": "---\ntitle: 服务等级协议\ntechnical: [SLA]\naliases: [Service Level Agreement]\n---\nx\n",
            "content/docs/ops/xla.md": "---\ntitle: Experience Level Agreement\nkind: glossary\naliases: [XLA]\n---\nx\n",
        ])
        defer { site.delete() }
        for name in ["SLA", "ＳＬＡ", "service level agreement", "服务等级协议", "XLA"] {
            #expect(throws: NewEntry.Refusal.self, "\(name)") {
                try NewEntry(kind: .term, title: name).write(siteDirectory: site.root.path, today: TestSite.today, language: .zhCN)
            }
        }
        do {
            _ = try NewEntry(kind: .term, title: "SLA").write(siteDirectory: site.root.path, today: TestSite.today, language: .zhCN)
        } catch let refusal as NewEntry.Refusal {
            #expect(refusal.description == "'SLA' is already a name of the term in content/glossary/sla.md: edit that file instead (a second term with the name would fail the build)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/glossary").path) == ["sla.md"])
        let written = try NewEntry(kind: .term, title: "OLA").write(siteDirectory: site.root.path, today: TestSite.today, language: .zhCN)
        #expect(written.hasSuffix("content/glossary/ola.md"))
        _ = try NewEntry(kind: .faq, title: "SLA").write(siteDirectory: site.root.path, today: TestSite.today, language: .zhCN)
    }
}
