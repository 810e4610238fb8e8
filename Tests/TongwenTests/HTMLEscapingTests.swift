import Mustache
import Testing
@testable import Tongwen

/// The theme's byte-level escaping must give exactly what swift-mustache's own HTML escaping gives.
@Suite struct HTMLEscapingTests {
    static let samples = [
        "", "plain ASCII", "需求池 Product Backlog", "a < b & c > d", "\"quoted\" and 'single'",
        "<script>alert('x')</script>", "&amp; stays escaped once", "emoji 👩‍💻 and é", "ＳＬＡ 全角 & more",
    ]

    @Test(arguments: samples)
    func matchesSwiftMustache(text: String) throws {
        let builtIn = try MustacheTemplate(string: "{{value}}").render(["value": text])
        #expect(HTMLEscaping.escape(text) == builtIn)
    }

    @Test func templatesUseIt() throws {
        _ = HTMLEscaping.registered
        let template = try MustacheTemplate(string: HTMLEscaping.pragma + "<p title=\"{{value}}\">{{value}}</p>{{{value}}}")
        #expect(template.render(["value": "<b>&\"'"]) == "<p title=\"&lt;b&gt;&amp;&quot;&#39;\">&lt;b&gt;&amp;&quot;&#39;</p><b>&\"'")
    }
}
