/// Resolve stage: gives every page, section, asset and redirect its output path, and reports
/// two sources that want the same one, or a path that would leave the output folder.
struct SiteResolver {
    /// Output paths the theme writes itself, reserved before any content can claim them.
    static let reservedFiles = ["404.html", ".tongwen-build"]

    struct Result: Sendable {
        var permalinks: Permalinks
        var redirects: [Redirect]
        var diagnostics: [Diagnostic]
    }

    static func resolve(pages: [Page], assets: [Asset], themeAssets: [Asset]) -> Result {
        var permalinks = Permalinks()
        var diagnostics: [Diagnostic] = []
        var redirects: [Redirect] = []
        for file in reservedFiles { _ = permalinks.claim(file, for: "the theme") }
        for asset in themeAssets { _ = permalinks.claim(asset.outputPath, for: "the theme (\(asset.outputPath))") }

        func collision(_ file: String, _ first: String, _ second: String, path: String, line: Int) -> Diagnostic {
            .error("output.collision", "\(first) and \(second) both map to '\(file)'", path: path, line: line)
        }

        for page in pages {
            let file = Permalinks.outputFile(for: page.urlPath)
            if let previous = permalinks.claim(file, for: page.displayPath) {
                diagnostics.append(collision(file, previous, page.displayPath, path: page.displayPath,
                                             line: page.frontMatter.lines["slug"] ?? 1))
            }
            permalinks.addPage(source: page.sourcePath, url: page.urlPath)
        }
        let sectionFolders = Page.sectionFolders(of: pages)
        let indexed = Set(pages.filter(\.isSectionIndex).map(\.sectionPath))
        for folder in sectionFolders.sorted() {
            permalinks.addSection(path: folder)
            guard !indexed.contains(folder) else { continue }
            let file = Permalinks.outputFile(for: folder.isEmpty ? "" : folder + "/")
            let owner = "the section page of 'content/\(folder)\(folder.isEmpty ? "" : "/")'"
            if let previous = permalinks.claim(file, for: owner) {
                diagnostics.append(collision(file, previous, owner, path: previous, line: 1))
            }
        }
        for asset in assets {
            let display = "content/" + asset.outputPath
            if let previous = permalinks.claim(asset.outputPath, for: display) {
                diagnostics.append(collision(asset.outputPath, previous, display, path: display, line: 1))
            }
            permalinks.addAsset(asset.outputPath)
        }
        for page in pages {
            for entry in page.frontMatter.redirectFrom {
                let line = page.frontMatter.lines["redirect_from"] ?? 1
                guard let file = Permalinks.redirectFile(for: entry) else {
                    diagnostics.append(.error("redirect.escape", "redirect_from '\(entry)' is not a path inside the site",
                                              path: page.displayPath, line: line))
                    continue
                }
                if let previous = permalinks.claim(file, for: page.displayPath + " (redirect_from)") {
                    diagnostics.append(collision(file, previous, page.displayPath + " (redirect_from)",
                                                 path: page.displayPath, line: line))
                    continue
                }
                redirects.append(Redirect(outputFile: file, targetURL: page.urlPath, targetSource: page.sourcePath))
            }
        }
        return Result(permalinks: permalinks, redirects: redirects, diagnostics: diagnostics)
    }
}
