/// The Aho–Corasick automaton over the glossary's folded trigger patterns, mostly as a transition
/// table: one array read per scalar of text for the states text spends its time in.
///
/// Scalars are first mapped to classes (the scalars that occur in some pattern, 0 for all others:
/// a scalar no pattern contains always leads back to the root). States are numbered breadth-first,
/// and the first `denseCount` of them (the shallow ones) get a full row of `classCount` targets,
/// failure links already followed. Deeper states keep goto edges and failure links; their failure
/// chains end in the dense rows. Most deeper states are inside one name, with one goto edge: it is
/// kept beside the failure link (`Deep`), and only states with more probe the hash table. Matching
/// is bound by cache misses (between pages, parsing evicts the tables): with caches flushed every
/// page's worth of text, a scratch benchmark went from 26 to 22 ns per scalar with this.
struct TermAutomaton: Sendable {
    /// Class of each BMP scalar; `wideClasses` for the others (rare in patterns).
    private let classOf: [UInt16]
    private let wideClasses: [UInt32: UInt16]
    private let classCount: Int
    /// `dense[state * classCount + class]` for `state < denseCount`.
    private let dense: [Int32]
    private let denseCount: Int32
    /// The states past `denseCount`, by number minus `denseCount`.
    private let deep: [Deep]
    /// Goto edges (`state << 32 | scalar`) of the deeper states with more than one.
    private let edges: EdgeTable

    /// A deeper state: its goto edge if it has exactly one (`scalar`: `noEdge` when it has none,
    /// `manyEdges` when they are in `edges`), and its failure link.
    fileprivate struct Deep: Sendable {
        var scalar: UInt32
        var target: Int32
        var fail: Int32
    }

    fileprivate static let noEdge = UInt32.max
    fileprivate static let manyEdges = UInt32.max - 1
    /// Patterns ending in each state, suffix matches included:
    /// `outputList[outputStart[s]..<outputStart[s + 1]]`.
    let outputStart: [Int32]
    let outputList: [Int32]

    /// Set in every transition target whose state has outputs, so the matcher looks at
    /// `outputStart` only when a pattern may end; `stateMask` gives the number back.
    static let outputFlag: Int32 = 1 << 30
    static let stateMask: Int32 = outputFlag - 1

    /// Entries of dense rows at most (512 KB, so they stay in a core's cache). On the 300-term
    /// benchmark glossary (4,246 states, 313 classes) rows for all states (5 MB) made matching
    /// slower than this, 25–29 against 17.5 ns per scalar: most reads missed the cache.
    static let denseLimit = 1 << 17

    init(patterns: [[UInt32]], denseLimit: Int = TermAutomaton.denseLimit) {
        // The trie, with states numbered as created.
        var children: [[(scalar: UInt32, target: Int)]] = [[]]
        var endings: [[Int32]] = [[]]
        var lookup: [UInt64: Int] = [:]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for scalar in pattern {
                let key = UInt64(state) << 32 | UInt64(scalar)
                if let target = lookup[key] { state = target; continue }
                children.append([])
                endings.append([])
                children[state].append((scalar, children.count - 1))
                lookup[key] = children.count - 1
                state = children.count - 1
            }
            endings[state].append(Int32(index))
        }
        // Breadth-first order, children by scalar: the new state numbers.
        var order = [0]
        var head = 0
        while head < order.count {
            let state = order[head]
            head += 1
            order += children[state].sorted { $0.scalar < $1.scalar }.map(\.target)
        }
        var number = [Int](repeating: 0, count: order.count)
        for (new, old) in order.enumerated() { number[old] = new }

        var classes: [UInt32: UInt16] = [:]
        for scalar in Set(children.joined().map(\.scalar)).sorted() { classes[scalar] = UInt16(classes.count + 1) }
        let classCount = classes.count + 1
        var classOf = [UInt16](repeating: 0, count: 0x10000)
        var wideClasses: [UInt32: UInt16] = [:]
        for (scalar, value) in classes {
            if scalar < 0x10000 { classOf[Int(scalar)] = value } else { wideClasses[scalar] = value }
        }

