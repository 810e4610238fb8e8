import Foundation

/// Brings a built site up to date after edits to existing pages (`tongwen serve`), rewriting only
/// the files that show what changed. A body edit rewrites the page itself, the term pages whose
/// "Used in" changed, the FAQ hub (or category page) and feed that inline an FAQ answer, and the
/// search files holding the page's tokens. A front-matter edit (title, weight, owner, tags, dates,
/// status, category …) also rewrites the generated pages that list the page (its sections up to
/// the home page — the FAQ hub, dashboard and board among them —, its tags' pages, contacts,
/// review queue, feeds, sitemap), the pages whose sidebar or previous/next links show it, and,
/// for a new title, the term pages and redirects that name it. Anything else
/// — new, moved or deleted files, a changed URL, kind or `redirect_from`, glossary terms' front
/// matter, section `_index.md`, templates, config — asks for a full build, which is always correct.
public enum SiteUpdater {
    public enum Outcome: Sendable {
        /// The output is current; `files` were rewritten.
        case updated(BuildReport, files: Int)
        /// The edit cannot be applied alone; build everything.
        case needsFullBuild(reason: String)
    }

    public static func update(_ state: inout BuildState, changedPaths: Set<String>) async -> Outcome {
        let started = ContinuousClock.now
        let prefix = state.contentDirectory + "/"
        var sources: [String] = []
        for path in changedPaths.sorted() {
            let source = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            // Editors' temporary files come and go between saves: gone and never part of the site.
            if !FileManager.default.fileExists(atPath: path), state.site.pages[source] == nil { continue }
            guard path.hasPrefix(prefix), path.hasSuffix(".md") else { return .needsFullBuild(reason: "\(path) is not a page") }
            guard let old = state.site.pages[source], !old.isSectionIndex else { return .needsFullBuild(reason: "\(source) is new or a section page") }
            sources.append(source)
        }
        let loader = ContentLoader(contentDirectory: state.contentDirectory, displayPrefix: "content/", includeDrafts: state.options.includeDrafts)
        var jobs: [SiteWriter.Job] = []
        var pagesToWrite = Set(sources)
        var changedTerms: Set<String> = []
        var faqChanged = false
        let before = state.site
        var frontMatterChanged = false
        var syllables: [Unicode.Scalar: String] = [:]
        for source in sources {
            let old = state.site.pages[source]!
            let (loaded, problems) = loader.loadPage(source)
            guard var page = loaded, problems.isEmpty else { return .needsFullBuild(reason: "\(source) has front-matter problems") }
            guard page.urlPath == old.urlPath, page.kind == old.kind, page.sectionPath == old.sectionPath else {
                return .needsFullBuild(reason: "\(source): URL or kind changed")
            }
            let rendered = state.renderer.render(page)
            // The title may come from the leading heading.
            if page.frontMatter.title == nil, let heading = rendered.headingTitle, !heading.isEmpty { page.title = heading }
            if page.frontMatter != old.frontMatter || page.title != old.title {
                // A term's names are the glossary's automaton; redirects are claimed URLs.
                guard old.kind != .glossary else { return .needsFullBuild(reason: "\(source): a glossary term's front matter changed") }
                guard page.frontMatter.redirectFrom == old.frontMatter.redirectFrom else { return .needsFullBuild(reason: "\(source): redirect_from changed") }
                page.sortKey = TitleCollation.sortKey(page.title, cache: &syllables)
                frontMatterChanged = true
            } else {
                page.sortKey = old.sortKey
                // Without `updated` or `reviewed` the page's date is its file's: the save changed it.
                if page.frontMatter.updated == nil, page.frontMatter.reviewed == nil, old.kind != .glossary { frontMatterChanged = true }
            }
            let before = Dictionary(state.site.rendered[source]?.terms.map { ($0.termID, $0.count) } ?? [], uniquingKeysWith: +)
            let after = Dictionary(rendered.terms.map { ($0.termID, $0.count) }, uniquingKeysWith: +)
            changedTerms.formUnion(Set(before.keys).union(after.keys).filter { before[$0] != after[$0] })
            state.site.pages[source] = page
            state.site.rendered[source] = rendered
            // The page loaded without problems: what loading said of it before is gone.
            state.loadDiagnostics.removeAll { $0.path == page.displayPath }
            faqChanged = faqChanged || page.kind == .faq
        }

        // "Used in" of the terms whose count on these pages changed.
        if !changedTerms.isEmpty {
            state.site.termUsage = SiteUpdater.termUsage(pages: state.site.pages, rendered: state.site.rendered)
            pagesToWrite.formUnion(changedTerms.compactMap { state.site.glossary.terms[$0]?.sourcePath })
        }
        state.prepared.context.pages = state.site.pages
        state.prepared.context.rendered = state.site.rendered
        state.prepared.context.termUsage = state.site.termUsage

        if frontMatterChanged {
            // Every page of the save goes through the front-matter update: what it rewrites for a
            // page covers what its body edit needs (its FAQ hub and feed among it).
            guard let rewritten = await SiteUpdater.applyFrontMatter(&state, edited: sources, before: before) else {
                return .needsFullBuild(reason: "\(sources.joined(separator: ", ")): front matter with problems, or a tag or FAQ category added or gone")
            }
            jobs += rewritten.generated
            pagesToWrite.formUnion(rewritten.pages)
        }
        // After the front-matter update: the writer renders from the site as it is now.
        let writer = SiteWriter(site: state.site, writer: OutputWriter(replacingFilesIn: state.outputDirectory))
        if !frontMatterChanged, faqChanged, let hub = state.site.knowledge.faqHub {
            if hub.isSplit {
                let changed = Set(sources)
                jobs += hub.categories.indices.filter { hub.categories[$0].entries.contains { changed.contains($0.source) } }.map(SiteWriter.Job.faqCategory)
            } else {
                jobs.append(.section("faq"))
            }
            jobs += writer.feeds().filter { $0.path == "faq/feed.xml" }.map(SiteWriter.Job.feed)
        }
        if state.site.config.search, let index = state.searchIndex {
            let documents = SearchIndexBuilder(config: state.site.config, outline: state.site.outline, glossary: state.site.glossary)
                .documents(pages: sources.compactMap { state.site.pages[$0] }, rendered: state.site.rendered)
            var updated = index
            let files = updated.replace(documents)
            state.searchIndex = updated
            jobs += files.map { SiteWriter.Job.data(path: $0.path, bytes: $0.data) }
        }
        jobs += pagesToWrite.sorted().map(SiteWriter.Job.page)
        do {
            try await writer.run(jobs, prepared: state.prepared)
        } catch {
            return .needsFullBuild(reason: "\(error)")
        }
        let diagnostics = SiteUpdater.diagnostics(state)
        let report = BuildReport(pages: state.site.pages.count, assets: state.site.assets.count, outputDirectory: state.outputDirectory,
                                 diagnostics: diagnostics, seconds: SiteBuilder.seconds(ContinuousClock.now - started))
        return .updated(report, files: jobs.count)
    }

