/// The FAQ hub: every FAQ entry of the top-level `faq` section grouped by `category`, categories
/// in `faq.categories` order and then by name, entries without a category last; entries keep
/// their section order within a category.
///
/// Up to `faq.hub_limit` entries the hub holds every answer; a bigger FAQ gets one page per
/// category (`faq/c/SLUG/`) with the answers, and the hub lists the questions, so no page
/// carries thousands of answers.
struct FAQHub: Sendable {
    struct Entry: Sendable {
        var source: String
        /// The entry's anchor (`q-vpn-account`), unique across the hub.
        var anchor: String
    }

    struct Category: Sendable {
        /// nil: entries without a category.
        var name: String?
        /// URL segment and anchor base, unique across the hub.
        var slug: String
        var entries: [Entry]
    }

    var categories: [Category]
    /// Whether answers live on per-category pages.
    var isSplit: Bool

    static let categoryFolder = "c/"

    init(section: Section, outline: SiteOutline, pages: [String: Page], config: SiteConfig) {
        var byCategory: [String?: [String]] = [:]
        for source in FAQHub.entries(of: section, outline: outline) where pages[source]?.kind == .faq {
            let category = pages[source]?.frontMatter.category.flatMap { $0.isEmpty ? nil : $0 }
            byCategory[category, default: []].append(source)
        }
        let configured = Dictionary(config.faqCategories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let names = byCategory.keys.compactMap { $0 }.sorted { lhs, rhs in
            let left = configured[lhs] ?? Int.max, right = configured[rhs] ?? Int.max
            return left != right ? left < right : (TitleCollation.sortKey(lhs), lhs) < (TitleCollation.sortKey(rhs), rhs)
        }
        var categorySlugs = HeadingSlugger()
        var anchors = HeadingSlugger()
        func category(_ name: String?) -> Category {
            let readable = name.map(HeadingSlugger.base) ?? ""
            let slug = categorySlugs.slug(readable.isEmpty ? "other" : readable)
            let entries = (byCategory[name] ?? []).map { source in
                let last = pages[source]?.urlPath.split(separator: "/").last.map(String.init) ?? source
                return Entry(source: source, anchor: anchors.slug("q-" + last))
            }
            return Category(name: name, slug: slug, entries: entries)
        }
        categories = names.map(category)
        if byCategory[nil] != nil { categories.append(category(nil)) }
        isSplit = categories.reduce(0) { $0 + $1.entries.count } > config.faqHubLimit
    }

    /// The page of a category in a split hub, relative to the site root.
    func url(of category: Category, section: Section) -> String {
        section.urlPath + FAQHub.categoryFolder + category.slug + "/"
    }

    /// The section's pages and its subsections' pages, depth first, in display order.
    static func entries(of section: Section, outline: SiteOutline) -> [String] {
        section.pages + section.children.compactMap { outline.sections[$0] }.flatMap { entries(of: $0, outline: outline) }
    }
}
