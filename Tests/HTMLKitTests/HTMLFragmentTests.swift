import Foundation
@testable import HTMLKit
import Testing

@Suite struct HTMLFragmentTests {
    @Test func assignsIDsAndAnchorsKeepingUTF8() {
        let fragment = HTMLFragment("<h2>需求池管理</h2><p>文本</p><h3 id=\"keep\">Kept</h3><h5>Deep</h5>")
        var counter = 0
        let headings = fragment.assignHeadingIDs { text in
            counter += 1
            return "id\(counter)-" + text
        }
        #expect(headings == [
            Heading(level: 2, text: "需求池管理", id: "id1-需求池管理"),
            Heading(level: 3, text: "Kept", id: "keep"),
            Heading(level: 5, text: "Deep", id: "id2-Deep"),
        ])
        #expect(fragment.html() == """
            <h2 id="id1-需求池管理">需求池管理<a class="anchor" href="#id1-%E9%9C%80%E6%B1%82%E6%B1%A0%E7%AE%A1%E7%90%86" aria-label="¶ 需求池管理">#</a></h2><p>文本</p><h3 id="keep">Kept<a class="anchor" href="#keep" aria-label="¶ Kept">#</a></h3><h5 id="id2-Deep">Deep</h5>
            """)
    }

    @Test func listsLinksIDsAndText() {
        let fragment = HTMLFragment("<p id=\"a\">Go <a href=\"x/\">there</a> <img src=\"i.png\" alt=\"\"></p><div id=\"b\">end</div>")
        #expect(fragment.links() == ["x/", "i.png"])
        #expect(fragment.ids() == ["a", "b"])
        #expect(fragment.text() == "Go there end")
    }

    @Test func malformedMarkupIsRepairedNotRejected() {
        let fragment = HTMLFragment("<p>unclosed <b>bold<p>next")
        #expect(fragment.html() == "<p>unclosed <b>bold</b></p><p>next</p>")
    }
}

@Suite struct RewriteTextTests {
    @Test func replacesProseTextButNotLinksCodeHeadingsOrAttributes() {
        let fragment = HTMLFragment("""
            <h2>SLA 标题</h2><p title="SLA">我们的SLA是 <code>SLA</code> <a href="x">SLA</a> <img alt="SLA" src="i.png"> <em>SLA</em></p><pre>SLA</pre><script>var SLA;</script>
            """)
        var offered: [String] = []
        fragment.rewriteText { text in
            offered.append(text)
            guard let range = text.range(of: "SLA") else { return nil }
            return [
                .text(String(text[..<range.lowerBound])),
                .element(name: "a", attributes: [.init("class", "term"), .init("href", "t/")], text: "SLA"),
                .text(String(text[range.upperBound...])),
            ]
        }
        #expect(offered == ["我们的SLA是 ", " ", " ", " ", "SLA"])
        #expect(fragment.html() == """
            <h2>SLA 标题</h2><p title="SLA">我们的<a class="term" href="t/">SLA</a>是 <code>SLA</code> <a href="x">SLA</a> <img alt="SLA" src="i.png"> <em><a class="term" href="t/">SLA</a></em></p><pre>SLA</pre><script>var SLA;</script>
            """)
    }

    /// `.wrapped` text is spliced in when serialising and gives exactly what `.element` gives,
    /// whatever the attribute values (quotes, `&`, `<`, non-ASCII in an `href`) and the text.
    @Test(arguments: [
        "<p>我们的SLA是 &amp; <em>SLA</em> 与 SLA</p>",
        // Marker characters, as they are or as references, make real elements instead.
        "<p>SLA \u{E000}1\u{E001} SLA</p>",
        "<p>SLA &#57344;0&#xE001; SLA</p>",
    ])
    func wrappedTextSerialisesLikeElements(html: String) {
        let attributes: [TextPiece.Attribute] = [
            .init("class", "term"), .init("href", "../词汇/需求 池/?a=1&b=2"), .init("data-term", "sla"),
            .init("title", "它说 \"引号\" & 'single' <tag>"),
        ]
        let markup = ElementMarkup(name: "a", attributes: attributes)
        func split(_ text: String, wrapped: Bool) -> [TextPiece]? {
            guard let range = text.range(of: "SLA") else { return nil }
            let link: TextPiece = wrapped ? .wrapped(markup, text: "S&L<A") : .element(name: "a", attributes: attributes, text: "S&L<A")
            return [.text(String(text[..<range.lowerBound])), link, .text(String(text[range.upperBound...]))]
        }
        let elements = HTMLFragment(html), wrapped = HTMLFragment(html)
        elements.rewriteText { split($0, wrapped: false) }
        wrapped.rewriteText { split($0, wrapped: true) }
        #expect(elements.html().contains("S&amp;L&lt;A</a>"))
        #expect(wrapped.html() == elements.html())

        // `wrapText`: every run of "SLA" wrapped where it is (byte ranges), as real elements would be.
        func runs(_ text: String) -> [Range<Int>] {
            let bytes = Array(text.utf8), sla = Array("SLA".utf8)
            return bytes.indices.filter { bytes[$0...].starts(with: sla) }.map { $0..<($0 + sla.count) }
        }
        let realRuns = HTMLFragment(html), wrappedRuns = HTMLFragment(html)
        realRuns.rewriteText { text in
            let found = runs(text)
            guard !found.isEmpty else { return nil }
            let bytes = Array(text.utf8)
            var pieces: [TextPiece] = [], cursor = 0
            for run in found {
                pieces.append(.text(String(decoding: bytes[cursor..<run.lowerBound], as: UTF8.self)))
                pieces.append(.element(name: "a", attributes: attributes, text: "SLA"))
                cursor = run.upperBound
            }
            pieces.append(.text(String(decoding: bytes[cursor...], as: UTF8.self)))
            return pieces
        }
        wrappedRuns.wrapText { bytes in runs(String(decoding: bytes, as: UTF8.self)).map { TextWrap(range: $0, markup: markup) } }
        #expect(realRuns.html().components(separatedBy: "<a class=\"term\"").count >= 3)
        #expect(wrappedRuns.html() == realRuns.html())
    }

    /// cmark-gfm's XHTML read by the XML parser gives the tree the HTML parser gives; what the
    /// XML parser refuses (a boolean attribute, a control character) is read as HTML.
    @Test(arguments: [
        ("<h2>需求池 &amp; Backlog</h2>\n<p>见 <a href=\"../a/?x=1&amp;y=2\" title=\"&quot;q&quot;\">a</a><br />\n<code>&lt;b&gt;</code></p>\n", true),
        ("<table>\n<thead>\n<tr>\n<th align=\"center\">方式</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\">API</td>\n</tr>\n</tbody>\n</table>\n", true),
        ("<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> 完成</li>\n</ul>\n<hr />\n<p><img src=\"x.png\" alt=\"图\" /></p>\n<!-- raw HTML omitted -->\n", true),
        ("<p>注<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup></p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\"><p>脚注</p></li>\n</ol>\n</section>\n", false),
        ("<p>form\u{0C}feed and <b>unclosed</p>\n", false),
    ])
    func wellFormedInputGivesTheSameTree(html: String, readAsXML: Bool) {
        let asHTML = HTMLFragment(html), asXML = HTMLFragment(html, wellFormed: true)
        #expect(asXML.parsedAsXML == readAsXML)
        #expect(!asHTML.parsedAsXML)
        #expect(asXML.html() == asHTML.html())
        #expect(asXML.ids() == asHTML.ids())
        #expect(asXML.text() == asHTML.text())
    }

    /// Marked HTML parsed again and rewritten keeps its markers, and splicing it gives the HTML
    /// the same rewrite of the linked fragment gives, with the tags spliced then.
    @Test func markedHTMLSurvivesParsingAndRewriting() {
        let html = "<p>SLA 见 <a href=\"../a/\">a</a>，SLA 与 <em>SLA</em></p><p><img src=\"x.png\" alt=\"SLA\"> 我们的SLA是</p>"
        let near = ElementMarkup(name: "a", attributes: [.init("class", "term"), .init("href", "../t/"), .init("title", "它 & \"它\"")])
        let far = ElementMarkup(name: "a", attributes: [.init("class", "term"), .init("href", "../../t/"), .init("title", "它 & \"它\"")])
        func wraps(_ bytes: UnsafeBufferPointer<UInt8>) -> [TextWrap]? {
            let text = Array(bytes), sla = Array("SLA".utf8)
            let found = text.indices.filter { text[$0...].starts(with: sla) }
            return found.isEmpty ? nil : found.map { TextWrap(range: $0..<($0 + 3), markup: near) }
        }
        let linked = HTMLFragment(html)
        linked.wrapText(wraps)
        #expect(linked.markedCount == 4)
        #expect(HTMLFragment.splicing(linked.markedHTML(), with: Array(repeating: near, count: 4)) == linked.html())
        // Spliced onto the end of bytes already there (a page written as bytes), the same HTML.
        var bytes = Array("<main>".utf8)
        HTMLFragment.appendSplicing(linked.markedHTML(), with: Array(repeating: near, count: 4), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<main>" + linked.html())
        func moved(_ href: String) -> String? { "../" + href }
        // The old way: the linked HTML parsed and its links moved, term links included.
        let old = HTMLFragment(linked.html())
        old.rewriteURLs(moved)
        // The new way: the marked HTML parsed and moved, term tags made for the new place.
        let marked = HTMLFragment(linked.markedHTML())
        marked.rewriteURLs(moved)
        #expect(HTMLFragment.splicing(marked.markedHTML(), with: Array(repeating: far, count: 4)) == old.html())
        #expect(old.html().contains("<a class=\"term\" href=\"../../t/\""))
    }

    @Test func textIsDecodedAndReEscaped() {
        let fragment = HTMLFragment("<p>a &lt;b&gt; &amp; c</p>")
        fragment.rewriteText { text in
            #expect(text == "a <b> & c")
            return [.text(text)]
        }
        #expect(fragment.html() == "<p>a &lt;b&gt; &amp; c</p>")
    }
}

@Suite struct TextBlockTests {
    @Test func cutsAtHeadingsAndCollapsesEveryKindOfWhitespace() {
        let fragment = HTMLFragment("""
            <p>\u{3000}需求池\u{00A0}\u{00A0}管理\n\t<em>流程</em>，<code>x</code></p><ul><li>一</li><li>二</li></ul>
            <h2 id="sla">SLA <a class="anchor" href="#sla">#</a></h2><p>a\u{2003}b\u{2028}c\r\nd</p><script>x()</script>
            """)
        let blocks = fragment.textBlocks()
        #expect(blocks.map(\.headingID) == ["", "sla"])
        #expect(blocks.map(\.heading) == ["", "SLA"])
        #expect(blocks.map(\.text) == ["需求池 管理 流程，x 一 二", "a b c d"])
    }

    /// Footnote marks, as cmark-gfm writes them, are not text; the note itself is.
    @Test func leavesOutFootnoteMarks() {
        let fragment = HTMLFragment("""
            <p>4 小时<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup> 内恢复</p>
            <section class="footnotes" data-footnotes><ol><li id="fn-1"><p>恢复指可以继续使用。 <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p></li></ol></section>
            """)
        #expect(fragment.textBlocks().map(\.text) == ["4 小时 内恢复 恢复指可以继续使用。"])
    }

    /// Pieces of text appended one after another collapse as their concatenation split at
    /// `Character.isWhitespace` and joined with single spaces: on texts made of single and
    /// repeated spaces, every other whitespace `CollapsedText` knows, its lead bytes in
    /// characters that are not whitespace, and words, at the ends and inside.
    @Test func collapsesGeneratedTextsAsSplittingAtWhitespaceDoes() {
        let parts = [" ", "  ", "\n", "\t", "\r\n", "\u{A0}", "\u{85}", "\u{2003}", "\u{2028}", "\u{3000}", "\u{1680}",
                     "a", "word", "需求池", "、", "‐", "é", "£", "x y", "  z "]
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            let pieces = (0..<(1 + next() % 3)).map { _ in (0..<(next() % 6)).map { _ in parts[next() % parts.count] }.joined() }
            var collapsed = CollapsedText()
            for piece in pieces { collapsed.append(piece) }
            let expected = pieces.joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(collapsed.take() == expected, "\(pieces)")
        }
    }

    @Test func keepsMultiByteTextThatIsNotWhitespace() {
        // U+2010 (E2 80 90) and U+3001 (E3 80 81) share lead bytes with spaces.
        #expect(HTMLFragment("<p>a‐b、c\u{0085}d</p>").text() == "a‐b、c d")
    }
}

@Suite struct XMLWriterTests {
    @Test func writesEscapedUTF8AndReadsItBack() throws {
        let writer = XMLWriter()
        writer.start("feed", ["xmlns": "http://www.w3.org/2005/Atom"])
        writer.element("title", "需求池 <Backlog> & \"SLA\"")
        writer.element("link", nil, ["href": "https://kb.example/a?b=1&c=2"])
        writer.end()
        let xml = writer.finish()
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(xml.contains("<title>需求池 &lt;Backlog&gt; &amp; &quot;SLA&quot;</title>"))
        let tree = try #require(XMLTree.parse(xml))
        #expect(tree.name == "feed" && tree.namespace == "http://www.w3.org/2005/Atom")
        #expect(tree.child("title")?.text == "需求池 <Backlog> & \"SLA\"")
        #expect(tree.child("link")?.attributes["href"] == "https://kb.example/a?b=1&c=2")
    }

    @Test func malformedXMLIsNil() {
        #expect(XMLTree.parse("<a><b></a>") == nil)
    }

    @Test func urlsAreRewrittenInPlace() {
        let fragment = HTMLFragment("<p><a href=\"../x/\">x</a> <img src=\"p.png\" alt=\"\"> <a href=\"https://e.com\">e</a></p>")
        fragment.rewriteURLs { $0.hasPrefix("http") ? nil : "/kb/" + $0 }
        #expect(fragment.html() == "<p><a href=\"/kb/../x/\">x</a> <img src=\"/kb/p.png\" alt=\"\"> <a href=\"https://e.com\">e</a></p>")
    }

    @Test func pageSummaryListsLinksAndIDsWithEntitiesDecoded() {
        let page = """
        <!DOCTYPE html><html lang="zh-CN"><head><link rel="stylesheet" href="../assets/a.css"><script src="../assets/s.js"></script></head>
        <body><h2 id="需求池">需求池</h2><p ID="Up">x<a HREF="../b/?q=1&amp;r=2#%E9%9C%80">b</a><img src="p.png" alt="">
        <a href="#需求池">self</a><span id="">empty</span></body></html>
        """
        let summary = HTMLDocumentSummary(page: page)
        #expect(summary.links == ["../assets/a.css", "../assets/s.js", "../b/?q=1&r=2#%E9%9C%80", "p.png", "#需求池"])
        #expect(summary.ids == ["需求池", "Up", ""])
    }
}
