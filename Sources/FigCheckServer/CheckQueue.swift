import Foundation
import Synchronization

/// Admits at most `limit` checks at once. Up to `queueLength` more wait for a free slot, first come
/// first served, each for at most `maximumWait` seconds; past that a request is refused (the
/// server answers 503 with a `Retry-After` the queue estimates from how long recent checks took).
/// A check takes tens of milliseconds, so a short queue serves a burst that a hard limit would
/// turn away.
final class CheckQueue: Sendable {
    /// What became of a request that asked for a slot.
    enum Admission: Equatable, Sendable {
        case admitted
        /// `queueLength` requests were already waiting.
        case queueFull
        /// It waited `maximumWait` seconds without a slot coming free.
        case waitedTooLong
        /// The server is shutting down: no new check starts.
        case shuttingDown
    }

    let limit: Int
    let queueLength: Int
    let maximumWait: TimeInterval

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Admission, Never>
    }

    private struct State {
        var running = 0
        var waiting: [Waiter] = []
        var nextID: UInt64 = 0
        var shuttingDown = false
        /// A moving average of the seconds a check takes, for `Retry-After`.
        var recentCheckSeconds = 0.05
    }

    private let state = Mutex(State())

    init(limit: Int, queueLength: Int, maximumWait: TimeInterval) {
        self.limit = max(1, limit)
        self.queueLength = max(0, queueLength)
        self.maximumWait = max(0, maximumWait)
    }

    /// Waits for a slot (or answers at once when one is free or the queue is full). Every
    /// `.admitted` must be followed by one `leave(afterSeconds:)`.
    func enter() async -> Admission {
        enum Decision { case go, refuse(Admission), wait(UInt64) }
        let decision: Decision = state.withLock { state in
            if state.shuttingDown { return .refuse(.shuttingDown) }
            if state.running < limit {
                state.running += 1
                return .go
            }
            if state.waiting.count >= queueLength { return .refuse(.queueFull) }
            state.nextID += 1
            return .wait(state.nextID)
        }
        switch decision {
        case .go: return .admitted
        case let .refuse(reason): return reason
        case let .wait(id):
            let maximumWait = maximumWait
            return await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    state.withLock { $0.waiting.append(Waiter(id: id, continuation: continuation)) }
                    // The waiter is resumed by `leave` or by this timer, whichever comes first;
                    // a timer that finds it gone does nothing.
                    Task { [weak self] in
                        try? await Task.sleep(nanoseconds: UInt64(maximumWait * 1_000_000_000))
                        self?.resume(id, with: .waitedTooLong)
                    }
                }
            } onCancel: {
                self.resume(id, with: .shuttingDown)
            }
        }
    }

    /// Frees the slot a check held, handing it to the longest-waiting request if there is one.
    func leave(afterSeconds seconds: Double) {
        let next: Waiter? = state.withLock { state in
            state.recentCheckSeconds = 0.8 * state.recentCheckSeconds + 0.2 * max(0, seconds)
            if !state.shuttingDown, !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.running -= 1
            return nil
        }
        next?.continuation.resume(returning: .admitted)
    }

    /// Shutting down: waiting requests are refused now, and no new check is admitted. Checks
    /// already running finish.
    func shutDown() {
        let refused: [Waiter] = state.withLock { state in
            state.shuttingDown = true
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        for waiter in refused { waiter.continuation.resume(returning: .shuttingDown) }
    }

    /// Seconds a refused client should wait before trying again: the time the checks ahead of it
    /// would take at the recent pace, at least 1 and at most 60.
    var retryAfterSeconds: Int {
        state.withLock { state in
            let ahead = Double(state.running + state.waiting.count) / Double(limit)
            return min(60, max(1, Int((state.recentCheckSeconds * ahead).rounded(.up))))
        }
    }

    var isShuttingDown: Bool { state.withLock { $0.shuttingDown } }

    /// Checks running and waiting (for tests and the health route).
    var load: (running: Int, waiting: Int) {
        state.withLock { ($0.running, $0.waiting.count) }
    }

    private func resume(_ id: UInt64, with admission: Admission) {
        let waiter: Waiter? = state.withLock { state in
            guard let index = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiting.remove(at: index)
        }
        waiter?.continuation.resume(returning: admission)
    }
}
