import Crypto

/// SHA-256 (swift-crypto) as lowercase hex: the content hashes that let a batch run skip
/// unchanged documents, name reports and pick shards.
package struct ContentHash {
    private var hasher = SHA256()

    package init() {}

    package mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if let done = bytes.withContiguousStorageIfAvailable({ buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }) {
            return done
        }
        hasher.update(data: Array(bytes))
    }

    package mutating func update(_ text: String) { update(text.utf8) }

    /// The digest of everything fed so far, as 64 hex digits.
    package func finalizeHex() -> String { Self.hex(digest: hasher.finalize()) }

    package static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.finalizeHex()
    }

    package static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    private static func hex(digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(SHA256.byteCount * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
