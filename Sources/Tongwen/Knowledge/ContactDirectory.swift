/// "Contacts / 接口人": everyone named as `owner` or `contact`, with the sections (through their
/// `_index.md`) and pages they answer for, people in collation order.
struct ContactDirectory: Sendable {
    struct Person: Sendable {
        var name: String
        /// Section paths whose `_index.md` names the person.
        var sections: [String]
        /// Pages naming the person as owner or contact, grouped by section path in display order.
        var pages: [(section: String, sources: [String])]
        var pageCount: Int { pages.reduce(0) { $0 + $1.sources.count } }
    }

    var people: [Person]

    init(outline: SiteOutline, pages: [String: Page]) {
        var sections: [String: [String]] = [:]
        var owned: [String: [String: [String]]] = [:]
        func names(_ page: Page) -> [String] {
            Array(Set([page.frontMatter.owner, page.frontMatter.contact].compactMap { $0 }.filter { !$0.isEmpty })).sorted()
        }
        // Walk sections in display order so each person's lists come out in navigation order.
        var order: [String] = []
        func walk(_ section: Section) {
            order.append(section.path)
            if let index = section.indexPage, let page = pages[index] {
                for name in names(page) { sections[name, default: []].append(section.path) }
            }
            for source in section.pages {
                guard let page = pages[source] else { continue }
                for name in names(page) { owned[name, default: [:]][section.path, default: []].append(source) }
            }
            for child in section.children { if let next = outline.sections[child] { walk(next) } }
        }
        walk(outline.root)
        let everyone = Set(sections.keys).union(owned.keys)
        people = everyone.sorted { (TitleCollation.sortKey($0), $0) < (TitleCollation.sortKey($1), $1) }.map { name in
            let byFolder = owned[name] ?? [:]
            return Person(name: name, sections: sections[name] ?? [],
                          pages: order.compactMap { folder in byFolder[folder].map { (section: folder, sources: $0) } })
        }
    }
}
