import Foundation

extension Theme {
    /// `{{t.name}}` (and `{{{t.name}}}`, `{{& t.name}}`) replaced by the UI string itself, escaped
    /// as the tag would escape it. Every context a template is rendered with has the same `t`
    /// table, so the output is the same; but each tag is a name lookup through the context stack
    /// with several dynamic casts, and the page template runs dozens of them per page.
    ///
    /// Templates that change delimiters (`{{=…=}}`) are left as they are, and so is any string
    /// that contains `{{`.
    static func inliningUIStrings(_ source: String, strings: [String: String]) -> String {
        guard !source.contains("{{=") else { return source }
        let pattern = #"\{\{(\{)?\s*(&)?\s*t\.([A-Za-z0-9_]+)\s*(\})?\}\}"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return source }
        let text = source as NSString
        var result = ""
        var last = 0
        for match in expression.matches(in: source, range: NSRange(location: 0, length: text.length)) {
            let triple = match.range(at: 1).location != NSNotFound
            let closing = match.range(at: 4).location != NSNotFound
            let ampersand = match.range(at: 2).location != NSNotFound
            // `{{{t.x}}` or `{{t.x}}}` are template errors: leave them for the parser to report.
            guard triple == closing, !(triple && ampersand) else { continue }
            let value = strings[text.substring(with: match.range(at: 3))] ?? ""
            guard !value.contains("{{") else { continue }
            result += text.substring(with: NSRange(location: last, length: match.range.location - last))
            result += triple || ampersand ? value : HTMLEscaping.escape(value)
            last = match.range.location + match.range.length
        }
        result += text.substring(from: last)
        return result
    }
}
