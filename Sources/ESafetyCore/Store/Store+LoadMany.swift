import Foundation

/// Reading many documents at once (every incident, a year's signature shards), spread over
/// the cores: each file is read, parsed strictly, proven against the ledger and decoded on its
/// own, and what the store remembers of each (its stamp, the revision read) is recorded after,
/// on the calling thread. A document that is anything but sound (missing when the log says it
/// exists, damaged, not matching its entry) is read again by ``load(_:from:)``, so its error,
/// and the wait for a commit being written, are exactly those of a single read.
extension Store {
    /// ``load(_:from:)`` of each name, in order: the value, or the error that read would throw.
    func loadEach<T: Decodable>(_ type: T.Type, from names: [String]) -> [Result<T?, Error>] {
        guard !isClosed else { return names.map { _ in .failure(StoreError.closed(directory: path)) } }
        let targets = names.map { name in (try? StoreDocumentName(name)).map { (name: name, document: $0, path: filePath($0)) } }
        let reading = SoundRead.Conditions(ledger: ledger, trustsBytes: !provesDocuments && access == .readOnly)
        let box = MetatypeBox(type)
        let reads = ParallelMap.map(targets, context: StoreJSON.makeDecoder) { decoder, target -> SoundRead? in
            guard let target else { return nil }
            return SoundRead(target.document, path: target.path, as: box, decoder: decoder, conditions: reading)
        }
        return zip(names, reads).map { name, read in
            guard let read else { return Result { try load(type, from: name) } }
            if let revision = read.revision, let stamp = read.stamp { proven[name] = (stamp, revision) }
            readRevisions[name] = proven[name]?.revision
            return .success(read.value as? T)
        }
    }

    /// ``loadEach(_:from:)``, throwing the first error.
    func loadMany<T: Decodable>(_ type: T.Type, from names: [String]) throws -> [T?] {
        try loadEach(type, from: names).map { try $0.get() }
    }
}

/// A metatype carried into the threads that decode with it (a type is the same on any thread),
/// with what is asked of it once rather than for every file (dynamic casts are not cheap).
private struct MetatypeBox: @unchecked Sendable {
    let type: any Decodable.Type
    /// A dictionary type: the document's `_revision` member is taken out before decoding.
    let stripsRevision: Bool
    let fast: (any StoreFastDecodable.Type)?

    init(_ type: any Decodable.Type) {
        self.type = type
        stripsRevision = type is any ExpressibleByDictionaryLiteral.Type
        fast = type as? any StoreFastDecodable.Type
    }
}

/// One document read in the ordinary case: its file there, strict JSON, the bytes its last
/// entry records, and decoded. Nil (from the initialiser) in every other case.
private struct SoundRead: @unchecked Sendable {  // made on one thread, then handed back whole
    struct Conditions: @unchecked Sendable {  // a copy of the ledger, only read
        var ledger: StoreLedger
        /// A read-only store not proving documents (`check`'s second pass) takes them as read.
        var trustsBytes: Bool
    }

    var value: Any
    var stamp: StoreFileStamp?
    var revision: Int?

    init?(_ document: StoreDocumentName, path: String, as type: MetatypeBox, decoder: JSONDecoder, conditions: Conditions) {
        guard let contents = (try? StoreFileIO.readFile(path)) ?? nil,
              case .success(let outline) = StoreJSONValidator.validate(contents.data) else { return nil }
        if document.isUnaudited || conditions.trustsBytes {
            stamp = nil
            revision = nil
        } else {
            guard let state = conditions.ledger.state(of: document.name), state.sha256 == StoreAuditLog.hash(contents.data) else { return nil }
            stamp = contents.stamp
            revision = state.revision
        }
        var data = contents.data
        if type.stripsRevision, let range = outline.revisionValue {
            data = StoreRevision.strip(data, valueRange: range)
        }
        if let fast = type.fast, let decoded = fast.fastDecode(data, validated: true) {  // strict: validated above
            value = decoded
        } else if let decoded = try? decoder.decode(type.type, from: data) {
            value = decoded
        } else {
            return nil
        }
    }
}
