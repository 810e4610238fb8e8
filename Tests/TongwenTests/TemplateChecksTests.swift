import Mustache
import Testing
@testable import Tongwen

/// Theme authors' mistakes get a message that says what to fix, at the tag to fix; the fixture
/// sites `invalid/*template*` show the messages end to end.
@Suite struct TemplateChecksTests {
    /// The default theme names only partials it has and UI strings both languages define.
    @Test(arguments: SiteLanguage.allCases)
    func defaultThemeReferencesOnlyWhatExists(language: SiteLanguage) {
        let (theme, problems) = Theme.load(folders: [TestSite.themeDirectory], strings: UIStrings(language: language).table, displayPath: { $0 })
        #expect(theme != nil)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func namesMissingPartialsParentsAndStringsAtTheirTags() {
        let source = "<p>{{t.menu}}</p>\n  {{> nav-item}} {{>missing}}\n{{<gone}}{{/gone}} {{{ t.nope }}} {{>*dynamic}}"
        let problems = Theme.referenceProblems(in: source, file: "templates/x.mustache", templates: ["nav-item"], strings: ["menu": "菜单"])
        #expect(problems.map(\.description) == [
            "templates/x.mustache:2:18: warning: partial 'missing' does not exist: there is no missing.mustache in the theme or the site's templates/",
            "templates/x.mustache:3:1: warning: parent template 'gone' does not exist: there is no gone.mustache in the theme or the site's templates/",
            "templates/x.mustache:3:20: warning: unknown UI string 't.nope': it renders as nothing",
        ])
    }

    @Test func leavesTemplatesWithOtherDelimitersUnchecked() {
        #expect(Theme.referenceProblems(in: "{{=<% %>=}}<%> missing%> {{t.nope}}", file: "x", templates: [], strings: [:]).isEmpty)
    }

    /// Each parse error the theme can hit, through the real parser, with the column on line 1
    /// taken back from the escaping pragma.
    @Test(arguments: [
        ("{{#a}}\n{{#b}}x{{/a}}", "2:11: error: '{{/a}}' does not match the innermost open section, '{{#b}}' at 2:1, which needs its {{/b}} first"),
        ("<ul>{{#items}}\n<li>{{name}}</li>\n</ul>", "1:5: error: '{{#items}}' is never closed: a {{/items}} is missing before the end of the template"),
        ("<p>{{title</p>", "1:11: error: unfinished tag: a name must be followed by '}}' and may use only letters, digits and . - _ ? ( ) * /"),
        ("<p>{{title", "1:11: error: the template ends inside a tag: a '}}' is missing"),
        ("{{=<% =}}", "1:10: error: bad delimiter change: write it as {{=<% %>=}}, two delimiters without '=' or spaces"),
        ("{{%NOPE}}", "1:8: error: unknown or malformed pragma: swift-mustache knows only {{%CONTENT_TYPE:name}}"),
    ])
    func parseErrorsSayWhatToFix(source: String, expected: String) {
        _ = HTMLEscaping.registered
        do {
            _ = try MustacheTemplate(string: HTMLEscaping.pragma + source)
            Issue.record("'\(source)' parsed")
        } catch let error as MustacheTemplate.ParserError {
            #expect(Theme.syntaxProblem(error, in: source, file: "t.mustache").description == "t.mustache:" + expected)
        } catch {
            Issue.record("\(error)")
        }
    }
}
