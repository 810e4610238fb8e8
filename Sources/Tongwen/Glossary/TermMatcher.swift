/// An Aho–Corasick automaton over every trigger of the glossary, built once per build: matching
/// is linear in the text whatever the number of terms.
struct TermMatcher: Sendable {
    let triggers: [TermTrigger]
    /// Transitions out of the root for BMP scalars (most steps start there): -1 means none.
    private let rootNext: [Int32]
    /// Other transitions, keyed by `state << 32 | scalar`.
    private let edges: EdgeTable
    private let fail: [Int32]
    /// Triggers ending in each state, suffix matches included: `outputList[outputStart[s]..<outputStart[s + 1]]`
    /// (one flat array, so reading it costs no reference counting).
    private let outputStart: [Int32]
    private let outputList: [Int32]
    /// Per trigger, what the hot loop checks, in flat arrays (reading a `TermTrigger` would
    /// retain and release its arrays for every candidate match).
    private let lengths: [Int32]
    /// Bit 0: boundary before, bit 1: boundary after, bit 2: case must match exactly.
    private let flags: [UInt8]
    /// Exact-case scalars of case-sensitive triggers: `exactScalars[exactStart[t]...]`.
    private let exactStart: [Int32]
    private let exactScalars: [UInt32]

    /// A trigger found in a text, in normalised-scalar positions `[start, end)`; `byteStart` and
    /// `byteEnd` are the UTF-8 range of the original text it came from (set by `matches(inText:)`).
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
        var rootNext = [Int32](repeating: -1, count: 0x10000)
        var edges: [UInt64: Int32] = [:]
        var outputs: [[Int32]] = [[]]
        var children: [[(UInt32, Int32)]] = [[]]
        func next(_ state: Int32, _ scalar: UInt32) -> Int32? {
            if state == 0, scalar < 0x10000 { let target = rootNext[Int(scalar)]; return target < 0 ? nil : target }
            return edges[UInt64(state) << 32 | UInt64(scalar)]
        }
        for (index, trigger) in triggers.enumerated() where !trigger.pattern.isEmpty {
            var state: Int32 = 0
            for scalar in trigger.pattern {
                if let target = next(state, scalar) {
                    state = target
                    continue
                }
                let created = Int32(outputs.count)
                outputs.append([])
                children.append([])
                children[Int(state)].append((scalar, created))
                if state == 0, scalar < 0x10000 { rootNext[Int(scalar)] = created } else { edges[UInt64(state) << 32 | UInt64(scalar)] = created }
                state = created
            }
            outputs[Int(state)].append(Int32(index))
        }
        // Breadth-first failure links; outputs inherit those of their failure state.
        var fail = [Int32](repeating: 0, count: outputs.count)
        var queue: [Int32] = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (scalar, child) in children[Int(state)] {
                var candidate = fail[Int(state)]
                while true {
                    if let target = next(candidate, scalar), target != child { fail[Int(child)] = target; break }
                    if candidate == 0 { fail[Int(child)] = 0; break }
                    candidate = fail[Int(candidate)]
                }
                outputs[Int(child)] += outputs[Int(fail[Int(child)])]
                queue.append(child)
            }
        }
        self.rootNext = rootNext
        self.edges = EdgeTable(edges)
        self.fail = fail
        var start: [Int32] = [0]
        var list: [Int32] = []
        for output in outputs {
            list += output
            start.append(Int32(list.count))
        }
        outputStart = start
        outputList = list
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

    /// Every trigger occurrence in `text`, normalised as `TermText` does but in the same pass as
    /// the automaton runs: only the last `window` positions are kept (in rings), not four arrays
    /// as long as the text. Matches carry the original byte range they came from.
    func matches(inText text: String, cache: inout [UInt32: ([UInt32], [UInt32])]) -> [Match] {
        var text = text
        let mask = window - 1
        // Everything the loop touches is local to the closure: variables captured from outside
        // it would each be boxed, with an exclusivity check on every access.
        return text.withUTF8 { bytes -> [Match] in
            var found: [Match] = []
            // Per recent position: folded scalar (boundary before), exact scalar (case-sensitive
            // triggers) and the byte offset of the original scalar it came from.
            var ringFolded = [UInt32](repeating: 0, count: window)
            var ringExact = [UInt32](repeating: 0, count: window)
            var ringStart = [Int32](repeating: 0, count: window)
            // Matches that need a boundary after them wait for the next scalar.
            var pending: [Match] = []
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
                let simple = TermText.fold(value)
                if let simple {
                    e = simple.exact
                    f = simple.folded
                } else {
                    expansion = TermText.expansion(value, cache: &cache)
                    count = expansion.folded.count
                }
                for part in 0..<count {
                    if simple == nil {
                        e = expansion.exact[part]
                        f = expansion.folded[part]
                    }
                    if !pending.isEmpty {
                        if !TermText.isWordScalar(f) { found += pending }
                        pending.removeAll(keepingCapacity: true)
                    }
                    let slot = position & mask
                    ringFolded[slot] = f
                    ringExact[slot] = e
                    ringStart[slot] = begin
                    while true {
                        if state == 0 {
                            state = max(f < 0x10000 ? rootNext[Int(f)] : edges.target(UInt64(f)), 0)
                            break
                        }
                        let target = edges.target(UInt64(state) << 32 | UInt64(f))
                        if target >= 0 {
                            state = target
                            break
                        }
                        state = fail[Int(state)]
                    }
                    var cursor = Int(outputStart[Int(state)])
                    let last = Int(outputStart[Int(state) + 1])
                    while cursor < last {
                        let trigger = Int(outputList[cursor])
                        cursor += 1
                        let start = position + 1 - Int(lengths[trigger])
                        let flag = flags[trigger]
                        if flag & 1 != 0, start > 0, TermText.isWordScalar(ringFolded[(start - 1) & mask]) { continue }
                        if flag & 4 != 0 {
                            let base = Int(exactStart[trigger])
                            var same = true
                            for step in 0..<(position + 1 - start) where ringExact[(start + step) & mask] != exactScalars[base + step] {
                                same = false
                                break
                            }
                            if !same { continue }
                        }
                        let match = Match(start: start, end: position + 1, trigger: trigger,
                                          byteStart: Int(ringStart[start & mask]), byteEnd: end)
                        if flag & 2 != 0 { pending.append(match) } else { found.append(match) }
                    }
                    position += 1
                }
            }
            // The end of the text is a boundary.
            return found + pending
        }
    }

    /// Leftmost-longest selection: of overlapping matches the one starting first wins, and of
    /// those starting together the longest (`需求池管理` over `需求池`).
    static func longestNonOverlapping(_ matches: [Match]) -> [Match] {
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
