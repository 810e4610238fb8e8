/// A page body with its term links still as markers (`HTMLFragment.markedHTML()`) and the term
/// of each marker, in order. FAQ answers are shown again on category pages, whose links differ:
/// parsing the marked answer, moving its links and splicing in tags made for the category page
/// costs what an answer without term links would, where parsing the linked answer cost libxml2
/// fifty more elements per answer.
struct MarkedBody: Sendable {
    var html: String
    /// Indexes into `Glossary.list`, marker by marker.
    var terms: [Int]
}
