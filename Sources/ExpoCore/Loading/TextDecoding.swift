import Foundation

/// An encoding a CSV file may be written in: what spreadsheets save as "CSV".
public enum TextEncoding: String, Sendable, Hashable {
    /// UTF-8, with or without a byte-order mark ("CSV UTF-8" in Excel, LibreOffice's
    /// default).
    case utf8 = "UTF-8"
    /// UTF-16 after a byte-order mark FF FE ("Unicode text" in Excel).
    case utf16LittleEndian = "UTF-16LE"
    /// UTF-16 after a byte-order mark FE FF.
    case utf16BigEndian = "UTF-16BE"
    /// The Windows code page for Western Europe: Excel's plain "CSV" on a French or
    /// English Windows.
    case windows1252 = "Windows-1252"
}

/// Turns the bytes of a file into text: strictly UTF-8 for scenario files, and for CSV
/// files whichever of the encodings spreadsheets write (``TextEncoding``) the bytes are.
public enum TextDecoding {
    /// The text of UTF-8 `data` (a byte-order mark is kept as U+FEFF), or the place of
    /// its first byte that is not UTF-8.
    public static func utf8(_ data: Data) throws(FileReadError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw data.withUnsafeBytes { TextFile.invalidUTF8(in: $0) } ?? .unreadable(reason: "it is not UTF-8 text")
        }
        return text
    }

    /// The text of a CSV file and the encoding it was read in:
    ///
    /// 1. a UTF-32 byte-order mark is refused (``FileReadError/unsupportedEncoding(name:)``);
    /// 2. after a UTF-16 byte-order mark (FF FE or FE FF), UTF-16 of that byte order;
    /// 3. bytes that are UTF-8 (with or without a byte-order mark), UTF-8;
    /// 4. otherwise Windows-1252, when no byte is one that code page leaves undefined
    ///    (81, 8D, 8F, 90, 9D) and no well-formed UTF-8 sequence of two or more bytes is
    ///    in the file (which would make it a file of mixed encodings);
    /// 5. anything else is refused (``FileReadError/unknownEncoding(byte:offset:line:column:reason:)``).
    public static func csv(_ data: Data) throws(FileReadError) -> (text: String, encoding: TextEncoding) {
        if data.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || data.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw .unsupportedEncoding(name: "UTF-32")
        }
        if data.starts(with: [0xFF, 0xFE]) { return (try utf16([UInt8](data), bigEndian: false), .utf16LittleEndian) }
        if data.starts(with: [0xFE, 0xFF]) { return (try utf16([UInt8](data), bigEndian: true), .utf16BigEndian) }
        if let text = String(data: data, encoding: .utf8) { return (text, .utf8) }
        let bytes = [UInt8](data)
        let invalid = bytes.withUnsafeBytes { TextFile.invalidUTF8(in: $0) }
        guard case .notUTF8(let byte, let offset, let line, let column)? = invalid else {
            throw .unreadable(reason: "it is not text")
        }
        if let undefined = bytes.firstIndex(where: { windows1252[Int($0)] == nil }) {
            throw .unknownEncoding(byte: byte, offset: offset, line: line, column: column, reason: "byte 0x"
                + String(format: "%02X", bytes[undefined]) + " at byte offset \(undefined) is not Windows-1252 either")
        }
        if let sequence = firstMultibyteUTF8(bytes) {
            throw .unknownEncoding(byte: byte, offset: offset, line: line, column: column, reason: "the bytes at byte offset "
                + "\(sequence) (line \(self.line(ofByte: sequence, in: data))) are UTF-8, so the file mixes encodings")
        }
        var scalars = String.UnicodeScalarView()
        for b in bytes { scalars.append(windows1252[Int(b)]!) }
        return (String(scalars), .windows1252)
    }

    /// The 1-based line of the first byte of `data` above 0x7F (for the note that a file
    /// was read as Windows-1252), or nil when every byte is ASCII.
    static func lineOfFirstNonASCII(_ data: Data) -> Int? {
        data.firstIndex(where: { $0 >= 0x80 }).map { line(ofByte: $0 - data.startIndex, in: data) }
    }

    /// The 1-based line of the byte at `offset`; lines end at LF, CRLF or CR.
    static func line(ofByte offset: Int, in data: Data) -> Int {
        var line = 1
        var previous: UInt8 = 0
        for b in data.prefix(offset) {
            if b == 0x0A || previous == 0x0D && b != 0x0A { line += 1 }
            previous = b
        }
        if previous == 0x0D && data.dropFirst(offset).first != 0x0A { line += 1 }
        return line
    }

    /// UTF-16 after its byte-order mark, refused at the first unpaired surrogate or when
    /// a byte is left over.
    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) throws(FileReadError) -> String {
        guard bytes.count % 2 == 0 else { throw .invalidUTF16(offset: bytes.count - 1) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var k = 2
        while k < bytes.count {
            let (hi, lo) = bigEndian ? (bytes[k], bytes[k + 1]) : (bytes[k + 1], bytes[k])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            k += 2
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                consumed += scalar.utf16.count
            case .emptyInput:
                return String(scalars)
            case .error:
                throw .invalidUTF16(offset: 2 + 2 * consumed)
            }
        }
    }

    /// The offset of the first well-formed UTF-8 sequence of two or more bytes, if any.
    private static func firstMultibyteUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.indices.first { k in (TextFile.wellFormedUTF8Sequence(at: k, in: bytes) ?? 1) > 1 }
    }

    /// Windows-1252: Latin-1 but for 0x80–0x9F, where five bytes are undefined (nil).
    static let windows1252: [Unicode.Scalar?] = (0...255).map { b -> Unicode.Scalar? in
        let high: [UInt32?] = [
            0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
            nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
        ]
        if (0x80...0x9F).contains(b) { return high[b - 0x80].flatMap(Unicode.Scalar.init) }
        return Unicode.Scalar(UInt32(b))
    }
}
