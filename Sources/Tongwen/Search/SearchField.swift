/// Where a token occurs in a page, with the weight BM25 gives an occurrence there.
enum SearchField: Int, CaseIterable, Sendable {
    case title, headings, terms, tags, description, body

    var weight: Float {
        switch self {
        case .title: 8
        case .headings: 4
        case .terms: 3
        case .tags: 3
        case .description: 2
        case .body: 1
        }
    }
}
