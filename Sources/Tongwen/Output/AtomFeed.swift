import HTMLKit

/// An Atom feed (RFC 4287) written with libxml2's XML writer: `feed.xml` (recently changed pages)
/// and `faq/feed.xml` (the newest FAQ entries, answers included).
struct AtomFeed {
    struct Entry {
        var page: Page
        var day: Day
        /// HTML content with absolute links, or nil for a summary-only entry.
        var contentHTML: String?
    }

    var path: String
    var title: String
    var entries: [Entry]

    /// The newest `limit` pages for which `include` holds, by date then path.
    static func newest(_ pages: [Page], changed: [String: Day], limit: Int, include: (Page) -> Bool) -> [(Page, Day)] {
        pages.filter { !$0.isSectionIndex && include($0) }
            .compactMap { page in changed[page.sourcePath].map { (page, $0) } }
            .sorted { ($1.1.daysSinceEpoch, $0.0.sourcePath) < ($0.1.daysSinceEpoch, $1.0.sourcePath) }
            .prefix(limit).map { $0 }
    }

    func xml(config: SiteConfig) -> String {
        let base = config.baseURL
        let absolute = base.contains("://")
        // Atom ids are IRIs that never change: the page URL when the site has an absolute base,
        // else a URN made of the site path.
        func id(_ path: String) -> String { absolute ? base + path : "urn:tongwen:" + path }
        let writer = XMLWriter()
        writer.start("feed", ["xmlns": "http://www.w3.org/2005/Atom", "xml:lang": config.language.rawValue])
        writer.element("title", title)
        if !config.description.isEmpty { writer.element("subtitle", config.description) }
        writer.element("link", nil, ["rel": "self", "type": "application/atom+xml", "href": base + path])
        writer.element("link", nil, ["rel": "alternate", "type": "text/html", "href": base])
        writer.element("id", id(path))
        writer.element("updated", AtomFeed.timestamp(entries.map(\.day).max() ?? Day(unixTime: 0)))
        writer.start("author")
        writer.element("name", config.title)
        writer.end()
        writer.element("generator", "Tongwen")
        for entry in entries {
            let page = entry.page
            writer.start("entry")
            writer.element("title", page.title)
            writer.element("link", nil, ["rel": "alternate", "type": "text/html", "href": base + Permalinks.urlEscaped(page.urlPath)])
            writer.element("id", id(page.urlPath))
            writer.element("updated", AtomFeed.timestamp(entry.day))
            if let owner = page.frontMatter.owner, !owner.isEmpty {
                writer.start("author")
                writer.element("name", owner)
                writer.end()
            }
            for tag in page.frontMatter.tags { writer.element("category", nil, ["term": tag]) }
            if let description = page.frontMatter.description, !description.isEmpty { writer.element("summary", description) }
            if let html = entry.contentHTML { writer.element("content", html, ["type": "html"]) }
            writer.end()
        }
        writer.end()
        return writer.finish()
    }

    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}
