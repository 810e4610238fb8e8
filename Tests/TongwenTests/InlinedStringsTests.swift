import Mustache
import Testing
@testable import Tongwen

/// UI strings inlined into templates must render exactly as the `{{t.…}}` tags they replace.
@Suite struct InlinedStringsTests {
    static let strings = ["owner": "负责人", "quote": "Tom & \"Jerry\" <b>", "tricky": "{{x}}"]

    @Test func rendersLikeTheTagsItReplaces() throws {
        _ = HTMLEscaping.registered
        let source = "<dt>{{t.owner}}</dt><p title=\"{{ t.quote }}\">{{{t.quote}}}|{{& t.quote}}|{{t.missing}}|{{t.tricky}}</p>{{#page}}{{t.owner}}{{/page}}"
        let inlined = Theme.inliningUIStrings(source, strings: Self.strings)
        #expect(inlined == "<dt>负责人</dt><p title=\"Tom &amp; &quot;Jerry&quot; &lt;b&gt;\">Tom & \"Jerry\" <b>|Tom & \"Jerry\" <b>||{{t.tricky}}</p>{{#page}}负责人{{/page}}")
        let context: [String: Any] = ["t": Self.strings, "page": ["title": "x"]]
        let original = try MustacheTemplate(string: HTMLEscaping.pragma + source).render(context)
        let rendered = try MustacheTemplate(string: HTMLEscaping.pragma + inlined).render(context)
        #expect(rendered == original)
    }

    @Test func leavesDelimiterChangesAndMalformedTagsAlone() {
        let changed = "{{=<% %>=}}<%t.owner%> {{t.owner}}"
        #expect(Theme.inliningUIStrings(changed, strings: Self.strings) == changed)
        #expect(Theme.inliningUIStrings("{{{t.owner}} {{t.owner}}}", strings: Self.strings) == "{{{t.owner}} {{t.owner}}}")
    }
}
