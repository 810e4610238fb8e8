import Foundation
import Mustache

extension Theme {
    /// A parse error of `source` as an error diagnostic at the place to fix. The template was
    /// parsed with the escaping pragma in front of line 1 (see `HTMLEscaping`), so columns there
    /// are shifted back; a section left open is reported at its opening tag, not at the end of
    /// the file where the parser noticed it.
    static func syntaxProblem(_ error: MustacheTemplate.ParserError, in source: String, file: String) -> Diagnostic {
        var line = error.context.lineNumber
        var column = error.context.columnNumber
        var text = error.context.line
        if line == 1 {
            column = max(1, column - HTMLEscaping.pragma.count)
            text = String(text.dropFirst(HTMLEscaping.pragma.count))
        }
        var message = syntaxMessage(for: error.error, line: text, column: column)
        switch (error.error as? MustacheTemplate.Error, openSection(in: source)) {
        case (.expectedSectionEnd, let open?) where !open.atMismatch:
            (line, column) = (open.line, open.column)
            message = "'\(open.tag)' is never closed: a {{/\(open.name)}} is missing before the end of the template"
        case (.sectionCloseNameIncorrect, let open?) where open.atMismatch:
            message = "'{{/\(closingName(in: text, at: column))}}' does not match the innermost open section, '\(open.tag)' at \(open.line):\(open.column), which needs its {{/\(open.name)}} first"
        default:
            break
        }
        return .error("template.syntax", message, path: file, line: line, column: column)
    }

    /// The section a template leaves open: the innermost one at the first closing tag with
    /// another name (`atMismatch`), or else at the end of `source`. Found by pairing section
    /// tags by name; nil when they pair up (the parser then saw something this scan does not).
    private static func openSection(in source: String) -> (tag: String, name: String, line: Int, column: Int, atMismatch: Bool)? {
        guard !source.contains("{{="),
              let expression = try? NSRegularExpression(pattern: #"\{\{\s*([#^/$<])\s*([^}\s]+)\s*\}\}"#) else { return nil }
        let text = source as NSString
        var open: [(tag: String, name: String, offset: Int)] = []
        var atMismatch = false
        for match in expression.matches(in: source, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: match.range(at: 2))
            if text.substring(with: match.range(at: 1)) == "/" {
                guard open.last?.name == name else { atMismatch = true; break }
                open.removeLast()
            } else {
                open.append((text.substring(with: match.range), name, match.range.location))
            }
        }
        guard let innermost = open.last else { return nil }
        let (line, column) = position(of: innermost.offset, in: text)
        return (innermost.tag, innermost.name, line, column, atMismatch)
    }

    /// What a swift-mustache parse error means, in words a theme author can act on. The parser
    /// only gives its error case and the line it stopped on; `line` and `column` (1-based, in
    /// characters) point at the name of the closing tag for a mismatched section.
    static func syntaxMessage(for error: any Error, line: String, column: Int) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            // The parser's own end-of-input error is internal to swift-mustache: only its
            // description shows it, when a tag is still open at the end of the file.
            if String(describing: error) == "overflow" {
                return "the template ends inside a tag: a '}}' is missing"
            }
            return "template error: \(error)"
        }
        switch error {
        case .sectionCloseNameIncorrect:
            let name = closingName(in: line, at: column)
            let tag = name.isEmpty ? "this closing tag" : "'{{/\(name)}}'"
            return "\(tag) does not close the section open here: every {{#name}} or {{^name}} needs a {{/name}} with the same name, innermost first"
        case .expectedSectionEnd:
            return "the template ends inside a section that is never closed: a {{/name}} is missing"
        case .unfinishedName:
            return "unfinished tag: a name must be followed by '}}' and may use only letters, digits and . - _ ? ( ) * /"
        case .invalidSetDelimiter:
            return "bad delimiter change: write it as {{=<% %>=}}, two delimiters without '=' or spaces"
        case .transformAppliedToInheritanceSection:
            return "a transform such as name(x) cannot be applied to a {{<parent}} or {{$block}} tag"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "only {{$block}}…{{/block}} overrides may stand inside {{<parent}}…{{/parent}}"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "unknown or malformed pragma: swift-mustache knows only {{%CONTENT_TYPE:name}}"
        }
    }

    /// The name of the closing tag whose name starts at `column` (1-based) of `line`, where the
    /// parser stops on a mismatched section.
    private static func closingName(in line: String, at column: Int) -> Substring {
        line.dropFirst(max(0, column - 1)).prefix { $0 != "}" && !$0.isWhitespace }
    }

    /// Tags that name something the theme does not have, which Mustache renders as nothing:
    /// a partial or parent (`{{> name}}`, `{{< name}}`) that no template provides, and a UI string
    /// (`{{t.name}}`) that the string table lacks. Each is a warning at the tag, so `--strict`
    /// catches a typo in an override instead of shipping a page with a hole in it.
    ///
    /// Templates that change delimiters (`{{=…=}}`) are not checked, nor dynamic partials
    /// (`{{>*name}}`), whose name is only known when rendering.
    static func referenceProblems(in source: String, file: String, templates: Set<String>, strings: [String: String]) -> [Diagnostic] {
        guard !source.contains("{{=") else { return [] }
        let pattern = #"\{\{\{?\s*(?:([<>])\s*([0-9A-Za-z.\-_?()/]+)|&?\s*t\.([A-Za-z0-9_]+))\s*\}?\}\}"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = source as NSString
        var problems: [Diagnostic] = []
        for match in expression.matches(in: source, range: NSRange(location: 0, length: text.length)) {
            let message: String
            if match.range(at: 2).location != NSNotFound {
                let name = text.substring(with: match.range(at: 2))
                guard !templates.contains(name) else { continue }
                let role = text.substring(with: match.range(at: 1)) == ">" ? "partial" : "parent template"
                message = "\(role) '\(name)' does not exist: there is no \(name).mustache in the theme or the site's templates/"
            } else {
                let name = text.substring(with: match.range(at: 3))
                guard strings[name] == nil else { continue }
                message = "unknown UI string 't.\(name)': it renders as nothing"
            }
            let (line, column) = position(of: match.range.location, in: text)
            problems.append(.warning("template.unknown-name", message, path: file, line: line, column: column))
        }
        return problems
    }

    /// 1-based line and column, in characters as swift-mustache counts them, of a UTF-16 offset.
    private static func position(of offset: Int, in text: NSString) -> (line: Int, column: Int) {
        let before = text.substring(to: offset)
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, (lines.last?.count ?? 0) + 1)
    }
}
