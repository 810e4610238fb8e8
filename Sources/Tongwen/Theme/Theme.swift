import Foundation
import Mustache

/// The templates and static assets a site is rendered with: the default theme, with a site's own
/// `templates/` folder overriding it file by file.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Files under `assets/` of the theme folders, later folders winning.
    let assets: [Asset]

    /// The names the pipeline renders with; a theme folder may add partials of its own.
    static let requiredTemplates = ["page", "section", "home", "404", "redirect", "search", "contacts", "review-queue", "tags", "tag", "faq-category"]

    /// Loads `*.mustache` from each folder in turn (defaults first, then overrides).
    static func load(folders: [String], strings: [String: String], displayPath: (String) -> String) -> (Theme?, [Diagnostic]) {
        var sources: [String: (text: String, file: String)] = [:]
        var assets: [String: Asset] = [:]
        for folder in folders {
            for path in ContentLoader.files(under: folder) {
                let file = folder + "/" + path
                if path.hasSuffix(".mustache") {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    sources[String(path.dropLast(".mustache".count))] = (String(decoding: data, as: UTF8.self), file)
                } else if path.hasPrefix("assets/") {
                    assets[path] = Asset(sourceFile: file, outputPath: path)
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        _ = HTMLEscaping.registered
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                // The pragma sits on line 1 before the template's own text: columns there shift.
                // Errors are reported against the template as written, then the UI strings are inlined.
                let written = try MustacheTemplate(string: HTMLEscaping.pragma + source.text)
                let inlined = Theme.inliningUIStrings(source.text, strings: strings)
                library.register(inlined == source.text ? written : try MustacheTemplate(string: HTMLEscaping.pragma + inlined), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Theme.syntaxProblem(error, in: source.text, file: displayPath(source.file)))
            } catch {
                diagnostics.append(.error("template.syntax", "template error: \(error)", path: displayPath(source.file)))
            }
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.append(.error("template.missing", "no '\(name).mustache' template in \(folders.map(displayPath).joined(separator: " or "))", path: ""))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        let names = Set(sources.keys)
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            diagnostics += Theme.referenceProblems(in: source.text, file: displayPath(source.file), templates: names, strings: strings)
        }
        return (Theme(library: library, assets: assets.values.sorted { $0.outputPath < $1.outputPath }), diagnostics)
    }

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// `render` without the template file's final newline, for snippets put together by code
    /// (joined, or included on a line of their own, whose newline takes its place).
    func renderSnippet(_ template: String, _ context: [String: Any]) -> String {
        var html = render(template, context)
        if html.hasSuffix("\n") { html.removeLast() }
        return html
    }
}
