import CivilTime
import Foundation

/// A direct reader for signature files (`aup-signatures/*.json`), which hold nine tenths of a large
/// store's bytes. Foundation's `JSONDecoder` spends most of its time in the generic `Codable`
/// machinery (about 9 µs a signature here); this reads the one known shape straight from the
/// bytes, about ten times faster.
///
/// It is only a fast path: anything it does not expect (an escape in a string, an unknown key, a
/// missing field, invalid UTF-8, bad JSON) makes it give up and return nil, and the store decodes
/// the file with `JSONDecoder` as before, which also gives the usual message for a bad file. So it
/// never accepts a file `JSONDecoder` would refuse, nor reads one differently.
enum SignatureShardFastDecoder {
    static func decode(_ data: Data) -> SignatureShardDocument? {
        data.withUnsafeBytes { raw -> SignatureShardDocument? in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.document()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// Texts that repeat from signature to signature (version ids, witnesses), kept once: at
        /// 100,000 signatures this saves two small allocations each.
        var repeated: [String: String] = [:]

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func peek(_ byte: UInt8) -> Bool {
            skipSpace()
            return position < bytes.count && bytes[position] == byte
        }

        /// A string with no escapes, as valid UTF-8; nil for anything else.
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            let start = position
            var ascii = true
            while position < bytes.count {
                let byte = bytes[position]
                if byte == 0x22 {
                    let slice = UnsafeBufferPointer(start: bytes.baseAddress! + start, count: position - start)
                    position += 1
                    // ASCII is valid UTF-8 as it is; anything else is checked (invalid means give up).
                    return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
                }
                if byte == 0x5C || byte < 0x20 { return nil }  // an escape or a control character
                if byte >= 0x80 { ascii = false }
                position += 1
            }
            return nil
        }

        /// A string that is likely to repeat, shared with its earlier copy.
        mutating func repeatedString() -> String? {
            guard let text = string() else { return nil }
            if let earlier = repeated[text] { return earlier }
            repeated[text] = text
            return text
        }

        /// A calendar date written `"yyyy-mm-dd"`, read from the bytes; nil for anything else.
        mutating func civilDate() -> CivilDate? {
            guard take(0x22), position + 11 <= bytes.count, bytes[position + 4] == 0x2D, bytes[position + 7] == 0x2D,
                  bytes[position + 10] == 0x22 else { return nil }
            func digits(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for index in from..<(from + count) {
                    let byte = bytes[position + index]
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2) else { return nil }
            position += 11
            return CivilDate(year: year, month: month, day: day)
        }

        mutating func literalNull() -> Bool {
            skipSpace()
            guard position + 4 <= bytes.count, bytes[position] == 0x6E, bytes[position + 1] == 0x75,
                  bytes[position + 2] == 0x6C, bytes[position + 3] == 0x6C else { return false }
            position += 4
            return true
        }

        /// `{ "key" : value, ... }` calling `field` for each key; false if anything is off.
        mutating func object(_ field: (inout Reader, String) -> Bool) -> Bool {
            guard take(0x7B) else { return false }
            if take(0x7D) { return true }
            repeat {
                guard let key = string(), take(0x3A), field(&self, key) else { return false }
            } while take(0x2C)
            return take(0x7D)
        }

        /// A non-negative integer of at most 18 digits; nil for anything else.
        mutating func integer() -> Int? {
            skipSpace()
            let start = position
            var value = 0
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, position - start < 18 {
                value = value * 10 + Int(bytes[position] - 0x30)
                position += 1
            }
            guard position > start, position == start + 1 || bytes[start] != 0x30 else { return nil }  // no leading zero
            return value
        }

        mutating func document() -> SignatureShardDocument? {
            var signatures: [AUPSignature]?
            var revision: Int?
            let ok = object { reader, key in
                if key == StoreRevision.key {  // every document's revision (StoreRevision.swift): not part of the shard
                    guard revision == nil, let value = reader.integer() else { return false }
                    revision = value
                    return true
                }
                guard key == "signatures", signatures == nil, let list = reader.signatureList() else { return false }
                signatures = list
                return true
            }
            skipSpace()
            guard ok, position == bytes.count, let signatures else { return nil }
            return SignatureShardDocument(signatures: signatures)
        }

        mutating func signatureList() -> [AUPSignature]? {
            guard take(0x5B) else { return nil }
            var list: [AUPSignature] = []
            if take(0x5D) { return list }
            repeat {
                guard let signature = signature() else { return nil }
                list.append(signature)
            } while take(0x2C)
            return take(0x5D) ? list : nil
        }

        mutating func signature() -> AUPSignature? {
            var personID, versionID: String?
            var kind: AUPKind?
            var method: AUPSignature.Method?
            var signedOn: CivilDate?
            var recordedAt: Date?
            var witness: AuditActor?
            var lapsesAfter: CivilDate?
            let ok = object { reader, key in
                switch key {
                case "personID": personID = reader.string(); return personID != nil
                case "versionID": versionID = reader.repeatedString(); return versionID != nil
                case "kind": kind = reader.string().flatMap(AUPKind.init(rawValue:)); return kind != nil
                case "method": method = reader.string().flatMap(AUPSignature.Method.init(rawValue:)); return method != nil
                case "signedOn": signedOn = reader.civilDate(); return signedOn != nil
                case "recordedAt": recordedAt = reader.string().flatMap(StoreJSON.date(from:)); return recordedAt != nil
                case "lapsesAfter":
                    if reader.literalNull() { return true }
                    lapsesAfter = reader.civilDate()
                    return lapsesAfter != nil
                case "witness":
                    var id, name: String?
                    let done = reader.object { inner, key in
                        switch key {
                        case "id": id = inner.repeatedString(); return id != nil
                        case "name": name = inner.repeatedString(); return name != nil
                        default: return false
                        }
                    }
                    guard done, let id, let name else { return false }
                    witness = AuditActor(id: id, name: name)
                    return true
                default: return false
                }
            }
            guard ok, let personID, let versionID, let kind, let method, let signedOn, let recordedAt, let witness else { return nil }
            return AUPSignature(personID: personID, kind: kind, versionID: versionID, signedOn: signedOn, recordedAt: recordedAt,
                                method: method, witness: witness, lapsesAfter: lapsesAfter)
        }
    }
}

extension SignatureShardDocument: StoreFastDecodable {
    static func fastDecode(_ data: Data) -> SignatureShardDocument? { SignatureShardFastDecoder.decode(data) }
}
