import Foundation
import HTMLKit

/// `tongwen check`: every `href` and `src` of every built HTML page (templates and raw HTML
/// included, read back through libxml2) must name a file of the output, and every `#anchor` an id
/// of its page. Links the Markdown check already reported (`.md` sources) are not repeated.
enum OutputLinkChecker {
    /// `sources`: output file → the source path to report problems at (pages); other files are
    /// reported at their output path.
    /// `checked`: output file → body links already checked at their Markdown source.
    /// `siteDirectory`: where the sources are, so a link written as raw HTML is reported at the
    /// line that writes it.
    static func check(outputDirectory: String, sources: [String: String], checked: [String: Set<String>] = [:],
                      siteDirectory: String? = nil) -> [Diagnostic] {
        let root = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        let files = ContentLoader.files(under: root).filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
        let existing = Set(ContentLoader.files(under: root))
        var summaries: [String: HTMLDocumentSummary] = [:]
        func summary(_ file: String) -> HTMLDocumentSummary? {
            if let known = summaries[file] { return known }
            guard let data = FileManager.default.contents(atPath: root + "/" + file) else { return nil }
            let parsed = HTMLDocumentSummary(page: String(decoding: data, as: UTF8.self))
            summaries[file] = parsed
            return parsed
        }
        var problems: [Diagnostic] = []
        for file in files {
            guard let page = summary(file) else { continue }
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            var reported = checked[file] ?? []
            for link in page.links where !reported.contains(link) {
                guard let problem = problem(link, folder: folder, file: file, page: page, existing: existing, summary: summary) else { continue }
                reported.insert(link)
                let source = sources[file]
                let position = source.flatMap { source in siteDirectory.flatMap { locate(link, in: $0 + "/" + source) } }
                problems.append(.warning("output.broken-link", problem, path: source ?? file,
                                         line: position?.line ?? 1, column: position?.column ?? 1))
            }
        }
        return problems
    }

    /// Line and (byte) column of the first place `link` is written in the file, if it is.
    static func locate(_ link: String, in file: String) -> (line: Int, column: Int)? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        let bytes = [UInt8](data), needle = [UInt8](link.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var line = 1, lineStart = 0
        for index in 0...(bytes.count - needle.count) {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1; continue }
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return (line, index - lineStart + 1)
            }
        }
        return nil
    }

    private static func problem(_ link: String, folder: String, file: String, page: HTMLDocumentSummary,
                                existing: Set<String>, summary: (String) -> HTMLDocumentSummary?) -> String? {
        if link.isEmpty || LinkResolver.isExternal(link) || link.hasPrefix("/") || link.hasPrefix("data:") { return nil }
        var path = link
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...]).removingPercentEncoding
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = path.removingPercentEncoding ?? path
        // A Markdown link the build could not resolve was reported at its source line already.
        if path.hasSuffix(".md") { return nil }
        var target = file
        if !path.isEmpty {
            guard let normalized = Permalinks.normalize((folder.isEmpty ? "" : folder + "/") + path) else {
                return "the built page links to '\(link)', outside the site"
            }
            if existing.contains(normalized) {
                target = normalized
            } else if existing.contains((normalized.isEmpty ? "" : normalized + "/") + "index.html") {
                target = (normalized.isEmpty ? "" : normalized + "/") + "index.html"
            } else {
                return "the built page links to '\(link)', which is not in the site"
            }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let ids = target == file ? page.ids : (summary(target)?.ids ?? [])
            if !ids.contains(fragment) { return "the built page links to '\(link)', a missing anchor" }
        }
        return nil
    }
}
