import Foundation
import ZIPFoundation

/// A DOCX-shaped zip bomb: `word/document.xml` of `size` zero bytes, deflated to a few kilobytes.
public enum ZipBomb {
    public static func write(to url: URL, size: Int) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let zeros = Data(count: size)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(zeros.count),
                             compressionMethod: .deflate) { position, chunk in
            zeros.subdata(in: Int(position)..<(Int(position) + chunk))
        }
    }
}
