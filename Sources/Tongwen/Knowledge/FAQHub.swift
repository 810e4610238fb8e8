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
    /// Category key (`TermText.key`) → the name the category is shown as.
    private var categoryNames: [String: String]

    /// The name a category is shown as, for any spelling of it.
    func categoryName(_ spelling: String) -> String {
        categoryNames[TermText.key(spelling)] ?? spelling
    }

    static let categoryFolder = "c/"

    init(section: Section, outline: SiteOutline, pages: [String: Page], config: SiteConfig) {
        // Spellings that differ only in case or width (`Accounts`, `accounts`) are one category,
        // named as `faq.categories` spells it, else as most of its entries do.
        let sources = FAQHub.entries(of: section, outline: outline).filter { pages[$0]?.kind == .faq }
        var spellings: [String: [String: Int]] = [:]
        for source in sources {
            if let category = pages[source]?.frontMatter.category, !category.isEmpty {
                spellings[TermText.key(category), default: [:]][category, default: 0] += 1
            }
        }
        let configuredSpelling = Dictionary(config.faqCategories.map { (TermText.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let names = spellings.mapValues(TermText.usualSpelling)
            .merging(configuredSpelling.filter { spellings[$0.key] != nil }) { _, configured in configured }
        categoryNames = names
        var byCategory: [String?: [String]] = [:]
        for source in sources {
            let category = pages[source]?.frontMatter.category.flatMap { $0.isEmpty ? nil : names[TermText.key($0)] }
            byCategory[category, default: []].append(source)
        }
        let configured = Dictionary(config.faqCategories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = byCategory.keys.compactMap { $0 }.sorted { lhs, rhs in
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
        categories = ordered.map(category)
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
