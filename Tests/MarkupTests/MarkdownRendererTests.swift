import Markup
import Testing

@Suite struct MarkdownRendererTests {
    /// cmark runs without its UTF-8 check (Swift strings are valid UTF-8): NUL still becomes
    /// U+FFFD, in a line and at the end, and every other character comes through.
    @Test func nulBecomesTheReplacementCharacter() {
        #expect(MarkdownRenderer.render("需求\u{0}池 ＳＬＡ 👩‍💻\n").html == "<p>需求\u{FFFD}池 ＳＬＡ 👩‍💻</p>\n")
        #expect(MarkdownRenderer.render("end\u{0}").html == "<p>end\u{FFFD}</p>\n")
    }

    @Test func rendersEveryGFMExtension() {
        let markdown = """
            | a | b |
            |---|:-:|
            | 1 | 2 |

            ~~gone~~ and https://example.com

            - [x] done
            - [ ] open

            Note[^n].

            [^n]: The footnote.
            """
        let html = MarkdownRenderer.render(markdown).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th align=\"center\">b</th>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
        #expect(html.contains("<li id=\"fn-n\">") || html.contains("<li id=\"fn-1\">"))
    }

    @Test func leadingTitleIsTakenOutOfTheBody() {
        let rendered = MarkdownRenderer.render("# 需求池 `Backlog`\n\nBody.\n\n# Second h1\n")
        #expect(rendered.leadingTitle == "需求池 Backlog")
        #expect(!rendered.html.contains("需求池"))
        #expect(rendered.html.contains("<h1>Second h1</h1>"))
    }

    @Test func noLeadingTitleWhenTheDocumentStartsWithText() {
        let rendered = MarkdownRenderer.render("Intro.\n\n# Later\n")
        #expect(rendered.leadingTitle == nil)
        #expect(rendered.html.contains("<h1>Later</h1>"))
    }

    @Test func linkPositionsCountColumnsInCharactersNotBytes() {
        let rendered = MarkdownRenderer.render("第一行\n参见[需求](a.md)和![图](b.png)\n")
        #expect(rendered.links == [
            LinkReference(destination: "a.md", kind: .link, position: SourcePosition(line: 2, column: 3)),
            LinkReference(destination: "b.png", kind: .image, position: SourcePosition(line: 2, column: 14)),
        ])
    }

    @Test func rewritesLinkDestinations() {
        let html = MarkdownRenderer.render("[x](a.md#top) [y](https://e.com)") { link in
            link.destination == "a.md#top" ? "../a/#top" : nil
        }.html
        #expect(html == "<p><a href=\"../a/#top\">x</a> <a href=\"https://e.com\">y</a></p>\n")
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let markdown = "<div class=\"x\">raw</div>\n\ntext <b>bold</b>\n"
        let safe = MarkdownRenderer.render(markdown).html
        #expect(safe == "<!-- raw HTML omitted -->\n<p>text <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n")
        let unsafe = MarkdownRenderer.render(markdown, options: MarkdownOptions(unsafeHTML: true)).html
        #expect(unsafe == "<div class=\"x\">raw</div>\n<p>text <b>bold</b></p>\n")
    }

    @Test func codeBlocksCarryTheirLanguageAndEscapeContent() {
        let html = MarkdownRenderer.render("```sql\nSELECT '<b>'\n```\n").html
        #expect(html == "<pre><code class=\"language-sql\">SELECT '&lt;b&gt;'\n</code></pre>\n")
    }
}

@Suite struct FirstHeadingTests {
    @Test func firstHeadingIsFoundAnywhereButOnlyALeadingOneIsRemoved() {
        let rendered = MarkdownRenderer.render("Intro.\n\n# 标题 Title\n\n# Second\n")
        #expect(rendered.leadingTitle == nil)
        #expect(rendered.firstHeading == "标题 Title")
        #expect(rendered.html.contains("<h1>标题 Title</h1>"))
    }
}

@Suite struct ConcurrentRenderingTests {
    /// cmark-gfm shares a global table between parsers; rendering on many threads at once must
    /// still give every document its tables and strikethrough (this failed before the lock).
    @Test func parallelRendersAreIdentical() async {
        let markdown = "| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n~~gone~~ text\n"
        let expected = MarkdownRenderer.render(markdown).html
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<300).map { _ in MarkdownRenderer.render(markdown).html } }
            }
            var all: [String] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(results.count == 2400)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.contains("<del>2</del>"))
    }
}
