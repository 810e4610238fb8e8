/// When a page was last checked and when it must be checked again.
public struct ReviewState: Sendable, Hashable {
    public var source: String
    /// `reviewed`, else `updated`.
    public var reviewed: Day
    public var interval: DayInterval
    public var due: Day
    /// Days past `due` on the build date; 0 or less: not overdue.
    public var overdueDays: Int

    public var isOverdue: Bool { overdueDays > 0 }
}
