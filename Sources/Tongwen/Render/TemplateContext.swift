import Foundation
import HTMLKit

/// Builds the dictionaries templates see. Every URL in them is relative to the page being built
/// (`root` is the way back to the site root), except on the 404 page, which servers show at any depth.
struct TemplateContext: Sendable {
    let config: SiteConfig
    let strings: UIStrings
    let outline: SiteOutline
    var pages: [String: Page]
    var rendered: [String: RenderedPage]
    let navigation: NavigationBuilder
    let glossary: Glossary
    var termUsage: [String: [TermOccurrence]]
    let knowledge: KnowledgeBase
    /// Filled in by the writer once every sidebar is rendered.
    var sidebars: SidebarCache?
    /// Filled in by the writer: header and footer per root prefix.
    var chromes: ChromeCache?
    /// Filled in by the writer: content pages' breadcrumb trails.
    var breadcrumbTrails: BreadcrumbCache?
    /// Filled in by the writer: tag pages' entries.
    var tagLists: TagListCache?
    /// Filled in by the writer: pages' tag links.
    var tagSnippets: TagSnippetCache?
    /// Filled in by the writer: the "Terms on this page" entries.
    var termSnippets: TermSnippetCache?
    /// Term link tags of FAQ answers shown on category pages (`RenderedPage.markerTerms`).
    let termLinks = TermLinkMarkup()

    init(config: SiteConfig, outline: SiteOutline, pages: [String: Page], rendered: [String: RenderedPage],
         glossary: Glossary, termUsage: [String: [TermOccurrence]], knowledge: KnowledgeBase) {
        self.knowledge = knowledge
        self.glossary = glossary
        self.termUsage = termUsage
        self.config = config
        self.strings = UIStrings(language: config.language)
        self.outline = outline
        self.pages = pages
        self.rendered = rendered
        self.navigation = NavigationBuilder(outline: outline, pages: pages)
    }

    func base(root: String, title: String?, description: String?, url: String) -> [String: Any] {
        // Empty strings are left out: Mustache treats "" as true, so `{{#x}}` would show empty wrappers.
        var site: [String: Any] = ["title": config.title, "lang": config.language.rawValue]
        if !config.description.isEmpty { site["description"] = config.description }
        if config.search { site["search"] = true }
        site["params"] = config.params.mapValues(\.templateValue)
        var context: [String: Any] = [
            "site": site, "t": strings.table, "root": root, "homeHref": LinkResolver.href(root),
            "pageTitle": title.map { "\($0) · \(config.title)" } ?? config.title,
        ]
        if let chrome = chromes?.chrome(root: root) { context["chrome"] = chrome }
        if let description, !description.isEmpty { context["metaDescription"] = description }
        if config.baseURL.contains("://") { context["canonical"] = config.baseURL + Permalinks.urlEscaped(url) }
        return context
    }

    // MARK: - Content pages

    func page(_ page: Page) -> [String: Any] {
        let root = page.rootPrefix
        let body = rendered[page.sourcePath]
        var context = base(root: root, title: page.title, description: page.frontMatter.description, url: page.urlPath)
        var info = pageInfo(page)
        if let titleID = body?.titleID { info["titleID"] = titleID }
        // The body itself goes in when the page is written (`PageBodySlot`).
        info["content"] = PageBodySlot.marker
        context["page"] = info
        if let section = outline.sections[page.sectionPath] {
            let key = SidebarCache.Key(section: page.sectionPath, block: navigation.block(of: page.sourcePath, in: section))
            context["sidebar"] = sidebars?.html(key, currentHref: Permalinks.relativeURL(from: key.base, to: page.urlPath))
        }
        context["breadcrumbs"] = breadcrumbs(section: page.sectionPath, root: root, includeLast: true)
        context["breadcrumbsHTML"] = breadcrumbTrails?.html(BreadcrumbCache.Key(section: page.sectionPath, root: root)) ?? ""
        // Lists are always present (maybe empty): `{{^empty(x)}}` on a missing key would render.
        context["toc"] = tableOfContents(body?.headings ?? []) ?? []
        // "Terms on this page": the most used with their summaries, the rest by name only.
        let uses = (body?.terms ?? []).enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
        let depth = Permalinks.depth(of: page.urlPath)
        let described = uses.prefix(TemplateContext.termsWithSummaries)
        context["hasTerms"] = !uses.isEmpty
        context["termsHTML"] = described.compactMap { termSnippets?.snippet($0.termID, depth: depth)?.described }.joined(separator: "\n")
        let more = uses.dropFirst(described.count).compactMap { termSnippets?.snippet($0.termID, depth: depth)?.named }
        if !more.isEmpty { context["moreTermsHTML"] = more.joined(separator: " ") }
        if let section = outline.sections[page.sectionPath], let index = outline.position(of: page.sourcePath) {
            // `pager` holds both, so the pager partial tests one value instead of four.
            var pager: [String: Any] = [:]
            if index > 0, let previous = pages[section.pages[index - 1]] {
                pager["prev"] = ["title": previous.title, "href": Permalinks.relativeURL(from: page.urlPath, to: previous.urlPath)]
            }
            if index + 1 < section.pages.count, let next = pages[section.pages[index + 1]] {
                pager["next"] = ["title": next.title, "href": Permalinks.relativeURL(from: page.urlPath, to: next.urlPath)]
            }
            if !pager.isEmpty {
                context["pager"] = pager
                context["prev"] = pager["prev"]
                context["next"] = pager["next"]
            }
        }
        return context
    }

