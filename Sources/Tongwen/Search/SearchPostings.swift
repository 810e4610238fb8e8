/// The postings of a run of documents, accumulated token by token as each document is added (in
/// increasing document order, so every list stays sorted).
///
/// Tokens get small integer ids on first sight; a document's weights are summed in a scratch
/// array indexed by id, then appended to the lists of the tokens it touched. No per-document
/// dictionary, no string per token (see `SearchTokenKey`).
struct SearchPostings: Sendable {
    private var packedIDs = PackedKeyTable()
    private var textIDs: [String: Int32] = [:]
    private(set) var keys: [SearchTokenKey] = []
    private(set) var lists: [[SearchPosting]] = []
    /// Tokens per document, in the order documents were added.
    private(set) var lengths: [Int] = []
    private var scratch: [Float] = []
    private var touched: [Int32] = []

    mutating func add(_ document: SearchDocument, number: Int32) {
        var length = 0
        func add(_ text: String, _ field: SearchField) {
            SearchTokenizer.forEachKey(text) { key in
                count(id(for: key), field.weight)
                length += 1
            }
        }
        add(document.title, .title)
        add(document.description, .description)
        for tag in document.tags { add(tag, .tags) }
        for block in document.blocks {
            add(block.heading, .headings)
            add(block.text, .body)
        }
        // Glossary bridging: a page using a term under any name carries the term's own token.
        for term in document.terms { count(id(for: .text("~" + term)), SearchField.terms.weight) }

        for id in touched {
            lists[Int(id)].append(SearchPosting(doc: number, weight: scratch[Int(id)]))
            scratch[Int(id)] = 0
        }
        touched.removeAll(keepingCapacity: true)
        lengths.append(length)
    }

    @inline(__always) private mutating func count(_ id: Int32, _ weight: Float) {
        if scratch[Int(id)] == 0 { touched.append(id) }
        scratch[Int(id)] += weight
    }

    private mutating func id(for key: SearchTokenKey) -> Int32 {
        switch key {
        case .packed(let bits):
            let found = packedIDs.id(for: bits, next: Int32(keys.count))
            if found.inserted { _ = newID(key) }
            return found.id
        case .text(let text):
            if let id = textIDs[text] { return id }
            let id = newID(key)
            textIDs[text] = id
            return id
        }
    }

    private mutating func newID(_ key: SearchTokenKey) -> Int32 {
        keys.append(key)
        lists.append([])
        scratch.append(0)
        return Int32(keys.count - 1)
    }

    /// Appends `later`, whose documents all come after this one's.
    mutating func append(_ later: SearchPostings) {
        for (laterID, key) in later.keys.enumerated() {
            lists[Int(id(for: key))] += later.lists[laterID]
        }
        lengths += later.lengths
    }
}
