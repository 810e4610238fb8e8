import HTMLKit

/// A page's body after Markdown, link rewriting and the HTML pass: everything templates need.
struct RenderedPage: Sendable {
    var sourcePath: String
    /// Body HTML fragment with its term links as markers (`HTMLFragment.markedHTML()`), and the
    /// tags of each marker. The HTML is spliced where it is used (`html`): kept spliced, every
    /// page's linked body (80 MB more on the 10,000-page corpus) stayed in memory until the write
    /// stage, and on this VM each page of memory touched for the first time costs about 20 µs.
    var markedHTML: String
    var links: [ElementMarkup] = []
    /// Body HTML fragment, links relative to the page's own URL.
    var html: String { links.isEmpty ? markedHTML : HTMLFragment.splicing(markedHTML, with: links) }
    var headings: [Heading]
    /// Every `id` in the body (headings, footnotes, raw HTML), for anchor checks.
    var ids: Set<String>
    /// The first `#` heading's text (the title when front matter has none).
    var headingTitle: String?
    /// The id of the `#` heading that opened the body, which the layout's title replaces: the
    /// title carries it, so links to it (as on GitHub) still land. In `ids` too.
    var titleID: String? = nil
    var anchorChecks: [AnchorCheck]
    /// Glossary terms the page uses, in order of first use: part of the model search indexes.
    var terms: [TermUse]
    /// FAQ entries: the glossary term (index into `Glossary.list`) of each marker of `markedHTML`,
    /// in order, for the category pages that show the answer again. Their links differ: parsing
    /// the marked answer, moving its links and splicing in tags made for the category page costs
    /// what an answer without term links would, where parsing the linked answer cost libxml2 fifty
    /// more elements per answer. Nil when nothing was linked with markers.
    var markerTerms: [Int]? = nil
    /// The body's text cut at headings, for the search index.
    var textBlocks: [TextBlock]
    var diagnostics: [Diagnostic]
    /// Links to other sites, with where they were written.
    var externalLinks: [ExternalLink] = []
    /// Body links the Markdown check already followed (as written in the HTML), so the check of
    /// the built site does not report them twice.
    var checkedLinks: Set<String> = []
}
