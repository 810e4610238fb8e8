import Foundation

extension Array where Element: Sendable {
    /// `map` spread over all cores in order-preserving chunks. Work items are independent values,
    /// so no state is shared between tasks.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        guard count > 1 else { return map(transform) }
        let workers = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
        // Many chunks per core so one slow chunk does not leave a core idle at the end: the
        // write stage's jobs range from a 2 KB redirect to an FAQ category page with hundreds of answers.
        let chunkSize = Swift.max(1, (count + workers * 64 - 1) / (workers * 64))
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                let chunk = Array(self[start..<Swift.min(start + chunkSize, count)])
                group.addTask { (start / chunkSize, chunk.map(transform)) }
            }
            var chunks = [[T]](repeating: [], count: (count + chunkSize - 1) / chunkSize)
            for await (index, values) in group { chunks[index] = values }
            return chunks.flatMap { $0 }
        }
    }
}
