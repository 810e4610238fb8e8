/// How often a page uses a term (occurrences in running text, linked or not).
public struct TermUse: Sendable, Hashable {
    public var termID: String
    public var count: Int
}
