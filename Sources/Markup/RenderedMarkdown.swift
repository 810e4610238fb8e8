/// What one Markdown document became: an HTML fragment plus what the site needs to know about it.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body as an HTML fragment (no `<html>`/`<body>`), links already rewritten.
    public var html: String
    /// Plain text of a level-1 heading that opened the document. It is removed from `html`
    /// because the page layout shows the title itself; callers may use it as the title.
    public var leadingTitle: String?
    /// Plain text of the first level-1 heading anywhere, for pages whose title must come from it.
    public var firstHeading: String?
    /// Every link and image destination in document order, as written.
    public var links: [LinkReference]

    public init(html: String, leadingTitle: String?, firstHeading: String? = nil, links: [LinkReference]) {
        self.html = html
        self.leadingTitle = leadingTitle
        self.firstHeading = firstHeading ?? leadingTitle
        self.links = links
    }
}
