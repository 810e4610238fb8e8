import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `tongwen check`: the whole build (front matter, links and anchors from the Markdown, glossary,
/// requirement states, duplicate titles, review dates) into a temporary folder, then every link of
/// the built HTML read back through libxml2. The temporary folder is removed afterwards; the
/// site's own output is never touched.
public enum SiteCheck {
    public static func run(options: BuildOptions, fetchExternal: Bool) async -> CheckReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-check-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = options
        options.outputDirectory = folder + "/public"
        // Warnings are reported, not fatal, so one run shows everything; `strict` decides the exit status.
        options.strict = false
        options.progress = nil
        do {
            let report = try await SiteBuilder(options: options).build()
            var diagnostics = report.diagnostics
            diagnostics += await OutputLinkChecker.check(outputDirectory: folder + "/public", sources: report.sources, checked: report.checkedLinks,
                                                   siteDirectory: URL(fileURLWithPath: options.siteDirectory).standardizedFileURL.path)
            if fetchExternal { diagnostics += await fetch(report.externalLinks) }
            return CheckReport(diagnostics: diagnostics.sorted(), externalLinks: report.externalLinks,
                               externalChecked: fetchExternal, pages: report.pages)
        } catch {
            return CheckReport(diagnostics: error.diagnostics.sorted(), externalLinks: [], externalChecked: false, pages: 0)
        }
    }

    /// Each distinct URL once (HEAD, then GET when HEAD is refused), eight at a time; a failure
    /// is a warning at every place the URL is written.
    static func fetch(_ links: [ExternalLink]) async -> [Diagnostic] {
        let urls = Array(Set(links.map(\.url))).sorted()
        var failures: [String: String] = [:]
        for start in stride(from: 0, to: urls.count, by: 8) {
            let batch = Array(urls[start..<min(start + 8, urls.count)])
            await withTaskGroup(of: (String, String?).self) { group in
                for url in batch { group.addTask { (url, await problem(url)) } }
                for await (url, problem) in group { if let problem { failures[url] = problem } }
            }
        }
        return links.compactMap { link in
            failures[link.url].map { .warning("link.external", "external link '\(link.url)' \($0)", path: link.path, line: link.line, column: link.column) }
        }
    }

    private static func problem(_ text: String) async -> String? {
        guard let url = URL(string: text) else { return "is not a valid URL" }
        for method in ["HEAD", "GET"] {
            var request = URLRequest(url: url, timeoutInterval: 10)
            request.httpMethod = method
            do {
                let (_, response) = try await URLSession.shared.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<400).contains(status) { return nil }
                if method == "HEAD", status == 405 || status == 403 || status == 501 { continue }
                return "answered \(status)"
            } catch {
                return "could not be reached (\(error.localizedDescription))"
            }
        }
        return "could not be fetched"
    }
}
