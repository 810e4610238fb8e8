/// Every tag with the pages carrying it; tag pages live at `tags/SLUG/`.
struct TagIndex: Sendable {
    struct Tag: Sendable {
        var name: String
        /// URL segment: the heading-id slug (Chinese kept), made unique.
        var slug: String
        /// Pages, newest first (`updated`, else `reviewed`), then by title.
        var pages: [String]
    }

    /// By number of pages, then name.
    var tags: [Tag]
    private var slugs: [String: String]

    init(pages: [Page]) {
        var byName: [String: [Page]] = [:]
        for page in pages where !page.isSectionIndex {
            for tag in Set(page.frontMatter.tags) where !tag.isEmpty { byName[tag, default: []].append(page) }
        }
        // Slugs assigned in name order, so they do not depend on page counts.
        var slugger = HeadingSlugger()
        var slugs: [String: String] = [:]
        for name in byName.keys.sorted() {
            let slug = slugger.slug(name)
            slugs[name] = slug.isEmpty ? slugger.slug("tag") : slug
        }
        self.slugs = slugs
        tags = byName.map { name, pages in
            let ordered = pages.sorted { lhs, rhs in
                let left = lhs.frontMatter.updated ?? lhs.frontMatter.reviewed, right = rhs.frontMatter.updated ?? rhs.frontMatter.reviewed
                if left != right { return (left?.daysSinceEpoch ?? Int.min) > (right?.daysSinceEpoch ?? Int.min) }
                return (lhs.sortKey, lhs.sourcePath) < (rhs.sortKey, rhs.sourcePath)
            }
            return Tag(name: name, slug: slugs[name]!, pages: ordered.map(\.sourcePath))
        }.sorted { ($1.pages.count, $0.name) < ($0.pages.count, $1.name) }
    }

    func urlPath(of tag: String) -> String? {
        slugs[tag].map { "tags/\($0)/" }
    }
}
