import Foundation
import HTMLKit

/// Write stage: every page, section, redirect and asset of a site through the one `OutputWriter`.
struct SiteWriter: Sendable {
    let site: Site
    let writer: OutputWriter

    /// One unit of output, so all kinds of file share the same parallel loop.
    enum Job: Sendable {
        case page(String)
        case section(String)
        case home
        case notFound
        case redirect(Redirect)
        case asset(Asset)
        case searchPage
        case contacts
        case reviewQueue
        case tagIndex
        /// A tag page (its position in `site.knowledge.tags.tags`).
        case tag(Int)
        /// A category page of a split FAQ hub (its position in the hub's categories).
        case faqCategory(Int)
        case feed(AtomFeed)
        case sitemap
        /// A file made before the write stage (the search index).
        case data(path: String, bytes: Data)
    }

    /// The template context with its caches, and the sidebars of generated pages: made once
    /// per full build, kept by `tongwen serve` for the pages it rewrites after an edit.
    struct Prepared: Sendable {
        var context: TemplateContext
        var topSidebar: String
        var tagSidebar: String
        var faqCategorySidebar: String?
    }

    func prepare() async -> Prepared {
        var context = TemplateContext(config: site.config, outline: site.outline, pages: site.pages, rendered: site.rendered,
                                      glossary: site.glossary, termUsage: site.termUsage, knowledge: site.knowledge)
        context.sidebars = await SidebarCache(keys: context.sidebarKeys(), theme: site.theme, context: context)
        // Every root prefix a page can have: content up to the deepest page, generated pages
        // (three levels at most: faq/c/SLUG/), and the 404 page's base path.
        let deepest = max(3, (context.pageDepths().max() ?? 0))
        var roots = Set((0...deepest).map { String(repeating: "../", count: $0) })
        roots.insert(site.config.basePath)
        let plain = context
        context.chromes = ChromeCache(roots: roots, theme: site.theme) { root in plain.base(root: root, title: nil, description: nil, url: "") }
        let trails = Set(site.pages.values.filter { !$0.isSectionIndex }.map { BreadcrumbCache.Key(section: $0.sectionPath, root: $0.rootPrefix) })
        context.breadcrumbTrails = BreadcrumbCache(keys: trails, theme: site.theme, context: plain)
        context.tagLists = TagListCache(theme: site.theme, context: plain)
        context.tagSnippets = await TagSnippetCache(keys: TagSnippetCache.keys(pages: site.pages.values), theme: site.theme, context: plain)
        context.termSnippets = await TermSnippetCache(glossary: site.glossary, depths: context.pageDepths(), theme: site.theme, strings: context.strings)
        return Prepared(
            context: context,
            // Generated pages at depth one share one sidebar, tag pages (depth two) another.
            topSidebar: site.theme.render("sidebar", context.sidebarContext(section: "", block: nil, base: "_/")),
            tagSidebar: site.theme.render("sidebar", context.sidebarContext(section: "", block: nil, base: "_/_/")),
            faqCategorySidebar: site.outline.sections["faq"] == nil ? nil : site.theme.render("sidebar", context.sidebarContext(section: "faq", block: nil, base: "faq/c/_/")))
    }

    /// Every file of the site. The few expensive jobs (section pages, FAQ category pages, feeds)
    /// come first, so that no core is left finishing one of them after the rest is done.
    func allJobs() -> [Job] {
        var jobs: [Job] = [.home, .notFound]
        if let hub = site.knowledge.faqHub, hub.isSplit { jobs += hub.categories.indices.map(Job.faqCategory) }
        jobs += site.outline.sections.keys.filter { !$0.isEmpty }.sorted().map(Job.section)
        jobs += feeds().map(Job.feed)
        jobs += [.contacts, .reviewQueue, .tagIndex] + site.knowledge.tags.tags.indices.map(Job.tag)
        if site.config.search { jobs.append(.searchPage) }
        if site.config.baseURL.contains("://") { jobs.append(.sitemap) }
        jobs += site.pages.values.filter { !$0.isSectionIndex }.map(\.sourcePath).sorted().map(Job.page)
        jobs += site.redirects.map(Job.redirect)
        jobs += site.theme.assets.map(Job.asset)
        jobs += site.assets.map(Job.asset)
        jobs += site.searchIndex.files.map { Job.data(path: $0.path, bytes: $0.data) }
        return jobs
    }

    /// Where the jobs that make most of the files (content pages, index files) write, in job
    /// order: the previous output's files to read ahead (`OutputWriter.readAheadPrevious`).
    func bulkOutputPaths(of jobs: [Job]) -> [String] {
        jobs.compactMap { job in
            switch job {
            case .page(let source): site.pages[source].map { Permalinks.outputFile(for: $0.urlPath) }
            case .data(let path, _): path
            default: nil
            }
        }
    }

