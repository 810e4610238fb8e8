/// One problem found in a site, printed like a compiler's: `path:line:column: severity: message`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Error {
    public var severity: DiagnosticSeverity
    /// Path as the user should see it (relative to the site folder), or empty for site-wide problems.
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    /// Stable identifier, e.g. `link.missing-page`, for tests and future filtering.
    public var id: String

    public init(_ severity: DiagnosticSeverity, _ id: String, _ message: String, path: String, line: Int = 1, column: Int = 1) {
        self.severity = severity
        self.id = id
        self.message = message
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        let location = path.isEmpty ? "tongwen" : "\(path):\(line):\(column)"
        return "\(location): \(severity.rawValue): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.severity, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.severity, rhs.message)
    }
}

extension Diagnostic {
    public static func error(_ id: String, _ message: String, path: String, line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(.error, id, message, path: path, line: line, column: column)
    }

    public static func warning(_ id: String, _ message: String, path: String, line: Int = 1, column: Int = 1) -> Diagnostic {
        Diagnostic(.warning, id, message, path: path, line: line, column: column)
    }
}