    /// Front-matter facts shown around a page, including the kind-specific blocks.
    private func pageInfo(_ page: Page) -> [String: Any] {
        let matter = page.frontMatter
        var info: [String: Any] = [
            "title": page.title,
            "kind": page.kind.rawValue,
            "kindLabel": strings.kindLabel(page.kind),
            "params": matter.params.mapValues(\.templateValue),
        ]
        if let description = matter.description, !description.isEmpty { info["description"] = description }
        if let owner = matter.owner { info["owner"] = owner }
        if let contact = matter.contact { info["contact"] = contact }
        if let updated = matter.updated { info["updated"] = updated.description }
        if let reviewed = matter.reviewed { info["reviewed"] = reviewed.description }
        if let last = matter.updated ?? matter.reviewed { info["lastUpdated"] = last.description }
        knowledgeInfo(page, into: &info)
        if let feedback = config.feedback { info["feedbackURL"] = feedbackURL(feedback, page: page) }
        switch page.kind {
        case .faq:
            var faq: [String: Any] = [:]
            if let category = matter.category { faq["category"] = knowledge.faqHub?.categoryName(category) ?? category }
            info["faq"] = faq
        case .status:
            if let status = matter.status { info["status"] = statusInfo(status) }
        case .glossary:
            if let id = glossary.termID(forSource: page.sourcePath), let term = glossary.terms[id] {
                info["term"] = termInfo(term, from: page.urlPath)
            } else if let term = matter.term {
                info["term"] = termInfo(term)
            }
        default:
            break
        }
        return info
    }

    private func statusInfo(_ status: StatusFields) -> [String: Any] {
        var info: [String: Any] = [:]
        if let value = status.status {
            info["state"] = value.rawValue
            info["label"] = strings.statusLabel(value)
        }
        if let progress = status.progress { info["progress"] = progress }
        info["milestones"] = status.milestones.map { milestone -> [String: Any] in
            var item: [String: Any] = ["name": milestone.name, "done": milestone.done]
            if let due = milestone.due { item["due"] = due.description }
            return item
        }
        return info
    }

