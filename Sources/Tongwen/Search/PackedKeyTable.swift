/// Packed token keys → token ids: open addressing with linear probing and a multiplicative hash.
///
/// Why not `Dictionary`: counting looks a key up for every token of every page (tens of millions
/// on 10,000 pages), and Dictionary's SipHash made that the index's largest cost. Keys are never
/// 0 (`SearchTokenKey` packs no empty word and tags CJK keys), so 0 marks an empty slot.
struct PackedKeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 1 << 12)
        values = Array(repeating: 0, count: 1 << 12)
        shift = 64 - 12
    }

    /// The id stored for `key`; when there is none, `next` is stored and returned.
    @inline(__always) mutating func id(for key: UInt64, next: Int32) -> (id: Int32, inserted: Bool) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return (values[slot], false) }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = next
        count += 1
        // At most half full, so probes stay short.
        if count * 2 > keys.count { grow() }
        return (next, true)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