    static func termUsage(pages: [String: Page], rendered: [String: RenderedPage]) -> [String: [TermOccurrence]] {
        var usage: [String: [TermOccurrence]] = [:]
        for source in rendered.keys.sorted() {
            guard let body = rendered[source], !body.terms.isEmpty else { continue }
            let top = pages[source]?.sectionPath.split(separator: "/").first.map(String.init) ?? ""
            for use in body.terms { usage[use.termID, default: []].append(TermOccurrence(source: source, topSection: top, count: use.count)) }
        }
        return usage
    }

    /// The build's diagnostics again: loading's, then those of the current order, dates and
    /// bodies (overdue reviews, duplicate titles, each page's own, anchors, unused terms).
    static func diagnostics(_ state: BuildState) -> [Diagnostic] {
        let site = state.site
        var diagnostics = state.loadDiagnostics
        if state.options.warnsOnOverdueReviews { diagnostics += ReviewSchedule.warnings(site.knowledge.reviews, pages: site.pages) }
        diagnostics += DuplicateTitleChecker.check(outline: site.outline, pages: site.pages)
        for body in site.rendered.values { diagnostics += body.diagnostics }
        diagnostics += AnchorChecker.check(site.rendered.values.flatMap(\.anchorChecks), rendered: site.rendered, pages: site.pages)
        if site.config.glossaryLink != .none {
            for id in site.glossary.order where site.termUsage[id] == nil {
                diagnostics.append(Diagnostic(.info, "glossary.unused", "term '\(site.glossary.terms[id]!.title)' is not used on any page",
                                              path: "content/" + site.glossary.terms[id]!.sourcePath))
            }
        }
        return diagnostics.sorted()
    }
}
