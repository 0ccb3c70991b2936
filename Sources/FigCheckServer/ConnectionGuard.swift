import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// The deadlines a connection lives by, apart from the check's own time limit.
struct ConnectionLimits: Sendable {
    /// From the connection opening to its first request head.
    var head: TimeAmount
    /// From a request head to the end of its body.
    var body: TimeAmount
    /// From a response to the next request head on a kept-alive connection.
    var idle: TimeAmount
    /// Connections open at once.
    var maxConnections: Int

    init(_ options: ServerOptions) {
        head = Self.amount(options.headTimeout)
        body = Self.amount(options.bodyTimeout)
        idle = Self.amount(options.idleTimeout)
        maxConnections = max(1, options.maxConnections)
    }

    static func amount(_ seconds: TimeInterval) -> TimeAmount {
        .nanoseconds(Int64(max(0.001, seconds) * 1e9))
    }
}

/// The server's open connections, shared by every connection's `ConnectionGuard`.
///
/// Past `maxConnections`, a new connection makes room by closing a stalled one: of those waiting
/// for a request head (slow clients, kept-alive connections gone idle) and those whose body has not
/// moved for a second, the one stalled longest. A flood of stalled connections cannot lock editors
/// out, and the file descriptors stay bounded. Only when every connection is busy (its body still
/// arriving, or its check running) is the new one refused.
package final class ConnectionRegistry: Sendable {
    enum Admission {
        case admitted
        /// Admitted in place of this connection, which the caller closes.
        case admittedInPlaceOf(any Channel)
        /// Every connection is busy: answer 503 and close.
        case refused
    }

    private enum Activity {
        case waitingForHead(since: UInt64)
        case readingBody(lastProgress: UInt64)
        case answering
    }

    private struct Member {
        var channel: any Channel
        var activity: Activity
    }

    private struct State {
        var members: [ObjectIdentifier: Member] = [:]
        var evicted = 0
        var refused = 0
    }

    /// A body that has not moved for this long counts as stalled.
    static let stalledBody: UInt64 = 1_000_000_000

    let maxConnections: Int
    private let state = Mutex(State())

    init(maxConnections: Int) { self.maxConnections = max(1, maxConnections) }

    private static var now: UInt64 { NIODeadline.now().uptimeNanoseconds }

    func admit(_ channel: any Channel) -> Admission {
        let now = Self.now
        return state.withLock { state in
            var victim: (any Channel)?
            if state.members.count >= maxConnections {
                var oldest: (key: ObjectIdentifier, stamp: UInt64)?
                for (key, member) in state.members {
                    let stamp: UInt64
                    switch member.activity {
                    case let .waitingForHead(since): stamp = since
                    case let .readingBody(lastProgress) where now &- lastProgress >= Self.stalledBody:
                        stamp = lastProgress
                    case .readingBody, .answering: continue
                    }
                    if stamp < oldest?.stamp ?? .max { oldest = (key, stamp) }
                }
                guard let oldest, let member = state.members.removeValue(forKey: oldest.key) else {
                    state.refused += 1
                    return .refused
                }
                state.evicted += 1
                victim = member.channel
            }
            state.members[ObjectIdentifier(channel)] = Member(channel: channel, activity: .waitingForHead(since: now))
            return victim.map { .admittedInPlaceOf($0) } ?? .admitted
        }
    }

    /// The connection's request head arrived, or more of its body.
    func receiving(_ channel: any Channel) { set(channel, .readingBody(lastProgress: Self.now)) }

    /// The connection's request has arrived whole: its check runs (it cannot be closed to make room).
    func answering(_ channel: any Channel) { set(channel, .answering) }

    /// The connection waits for its next request head.
    func waiting(_ channel: any Channel) { set(channel, .waitingForHead(since: Self.now)) }

    private func set(_ channel: any Channel, _ activity: Activity) {
        state.withLock { $0.members[ObjectIdentifier(channel)]?.activity = activity }
    }

    func closed(_ channel: any Channel) {
        state.withLock { state in
            let key = ObjectIdentifier(channel)
            // Only this channel's own entry: an identifier can be reused once a channel is freed.
            if let member = state.members[key], member.channel === channel { state.members[key] = nil }
        }
    }

    /// Open connections, and how many were closed to make room or refused since the start.
    package var counts: (open: Int, evicted: Int, refused: Int) {
        state.withLock { ($0.members.count, $0.evicted, $0.refused) }
    }
}

