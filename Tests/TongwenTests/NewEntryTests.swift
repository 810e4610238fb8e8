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
}
