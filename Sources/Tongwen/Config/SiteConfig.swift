/// `tongwen.yml`: every key optional, every default chosen so an existing Markdown folder builds as it is.
public struct SiteConfig: Sendable, Hashable {
    public var title: String = "知识门户"
    public var description: String = ""
    public var language: SiteLanguage = .zhCN
    /// Where the site is published, always ending in `/`. Only absolute outputs (404 page,
    /// canonical links) use it: every other URL in the site is relative.
    public var baseURL: String = "/"
    /// URL template for the feedback link; `{title}`, `{url}` and `{path}` are filled in.
    public var feedback: String?
    /// Raw HTML in Markdown is passed through when true, replaced by a comment when false.
    public var markdownUnsafe: Bool = false
    /// `glossary.link`: which occurrences of a term become links.
    public var glossaryLink: GlossaryLinkPolicy = .first
    /// `search`: whether the site gets the search index, the header search box and `search/`.
    public var search: Bool = true
    /// `review_every`: the site's default review interval; nil: pages are never due for review.
    public var reviewEvery: DayInterval?
    /// `status.stale_after`: a project whose `updated` is older than this is flagged stale.
    public var statusStaleAfter = DayInterval(days: 14)
    /// `faq.categories`: the FAQ hub's category order (others follow by name).
    public var faqCategories: [String] = []
    /// `faq.hub_limit`: up to this many entries the hub holds every answer; beyond, one page per category.
    public var faqHubLimit = 200
    /// `requirements.states`: the requirement board's columns, in order.
    public var requirementStates: [RequirementState] = RequirementState.defaults
    /// `requirements.priorities`: priority order on the board (others follow by name).
    public var requirementPriorities: [String] = []
    /// Sections named in the config, in the order they should appear.
    public var sections: [SectionConfig] = []
    /// Keys Tongwen does not know, for templates.
    public var params: [String: ParamValue] = [:]

    public init() {}

    /// The path part of `baseURL` (`/kb/` for `https://example.com/kb/`), for absolute links.
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return "/" }
            rest = rest[slash...]
        }
        return rest.hasPrefix("/") ? String(rest) : "/" + rest
    }
}
