import Foundation

/// Organize stage: sections with titles and ordered pages, built once every page has its title.
public struct SiteOutline: Sendable {
    public private(set) var sections: [String: Section] = [:]
    /// Source path → position in its section's `pages`, for previous/next links.
    private var positions: [String: Int] = [:]

    public init(pages: [Page], config: SiteConfig) {
        var sectionTitles: [String: String] = [:]
        for configured in config.sections { if let title = configured.title { sectionTitles[configured.path] = title } }
        // Configured sections first, in config order; then the standard folders in their usual
        // reading order; everything else after them by title.
        let standard = ["docs", "manuals", "faq", "status", "requirements", "glossary"].map { SectionConfig(path: $0, title: nil) }
        let configuredOrder = Dictionary((config.sections + standard).enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        let strings = UIStrings(language: config.language)

        var byFolder: [String: [Page]] = [:]
        var indexPages: [String: Page] = [:]
        for page in pages {
            if page.isSectionIndex { indexPages[page.sectionPath] = page } else { byFolder[page.sectionPath, default: []].append(page) }
        }
        let folders = Page.sectionFolders(of: pages)
        for folder in folders {
            let index = indexPages[folder]
            let name = folder.split(separator: "/").last.map(String.init) ?? ""
            let title = sectionTitles[folder]
                ?? index.map(\.title).flatMap { $0 == name ? nil : $0 }
                ?? (folder.contains("/") ? nil : strings.defaultSectionTitle(folder: folder))
                ?? SiteOutline.humanize(name)
            let top = folder.split(separator: "/").first.map(String.init) ?? ""
            sections[folder] = Section(
                path: folder, urlPath: folder.isEmpty ? "" : folder + "/",
                title: folder.isEmpty ? config.title : title,
                indexPage: index?.sourcePath,
                parent: folder.isEmpty ? nil : (SiteOutline.parent(of: folder) ?? ""),
                kind: index?.kind ?? ContentKind(topFolder: top))
        }
        for (folder, folderPages) in byFolder {
            let ordered = folderPages
                .map { (page: $0, key: $0.sortKey.isEmpty ? TitleCollation.sortKey($0.title) : $0.sortKey) }
                .sorted { lhs, rhs in
                    let lw = lhs.page.frontMatter.weight ?? Int.max, rw = rhs.page.frontMatter.weight ?? Int.max
                    if lw != rw { return lw < rw }
                    return TitleCollation.precedes((lhs.key, lhs.page.title, lhs.page.sourcePath), (rhs.key, rhs.page.title, rhs.page.sourcePath))
                }
                .map(\.page.sourcePath)
            sections[folder]?.pages = ordered
            for (offset, source) in ordered.enumerated() { positions[source] = offset }
        }
        // Children: configured order first, then `_index.md` weight, then title.
        var children: [String: [String]] = [:]
        for folder in folders where !folder.isEmpty { children[SiteOutline.parent(of: folder) ?? "", default: []].append(folder) }
        for (parent, list) in children {
            let sorted = list.sorted { lhs, rhs in
                let lo = configuredOrder[lhs] ?? Int.max, ro = configuredOrder[rhs] ?? Int.max
                if lo != ro { return lo < ro }
                let lw = indexPages[lhs]?.frontMatter.weight ?? Int.max, rw = indexPages[rhs]?.frontMatter.weight ?? Int.max
                if lw != rw { return lw < rw }
                let lt = sections[lhs]?.title ?? lhs, rt = sections[rhs]?.title ?? rhs
                return TitleCollation.precedes((TitleCollation.sortKey(lt), lt, lhs), (TitleCollation.sortKey(rt), rt, rhs))
            }
            sections[parent]?.children = sorted
        }
        // Totals, deepest folders first so each parent can add up its children.
        for folder in folders.sorted(by: { $0.split(separator: "/").count > $1.split(separator: "/").count }) {
            guard var section = sections[folder] else { continue }
            section.totalPages = section.pages.count + section.children.reduce(0) { $0 + (sections[$1]?.totalPages ?? 0) }
            sections[folder] = section
        }
    }

    public var root: Section { sections[""]! }

    /// Index of a page within its section's ordered list.
    public func position(of source: String) -> Int? { positions[source] }

    /// The chain of sections from the root down to `path`, root first.
    public func ancestry(of path: String) -> [Section] {
        var chain: [Section] = []
        var current: String? = path
        while let folder = current, let section = sections[folder] {
            chain.append(section)
            current = section.parent
        }
        return chain.reversed()
    }

    static func parent(of folder: String) -> String? {
        guard !folder.isEmpty else { return nil }
        guard let slash = folder.lastIndex(of: "/") else { return "" }
        return String(folder[..<slash])
    }

    /// `service-mesh` → `Service mesh`.
    static func humanize(_ name: String) -> String {
        let spaced = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard let first = spaced.first else { return name }
        return first.uppercased() + spaced.dropFirst()
    }
}
