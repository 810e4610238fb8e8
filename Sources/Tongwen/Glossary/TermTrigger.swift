/// One name of a term as the matcher looks for it.
struct TermTrigger: Sendable, Hashable {
    /// The name as written in front matter.
    var name: String
    var termID: String
    /// Position of the term in `Glossary.list`, so linking never hashes a string per match.
    var termIndex: Int
    /// NFKC + lower-cased scalars: what the automaton matches against the normalised text.
    var pattern: [UInt32]
    /// NFKC scalars with case kept, for triggers that must match case exactly.
    var exact: [UInt32]?
    /// A trigger starting (ending) with a Latin letter or digit needs a word boundary there.
    var boundaryBefore: Bool
    var boundaryAfter: Bool

    init(name: String, termID: String, termIndex: Int, caseSensitiveTerm: Bool) {
        self.name = name
        self.termID = termID
        self.termIndex = termIndex
        let normalized = TermText.normalize(name)
        pattern = normalized.folded
        let caseSensitive = caseSensitiveTerm || TermTrigger.isAcronym(name)
        exact = caseSensitive ? normalized.exact : nil
        boundaryBefore = pattern.first.map(TermText.isWordScalar) ?? false
        boundaryAfter = pattern.last.map(TermText.isWordScalar) ?? false
    }

    /// All-caps acronyms (`IT`, `SLA`, `B2B`) match case exactly, so "it" is not "IT".
    static func isAcronym(_ name: String) -> Bool {
        var letters = 0
        for scalar in name.unicodeScalars {
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isUppercase { letters += 1 }
        }
        return letters >= 2
    }
}
