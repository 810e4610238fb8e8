import Foundation

/// A calendar date without time or zone, as front matter writes it (`2024-03-17`).
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, also when followed by a time (`2024-03-17T10:00:00Z`, `2024-03-17 10:00`).
    public init?(parsing text: String) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard text.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        if text.count > 10 {
            let separator = text[text.index(text.startIndex, offsetBy: 10)]
            guard separator == "T" || separator == " " || separator == "t" else { return nil }
        }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC day of a Unix timestamp (used for `SOURCE_DATE_EPOCH`).
    public init(unixTime seconds: Int) {
        self.init(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// The day `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Civil-from-days, Howard Hinnant's algorithm: exact for the proleptic Gregorian calendar.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01 (days-from-civil, the inverse of `init(daysSinceEpoch:)`).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> Day {
        Day(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    public func days(until later: Day) -> Int {
        later.daysSinceEpoch - daysSinceEpoch
    }

    /// The build's "today": `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) { return Day(unixTime: epoch) }
        return Day(unixTime: Int(Date().timeIntervalSince1970))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
