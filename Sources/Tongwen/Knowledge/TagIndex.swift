/// Every tag with the pages carrying it; tag pages live at `tags/SLUG/`.
///
/// Tags that differ only in case or character width (`VPN`, `vpn`, `ＶＰＮ`) are one tag, compared
/// as glossary names are: a writer's spelling must not split a tag's pages over several tag
/// pages. The tag is shown as most of its pages spell it (ties: the first spelling in code
/// point order), on the tag pages and on every page carrying it.
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
    /// Every spelling used → the tag's shown name and slug.
    private var spellings: [String: (name: String, slug: String)]

    init(pages: [Page]) {
        var byKey: [String: [Page]] = [:]
        var counts: [String: [String: Int]] = [:]
        for page in pages where !page.isSectionIndex {
            var keys: Set<String> = []
            for tag in page.frontMatter.tags where !tag.isEmpty {
                let key = TermText.key(tag)
                counts[key, default: [:]][tag, default: 0] += 1
                if keys.insert(key).inserted { byKey[key, default: []].append(page) }
            }
        }
        let names = counts.mapValues(TermText.usualSpelling)
        // Slugs assigned in name order, so they do not depend on page counts.
        var slugger = HeadingSlugger()
        var slugs: [String: String] = [:]
        for (key, name) in names.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            let slug = slugger.slug(name)
            slugs[key] = slug.isEmpty ? slugger.slug("tag") : slug
        }
        var spellings: [String: (name: String, slug: String)] = [:]
        for (key, used) in counts {
            for spelling in used.keys { spellings[spelling] = (names[key]!, slugs[key]!) }
        }
        self.spellings = spellings
        tags = byKey.map { key, pages in
            let ordered = pages.sorted { lhs, rhs in
                let left = lhs.frontMatter.updated ?? lhs.frontMatter.reviewed, right = rhs.frontMatter.updated ?? rhs.frontMatter.reviewed
                if left != right { return (left?.daysSinceEpoch ?? Int.min) > (right?.daysSinceEpoch ?? Int.min) }
                return (lhs.sortKey, lhs.sourcePath) < (rhs.sortKey, rhs.sourcePath)
            }
            return Tag(name: names[key]!, slug: slugs[key]!, pages: ordered.map(\.sourcePath))
        }.sorted { ($1.pages.count, $0.name) < ($0.pages.count, $1.name) }
    }

    /// `tags` without later spellings of a tag already in it (`[VPN, vpn]` is one tag).
    func distinct(_ tags: [String]) -> [String] {
        var seen: Set<String> = []
        return tags.filter { seen.insert(name(of: $0)).inserted }
    }

    /// The name a tag is shown as, for any spelling of it.
    func name(of tag: String) -> String {
        spellings[tag]?.name ?? tag
    }

    func urlPath(of tag: String) -> String? {
        spellings[tag].map { "tags/\($0.slug)/" }
    }
}
