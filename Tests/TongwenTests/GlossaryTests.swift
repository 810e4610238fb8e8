import Foundation
import Markup
import HTMLKit
import Testing
@testable import Tongwen

@Suite struct GlossaryLinkingTests {
    static let fixture = FixtureSiteTests.fixtures.appendingPathComponent("glossary")

    static func build(policy: GlossaryLinkPolicy) async throws -> TestSite {
        let site = try TestSite(copying: fixture)
        try site.write(["tongwen.yml": "markdown:\n  unsafe: true\nglossary:\n  link: \(policy.rawValue)\n"])
        let report = try await site.build()
        #expect(report.diagnostics.filter { $0.severity != .info }.isEmpty, "\(report.diagnostics)")
        return site
    }

    static func body(_ html: String) -> String {
        FixtureSiteTests.between(html, "<div class=\"content\">", "\n    </div>\n")
    }

    /// Longest match, acronym case, CJK next to Latin, NFKC, excluded contexts: golden files
    /// for both policies, plus a term's own page and a page that opts out.
    @Test(arguments: [GlossaryLinkPolicy.first, .all])
    func linkingMatchesGoldenHTML(policy: GlossaryLinkPolicy) async throws {
        let site = try await GlossaryLinkingTests.build(policy: policy)
        defer { site.delete() }
        Snapshot.assert(GlossaryLinkingTests.body(try site.read("docs/linking/index.html")), named: "glossary/linking-\(policy.rawValue).html")
        if policy == .first {
            Snapshot.assert(GlossaryLinkingTests.body(try site.read("glossary/product-backlog/index.html")), named: "glossary/own-page.html")
            #expect(!(try site.read("docs/opt-out/index.html")).contains("class=\"term\""))
        }
    }

    @Test func allPolicyLinksEveryOccurrenceWithTheRules() async throws {
        let site = try await GlossaryLinkingTests.build(policy: .all)
        defer { site.delete() }
        let html = GlossaryLinkingTests.body(try site.read("docs/linking/index.html"))
        #expect(html.contains(">ＳＬＡ</a>"), "NFKC: full-width matches, shown as written")
        #expect(html.contains(">ｂａｃｋｌｏｇ</a>"))
        #expect(html.contains("我们用<a class=\"term\" href=\"../../glossary/product-backlog/\" data-term=\"product-backlog\" title=\"按优先级排序、等待排期的需求集合。\">Backlog</a>管理"))
        #expect(html.contains(">需求池</a>2024"))
        #expect(html.contains("SLAs and XSLA are not"))
        #expect(html.contains("owns it; we say <a class=\"term\"") && html.contains("not It or it."))
        #expect(html.contains("Change</a> yes, change no"))
        #expect(html.contains("<code>SLA in code</code>"))
        #expect(html.contains("<pre><code class=\"language-text\">SLA in a code block"))
        #expect(html.contains("alt=\"SLA alt\" title=\"SLA title\""))
        #expect(html.contains("<span title=\"SLA attribute\">raw HTML with <a class=\"term\""))
        #expect(html.contains("<script>var SLA = 1;</script>"))
        #expect(html.contains(">SLA in a heading<a class=\"anchor\""))
    }

    /// Linking wraps text in links and never changes it: the visible text of every page is the
    /// same with and without it (the fixture and the sample portal).
    @Test func linkingNeverChangesTheVisibleText() async throws {
        for source in ["fixture", "sample"] {
            var texts: [GlossaryLinkPolicy: [String: String]] = [:]
            for policy in [GlossaryLinkPolicy.none, .all] {
                let site: TestSite
                if source == "fixture" {
                    site = try await GlossaryLinkingTests.build(policy: policy)
                } else {
                    site = try TestSite.samplePortal()
                    try site.write(["tongwen.yml": (try String(contentsOf: site.root.appendingPathComponent("tongwen.yml"), encoding: .utf8)) + "glossary:\n  link: \(policy.rawValue)\n"])
                    _ = try await site.build()
                }
                defer { site.delete() }
                for (path, data) in try site.outputFiles() where path.hasSuffix("/index.html") {
                    texts[policy, default: [:]][path] = HTMLFragment(GlossaryLinkingTests.body(String(decoding: data, as: UTF8.self))).text()
                }
            }
            let linked = texts[.all] ?? [:]
            #expect(linked.count > 5)
            for (path, text) in texts[.none] ?? [:] {
                #expect(linked[path] == text, "\(source): visible text of \(path) changed")
            }
        }
    }

