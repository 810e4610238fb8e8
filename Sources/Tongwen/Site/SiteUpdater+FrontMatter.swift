import Foundation

extension SiteUpdater {
    /// After front-matter edits of `edited` (already in `state.site.pages` and `.rendered`):
    /// order, sections, the knowledge base, the diagnostics that depend on front matter and the
    /// writer's caches made again from the site (all cheap next to rendering), and what to
    /// rewrite so every file that can show the edited pages' front matter is current: generated
    /// pages, and content pages by source. nil: an edit has a problem a full build must report,
    /// or adds or removes a generated page.
    static func applyFrontMatter(_ state: inout BuildState, edited: [String], before: Site) async -> (generated: [SiteWriter.Job], pages: Set<String>)? {
        let config = state.site.config
        let editedPages = edited.compactMap { state.site.pages[$0] }
        guard RequirementBoard.problems(pages: editedPages, config: config).isEmpty else { return nil }

        let pages = state.site.pages.values.sorted { $0.sourcePath < $1.sourcePath }
        let outline = SiteOutline(pages: pages, config: config)
        state.site.outline = outline
        state.site.knowledge = KnowledgeBase(pages: state.site.pages, outline: outline, config: config, today: state.options.today,
                                             fileDates: KnowledgeBase.fileDates(pages: pages, contentDirectory: state.contentDirectory))
        // A tag or FAQ category page that appears or goes away changes the file list: a full build
        // (which also removes what no longer has a source).
        func generatedPages(_ knowledge: KnowledgeBase) -> [String] {
            knowledge.tags.tags.map(\.slug) + (knowledge.faqHub.map { $0.isSplit ? $0.categories.map(\.slug) : [] } ?? [])
        }
        guard generatedPages(state.site.knowledge) == generatedPages(before.knowledge) else { return nil }

        let old = state.prepared.context
        let writer = SiteWriter(site: state.site, writer: OutputWriter(replacingFilesIn: state.outputDirectory))
        state.prepared = await writer.prepare()
        let new = state.prepared.context

        // The generated pages that list the edited pages: their sections up to the home page, the
        // pages of their tags (old and new), contacts, review queue and feeds; the FAQ hub for an
        // FAQ entry (the status dashboard and requirement board are their sections' pages).
        var sections: Set<String> = [""]
        var tags: Set<String> = []
        for page in editedPages {
            for section in outline.ancestry(of: page.sectionPath) { sections.insert(section.path) }
            tags.formUnion(page.frontMatter.tags)
            tags.formUnion(before.pages[page.sourcePath]?.frontMatter.tags ?? [])
        }
        let faqEdited = editedPages.contains { $0.kind == .faq }
        let tagList = state.site.knowledge.tags.tags
        var jobs: [SiteWriter.Job] = writer.allJobs().filter { job in
            switch job {
            case .home, .contacts, .reviewQueue, .sitemap: true
            case .section(let path): sections.contains(path)
            case .tagIndex: !tags.isEmpty
            case .tag(let index): tags.contains(tagList[index].name)
            case .faqCategory: faqEdited
            case .feed(let feed): faqEdited || !feed.path.hasPrefix("faq/")
            case .page, .redirect, .asset, .data, .notFound, .searchPage: false
            }
        }
        // Content pages whose sidebar or previous/next links changed.
        var pagesToWrite: Set<String> = []
        let changedSidebars = Set(new.sidebarKeys().filter { new.sidebars?.html($0, currentHref: nil) != old.sidebars?.html($0, currentHref: nil) })
        for page in pages where !page.isSectionIndex {
            guard let section = outline.sections[page.sectionPath] else { continue }
            let key = SidebarCache.Key(section: page.sectionPath, block: new.navigation.block(of: page.sourcePath, in: section))
            if changedSidebars.contains(key) || before.outline.sections[page.sectionPath].map({
                SidebarCache.Key(section: page.sectionPath, block: old.navigation.block(of: page.sourcePath, in: $0))
            }) != key {
                pagesToWrite.insert(page.sourcePath)
            }
        }
        for path in Set(editedPages.map(\.sectionPath)) {
            let now = outline.sections[path]?.pages ?? [], then = before.outline.sections[path]?.pages ?? []
            func neighbours(_ list: [String], _ titles: [String: Page], _ index: Int) -> [String] {
                [index > 0 ? list[index - 1] : "", index + 1 < list.count ? list[index + 1] : ""].map { $0 + "\u{0}" + (titles[$0]?.title ?? "") }
            }
            let oldIndex = Dictionary(then.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            for (index, source) in now.enumerated() {
                let previous = oldIndex[source].map { neighbours(then, before.pages, $0) }
                if previous != neighbours(now, state.site.pages, index) { pagesToWrite.insert(source) }
            }
        }
        // A new title shows on the term pages listing the page ("Used in") and on its redirects.
        let retitled = Set(editedPages.filter { before.pages[$0.sourcePath]?.title != $0.title }.map(\.sourcePath))
        if !retitled.isEmpty {
            for source in retitled {
                let uses = (before.rendered[source]?.terms ?? []) + (state.site.rendered[source]?.terms ?? [])
                for use in uses { if let term = state.site.glossary.terms[use.termID] { pagesToWrite.insert(term.sourcePath) } }
            }
            jobs += state.site.redirects.filter { retitled.contains($0.targetSource) }.map(SiteWriter.Job.redirect)
        }
        return (jobs, pagesToWrite)
    }
}