/// One per connection, after the HTTP codec: closes a connection whose request head does not
/// arrive within `limits.head` (or, kept alive, within `limits.idle` of its last response), or
/// whose body does not arrive within `limits.body` or pauses for longer than `limits.head`; refuses a connection the registry refused; and
/// on the server's shutdown closes at once a connection that is not running a check.
///
/// Hummingbird's own idle timer counts from the last HTTP part read, so a client that trickles a
/// body a byte at a time would keep it open for ever; these deadlines count from the start.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    private let registry: ConnectionRegistry
    /// Refused by the registry: the request is read to its end (so closing does not reset the
    /// connection under the client's answer), answered 503 and the connection closed.
    private var refused = false
    private var readingRequest = false
    private var requestsAwaitingResponse = 0
    private var deadline: Scheduled<Void>?
    private var bodyDeadline = NIODeadline.distantFuture
    private var registered = false

    init(limits: ConnectionLimits, registry: ConnectionRegistry) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        switch registry.admit(context.channel) {
        case .admitted:
            registered = true
        case let .admittedInPlaceOf(victim):
            registered = true
            victim.close(promise: nil)
        case .refused:
            refused = true
        }
        arm(context, limits.head)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
        leaveRegistry(context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        leaveRegistry(context)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if refused {
            if case .end = part { refuse(context) }
            return
        }
        switch part {
        case .head:
            readingRequest = true
            requestsAwaitingResponse += 1
            bodyDeadline = .now() + limits.body
            registry.receiving(context.channel)
            armForBody(context)
        case .body:
            registry.receiving(context.channel)
            armForBody(context)
        case .end:
            readingRequest = false
            registry.answering(context.channel)
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            requestsAwaitingResponse = max(0, requestsAwaitingResponse - 1)
            if requestsAwaitingResponse == 0, !readingRequest {
                registry.waiting(context.channel)
                arm(context, limits.idle)
            }
        }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        // The server is shutting down. A connection waiting for a request is closed now; one still
        // sending its request has a moment to finish it (and is answered 503: no check starts
        // now), so a stalled upload cannot hold the exit; one whose check runs is closed after its
        // response (Hummingbird's connection handler, next in the pipeline, does that).
        if requestsAwaitingResponse == 0 {
            context.close(promise: nil)
            return
        }
        if readingRequest {
            bodyDeadline = min(bodyDeadline, .now() + Self.finishUploadOnShutdown)
            armForBody(context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// The time a request still arriving at shutdown has to finish.
    static let finishUploadOnShutdown = TimeAmount.seconds(2)

    /// A body must be whole by `bodyDeadline` and must not pause for longer than the head limit.
    private func armForBody(_ context: ChannelHandlerContext) {
        let gap = NIODeadline.now() + limits.head
        arm(context, (min(gap, bodyDeadline) - .now()))
    }

    private func arm(_ context: ChannelHandlerContext, _ amount: TimeAmount) {
        disarm()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: amount) {
            context.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }

    private func leaveRegistry(_ context: ChannelHandlerContext) {
        guard registered else { return }
        registered = false
        registry.closed(context.channel)
    }

    private func refuse(_ context: ChannelHandlerContext) {
        refused = false
        let body = ByteBuffer(
            string: "{\"error\":\"\(registry.maxConnections) connections are open; try again in a moment\"}")
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        fields[.retryAfter] = "1"
        context.write(
            wrapOutboundOut(.head(HTTPResponse(status: .serviceUnavailable, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
