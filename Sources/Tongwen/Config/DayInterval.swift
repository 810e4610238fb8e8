import Foundation

/// A length of time in whole days, written `180d`, `26w`, `6m` (30-day months) or `1y` (365 days),
/// as `review_every` and `status.stale_after` take it.
public struct DayInterval: Sendable, Hashable, CustomStringConvertible {
    public var days: Int
    /// As written, for messages (`180d`).
    public var description: String

    public init(days: Int) {
        self.days = days
        description = "\(days)d"
    }

    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let count = Int(trimmed.dropLast()), count > 0 else { return nil }
        switch unit {
        case "d": days = count
        case "w": days = count * 7
        case "m": days = count * 30
        case "y": days = count * 365
        default: return nil
        }
        description = trimmed
    }

    static let formatHint = "a number of days, weeks, months or years like 180d, 26w, 6m or 1y"
}
