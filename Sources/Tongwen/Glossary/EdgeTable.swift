/// The automaton's non-root transitions: open addressing with a multiplicative hash. Swift's
/// `Dictionary` hashes with SipHash, which showed up as a tenth of the linking time.
struct EdgeTable: Sendable {
    /// Key and target side by side: a probe reads one cache line, not one in each of two arrays.
    fileprivate struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private let mask: Int
    private let shift: UInt64

    init(_ edges: [UInt64: Int32]) {
        var capacity = 16
        while capacity < edges.count * 2 { capacity *= 2 }
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, value) in edges {
            var slot = EdgeTable.slot(for: key, shift: shift, mask: mask)
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key &+ 1, value: value)
        }
    }

    @inline(__always) fileprivate static func slot(for key: UInt64, shift: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
    }

    /// The table as a pointer, for `TermAutomaton.Walker`.
    struct Probe {
        fileprivate let slots: UnsafePointer<Slot>
        fileprivate let mask: Int
        fileprivate let shift: UInt64

        /// The target state, or -1.
        @inline(__always) func target(_ key: UInt64) -> Int32 {
            var slot = EdgeTable.slot(for: key, shift: shift, mask: mask)
            let stored = key &+ 1
            while true {
                let found = slots[slot]
                if found.key == stored { return found.value }
                if found.key == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// `body` with the table as a pointer (never empty: at least 16 slots).
    func withProbe<R>(_ body: (Probe) -> R) -> R {
        slots.withUnsafeBufferPointer { body(Probe(slots: $0.baseAddress!, mask: mask, shift: shift)) }
    }
}
