/// The postings of a run of documents, accumulated token by token as each document is added (in
/// increasing document order, so every list stays sorted).
///
/// Tokens get small integer ids on first sight; a document's weights are summed in a scratch
/// array indexed by id, then appended to the lists of the tokens it touched. No per-document
/// dictionary, no string per token (see `SearchTokenKey`).
struct SearchPostings: Sendable {
    private var packedIDs = PackedKeyTable()
    private var textIDs: [String: Int32] = [:]
    /// Token ids of term tokens (`~` + term id) by term id: pages use forty terms each, and
    /// making each token's string per use cost an allocation.
    private var termIDs: [String: Int32] = [:]
    private(set) var keys: [SearchTokenKey] = []
    private(set) var lists: [[SearchPosting]] = []
    /// Tokens per document, in the order documents were added.
    private(set) var lengths: [Int] = []
    /// A document's weight per token id, summed as its texts are counted; zero again once the
    /// document's postings are appended.
    private var scratch: [Float] = []
    /// The ids whose scratch weight is not zero: the first `touchedCount`. As long as `keys`, so
    /// there is always room.
    private var touched: [Int32] = []
    private var touchedCount = 0
    /// One text's keys and long words (`SearchTokenizer.keys(_:into:long:)`), reused from text to text.
    private var textKeys: [UInt64] = []
    private var longWords: [String] = []

    mutating func add(_ document: SearchDocument, number: Int32) {
        var length = count(document.title, SearchField.title.weight)
        length += count(document.description, SearchField.description.weight)
        for tag in document.tags { length += count(tag, SearchField.tags.weight) }
        for block in document.blocks {
            length += count(block.heading, SearchField.headings.weight)
            length += count(block.text, SearchField.body.weight)
        }
        // Glossary bridging: a page using a term under any name carries the term's own token.
        for term in document.terms { count(termTokenID(term), SearchField.terms.weight) }

        for id in touched[..<touchedCount] {
            lists[Int(id)].append(SearchPosting(doc: number, weight: scratch[Int(id)]))
            scratch[Int(id)] = 0
        }
        touchedCount = 0
        lengths.append(length)
    }

    /// Counts `text`'s tokens into the scratch weights; returns how many there were.
    private mutating func count(_ text: String, _ weight: Float) -> Int {
        // The buffers are moved out while they are worked on, so that no access to them goes
        // through `self` (each would check that the array is uniquely referenced).
        var keys = textKeys, long = longWords
        textKeys = []; longWords = []
        defer { textKeys = keys; longWords = long }
        long.removeAll(keepingCapacity: true)
        guard let tokens = SearchTokenizer.keys(text, into: &keys, long: &long) else {
            var tokens = 0
            SearchTokenizer.forEachToken(text) { token in
                count(id(for: SearchTokenKey(token)), weight)
                tokens += 1
            }
            return tokens
        }
        // Keys → token ids (new tokens get theirs), then the weights summed by id.
        keys.withUnsafeMutableBufferPointer { keys in
            for index in 0..<tokens {
                let key = keys[index]
                keys[index] = UInt64(UInt32(bitPattern: key >> 62 == 0b01 ? id(for: SearchTokenKey(appended: key, long: long)) : packedID(key)))
            }
        }
        var scratch = self.scratch, touched = self.touched, touchedCount = self.touchedCount
        self.scratch = []; self.touched = []
        scratch.withUnsafeMutableBufferPointer { scratch in
            touched.withUnsafeMutableBufferPointer { touched in
                for key in keys[..<tokens] {
                    let id = Int(key)
                    if scratch[id] == 0 { touched[touchedCount] = Int32(id); touchedCount += 1 }
                    scratch[id] += weight
                }
            }
        }
        self.scratch = scratch; self.touched = touched; self.touchedCount = touchedCount
        return tokens
    }

    @inline(__always) private mutating func count(_ id: Int32, _ weight: Float) {
        if scratch[Int(id)] == 0 { touched[touchedCount] = id; touchedCount += 1 }
        scratch[Int(id)] += weight
    }

    @inline(__always) private mutating func packedID(_ bits: UInt64) -> Int32 {
        let found = packedIDs.id(for: bits, next: Int32(keys.count))
        if found.inserted { _ = newID(.packed(bits)) }
        return found.id
    }

    private mutating func id(for key: SearchTokenKey) -> Int32 {
        switch key {
        case .packed(let bits):
            return packedID(bits)
        case .text(let text):
            if let id = textIDs[text] { return id }
            let id = newID(key)
            textIDs[text] = id
            return id
        }
    }

    private mutating func termTokenID(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = id(for: .text("~" + term))
        termIDs[term] = id
        return id
    }

    private mutating func newID(_ key: SearchTokenKey) -> Int32 {
        keys.append(key)
        lists.append([])
        scratch.append(0)
        touched.append(0)
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