    @Test func termsOfEachPageArePartOfTheModel() async throws {
        let site = try TestSite(copying: GlossaryLinkingTests.fixture)
        defer { site.delete() }
        var options = site.options()
        options.outputDirectory = site.output.path
        let report = try await SiteBuilder(options: options).build()
        #expect(report.pages == 8)
        let html = try site.read("docs/linking/index.html")
        // "Terms on this page": every term used, most used first, with summaries.
        #expect(html.contains("<h2 id=\"page-terms-title\">本页术语</h2>"))
        #expect(html.contains("<dt><a href=\"../../glossary/service-level-agreement/\" data-term-ref=\"service-level-agreement\">服务等级协议</a></dt><dd>IT 与业务约定的服务质量目标。</dd>"))
        let term = try site.read("glossary/service-level-agreement/index.html")
        #expect(term.contains("使用本术语的页面 <span class=\"count\">1</span>"))
        #expect(term.contains("<a href=\"../../docs/linking/\">Linking rules</a>"))
        let backlog = try site.read("glossary/product-backlog/index.html")
        #expect(backlog.contains("<li><a href=\"../backlog-management/\">需求池管理</a> — 维护需求池顺序与状态的活动。</li>"))
        #expect(backlog.contains("<li><a href=\"../service-level-agreement/\">服务等级协议</a>"), "related by a technical name")
    }
}

@Suite struct GlossaryIndexTests {
    @Test func samplePortalIndexGroupsByLatinAndPinyinInitials() async throws {
        let site = try TestSite.samplePortal()
        defer { site.delete() }
        let report = try await site.build(strict: true)
        #expect(report.diagnostics.isEmpty, "every sample term is used: \(report.diagnostics)")
        let index = try site.read("glossary/index.html")
        let letters = HTMLFragment(FixtureSiteTests.between(index, "<nav class=\"letter-bar\"", "</nav>")).links()
        #expect(letters == ["#letter-B", "#letter-D", "#letter-F", "#letter-G", "#letter-H", "#letter-I", "#letter-J",
                            "#letter-R", "#letter-S", "#letter-T", "#letter-W", "#letter-X", "#letter-Y", "#letter-Z"])
        let groupB = FixtureSiteTests.between(index, "<h2 id=\"letter-B\">B</h2>", "</section>")
        #expect(groupB.contains(">变更管理</a>") && groupB.contains(">标准变更</a>"))
        let groupI = FixtureSiteTests.between(index, "<h2 id=\"letter-I\">I</h2>", "</section>")
        #expect(groupI.contains(">IT 服务台</a>"))
        // The filter matches any name, NFKC + lower-cased, from data-search.
        #expect(index.contains("data-search=\"服务等级协议 | 服务水平协议 | service level agreement | sla\""))
        // "Used in" on a term page of the sample portal, grouped by top-level section.
        let sla = try site.read("glossary/service-level-agreement/index.html")
        #expect(sla.contains("<h3><a href=\"../../manuals/\">业务手册 Business manuals</a>"))
        #expect(sla.contains("<a href=\"../../manuals/incident-reporting/\">事件报告与服务等级 Reporting incidents and our SLA</a>"))
    }
}

@Suite struct TermMatcherTests {
    @Test func normalisesFullWidthCaseAndExpansions() {
        let text = TermText.normalize("我们的ＳＬＡ是Sla\u{3000}㎏")
        #expect(text.folded.compactMap(Unicode.Scalar.init).map(String.init).joined() == "我们的sla是sla kg")
        #expect(text.exact.compactMap(Unicode.Scalar.init).map(String.init).joined() == "我们的SLA是Sla kg")
    }

    @Test func acronymsAreCaseSensitive() {
        #expect(TermTrigger.isAcronym("IT"))
        #expect(TermTrigger.isAcronym("B2B"))
        #expect(!TermTrigger.isAcronym("PoLP"))
        #expect(!TermTrigger.isAcronym("需求池"))
    }

    @Test func longestLeftmostMatchesWin() {
        let triggers = ["需求池", "需求池管理", "池管", "Change", "Change Management"].enumerated().map {
            TermTrigger(name: $1, termID: "t\($0)", termIndex: $0, caseSensitiveTerm: false)
        }
        let matcher = TermMatcher(triggers: triggers)
        var scratch = TermMatcher.Scratch()
        let found = matcher.matches(inText: "需求池管理和 change management, Changes", scratch: &scratch)
        let chosen = TermMatcher.longestNonOverlapping(found)
        #expect(chosen.map { triggers[$0.trigger].name } == ["需求池管理", "Change Management"])
        // Byte ranges of the original text: 需求池管理 is 15 bytes, then "和 " (4).
        #expect(chosen.map { [$0.byteStart, $0.byteEnd] } == [[0, 15], [19, 36]])
    }

