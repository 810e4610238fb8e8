/// One glossary entry: a concept with the names each vocabulary uses for it.
public struct GlossaryTerm: Sendable, Hashable, Identifiable {
    /// The file's name without `.md` (`service-level-agreement`): stable, used in `data-term`.
    public var id: String
    public var sourcePath: String
    public var urlPath: String
    public var title: String
    public var business: [String]
    public var technical: [String]
    public var aliases: [String]
    public var summary: String
    /// Ids of related terms, resolved from file names or titles.
    public var related: [String]
    public var caseSensitive: Bool

    /// Every name that links to the term: title, business, technical and alias names, without repeats.
    public var names: [String] {
        var seen: Set<String> = []
        return ([title] + business + technical + aliases).filter { name in
            let key = TermText.key(name)
            return !key.isEmpty && seen.insert(key).inserted
        }
    }
}
