import HTMLKit
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
