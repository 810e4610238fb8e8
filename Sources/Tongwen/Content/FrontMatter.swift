/// The YAML header of a page, typed. Keys Tongwen does not know stay in `params`.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var tags: [String] = []
    public var owner: String?
    public var contact: String?
    public var updated: Day?
    public var reviewed: Day?
    public var weight: Int?
    public var draft: Bool = false
    public var slug: String?
    public var redirectFrom: [String] = []
    public var kind: ContentKind?
    /// FAQ entries: the group the hub files the question under.
    public var category: String?
    /// `glossary: false` turns term linking off for this page.
    public var linkTerms: Bool = true
    /// `review_every`: how long a review stays valid (page, else section `_index.md`, else site).
    public var reviewEvery: DayInterval?
    public var status: StatusFields?
    public var requirement: RequirementFields?
    public var term: TermFields?
    public var params: [String: ParamValue] = [:]
    /// File line of each key, for diagnostics raised after parsing.
    public var lines: [String: Int] = [:]
    /// File column of each key's value.
    public var columns: [String: Int] = [:]

    public init() {}
}
