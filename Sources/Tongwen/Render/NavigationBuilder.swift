/// The sidebar tree, kept small on purpose: top-level sections always, and only along the path to
/// the current page do sections open up. A big folder shows the block of pages that holds the
/// current one plus an "all pages" link, so page size never grows with the size of the site.
///
/// The tree does not depend on which page of a block is current, so it is built (and rendered)
/// once per block; `SidebarCache` marks the current page afterwards.
struct NavigationBuilder: Sendable {
    let outline: SiteOutline
    let pages: [String: Page]
    /// Folders with at most this many pages list them all.
    static let fullListLimit = 40
    /// Otherwise pages are shown in fixed blocks of this many.
    static let blockSize = 30

    /// `block` is nil on a section's own page, else the block of its pages to list.
    func sidebar(currentSection: String, block: Int?, base: String) -> [[String: Any]] {
        let path = Set(outline.ancestry(of: currentSection).map(\.path))
        return outline.root.children.compactMap { outline.sections[$0] }.map {
            item(for: $0, openPath: path, currentSection: currentSection, block: block, base: base)
        }
    }

    /// Pages directly in `content/` (a flat folder of Markdown has nothing else), listed after
    /// the sections; long lists are cut to their first block with an "all pages" link.
    func rootPages(base: String, block: Int?) -> [[String: Any]] {
        let root = outline.root
        return NavigationBuilder.window(root.pages, block: block ?? 0).map { source in
            let page = pages[source]!
            return ["title": page.title, "href": Permalinks.relativeURL(from: base, to: page.urlPath)]
        }
    }

    /// Which block of its section's page list a page falls in (0 when the list is short).
    func block(of source: String, in section: Section) -> Int {
        guard section.pages.count > NavigationBuilder.fullListLimit, let index = outline.position(of: source) else { return 0 }
        return index / NavigationBuilder.blockSize
    }

    private func item(for section: Section, openPath: Set<String>, currentSection: String, block: Int?, base: String) -> [String: Any] {
        let isOpen = openPath.contains(section.path)
        var item: [String: Any] = [
            "title": section.title,
            "href": Permalinks.relativeURL(from: base, to: section.urlPath),
            "count": section.totalPages,
            "current": block == nil && section.path == currentSection,
            "open": isOpen,
            // Always present: Mustache looks a missing key up in the enclosing item, which would
            // make the recursive `nav-item` partial render its parent's children forever.
            "children": [Any](), "pages": [Any](), "more": false, "expandable": false,
        ]
        guard isOpen else { return item }
        item["children"] = section.children.compactMap { outline.sections[$0] }.map {
            self.item(for: $0, openPath: openPath, currentSection: currentSection, block: block, base: base)
        }
        if section.path == currentSection {
            let window = NavigationBuilder.window(section.pages, block: block ?? 0)
            item["pages"] = window.map { source -> [String: Any] in
                let page = pages[source]!
                return ["title": page.title, "href": Permalinks.relativeURL(from: base, to: page.urlPath), "current": false]
            }
            if window.count < section.pages.count {
                item["more"] = ["href": Permalinks.relativeURL(from: base, to: section.urlPath), "count": section.pages.count]
            }
        }
        item["expandable"] = !((item["children"] as? [Any])?.isEmpty ?? true) || !((item["pages"] as? [Any])?.isEmpty ?? true)
        return item
    }

    static func window(_ pages: [String], block: Int) -> ArraySlice<String> {
        guard pages.count > fullListLimit else { return pages[...] }
        let start = min(block * blockSize, max(0, pages.count - 1))
        return pages[start..<min(pages.count, start + blockSize)]
    }
}
