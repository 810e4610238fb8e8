/// The FAQ hub: every FAQ entry of the top-level `faq` section grouped by `category`, categories
/// in `faq.categories` order and then by name, entries without a category last; entries keep
/// their section order within a category.
struct FAQHub: Sendable {
    struct Category: Sendable {
        /// nil: entries without a category.
        var name: String?
        var entries: [String]
    }

    var categories: [Category]

    init(section: Section, outline: SiteOutline, pages: [String: Page], config: SiteConfig) {
        var byCategory: [String?: [String]] = [:]
        for source in FAQHub.entries(of: section, outline: outline) where pages[source]?.kind == .faq {
            let category = pages[source]?.frontMatter.category.flatMap { $0.isEmpty ? nil : $0 }
            byCategory[category, default: []].append(source)
        }
        let configured = Dictionary(config.faqCategories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let names = byCategory.keys.compactMap { $0 }.sorted { lhs, rhs in
            let left = configured[lhs] ?? Int.max, right = configured[rhs] ?? Int.max
            return left != right ? left < right : TitleCollation.sortKey(lhs) < TitleCollation.sortKey(rhs)
        }
        categories = names.map { Category(name: $0, entries: byCategory[$0]!) }
        if let loose = byCategory[nil] { categories.append(Category(name: nil, entries: loose)) }
    }

    /// The section's pages and its subsections' pages, depth first, in display order.
    static func entries(of section: Section, outline: SiteOutline) -> [String] {
        section.pages + section.children.compactMap { outline.sections[$0] }.flatMap { entries(of: $0, outline: outline) }
    }
}
