/// Check stage: two pages of one section with the same title read as one in navigation and search.
enum DuplicateTitleChecker {
    static func check(outline: SiteOutline, pages: [String: Page]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for section in outline.sections.values {
            var first: [String: Page] = [:]
            for source in section.pages {
                guard let page = pages[source] else { continue }
                let key = page.title.lowercased()
                if let earlier = first[key] {
                    problems.append(.warning("title.duplicate", "title '\(page.title)' is also the title of \(earlier.displayPath) in this section",
                                             path: page.displayPath, line: page.frontMatter.lines["title"] ?? 1,
                                             column: page.frontMatter.columns["title"] ?? 1))
                } else {
                    first[key] = page
                }
            }
        }
        return problems
    }
}
