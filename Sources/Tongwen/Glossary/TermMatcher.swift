/// An Aho–Corasick automaton over every trigger of the glossary, built once per build: matching
/// is linear in the text whatever the number of terms.
struct TermMatcher: Sendable {
    let triggers: [TermTrigger]
    /// Transitions out of the root for BMP scalars (most steps start there): -1 means none.
    private let rootNext: [Int32]
    /// Other transitions, keyed by `state << 32 | scalar`.
    private let edges: [UInt64: Int32]
    private let fail: [Int32]
    /// Triggers ending in each state, suffix matches included.
    private let outputs: [[Int32]]

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
        self.edges = edges
        self.fail = fail
        self.outputs = outputs
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
                    if scalar < 0x10000 {
                        state = max(rootNext[Int(scalar)], 0)
                    } else {
                        state = edges[UInt64(scalar)] ?? 0
                    }
                    break
                }
                if let target = edges[UInt64(state) << 32 | UInt64(scalar)] {
                    state = target
                    break
                }
                state = fail[Int(state)]
            }
            for index in outputs[Int(state)] {
                let trigger = triggers[Int(index)]
                let start = position + 1 - trigger.pattern.count
                if accepts(trigger, text: text, start: start, end: position + 1) {
                    found.append(Match(start: start, end: position + 1, trigger: Int(index)))
                }
            }
        }
        return found
    }

    private func accepts(_ trigger: TermTrigger, text: TermText, start: Int, end: Int) -> Bool {
        if trigger.boundaryBefore, start > 0, TermText.isWordScalar(text.folded[start - 1]) { return false }
        if trigger.boundaryAfter, end < text.folded.count, TermText.isWordScalar(text.folded[end]) { return false }
        if let exact = trigger.exact, !text.exact[start..<end].elementsEqual(exact) { return false }
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
