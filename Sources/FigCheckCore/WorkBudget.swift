/// The time one document may take, checked cooperatively by figcheck's own loops.
///
/// A hostile or pathological input must not hold a core without end: every loop whose length
/// depends on the input (the loaders, the scanner, the claim reader, the verifier) asks
/// ``isSpent`` between units of work and stops early when it is. The pipeline then reports the
/// document as given up (``Spent``), naming the stage, instead of returning a partial analysis.
/// Library code that cannot be interrupted runs bounded by construction (sizes capped, loops that
/// advance through a known byte range) or in a child process killed at ``remainingSeconds``.
public struct WorkBudget: Sendable {
    /// The seconds allowed; nil is no limit.
    public let seconds: Double?
    private let deadline: ContinuousClock.Instant?

    /// Starts a budget of `seconds` from now; nil never runs out.
    public init(seconds: Double?) {
        self.seconds = seconds
        deadline = seconds.map { ContinuousClock.now.advanced(by: .nanoseconds(Int64(max(0, $0) * 1e9))) }
    }

    /// A budget that never runs out (tests, benchmarks, the fuzz driver).
    public static let unlimited = WorkBudget(seconds: nil)

    /// Whether the deadline has passed.
    public var isSpent: Bool {
        guard let deadline else { return false }
        return ContinuousClock.now >= deadline
    }

    /// The seconds left (never negative); nil without a limit.
    public var remainingSeconds: Double? {
        guard let deadline else { return nil }
        let left = ContinuousClock.now.duration(to: deadline).components
        return max(0, Double(left.seconds) + Double(left.attoseconds) * 1e-18)
    }

    /// Throws ``Spent`` naming `stage` when the deadline has passed.
    public func check(during stage: String) throws(Spent) {
        if isSpent { throw Spent(seconds: seconds ?? 0, stage: stage) }
    }

    /// The budget ran out while `stage` was working on the document.
    public struct Spent: Error, Equatable, Sendable {
        /// The budget, in seconds.
        public let seconds: Double
        /// The stage that was running: loading, scanning, reading or verifying.
        public let stage: String

        /// Records where a budget of `seconds` ran out.
        public init(seconds: Double, stage: String) {
            self.seconds = seconds
            self.stage = stage
        }
    }
}
