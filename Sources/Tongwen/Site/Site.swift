/// Everything known about a site after loading, resolving and rendering: the value the
/// output stage turns into files.
public struct Site: Sendable {
    public var config: SiteConfig
    public var pages: [String: Page]
    public var assets: [Asset]
    public var outline: SiteOutline
    var rendered: [String: RenderedPage]
    var permalinks: Permalinks
    var redirects: [Redirect]
    var theme: Theme
    public var glossary: Glossary
    /// Term id → the pages using it, with occurrence counts.
    var termUsage: [String: [TermOccurrence]]
    var searchIndex: SearchIndex
    var knowledge: KnowledgeBase
}
