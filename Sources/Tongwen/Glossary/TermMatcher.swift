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

    /// A trigger found in a text, in normalised-scalar positions `[start, end)`.
    struct Match: Sendable, Hashable {
        var start: Int
        var end: Int
        var trigger: Int
    }

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
    }

    /// Every trigger occurrence in `text` that respects case and word-boundary rules.
    func matches(in text: TermText) -> [Match] {
        var found: [Match] = []
        var state: Int32 = 0
        let folded = text.folded
        for position in 0..<folded.count {
            let scalar = folded[position]
            while true {
                if state == 0 {
                    state = max(scalar < 0x10000 ? rootNext[Int(scalar)] : edges.target(UInt64(scalar)), 0)
                    break
                }
                let target = edges.target(UInt64(state) << 32 | UInt64(scalar))
                if target >= 0 {
                    state = target
                    break
                }
                state = fail[Int(state)]
            }
            let from = Int(outputStart[Int(state)]), to = Int(outputStart[Int(state) + 1])
            guard from < to else { continue }
            var cursor = from
            while cursor < to {
                let index = Int(outputList[cursor])
                cursor += 1
                let start = position + 1 - Int(lengths[index])
                if accepts(index, text: text, start: start, end: position + 1) {
                    found.append(Match(start: start, end: position + 1, trigger: Int(index)))
                }
            }
        }
        return found
    }

    @inline(__always) private func accepts(_ index: Int, text: TermText, start: Int, end: Int) -> Bool {
        let flag = flags[index]
        if flag & 1 != 0, start > 0, TermText.isWordScalar(text.folded[start - 1]) { return false }
        if flag & 2 != 0, end < text.folded.count, TermText.isWordScalar(text.folded[end]) { return false }
        if flag & 4 != 0 {
            let base = Int(exactStart[index])
            for offset in 0..<(end - start) where text.exact[start + offset] != exactScalars[base + offset] { return false }
        }
        return true
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
