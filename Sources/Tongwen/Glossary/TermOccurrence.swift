/// One page using one term, as a term page's "Used in" needs it: the page, its top-level section
/// (worked out once per page, not once per use) and how often it uses the term.
struct TermOccurrence: Sendable {
    var source: String
    var topSection: String
    var count: Int
}
