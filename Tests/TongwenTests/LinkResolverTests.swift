import Testing
@testable import Tongwen

@Suite struct LinkResolverTests {
    /// A small site: two docs, an FAQ entry, an image, a section index.
    static let resolver: LinkResolver = {
        var permalinks = Permalinks()
        permalinks.addPage(source: "docs/network/vpn.md", url: "docs/network/vpn/")
        permalinks.addPage(source: "docs/network/_index.md", url: "docs/network/")
        permalinks.addPage(source: "faq/如何申请.md", url: "faq/如何申请/")
        permalinks.addPage(source: "index.md", url: "")
        permalinks.addAsset("docs/network/topology.png")
        permalinks.addSection(path: "docs")
        permalinks.addSection(path: "docs/network")
        return LinkResolver(permalinks: permalinks)
    }()

    static func page(_ source: String, url: String) -> Page {
        Page(sourcePath: source, displayPath: "content/" + source, kind: .doc, sectionPath: "", isSectionIndex: false,
             frontMatter: FrontMatter(), body: "", bodyLine: 1, urlPath: url, title: "")
    }

    static let vpn = page("docs/network/vpn.md", url: "docs/network/vpn/")

    @Test(arguments: [
        ("../../faq/如何申请.md", LinkResolution.rewritten("../../../faq/如何申请/", targetSource: nil, fragment: nil)),
        ("/faq/如何申请.md#步骤", .rewritten("../../../faq/如何申请/#步骤", targetSource: "faq/如何申请.md", fragment: "步骤")),
        ("_index.md", .rewritten("../", targetSource: nil, fragment: nil)),
        ("topology.png", .rewritten("../topology.png", targetSource: nil, fragment: nil)),
        ("../../docs/", .rewritten("../../", targetSource: nil, fragment: nil)),
        ("vpn.md?print=1#setup", .rewritten("./?print=1#setup", targetSource: "docs/network/vpn.md", fragment: "setup")),
        ("#%E6%AD%A5%E9%AA%A4", .samePage(fragment: "步骤")),
        ("https://example.com/a.md", .external),
        ("mailto:it@example.com", .external),
        ("//cdn.example.com/x.js", .external),
        ("Tel+1.x-y:110", .external),
        // Not a scheme (one starts with an ASCII letter and has no other characters): a file name.
        ("2024:plan.md", .missing("link to missing page '2024:plan.md'")),
        ("需求:池.md", .missing("link to missing page '需求:池.md'")),
        ("missing.md", .missing("link to missing page 'missing.md'")),
        ("../../../../etc/passwd.md", .missing("link '../../../../etc/passwd.md' points outside the content folder")),
        ("nothing.pdf", .missing("link to missing file 'nothing.pdf'")),
    ])
    func resolvesRelativeToTheSourceFile(destination: String, expected: LinkResolution) {
        #expect(LinkResolverTests.resolver.resolve(destination, from: LinkResolverTests.vpn) == expected)
    }

    @Test func linksFromTheHomePageStayInsideIt() {
        let home = LinkResolverTests.page("index.md", url: "")
        #expect(LinkResolverTests.resolver.resolve("docs/network/vpn.md", from: home) == .rewritten("docs/network/vpn/", targetSource: nil, fragment: nil))
        #expect(LinkResolverTests.resolver.resolve("index.md", from: home) == .rewritten("./", targetSource: nil, fragment: nil))
    }
}

@Suite struct PermalinksTests {
    @Test func pageURLs() throws {
        #expect(try Permalinks.url(forSource: "docs/network/vpn.md", slug: nil, isSectionIndex: false).get() == "docs/network/vpn/")
        #expect(try Permalinks.url(forSource: "docs/network/vpn.md", slug: "远程访问", isSectionIndex: false).get() == "docs/network/远程访问/")
        #expect(try Permalinks.url(forSource: "docs/_index.md", slug: nil, isSectionIndex: true).get() == "docs/")
        #expect(try Permalinks.url(forSource: "index.md", slug: nil, isSectionIndex: true).get() == "")
        #expect(Permalinks.rootPrefix(for: "docs/network/vpn/") == "../../../")
        #expect(Permalinks.rootPrefix(for: "") == "")
    }

