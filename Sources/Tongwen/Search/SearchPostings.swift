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

    /// Replaces document `number`'s postings (`old` as it was indexed) with `new`'s; returns
    /// the document's weight per token id before and after.
    mutating func replace(number: Int32, old: SearchDocument, new: SearchDocument) -> (before: [Int: Float], after: [Int: Float]) {
        var before: [Int: Float] = [:], after: [Int: Float] = [:]
        var oldTable = SearchPostings()
        oldTable.add(old, number: number)
        for (index, key) in oldTable.keys.enumerated() {
            let id = Int(id(for: key))
            before[id] = oldTable.lists[index][0].weight
            if let at = SearchPostings.position(of: number, in: lists[id]), lists[id][at].doc == number { lists[id].remove(at: at) }
        }
        var newTable = SearchPostings()
        newTable.add(new, number: number)
        for (index, key) in newTable.keys.enumerated() {
            let id = Int(id(for: key))
            let posting = newTable.lists[index][0]
            after[id] = posting.weight
            lists[id].insert(posting, at: SearchPostings.position(of: number, in: lists[id]) ?? lists[id].count)
        }
        lengths[Int(number)] = newTable.lengths[0]
        return (before, after)
    }

    /// The index of the first posting whose document is `doc` or later (binary search), or nil.
    static func position(of doc: Int32, in list: [SearchPosting]) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].doc < doc { low = middle + 1 } else { high = middle }
        }
        return low < list.count ? low : nil
    }

    /// Appends `later`, whose documents all come after this one's.
    mutating func append(_ later: SearchPostings) {
        for (laterID, key) in later.keys.enumerated() {
            lists[Int(id(for: key))] += later.lists[laterID]
        }
        lengths += later.lengths
    }
}
