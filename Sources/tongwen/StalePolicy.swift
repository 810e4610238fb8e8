import ArgumentParser

/// `--stale`: what `tongwen build` says about pages past their review date.
enum StalePolicy: String, ExpressibleByArgument, CaseIterable {
    /// One warning per overdue page (so `--strict` fails CI on them).
    case warn
    /// Nothing: the pages still show their notice and the review queue still lists them.
    case ignore
}