    /// Full-width letters (NFKC) and a case-sensitive acronym next to CJK: matched on the
    /// normalised text, cut out of the original bytes; lower-case "sla" is not the acronym.
    @Test func streamingMatchesMapBackToTheOriginalBytes() {
        let triggers = [TermTrigger(name: "SLA", termID: "sla", termIndex: 0, caseSensitiveTerm: false),
                        TermTrigger(name: "kg", termID: "kg", termIndex: 1, caseSensitiveTerm: false)]
        let matcher = TermMatcher(triggers: triggers)
        var scratch = TermMatcher.Scratch()
        let text = "我们的ＳＬＡ是sla，SLAs 与 SLA 和 5kg、５ ㎏"
        let found = TermMatcher.longestNonOverlapping(matcher.matches(inText: text, scratch: &scratch))
        let bytes = Array(text.utf8)
        let cut = found.map { String(decoding: bytes[$0.byteStart..<$0.byteEnd], as: UTF8.self) }
        #expect(cut == ["ＳＬＡ", "SLA", "㎏"])
    }
}

@Suite struct TermUsageModelTests {
    /// Each rendered page carries the ids of the terms it uses, in order of first use, with
    /// occurrence counts: what the search index will read.
    @Test func renderedPagesCarryTheirTermIDs() async throws {
        let fixture = GlossaryLinkingTests.fixture
        let loaded = await ContentLoader(contentDirectory: fixture.appendingPathComponent("content").path,
                                         displayPrefix: "content/", includeDrafts: false).load()
        let resolved = SiteResolver.resolve(pages: loaded.pages, assets: loaded.assets, themeAssets: [])
        let (glossary, problems) = Glossary.build(pages: loaded.pages)
        #expect(problems.isEmpty)
        let renderer = PageRenderer(resolver: LinkResolver(permalinks: resolved.permalinks), options: MarkdownOptions(unsafeHTML: true),
                                    glossary: glossary, linkPolicy: .first)
        let page = try #require(loaded.pages.first { $0.sourcePath == "docs/linking.md" })
        let uses = renderer.render(page).terms
        #expect(uses.map(\.termID) == ["backlog-management", "product-backlog", "change-management", "change",
                                       "information-technology", "service-level-agreement"])
        #expect(uses.first { $0.termID == "service-level-agreement" }?.count == 4, "我们的SLA是, ＳＬＡ, Again: SLA, the raw-HTML span")
        let optOut = try #require(loaded.pages.first { $0.sourcePath == "docs/opt-out.md" })
        #expect(renderer.render(optOut).terms.isEmpty)
    }

    /// The transition table finds every occurrence of every pattern, overlapping and nested ones
    /// included (checked against a brute-force search), both with full rows for every state and
    /// with a row budget so small that most states keep goto edges and failure links.
    @Test func automatonFindsEveryOccurrenceWithOrWithoutFullRows() {
        let patterns = ["he", "she", "his", "hers", "需求", "需求池", "求池管理", "池", "𠀀需"].map { $0.unicodeScalars.map(\.value) }
        let text = "ushers 需求池管理 shishe 𠀀需求池 hehers 池池".unicodeScalars.map(\.value)
        var expected: [[Int]] = []
        for end in 1...text.count {
            for (index, pattern) in patterns.enumerated() where pattern.count <= end && Array(text[(end - pattern.count)..<end]) == pattern {
                expected.append([end, index])
            }
        }
        for limit in [TermAutomaton.denseLimit, 1] {
            let automaton = TermAutomaton(patterns: patterns, denseLimit: limit)
            var found: [[Int]] = []
            var state: Int32 = 0
            for (position, scalar) in text.enumerated() {
                state = automaton.next(state, scalar)
                let id = Int(state & TermAutomaton.stateMask)
                #expect((state & TermAutomaton.outputFlag != 0) == (automaton.outputStart[id] < automaton.outputStart[id + 1]))
                for cursor in Int(automaton.outputStart[id])..<Int(automaton.outputStart[id + 1]) {
                    found.append([position + 1, Int(automaton.outputList[cursor])])
                }
            }
            #expect(found.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) }, "dense limit \(limit)")
        }
        #expect(expected.count == 19)
    }
}