    @Test(arguments: [
        ("docs/a/p/", "docs/a/q/", "../q/"),
        ("docs/a/p/", "docs/a/", "../"),
        ("docs/a/p/", "", "../../../"),
        ("", "docs/a/", "docs/a/"),
        ("", "", "./"),
        ("docs/a/", "docs/a/", "./"),
        ("docs/a/", "docs/a/p/", "p/"),
        ("docs/a/p/", "docs/a/p/img.png", "img.png"),
        ("docs/a/p/", "docs/b/img.png", "../../b/img.png"),
        ("faq/q/", "faq-archive/q/", "../../faq-archive/q/"),
    ])
    func shortestRelativeURLs(from: String, to: String, expected: String) {
        #expect(Permalinks.relativeURL(from: from, to: to) == expected)
    }

    /// File names may hold characters that mean something in a URL; links escape them.
    @Test(arguments: [
        ("docs/a/", "docs/what?/", "../what%3F/"),
        ("docs/a/", "c#/intro/", "../../c%23/intro/"),
        ("", "docs/100%/", "docs/100%25/"),
        ("", "docs/my doc/", "docs/my%20doc/"),
        ("c#/intro/", "c#/pic#1.png", "../pic%231.png"),
        ("", "docs/需求池/", "docs/需求池/"),
    ])
    func linksEscapeWhatURLsGiveAMeaning(from: String, to: String, expected: String) {
        #expect(Permalinks.relativeURL(from: from, to: to) == expected)
    }

    /// A link already written on one page (escaped) keeps its escapes when moved to another.
    @Test func rebasedLinksAreNotEscapedTwice() {
        #expect(Permalinks.rebase("../what%3F/#x", from: "faq/c#/", to: "faq/c/x/") == "../../what%3F/#x")
        #expect(Permalinks.rebase("pic%231.png", from: "c#/intro/", to: "c#/") == "intro/pic%231.png")
        #expect(Permalinks.rebase("pic%231.png", from: "c#/intro/", to: nil, absoluteBase: "https://kb.example.com/") == "https://kb.example.com/c%23/intro/pic%231.png")
    }

    @Test(arguments: ["../../etc", "a/b", "..", ".hidden", "", "a\u{0}b"])
    func slugsThatCouldEscapeAreRefused(slug: String) {
        #expect(throws: SlugError.self) { try Permalinks.url(forSource: "docs/a.md", slug: slug, isSectionIndex: false).get() }
    }

    @Test func redirectFiles() {
        #expect(Permalinks.redirectFile(for: "/old/vpn.html") == "old/vpn.html")
        #expect(Permalinks.redirectFile(for: "old/vpn/") == "old/vpn/index.html")
        #expect(Permalinks.redirectFile(for: "https://wiki.example.com/kb/vpn?x=1") == "kb/vpn/index.html")
        #expect(Permalinks.redirectFile(for: "/a/./b//c") == "a/b/c/index.html")
        #expect(Permalinks.redirectFile(for: "../../etc/passwd") == nil)
        #expect(Permalinks.redirectFile(for: "a/../../b") == nil)
        #expect(Permalinks.redirectFile(for: "/") == nil)
    }
}

@Suite struct OrderingTests {
    @Test func pinyinPutsChineseAndLatinTitlesInOneAlphabet() {
        let titles = ["Zebra", "变更管理", "apple", "数据治理", "阿里", "Change"]
        let sorted = titles.sorted { TitleCollation.sortKey($0) < TitleCollation.sortKey($1) }
        #expect(sorted == ["阿里", "apple", "变更管理", "Change", "数据治理", "Zebra"])
    }

