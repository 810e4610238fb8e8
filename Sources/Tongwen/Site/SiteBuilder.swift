import Foundation
import Markup

/// `tongwen build`: load → resolve → render → organize → check → index → write, each stage a function
/// from values to values, timed and reported.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    private let clock = ContinuousClock()

    static let stages = ["load", "resolve", "render", "organize", "check", "index", "write"]

    public init(options: BuildOptions) {
        self.options = options
    }

    var siteDirectory: String { URL(fileURLWithPath: options.siteDirectory).standardizedFileURL.path }
    var contentDirectory: String { siteDirectory + "/content" }
    var outputDirectory: String { options.outputDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? siteDirectory + "/public" }

    /// Builds the site into the output folder. Throws every error found (and, with `strict`, every
    /// warning); the previous output is then left exactly as it was.
    public func build() async throws(BuildFailure) -> BuildReport {
        try await buildKeepingState().report
    }

    /// `build()`, also returning what `SiteUpdater` needs to bring the output up to date after an
    /// edit without building everything again (`tongwen serve`).
    public func buildKeepingState() async throws(BuildFailure) -> (report: BuildReport, state: BuildState) {
        let start = clock.now
        var diagnostics: [Diagnostic] = []

        func stage<T>(_ index: Int, _ work: () async throws(BuildFailure) -> (T, String)) async throws(BuildFailure) -> T {
            let name = SiteBuilder.stages[index]
            options.progress?(BuildProgress(stage: name, index: index + 1, total: SiteBuilder.stages.count, seconds: nil, detail: ""))
            let began = clock.now
            let (value, detail) = try await work()
            let seconds = SiteBuilder.seconds(clock.now - began)
            options.progress?(BuildProgress(stage: name, index: index + 1, total: SiteBuilder.stages.count, seconds: seconds, detail: detail))
            return value
        }
        func failIfErrors() throws(BuildFailure) {
            if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics) }
        }

        if let refusal = OutputWriter.refusal(output: outputDirectory, protected: [siteDirectory + "/content", siteDirectory + "/templates", siteDirectory + "/tongwen.yml", options.themeDirectory]) {
            throw BuildFailure([.error("output.refused", refusal, path: "")])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure([.error("site.no-content", "no content/ folder in '\(siteDirectory)'", path: "")])
        }

        // ICU's first transform loads its data (0.09 s): done while loading, which leaves part of
        // a core idle, instead of in front of the glossary's ordering.
        async let collationReady: Void = TitleCollation.prepare()

        // load: config, theme, every page's front matter.
        let (config, theme, loaded) = try await stage(0) { () throws(BuildFailure) in
            let (config, configProblems) = loadConfig()
            diagnostics += configProblems
            var folders = [options.themeDirectory]
            let own = siteDirectory + "/templates"
            if FileManager.default.fileExists(atPath: own), URL(fileURLWithPath: own).standardizedFileURL.path != URL(fileURLWithPath: options.themeDirectory).standardizedFileURL.path {
                folders.append(own)
            }
            let (theme, themeProblems) = Theme.load(folders: folders, strings: UIStrings(language: config.language).table, displayPath: display)
            diagnostics += themeProblems
            let loaded = await ContentLoader(contentDirectory: contentDirectory, displayPrefix: "content/", includeDrafts: options.includeDrafts).load()
            diagnostics += loaded.diagnostics
            try failIfErrors()
            return ((config, theme!, loaded), "\(loaded.pages.count) pages, \(loaded.assets.count) assets")
        }

        // resolve: output paths for everything, collisions, redirects; the glossary and its automaton.
        await collationReady
        let (resolved, glossary) = try await stage(1) { () async throws(BuildFailure) in
            // The glossary (names, automaton, order) beside the URLs: each keeps one core busy.
            async let glossaryBuild = Glossary.build(pages: loaded.pages)
            let result = SiteResolver.resolve(pages: loaded.pages, assets: loaded.assets, themeAssets: theme.assets)
            diagnostics += result.diagnostics
            let (glossary, glossaryProblems) = await glossaryBuild
            diagnostics += glossaryProblems
            diagnostics += KnowledgeBase.collisions(pages: loaded.pages)
            diagnostics += RequirementBoard.problems(pages: loaded.pages, config: config)
            try failIfErrors()
            return ((result, glossary), "\(result.permalinks.urlBySource.count) URLs, \(result.redirects.count) redirects, \(glossary.terms.count) terms")
        }

        // render: Markdown → HTML with links rewritten, in parallel.
        var pages = loaded.pages
        let renderer = PageRenderer(resolver: LinkResolver(permalinks: resolved.permalinks),
                                    options: MarkdownOptions(unsafeHTML: config.markdownUnsafe),
                                    glossary: glossary, linkPolicy: config.glossaryLink, extractsText: config.search)
        // Config, theme, loading and resolving: kept for `SiteUpdater`, which works out the rest again.
        let loadDiagnostics = diagnostics
        let rendered = try await stage(2) { () async -> ([RenderedPage], String) in
            let output = await pages.concurrentMap { page -> (RenderedPage, String) in
                let body = renderer.render(page)
                // The final title: front matter, else the leading `#` heading, else the file name.
                var title = page.title
                if page.frontMatter.title == nil, let heading = body.headingTitle, !heading.isEmpty { title = heading }
                return (body, title)
            }
            var syllables: [Unicode.Scalar: String] = [:]
            for index in pages.indices {
                pages[index].title = output[index].1
                pages[index].sortKey = TitleCollation.sortKey(output[index].1, cache: &syllables)
            }
            return (output.map(\.0), "\(output.count) pages")
        }
        for page in rendered { diagnostics += page.diagnostics }
        let pagesBySource = Dictionary(uniqueKeysWithValues: pages.map { ($0.sourcePath, $0) })
        let renderedBySource = Dictionary(uniqueKeysWithValues: rendered.map { ($0.sourcePath, $0) })

        // The search index's token counts need only the rendered pages: counted from here on,
        // beside organize and check, which keep one core busy. Cancelled if the build fails first.
        let searchCount = config.search ? Task { [pages] in await SearchIndexBuilder.count(pages: pages, rendered: renderedBySource) } : nil
        defer { searchCount?.cancel() }

        // organize: sections, order, navigation; review dates, tags, contacts, hubs.
        let (outline, knowledge) = try await stage(3) { () async -> ((SiteOutline, KnowledgeBase), String) in
            let outline = SiteOutline(pages: pages, config: config)
            let knowledge = KnowledgeBase(pages: pagesBySource, outline: outline, config: config, today: options.today,
                                          fileDates: KnowledgeBase.fileDates(pages: pages, contentDirectory: contentDirectory))
            if options.warnsOnOverdueReviews {
                let warnings = ReviewSchedule.warnings(knowledge.reviews, pages: pagesBySource)
                diagnostics += warnings
            }
            return ((outline, knowledge), "\(outline.sections.count) sections, \(knowledge.tags.tags.count) tags, \(knowledge.overdueReviews.count) reviews overdue")
        }

        // check: anchors, now that every page has its ids; terms nothing uses.
        var termUsage: [String: [TermOccurrence]] = [:]
        for page in rendered where !page.terms.isEmpty {
            let section = pagesBySource[page.sourcePath]?.sectionPath ?? ""
            let top = section.split(separator: "/").first.map(String.init) ?? ""
            for use in page.terms {
                termUsage[use.termID, default: []].append(TermOccurrence(source: page.sourcePath, topSection: top, count: use.count))
            }
        }
        try await stage(4) { () async -> ((), String) in
            let problems = AnchorChecker.check(rendered.flatMap(\.anchorChecks), rendered: renderedBySource, pages: pagesBySource)
            diagnostics += problems
            let duplicates = DuplicateTitleChecker.check(outline: outline, pages: pagesBySource)
            diagnostics += duplicates
            if config.glossaryLink != .none {
                for id in glossary.order where termUsage[id] == nil {
                    let term = glossary.terms[id]!
                    diagnostics.append(Diagnostic(.info, "glossary.unused", "term '\(term.title)' is not used on any page",
                                                  path: "content/" + term.sourcePath))
                }
            }
            return ((), "\(rendered.reduce(0) { $0 + $1.anchorChecks.count }) anchors")
        }
        try failIfErrors()
        if options.strict, diagnostics.contains(where: { $0.severity == .warning }) {
            throw BuildFailure(diagnostics)
        }

        // index: the search index, from the rendered pages.
        let (searchIndex, searchState) = try await stage(5) { () async -> ((SearchIndex, SearchIndexState?), String) in
            guard let searchCount else { return ((SearchIndex(files: []), nil), "off") }
            let (index, state) = await SearchIndexBuilder(config: config, outline: outline, glossary: glossary)
                .build(searchCount.value)
            return ((index, state), "\(index.files.count) files, \(index.totalBytes / 1024) KiB")
        }

        let site = Site(config: config, pages: pagesBySource, assets: loaded.assets, outline: outline,
                        rendered: renderedBySource, permalinks: resolved.permalinks, redirects: resolved.redirects, theme: theme,
                        glossary: glossary, termUsage: termUsage, searchIndex: searchIndex, knowledge: knowledge)
        // write: templates, assets, swap into place.
        // Output file → source, and the links each page's Markdown check followed: for reports and `--strict`.
        let sources = Dictionary(pages.map { (Permalinks.outputFile(for: $0.urlPath), $0.displayPath) }, uniquingKeysWith: { first, _ in first })
        let checkedLinks = Dictionary(pages.compactMap { page in renderedBySource[page.sourcePath].map { (Permalinks.outputFile(for: page.urlPath), $0.checkedLinks) } },
                                      uniquingKeysWith: { first, _ in first })
        let prepared = try await stage(6) { () async throws(BuildFailure) -> (SiteWriter.Prepared, String) in
            let writer = OutputWriter(outputDirectory: outputDirectory)
            do {
                let siteWriter = SiteWriter(site: site, writer: writer)
                try await writer.prepare()
                let jobs = siteWriter.allJobs()
                writer.readAheadPrevious(siteWriter.bulkOutputPaths(of: jobs))
                let prepared = await siteWriter.prepare()
                try await siteWriter.run(jobs, prepared: prepared)
                if options.strict {
                    // The same check of the built pages as `tongwen check`, before they replace the output.
                    let problems = await OutputLinkChecker.check(outputDirectory: writer.stagingDirectory, sources: sources,
                                                           checked: checkedLinks, siteDirectory: siteDirectory)
                    if !problems.isEmpty { throw BuildFailure(diagnostics + problems) }
                }
                try await writer.commit()
                return (prepared, "\(jobs.count + 1) files")
            } catch let failure as BuildFailure {
                writer.discard()
                throw failure
            } catch {
                writer.discard()
                throw BuildFailure(diagnostics + [.error("output.write", "\(error)", path: "")])
            }
        }
        let report = BuildReport(
            pages: pages.count, assets: loaded.assets.count, outputDirectory: outputDirectory,
            diagnostics: diagnostics.sorted(), seconds: SiteBuilder.seconds(clock.now - start),
            externalLinks: rendered.flatMap(\.externalLinks).sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) },
            sources: sources, checkedLinks: checkedLinks)
        let state = BuildState(options: options, contentDirectory: contentDirectory, outputDirectory: outputDirectory,
                               site: site, renderer: renderer, loadDiagnostics: loadDiagnostics, prepared: prepared,
                               searchIndex: searchState)
        return (report, state)
    }

    private func loadConfig() -> (SiteConfig, [Diagnostic]) {
        let path = siteDirectory + "/tongwen.yml"
        var (config, problems) = (SiteConfig(), [Diagnostic]())
        if let data = FileManager.default.contents(atPath: path) {
            (config, problems) = SiteConfig.parse(String(decoding: data, as: UTF8.self), path: "tongwen.yml")
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        return (config, problems)
    }

    /// Paths in diagnostics are relative to the site folder when they are inside it.
    private func display(_ path: String) -> String {
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        return standard.hasPrefix(siteDirectory + "/") ? String(standard.dropFirst(siteDirectory.count + 1)) : standard
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