    /// Renders and writes `jobs` in parallel.
    func run(_ jobs: [Job], prepared: Prepared) async throws {
        let finalContext = prepared.context
        let faqSection = site.outline.sections["faq"]
        let topSidebar = prepared.topSidebar, tagSidebar = prepared.tagSidebar, faqCategorySidebar = prepared.faqCategorySidebar
        let theme = site.theme
        let site = self.site
        let writer = self.writer
        let failures = await jobs.concurrentMap { job -> String? in
            let context = finalContext
            do {
                switch job {
                case .page(let source):
                    let page = site.pages[source]!
                    let html = PageBodySlot.fill(theme.render("page", context.page(page)), body: site.rendered[source])
                    try writer.write(html, to: Permalinks.outputFile(for: page.urlPath))
                case .section(let path):
                    let section = site.outline.sections[path]!
                    try writer.write(theme.render("section", context.section(section)), to: Permalinks.outputFile(for: section.urlPath))
                case .home:
                    try writer.write(theme.render("home", context.home()), to: "index.html")
                case .notFound:
                    var notFound = context.notFound()
                    let root = site.config.basePath
                    // The 404 page's links start from the base path (it is shown at any depth).
                    notFound["sidebar"] = theme.render("sidebar", context.sidebarContext(section: "", block: nil, base: "", prefix: root))
                    try writer.write(theme.render("404", notFound), to: "404.html")
                case .redirect(let redirect):
                    try writer.write(theme.render("redirect", context.redirect(redirect)), to: redirect.outputFile)
                case .asset(let asset):
                    try writer.copy(asset)
                case .searchPage:
                    var page = context.searchPage()
                    page["sidebar"] = theme.render("sidebar", context.sidebarContext(section: "", block: nil, base: "search/"))
                    try writer.write(theme.render("search", page), to: "search/index.html")
                case .contacts:
                    try writer.write(theme.render("contacts", context.contactsPage(sidebar: topSidebar)), to: KnowledgeBase.contactsURL + "index.html")
                case .reviewQueue:
                    try writer.write(theme.render("review-queue", context.reviewQueuePage(sidebar: topSidebar)), to: KnowledgeBase.reviewQueueURL + "index.html")
                case .tagIndex:
                    try writer.write(theme.render("tags", context.tagIndexPage(sidebar: topSidebar)), to: KnowledgeBase.tagsURL + "index.html")
                case .faqCategory(let index):
                    let hub = site.knowledge.faqHub!, section = faqSection!
                    let category = hub.categories[index]
                    try writer.write(theme.render("faq-category", context.faqCategoryPage(category, hub: hub, section: section, sidebar: faqCategorySidebar)),
                                     to: hub.url(of: category, section: section) + "index.html")
                case .feed(let feed):
                    try writer.write(feed.xml(config: site.config), to: feed.path)
                case .data(let path, let bytes):
                    try writer.write(bytes, to: path)
                case .sitemap:
                    try writer.write(Sitemap.xml(baseURL: site.config.baseURL, urls: sitemapURLs()), to: "sitemap.xml")
                case .tag(let index):
                    let tag = site.knowledge.tags.tags[index]
                    try writer.write(theme.render("tag", context.tagPage(tag, sidebar: tagSidebar)), to: KnowledgeBase.tagsURL + tag.slug + "/index.html")
                }
                return nil
            } catch {
                return "\(error)"
            }
        }
        let problems = failures.compactMap { $0 }
        if !problems.isEmpty {
            throw BuildFailure(problems.map { .error("output.write", $0, path: "") })
        }
    }

    /// `feed.xml`: the 50 most recently changed pages; `faq/feed.xml`: the 30 newest FAQ
    /// entries with their answers (links made absolute, as feed readers show them elsewhere).
    func feeds() -> [AtomFeed] {
        let strings = UIStrings(language: site.config.language)
        let pages = Array(site.pages.values)
        let changed = site.knowledge.changed
        var feeds = [AtomFeed(
            path: "feed.xml", title: "\(site.config.title) · \(strings["feedTitle"])",
            entries: AtomFeed.newest(pages, changed: changed, limit: 50) { _ in true }.map { AtomFeed.Entry(page: $0.0, day: $0.1) })]
        if site.outline.sections["faq"] != nil {
            let entries = AtomFeed.newest(pages, changed: changed, limit: 30) { $0.kind == .faq }.map { page, day in
                let fragment = HTMLFragment(site.rendered[page.sourcePath]?.html ?? "")
                fragment.rewriteURLs { Permalinks.rebase($0, from: page.urlPath, to: nil, absoluteBase: site.config.baseURL) }
                return AtomFeed.Entry(page: page, day: day, contentHTML: fragment.html())
            }
            feeds.append(AtomFeed(path: "faq/feed.xml", title: "\(site.config.title) · \(strings["faqFeedTitle"])", entries: entries))
        }
        return feeds
    }

    /// Home, sections, pages and the generated pages, in URL order.
    func sitemapURLs() -> [(path: String, day: Day?)] {
        var urls: [(path: String, day: Day?)] = site.pages.values.filter { !$0.isSectionIndex }.map { ($0.urlPath, site.knowledge.changed[$0.sourcePath]) }
        for section in site.outline.sections.values {
            urls.append((section.urlPath, section.indexPage.flatMap { site.knowledge.changed[$0] }))
        }
        urls += [KnowledgeBase.contactsURL, KnowledgeBase.reviewQueueURL, KnowledgeBase.tagsURL].map { ($0, nil) }
        urls += site.knowledge.tags.tags.map { (KnowledgeBase.tagsURL + $0.slug + "/", nil) }
        return urls.sorted { $0.path < $1.path }
    }
}
