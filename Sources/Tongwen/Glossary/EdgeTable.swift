/// The automaton's non-root transitions: open addressing with a multiplicative hash. Swift's
/// `Dictionary` hashes with SipHash, which showed up as a tenth of the linking time.
struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int
    private let shift: UInt64

    init(_ edges: [UInt64: Int32]) {
        var capacity = 16
        while capacity < edges.count * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, value) in edges {
            var slot = slot(for: key)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key &+ 1
            values[slot] = value
        }
    }

    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
    }

    /// The target state, or -1.
    @inline(__always) func target(_ key: UInt64) -> Int32 {
        var slot = slot(for: key)
        let stored = key &+ 1
        while true {
            let found = keys[slot]
            if found == stored { return values[slot] }
            if found == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }
}
