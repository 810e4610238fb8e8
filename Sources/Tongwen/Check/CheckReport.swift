import Foundation

/// What `tongwen check` found: the build's diagnostics, the built site's broken links, and the
/// external links (fetched only with `--external`).
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var externalLinks: [ExternalLink]
    /// Whether the external links were fetched (their failures are then among the diagnostics).
    public var externalChecked: Bool
    public var pages: Int

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// Exit status: 1 on errors, or on warnings when `strict`; else 0.
    public func exitStatus(strict: Bool) -> Int32 {
        errors > 0 || strict && warnings > 0 ? 1 : 0
    }

    /// `Checked 2 pages: 0 errors, 1 warning`, the start of every format's last line.
    private var summary: String {
        "Checked \(CheckReport.counted(pages, "page")): \(CheckReport.counted(errors, "error")), \(CheckReport.counted(warnings, "warning"))"
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Compiler-style lines, then a summary line.
    public func text() -> String {
        var lines = diagnostics.map(\.description)
        if !externalChecked {
            lines += externalLinks.map { "\($0.path):\($0.line):\($0.column): info: external link \($0.url) (not fetched)" }
        }
        let external = CheckReport.counted(externalLinks.count, "external link")
        let note = externalChecked ? "\(external) fetched" : "\(external) not fetched (--external to fetch them)"
        lines.append("\(summary); \(note)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation each.
    public func github() -> String {
        var lines = diagnostics.map { diagnostic -> String in
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            default: command = "notice"
            }
            var properties: [String] = []
            if !diagnostic.path.isEmpty {
                properties = ["file=\(CheckReport.escapeProperty(diagnostic.path))", "line=\(diagnostic.line)", "col=\(diagnostic.column)"]
            }
            properties.append("title=\(CheckReport.escapeProperty(diagnostic.id))")
            return "::\(command) \(properties.joined(separator: ","))::\(CheckReport.escapeData(diagnostic.message))"
        }
        lines.append("\(summary), \(CheckReport.counted(externalLinks.count, "external link"))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Keys sorted, two-space indented.
    public func json() -> String {
        struct Item: Encodable {
            var severity: String, id: String, path: String, line: Int, column: Int, message: String
        }
        struct Link: Encodable {
            var url: String, path: String, line: Int, column: Int
        }
        struct Body: Encodable {
            var pages: Int, errors: Int, warnings: Int, externalChecked: Bool
            var diagnostics: [Item]
            var externalLinks: [Link]
        }
        let body = Body(
            pages: pages, errors: errors, warnings: warnings, externalChecked: externalChecked,
            diagnostics: diagnostics.map { Item(severity: $0.severity.rawValue, id: $0.id, path: $0.path, line: $0.line, column: $0.column, message: $0.message) },
            externalLinks: externalLinks.map { Link(url: $0.url, path: $0.path, line: $0.line, column: $0.column) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(body)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// GitHub's escaping for the message part of a workflow command.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// … and for a property value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
