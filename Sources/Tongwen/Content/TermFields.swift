/// The front matter only glossary entries have: the names each vocabulary uses for the term.
public struct TermFields: Sendable, Hashable {
    public var business: [String] = []
    public var technical: [String] = []
    public var aliases: [String] = []
    public var summary: String?
    public var related: [String] = []
    public var caseSensitive: Bool = false

    public init() {}
}
