import HTMLKit
import Markup

/// Markdown → HTML for one page: cmark-gfm with link rewriting, then the libxml2 pass that gives
/// headings their ids and permalink anchors.
struct PageRenderer: Sendable {
    let resolver: LinkResolver
    let options: MarkdownOptions
    let glossary: Glossary
    let linkPolicy: GlossaryLinkPolicy
    /// Term link tags, shared by every page of the build.
    let termLinks = TermLinkMarkup()
    /// Whether pages' text is cut into blocks for the search index.
    var extractsText = true

    func render(_ page: Page) -> RenderedPage {
        var diagnostics: [Diagnostic] = []
        var anchorChecks: [AnchorCheck] = []
        var external: [ExternalLink] = []
        var checked: Set<String> = []
        let lineOffset = page.bodyLine - 1
        let markdown = MarkdownRenderer.render(page.body, options: options) { link in
            let position = SourcePosition(line: link.position.line + lineOffset, column: link.position.column)
            switch resolver.resolve(link.destination, from: page) {
            case .external:
                if link.destination.hasPrefix("http://") || link.destination.hasPrefix("https://") {
                    external.append(ExternalLink(url: link.destination, path: page.displayPath, line: position.line, column: position.column))
                }
                return nil
            case .samePage(let fragment):
                checked.insert(link.destination)
                anchorChecks.append(AnchorCheck(fromPath: page.displayPath, position: position,
                                                targetSource: page.sourcePath, fragment: fragment))
                return nil
            case .rewritten(let url, let target, let fragment):
                if let target, let fragment {
                    anchorChecks.append(AnchorCheck(fromPath: page.displayPath, position: position,
                                                    targetSource: target, fragment: fragment))
                }
                checked.insert(url)
                return url
            case .missing(let message):
                checked.insert(link.destination)
                diagnostics.append(.warning(link.kind == .image ? "link.missing-image" : "link.missing",
                                            message, path: page.displayPath, line: position.line, column: position.column))
                return nil
            }
        }
        // cmark-gfm's own output is XHTML; raw HTML passed through may not be.
        let fragment = HTMLFragment(markdown.html, wellFormed: !options.unsafeHTML)
        var slugger = HeadingSlugger()
        // The opening `#` heading was taken out for the layout's title; its id comes first,
        // as it would in the document, so later headings of the same text get `-1`.
        let titleID = markdown.leadingTitle.map { slugger.slug($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let headings = fragment.assignHeadingIDs { slugger.slug($0) }
        // Read from the tree before linking: term links are spliced in only when the fragment
        // is serialised (they change no text and add no ids).
        var ids = Set(fragment.ids())
        if let titleID { ids.insert(titleID) }
        let textBlocks = extractsText ? fragment.textBlocks() : []
        var terms: [TermUse] = []
        var markerTerms: [Int]?
        if linkPolicy != .none, page.frontMatter.linkTerms, !glossary.terms.isEmpty {
            var linker = TermLinker(glossary: glossary, page: page, policy: linkPolicy, markup: termLinks)
            fragment.wrapText { linker.link($0) }
            terms = linker.uses
            // Every link a marker (not the real elements of a page whose text could hold one).
            if page.kind == .faq, !linker.wrapped.isEmpty, fragment.markedCount == linker.wrapped.count {
                markerTerms = linker.wrapped
            }
        }
        return RenderedPage(
            sourcePath: page.sourcePath,
            markedHTML: fragment.markedHTML(),
            links: fragment.markedTags,
            headings: headings,
            ids: ids,
            headingTitle: markdown.firstHeading,
            titleID: titleID,
            anchorChecks: anchorChecks,
            terms: terms,
            markerTerms: markerTerms,
            textBlocks: textBlocks,
            diagnostics: diagnostics,
            externalLinks: external,
            checkedLinks: checked)
    }
}
