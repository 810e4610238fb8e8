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
                      siteDirectory: String? = nil) async -> [Diagnostic] {
        let root = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        let all = ContentLoader.files(under: root)
        let existing = Set(all)
        let html = all.filter { $0.hasSuffix(".html") }.sorted()
        // Every page is read once, in parallel: a link's anchor may point into any of them.
        let parsed = await html.concurrentMap { file -> HTMLDocumentSummary? in
            FileManager.default.contents(atPath: root + "/" + file).map { HTMLDocumentSummary(page: String(decoding: $0, as: UTF8.self)) }
        }
        let pages = Dictionary(zip(html, parsed).compactMap { file, summary in summary.map { (file, $0) } }, uniquingKeysWith: { first, _ in first })
        let site = LinkTargets(existing: existing, ids: pages.mapValues { Set($0.ids) })
        // Contiguous runs of the sorted file list: pages of one section share a run and its cache.
        let files = html.filter { $0 != "404.html" }
        let runLength = max(1, (files.count + 15) / 16)
        let runs = stride(from: 0, to: files.count, by: runLength).map { Array(files[$0..<min($0 + runLength, files.count)]) }
        let reports = await runs.concurrentMap { run -> [Diagnostic] in
            var cache = LinkTargets.Cache()
            var problems: [Diagnostic] = []
            for file in run {
                guard let page = pages[file] else { continue }
                let folder = LinkTargets.Folder(of: file)
                var reported = checked[file] ?? []
                for link in page.links where !reported.contains(link) {
                    guard let problem = site.problem(link, in: folder, file: file, cache: &cache) else { continue }
                    reported.insert(link)
                    let source = sources[file]
                    let position = source.flatMap { source in siteDirectory.flatMap { locate(link, in: $0 + "/" + source) } }
                    problems.append(.warning("output.broken-link", problem.message(link), path: source ?? file,
                                             line: position?.line ?? 1, column: position?.column ?? 1))
                }
            }
            return problems
        }
        return reports.flatMap { $0 }
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
}