        let stateCount = order.count
        // Failure links and outputs, breadth-first: a state's failure state comes before it.
        var fail = [Int32](repeating: 0, count: stateCount)
        var outputs = [[Int32]](repeating: [], count: stateCount)
        for (new, old) in order.enumerated() {
            outputs[new] = endings[old] + outputs[Int(fail[new])]
            for (scalar, target) in children[old] where new > 0 {
                // The longest proper suffix that is also a trie path.
                var candidate = Int(fail[new])
                while true {
                    if let next = lookup[UInt64(order[candidate]) << 32 | UInt64(scalar)] {
                        fail[number[target]] = Int32(number[next])
                        break
                    }
                    if candidate == 0 { break }
                    candidate = Int(fail[candidate])
                }
            }
        }
        // Transition targets carry `outputFlag` (failure links need not: they are only followed).
        let flagged = (0..<stateCount).map { Int32($0) | (outputs[$0].isEmpty ? 0 : TermAutomaton.outputFlag) }
        let denseCount = min(stateCount, max(1, denseLimit / classCount))
        var dense = [Int32](repeating: 0, count: denseCount * classCount)
        var sparse: [UInt64: Int32] = [:]
        var deep: [Deep] = []
        for (new, old) in order.enumerated() {
            if new < denseCount {
                let row = new * classCount
                if new > 0 {
                    let failRow = Int(fail[new]) * classCount
                    for column in 0..<classCount { dense[row + column] = dense[failRow + column] }
                }
                for (scalar, target) in children[old] { dense[row + Int(classes[scalar]!)] = flagged[number[target]] }
            } else {
                let edges = children[old]
                var state = Deep(scalar: TermAutomaton.noEdge, target: 0, fail: fail[new])
                if edges.count == 1 {
                    state.scalar = edges[0].scalar
                    state.target = flagged[number[edges[0].target]]
                } else if edges.count > 1 {
                    state.scalar = TermAutomaton.manyEdges
                    for (scalar, target) in edges { sparse[UInt64(new) << 32 | UInt64(scalar)] = flagged[number[target]] }
                }
                deep.append(state)
            }
        }
        self.classOf = classOf
        self.wideClasses = wideClasses
        self.classCount = classCount
        self.dense = dense
        self.denseCount = Int32(denseCount)
        self.edges = EdgeTable(sparse)
        // Never empty (`withWalker` needs its pointer): an unused entry when every state is dense.
        self.deep = deep.isEmpty ? [Deep(scalar: TermAutomaton.noEdge, target: 0, fail: 0)] : deep
        var start: [Int32] = [0]
        var list: [Int32] = []
        for output in outputs {
            list += output
            start.append(Int32(list.count))
        }
        outputStart = start
        // One unused entry, so the list is never empty (`withWalker` needs its pointer).
        outputList = list + [0]
    }

    /// The state after reading folded scalar `scalar` in `state`.
    func next(_ state: Int32, _ scalar: UInt32) -> Int32 {
        withWalker { $0.next(state, scalar) }
    }

    /// The tables as pointers, for a loop over many scalars: read through `self`, every array's
    /// storage and count were loaded again for each scalar, as the loop's appends could have
    /// changed them for all the compiler knew.
    struct Walker {
        fileprivate let classOf: UnsafePointer<UInt16>
        fileprivate let wideClasses: [UInt32: UInt16]
        fileprivate let dense: UnsafePointer<Int32>
        fileprivate let classCount: Int
        fileprivate let denseCount: Int32
        fileprivate let deep: UnsafePointer<Deep>
        fileprivate let edges: EdgeTable.Probe
        /// As `TermAutomaton.outputStart` and `outputList`.
        let outputStart: UnsafePointer<Int32>
        let outputList: UnsafePointer<Int32>

        /// The state after reading folded scalar `scalar` in `state`.
        @inline(__always) func next(_ state: Int32, _ scalar: UInt32) -> Int32 {
            let column = scalar < 0x10000 ? Int(classOf[Int(scalar)]) : Int(wideClasses[scalar] ?? 0)
            if column == 0 { return 0 }
            var id = state & TermAutomaton.stateMask
            while true {
                if id < denseCount { return dense[Int(id) * classCount + column] }
                let state = deep[Int(id - denseCount)]
                if state.scalar == scalar { return state.target }
                if state.scalar == TermAutomaton.manyEdges {
                    let target = edges.target(UInt64(id) << 32 | UInt64(scalar))
                    if target >= 0 { return target }
                }
                id = state.fail
            }
        }
    }

    /// `body` with a `Walker` over the tables (none is empty: 65,536 classes, at least one dense
    /// row, one state, one output entry).
    func withWalker<R>(_ body: (Walker) -> R) -> R {
        classOf.withUnsafeBufferPointer { classOf in
            dense.withUnsafeBufferPointer { dense in
                deep.withUnsafeBufferPointer { deep in
                    outputStart.withUnsafeBufferPointer { outputStart in
                        outputList.withUnsafeBufferPointer { outputList in
                            edges.withProbe { edges in
                                body(Walker(classOf: classOf.baseAddress!, wideClasses: wideClasses, dense: dense.baseAddress!,
                                            classCount: classCount, denseCount: denseCount, deep: deep.baseAddress!, edges: edges,
                                            outputStart: outputStart.baseAddress!, outputList: outputList.baseAddress!))
                            }
                        }
                    }
                }
            }
        }
    }
}