    @Test func sectionsSortByWeightThenTitle() {
        func page(_ source: String, _ title: String, weight: Int? = nil) -> Page {
            var matter = FrontMatter()
            matter.weight = weight
            return Page(sourcePath: source, displayPath: source, kind: .doc, sectionPath: "docs", isSectionIndex: false,
                        frontMatter: matter, body: "", bodyLine: 1, urlPath: String(source.dropLast(3)) + "/", title: title)
        }
        let pages = [
            page("docs/z.md", "最后"), page("docs/b.md", "Backup"), page("docs/c.md", "变更"),
            page("docs/first.md", "Zulu first", weight: 1), page("docs/a.md", "Backup"),
        ]
        let outline = SiteOutline(pages: pages, config: SiteConfig())
        #expect(outline.sections["docs"]?.pages == ["docs/first.md", "docs/a.md", "docs/b.md", "docs/c.md", "docs/z.md"])
        #expect(outline.sections["docs"]?.title == "技术文档")
        #expect(outline.root.totalPages == 5)
    }

    @Test func standardTopFoldersComeInReadingOrder() {
        let pages = ["glossary/t.md", "faq/q.md", "zz/x.md", "docs/d.md", "manuals/m.md", "status/s.md", "aa/y.md"].map { source in
            Page(sourcePath: source, displayPath: source, kind: .doc, sectionPath: String(source.split(separator: "/")[0]),
                 isSectionIndex: false, frontMatter: FrontMatter(), body: "", bodyLine: 1, urlPath: source, title: source)
        }
        var config = SiteConfig()
        config.language = .en
        let outline = SiteOutline(pages: pages, config: config)
        #expect(outline.root.children == ["docs", "manuals", "faq", "status", "glossary", "aa", "zz"])
        #expect(outline.sections["faq"]?.title == "FAQ")
        #expect(outline.sections["zz"]?.title == "Zz")
    }
}

@Suite struct RebaseTests {
    @Test func linksMoveWithTheirFragment() {
        #expect(Permalinks.rebase("../q/", from: "faq/a/", to: "faq/") == "q/")
        #expect(Permalinks.rebase("../../docs/x/#rollback", from: "faq/a/", to: "faq/") == "../docs/x/#rollback")
        #expect(Permalinks.rebase("#step-2", from: "faq/a/", to: "faq/") == "a/#step-2")
        #expect(Permalinks.rebase("img/p.png", from: "faq/a/", to: "faq/") == "a/img/p.png")
        #expect(Permalinks.rebase("../b/", from: "faq/a/", to: "faq/b/") == "./")
        #expect(Permalinks.rebase("#x", from: "faq/", to: "faq/") == "#x")
    }

    @Test func absoluteForFeeds() {
        #expect(Permalinks.rebase("../q/#x", from: "faq/a/", to: nil, absoluteBase: "https://kb.example/kb/") == "https://kb.example/kb/faq/q/#x")
        #expect(Permalinks.rebase("p.png", from: "", to: nil, absoluteBase: "https://kb.example/") == "https://kb.example/p.png")
    }

    @Test func externalAndAbsoluteLinksStay() {
        for href in ["https://example.com/a", "mailto:it@example.com", "/kb/x/", "", "tel:110"] {
            #expect(Permalinks.rebase(href, from: "faq/a/", to: "faq/") == nil, "\(href)")
        }
    }

    @Test(arguments: [
        ("a/./b/../c", "a/c"), ("/a//b/", "a/b"), ("", ""), (".", ""), ("a/..", ""), ("..", nil), ("a/../../b", nil),
        ("需求池/./管理/../流程/", "需求池/流程"), ("a/.../b", "a/.../b"), ("..a/b..", "..a/b.."), ("./x/./", "x"),
    ] as [(String, String?)])
    func normalizesPaths(path: String, expected: String?) {
        #expect(Permalinks.normalize(path) == expected)
    }
}
