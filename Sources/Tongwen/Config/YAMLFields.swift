import Foundation
import Yams

/// Typed, diagnosing access to the keys of one YAML mapping (front matter or `tongwen.yml`).
///
/// Every getter records a diagnostic at the value's own line when the type is wrong, so one
/// pass over a file reports every bad key instead of stopping at the first.
struct YAMLFields {
    let path: String
    /// Added to Yams' 1-based YAML line numbers to get the line in the file.
    let lineOffset: Int
    private(set) var values: [String: Node] = [:]
    private(set) var order: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var used: Set<String> = []

    /// Parses `yaml` (which must be a mapping, or empty). Syntax errors become diagnostics.
    init(yaml: String, path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
        let root: Node?
        do {
            // The basic resolver leaves every scalar a string: the getters below type values
            // themselves, and the default resolver runs a set of regexes on every scalar. The explicit
            // encoding spares Yams reading the whole process environment on every parse.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(YAMLFields.diagnostic(for: error, path: path, lineOffset: lineOffset))
            return
        } catch {
            diagnostics.append(.error("yaml.syntax", "invalid YAML: \(error)", path: path, line: lineOffset + 1))
            return
        }
        guard let root else { return }
        guard let mapping = root.mapping else {
            diagnostics.append(.error("yaml.not-mapping", "front matter must be a mapping of keys to values",
                                      path: path, line: lineOffset + (root.mark?.line ?? 1), column: root.mark?.column ?? 1))
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if values[name] != nil {
                diagnostics.append(.error("yaml.duplicate-key", "duplicate key '\(name)'",
                                          path: path, line: lineOffset + (key.mark?.line ?? 1), column: key.mark?.column ?? 1))
            }
            values[name] = value
            order.append(name)
        }
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            // libyaml's context says where the broken construct began, usually the real mistake.
            let origin = context.map { " (\($0.text) started at line \(lineOffset + $0.mark.line))" } ?? ""
            return .error("yaml.syntax", "invalid YAML: \(problem)\(origin)", path: path, line: lineOffset + mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("yaml.duplicate-key", "duplicate key '\(duplicates.joined(separator: "', '"))'",
                          path: path, line: lineOffset + context.mark.line, column: context.mark.column)
        default:
            return .error("yaml.syntax", "invalid YAML: \(error)", path: path, line: lineOffset + 1)
        }
    }

    func position(of key: String) -> (line: Int, column: Int) {
        guard let mark = values[key]?.mark else { return (lineOffset + 1, 1) }
        return (lineOffset + mark.line, mark.column)
    }

    mutating func report(_ severity: DiagnosticSeverity, _ id: String, _ message: String, at key: String) {
        let (line, column) = position(of: key)
        diagnostics.append(Diagnostic(severity, id, message, path: path, line: line, column: column))
    }

    private mutating func node(_ key: String) -> Node? {
        used.insert(key)
        guard let node = values[key] else { return nil }
        if case .scalar(let scalar) = node, scalar.isNull { return nil }
        return node
    }

    /// The text at `key`, without spaces or line breaks around it: quoted `"张三 "` or a block
    /// scalar's final newline would otherwise make another owner, category or tag.
    mutating func string(_ key: String) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(.error, "frontmatter.type", "'\(key)' must be text", at: key)
            return nil
        }
        return YAMLFields.trimmed(scalar.string)
    }

    private static func trimmed(_ text: String) -> String {
        guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    mutating func strings(_ key: String) -> [String] {
        guard let node = node(key) else { return [] }
        switch node {
        case .scalar(let scalar):
            let text = YAMLFields.trimmed(scalar.string)
            return text.isEmpty ? [] : [text]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                if case .scalar(let scalar) = item { result.append(YAMLFields.trimmed(scalar.string)) } else {
                    report(.error, "frontmatter.type", "'\(key)' must be a list of text", at: key)
                    return []
                }
            }
            return result
        default:
            report(.error, "frontmatter.type", "'\(key)' must be a list of text", at: key)
            return []
        }
    }

    mutating func int(_ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            report(.error, "frontmatter.type", "'\(key)' must be a whole number", at: key)
            return nil
        }
        if let range, !range.contains(value) {
            report(.error, "frontmatter.range", "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)", at: key)
            return nil
        }
        return value
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, let value = scalar.boolValue else {
            report(.error, "frontmatter.type", "'\(key)' must be true or false", at: key)
            return nil
        }
        return value
    }

    mutating func day(_ key: String) -> Day? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, let value = Day(parsing: scalar.string) else {
            report(.error, "frontmatter.date", "'\(key)' must be a date like 2024-03-17", at: key)
            return nil
        }
        return value
    }

    /// Raw access for structured keys (milestones, sections).
    mutating func raw(_ key: String) -> Node? { node(key) }

    /// File line of every key's value, so later stages can point diagnostics at a key.
    func lines() -> [String: Int] {
        var result: [String: Int] = [:]
        for key in order { result[key] = position(of: key).line }
        return result
    }

    /// Column of every key's value, with `lines()`.
    func columns() -> [String: Int] {
        var result: [String: Int] = [:]
        for key in order { result[key] = position(of: key).column }
        return result
    }

    /// Keys no getter asked for, in file order: the page's `params`.
    func unusedParams() -> [String: ParamValue] {
        var params: [String: ParamValue] = [:]
        for key in order where !used.contains(key) {
            if let value = values[key] { params[key] = ParamValue(value) }
        }
        return params
    }
}


extension Node.Scalar {
    /// `key:`, `key: ~` and `key: null` written without quotes.
    var isNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
    }

    /// YAML 1.1 booleans as Yams' default resolver reads them, unquoted only.
    var boolValue: Bool? {
        guard style == .plain else { return nil }
        switch string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }
}
