import HTMLKit
import Testing
@testable import Tongwen

/// The writer puts the page body where the template put `page.content`, and nothing else changes.
@Suite struct PageBodySlotTests {
    static let body = RenderedPage(
        sourcePath: "a.md", markedHTML: "<p>\u{E000}0\u{E001}SLA\u{E002}0\u{E001} 与 需求池</p>",
        links: [ElementMarkup(name: "a", attributes: [.init("class", "term"), .init("href", "../t/")])],
        headings: [], ids: [], headingTitle: nil, anchorChecks: [], terms: [], textBlocks: [], diagnostics: [])

    @Test func bodyGoesAtEveryMarkerWithItsLinks() {
        let page = "<main>\(PageBodySlot.marker)</main><template>\(PageBodySlot.marker)</template>"
        let written = String(decoding: PageBodySlot.fill(page, body: Self.body), as: UTF8.self)
        let body = "<p><a class=\"term\" href=\"../t/\">SLA</a> 与 需求池</p>"
        #expect(written == "<main>\(body)</main><template>\(body)</template>")
    }

    @Test func textWithoutAWholeMarkerStaysAsItIs() {
        // The marker's first character, and the marker cut short, are text like any other.
        let page = "<h1>\u{E003} 标题</h1>\(PageBodySlot.marker.dropLast())"
        #expect(String(decoding: PageBodySlot.fill(page, body: Self.body), as: UTF8.self) == page)
        #expect(String(decoding: PageBodySlot.fill("", body: nil), as: UTF8.self) == "")
    }
}