    /// Fills `{title}`, `{url}` and `{path}` of the configured feedback template, each URL-encoded.
    func feedbackURL(_ template: String, page: Page) -> String {
        func encode(_ value: String) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
        }
        return template
            .replacingOccurrences(of: "{title}", with: encode(page.title))
            .replacingOccurrences(of: "{url}", with: encode(config.baseURL + page.urlPath))
            .replacingOccurrences(of: "{path}", with: encode(page.displayPath))
    }

    /// h2 entries with their h3 children; nil unless there are at least two h2/h3 headings.
    func tableOfContents(_ headings: [Heading]) -> [[String: Any]]? {
        let relevant = headings.filter { $0.level == 2 || $0.level == 3 }
        guard relevant.count >= 2 else { return nil }
        var entries: [[String: Any]] = []
        var children: [[String: Any]] = []
        var current: [String: Any]?
        func flush() {
            if var entry = current {
                if !children.isEmpty { entry["children"] = children }
                entries.append(entry)
            } else {
                entries += children
            }
            current = nil
            children = []
        }
        for heading in relevant {
            let item: [String: Any] = ["id": heading.id, "text": heading.text, "children": [Any]()]
            if heading.level == 2 {
                flush()
                current = item
            } else {
                children.append(item)
            }
        }
        flush()
        return entries
    }

    /// Home, then each section down to `section`; the last is omitted when it is the page itself.
    func breadcrumbs(section: String, root: String, includeLast: Bool) -> [[String: Any]] {
        var chain = outline.ancestry(of: section)
        if !includeLast, !chain.isEmpty { chain.removeLast() }
        return chain.map { item in
            ["title": item.path.isEmpty ? strings["home"] : item.title, "href": Permalinks.href(root: root, to: item.urlPath)]
        }
    }

    // MARK: - Section and home pages

    func listItem(_ source: String, root: String) -> [String: Any] {
        let page = pages[source]!
        var item: [String: Any] = ["title": page.title, "href": root + Permalinks.urlEscaped(page.urlPath), "kindLabel": strings.kindLabel(page.kind)]
        if let description = page.frontMatter.description, !description.isEmpty { item["description"] = description }
        if let date = page.frontMatter.updated ?? page.frontMatter.reviewed { item["date"] = date.description }
        if let status = page.frontMatter.status?.status {
            item["state"] = status.rawValue
            item["stateLabel"] = strings.statusLabel(status)
        }
        return item
    }

    private func sectionSummary(_ section: Section, root: String) -> [String: Any] {
        var item: [String: Any] = ["title": section.title, "href": Permalinks.href(root: root, to: section.urlPath), "count": section.totalPages]
        if let index = section.indexPage, let description = pages[index]?.frontMatter.description { item["description"] = description }
        return item
    }

    func section(_ section: Section) -> [String: Any] {
        let root = Permalinks.rootPrefix(for: section.urlPath)
        let intro = section.indexPage.flatMap { pages[$0] }
        var context = base(root: root, title: section.title, description: intro?.frontMatter.description, url: section.urlPath)
        var info: [String: Any] = ["title": section.title, "count": section.totalPages, "kind": section.kind.rawValue]
        if let source = section.indexPage, let body = rendered[source], !body.markedHTML.isEmpty { info["intro"] = body.html }
        info["children"] = section.children.compactMap { outline.sections[$0] }.map { sectionSummary($0, root: root) }
        info["pages"] = section.pages.map { listItem($0, root: root) }
        info["pageCount"] = section.pages.count
        info["empty"] = section.children.isEmpty && section.pages.isEmpty
        if let intro { info["meta"] = pageInfo(intro) }
        if section.path == "glossary" || (section.kind == .glossary && section.parent == "") {
            info["glossary"] = glossaryIndex(for: section)
        }
        if section.path == "faq", let hub = knowledge.faqHub { info["faqHub"] = faqHub(hub, section: section) }
        if section.path == "status", let dashboard = knowledge.statusDashboard { info["dashboard"] = statusDashboard(dashboard, section: section) }
        if section.path == "requirements", let board = knowledge.requirementBoard { info["board"] = requirementBoard(board, section: section) }
        info["special"] = info["glossary"] != nil || info["faqHub"] != nil || info["dashboard"] != nil || info["board"] != nil
        context["section"] = info
        context["sidebar"] = sidebars?.html(SidebarCache.Key(section: section.path, block: nil), currentHref: nil)
        context["breadcrumbs"] = breadcrumbs(section: section.path, root: root, includeLast: false)
        return context
    }

    func home(recentLimit: Int = 10) -> [String: Any] {
        let root = ""
        let section = outline.root
        let intro = section.indexPage.flatMap { pages[$0] }
        var context = base(root: root, title: nil, description: intro?.frontMatter.description ?? config.description, url: "")
        var info: [String: Any] = ["title": intro?.title ?? config.title]
        if let source = section.indexPage, let body = rendered[source], !body.markedHTML.isEmpty { info["intro"] = body.html }
        info["sections"] = section.children.compactMap { outline.sections[$0] }.map { sectionSummary($0, root: root) }
        info["pages"] = section.pages.map { listItem($0, root: root) }
        let dated = pages.values.compactMap { page -> (Day, Page)? in
            guard !page.isSectionIndex, let day = page.frontMatter.updated ?? page.frontMatter.reviewed else { return nil }
            return (day, page)
        }
        let recent = dated.sorted { lhs, rhs in
            lhs.0 != rhs.0 ? lhs.0 > rhs.0 : lhs.1.sourcePath < rhs.1.sourcePath
        }.prefix(recentLimit)
        info["recent"] = recent.map { listItem($0.1.sourcePath, root: root) }
        context["home"] = info
        context["sidebar"] = sidebars?.html(SidebarCache.Key(section: "", block: nil), currentHref: nil)
        return context
    }

    /// What the `sidebar` template sees.
    /// `prefix` goes before every link: empty for relative links, the base path on the 404 page.
    func sidebarContext(section: String, block: Int?, base: String, prefix: String = "") -> [String: Any] {
        [
            "nav": navigation.sidebar(currentSection: section, block: block, base: base),
            "rootPages": navigation.rootPages(base: base, block: section.isEmpty ? block : nil),
            "t": strings.table, "prefix": prefix,
        ]
    }

    /// Every sidebar the site's pages need: one per section page, one per block of each section.
    func sidebarKeys() -> Set<SidebarCache.Key> {
        var keys: Set<SidebarCache.Key> = []
        for section in outline.sections.values {
            keys.insert(SidebarCache.Key(section: section.path, block: nil))
            for source in section.pages {
                keys.insert(SidebarCache.Key(section: section.path, block: navigation.block(of: source, in: section)))
            }
        }
        return keys
    }

    /// The full search results page (`search/`); the results themselves come from `search.js`.
    func searchPage() -> [String: Any] {
        var context = base(root: "../", title: strings["search"], description: nil, url: "search/")
        context["breadcrumbs"] = [["title": strings["home"], "href": "../"]]
        return context
    }

    /// Servers show `404.html` at whatever URL was missed, so its links start from the base path.
    func notFound() -> [String: Any] {
        let root = config.basePath
        return base(root: root, title: strings["notFoundTitle"], description: nil, url: "404.html")
    }

    func redirect(_ redirect: Redirect) -> [String: Any] {
        let depth = redirect.outputFile.split(separator: "/").count - 1
        let root = String(repeating: "../", count: depth)
        let title = pages[redirect.targetSource]?.title ?? redirect.targetURL
        var context = base(root: root, title: title, description: nil, url: redirect.targetURL)
        context["target"] = ["href": Permalinks.href(root: root, to: redirect.targetURL), "title": title]
        return context
    }
}
