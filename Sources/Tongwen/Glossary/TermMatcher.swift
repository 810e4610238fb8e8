/// Finds every trigger of the glossary in text with one Aho–Corasick automaton (`TermAutomaton`)
/// built once per build: matching is linear in the text whatever the number of terms. The
/// automaton finds where patterns end; this checks word boundaries and exact case around them.
struct TermMatcher: Sendable {
    let triggers: [TermTrigger]
    private let automaton: TermAutomaton
    /// Per trigger, what the hot loop checks, in flat arrays (reading a `TermTrigger` would
    /// retain and release its arrays for every candidate match).
    private let lengths: [Int32]
    /// Bit 0: boundary before, bit 1: boundary after, bit 2: case must match exactly.
    private let flags: [UInt8]
    /// Exact-case scalars of case-sensitive triggers: `exactScalars[exactStart[t]...]`.
    private let exactStart: [Int32]
    private let exactScalars: [UInt32]

    /// A trigger found in a text, in normalised-scalar positions `[start, end)`; `byteStart` and
    /// `byteEnd` are the UTF-8 range of the original text it came from (set by `matches(inUTF8:scratch:)`).
    struct Match: Sendable, Hashable {
        var start: Int
        var end: Int
        var trigger: Int
        var byteStart = 0
        var byteEnd = 0
    }

    /// Positions the matcher looks back over: the longest trigger plus the scalar before it.
    private let window: Int

    init(triggers: [TermTrigger]) {
        self.triggers = triggers
        automaton = TermAutomaton(patterns: triggers.map(\.pattern))
        lengths = triggers.map { Int32($0.pattern.count) }
        flags = triggers.map { ($0.boundaryBefore ? 1 : 0) | ($0.boundaryAfter ? 2 : 0) | ($0.exact != nil ? 4 : 0) }
        var exactStart: [Int32] = []
        var exactScalars: [UInt32] = []
        for trigger in triggers {
            exactStart.append(Int32(exactScalars.count))
            exactScalars += trigger.exact ?? []
        }
        self.exactStart = exactStart
        self.exactScalars = exactScalars
        var window = 8
        while window < (lengths.max().map(Int.init) ?? 0) + 2 { window *= 2 }
        self.window = window
    }

    /// What matching reuses from one text to the next (a page has hundreds of text nodes): the
    /// ring of recent positions, the NFKC expansions met so far and the lists matches are
    /// collected in.
    struct Scratch {
        fileprivate var ring: [RingEntry] = []
        var expansions: [UInt32: ([UInt32], [UInt32])] = [:]
        fileprivate var found: [Match] = []
        fileprivate var pending: [Match] = []
    }

    /// One recent position: its folded scalar (boundary before), exact scalar (case-sensitive
    /// triggers) and the byte offset of the original scalar it came from.
    fileprivate struct RingEntry {
        var folded: UInt32 = 0
        var exact: UInt32 = 0
        var start: Int32 = 0
    }

    func matches(inText text: String, scratch: inout Scratch) -> [Match] {
        var text = text
        return text.withUTF8 { matches(inUTF8: $0, scratch: &scratch) }
    }

    /// The matches in UTF-8 text, in the order they end (those needing a boundary after them
    /// once it is seen).
    func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> [Match] {
        if scratch.ring.count != window { scratch.ring = [RingEntry](repeating: RingEntry(), count: window) }
        scratch.found.removeAll(keepingCapacity: true)
        scratch.pending.removeAll(keepingCapacity: true)
        scratch.ring.withUnsafeMutableBufferPointer { ring in
            matches(inUTF8: bytes, ring: ring, expansions: &scratch.expansions, found: &scratch.found, pending: &scratch.pending)
        }
        // Returned from the scratch list: the caller is done with it before the next text, so
        // the list is not copied and its storage is kept.
        return scratch.found
    }

    private func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>, ring: UnsafeMutableBufferPointer<RingEntry>,
                         expansions: inout [UInt32: ([UInt32], [UInt32])], found: inout [Match], pending: inout [Match]) {
        automaton.withWalker { walker in
            matches(inUTF8: bytes, ring: ring, walker: walker, expansions: &expansions, found: &found, pending: &pending)
        }
    }

    private func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>, ring: UnsafeMutableBufferPointer<RingEntry>, walker: TermAutomaton.Walker,
                         expansions: inout [UInt32: ([UInt32], [UInt32])], found: inout [Match], pending: inout [Match]) {
        let mask = window - 1
        // Matches that need a boundary after them wait in `pending` for the next scalar
        // (`waiting`: tested per scalar without loading the list).
        var waiting = false
        var state: Int32 = 0
        var position = 0
        var offset = 0
        var expansion: (exact: [UInt32], folded: [UInt32]) = ([], [])
        while offset < bytes.count {
            let (value, length) = TermText.decode(bytes, at: offset)
            let begin = Int32(offset), end = offset + length
            offset += length
            var e = value, f = value
            var count = 1
            if let simple = TermText.fold(value) {
                e = simple.exact
                f = simple.folded
            } else {
                expansion = TermText.expansion(value, cache: &expansions)
                count = expansion.folded.count
                if count == 0 { continue }
                e = expansion.exact[0]
                f = expansion.folded[0]
            }
            var part = 0
            while true {
                if waiting {
                    if !TermText.isWordScalar(f) { found += pending }
                    pending.removeAll(keepingCapacity: true)
                    waiting = false
                }
                ring[position & mask] = RingEntry(folded: f, exact: e, start: begin)
                state = walker.next(state, f)
                if state & TermAutomaton.outputFlag != 0 {
                    let id = Int(state & TermAutomaton.stateMask)
                    var cursor = Int(walker.outputStart[id])
                    let last = Int(walker.outputStart[id + 1])
                    while cursor < last {
                        let trigger = Int(walker.outputList[cursor])
                        cursor += 1
                        let start = position + 1 - Int(lengths[trigger])
                        let flag = flags[trigger]
                        if flag & 1 != 0, start > 0, TermText.isWordScalar(ring[(start - 1) & mask].folded) { continue }
                        if flag & 4 != 0 {
                            let base = Int(exactStart[trigger])
                            var same = true
                            for step in 0..<(position + 1 - start) where ring[(start + step) & mask].exact != exactScalars[base + step] {
                                same = false
                                break
                            }
                            if !same { continue }
                        }
                        let match = Match(start: start, end: position + 1, trigger: trigger,
                                          byteStart: Int(ring[start & mask].start), byteEnd: end)
                        if flag & 2 != 0 {
                            pending.append(match)
                            waiting = true
                        } else {
                            found.append(match)
                        }
                    }
                }
                position += 1
                part += 1
                if part == count { break }
                e = expansion.exact[part]
                f = expansion.folded[part]
            }
        }
        // The end of the text is a boundary.
        found += pending
    }

    /// Leftmost-longest selection: of overlapping matches the one starting first wins, and of
    /// those starting together the longest (`需求池管理` over `需求池`).
    static func longestNonOverlapping(_ matches: [Match]) -> [Match] {
        // Most texts: matches already apart and in order, nothing to choose.
        var apart = true
        for index in matches.indices.dropFirst() where matches[index].start < matches[index - 1].end {
            apart = false
            break
        }
        if apart { return matches }
        let ordered = matches.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var chosen: [Match] = []
        var reached = 0
        for match in ordered where match.start >= reached {
            chosen.append(match)
            reached = match.end
        }
        return chosen
    }
}
