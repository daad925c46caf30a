import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a text file from disk for the loader: its size is checked (fstat) before a
/// byte is read, no more than the limit is ever held in memory, and bytes that are not
/// UTF-8 are refused with the place of the first one.
public enum TextFile {
    /// The text of the file at `path`, refused when it is larger than `limit` bytes or
    /// its bytes are not UTF-8.
    public static func read(atPath path: String, limit: Int) throws(FileReadError) -> String {
        try TextDecoding.utf8(readData(atPath: path, limit: limit))
    }

    /// The bytes of the file at `path`, refused when there are more than `limit`.
    public static func readData(atPath path: String, limit: Int) throws(FileReadError) -> Data {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            switch (error as? CocoaError)?.code {
            case .fileReadNoSuchFile?: throw .noSuchFile
            case .fileReadNoPermission?: throw .unreadable(reason: "permission denied")
            default:
                throw FileManager.default.fileExists(atPath: path) ? .unreadable(reason: "it cannot be opened") : .noSuchFile
            }
        }
        defer { try? handle.close() }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0 else {
            throw .unreadable(reason: String(cString: strerror(errno)))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isFolder }
        if Int(status.st_size) > limit { throw .tooLarge(bytes: Int(status.st_size)) }
        // A file that grew since, or one without a size (a device), is refused once it
        // passes the limit: no more than limit + 1 bytes are read.
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(reason: (error as NSError).localizedFailureReason ?? "it cannot be read")
        }
        if data.count > limit { throw .tooLarge(bytes: max(data.count, Int(status.st_size))) }
        return data
    }

    /// Where the first ill-formed UTF-8 sequence of `bytes` starts (Unicode §3.9,
    /// table 3-7), as a ``FileReadError/notUTF8(byte:offset:line:column:)``; nil when
    /// every sequence is well formed. Lines end at LF, CRLF or CR.
    static func invalidUTF8(in bytes: UnsafeRawBufferPointer) -> FileReadError? {
        var offset = 0, line = 1, column = 1
        while offset < bytes.count {
            let lead = bytes[offset]
            guard let length = wellFormedUTF8Sequence(at: offset, in: bytes) else {
                return .notUTF8(byte: lead, offset: offset, line: line, column: column)
            }
            if lead == 0x0A || (lead == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if lead != 0x0D {
                column += 1
            }
            offset += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence starting at `offset` of `bytes`
    /// (Unicode §3.9, table 3-7); nil when the bytes there are ill formed.
    static func wellFormedUTF8Sequence<Bytes: RandomAccessCollection>(at offset: Int, in bytes: Bytes) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[offset]
        var length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xED: length = 3; second = 0x80...0x9F  // not a surrogate
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF4: length = 4; second = 0x80...0x8F  // not above U+10FFFF
        case 0xF1...0xF3: length = 4
        default: return nil  // a continuation byte, C0, C1 or F5…FF
        }
        guard offset + length <= bytes.count else { return nil }
        for k in 1..<length where !(k == 1 ? second : 0x80...0xBF).contains(bytes[offset + k]) { return nil }
        return length
    }
}
