import Foundation

/// Reading many documents at once (every incident, a year's signature shards), spread over
/// the cores: each file is read, parsed strictly, proven against the ledger and decoded on its
/// own, and what the store remembers of each (its stamp, the revision read) is recorded after,
/// on the calling thread. A document that is anything but sound (missing when the log says it
/// exists, damaged, not matching its entry) is read again by ``load(_:from:)``, so its error,
/// and the wait for a commit being written, are exactly those of a single read.
///
/// The reading itself touches no store state: ``readAhead(_:from:)`` plans it on the store's
/// thread and its ``StoreReadAhead/run()`` may run on any other (while a passphrase is
/// stretched, say). Whenever it ran, each read is taken only if the bytes read are still the
/// ones the log records when it is taken; any other is read again there and then.
extension Store {
    /// ``load(_:from:)`` of each name, in order: the value, or the error that read would throw.
    func loadEach<T: Decodable>(_ type: T.Type, from names: [String]) -> [Result<T?, Error>] {
        loadEach(type, from: names, readAhead: nil)
    }

    /// ``loadEach(_:from:)``, taking each document from `readAhead` where it was read there
    /// (a read is taken only if its bytes are those the log records now); the others are read now.
    func loadEach<T: Decodable>(_ type: T.Type, from names: [String], readAhead: StoreReadAhead<T>.Reads?) -> [Result<T?, Error>] {
        guard !isClosed else { return names.map { _ in .failure(StoreError.closed(directory: path)) } }
        // What others committed since it was read, learnt first (one stat when nothing was), so
        // that a file read ahead and changed since is read again, as a file read now would be.
        var readAhead = readAhead
        if readAhead != nil, (try? catchUp(reportingChanges: true)) == nil { readAhead = nil }
        let reads: [StoreSoundRead?]
        if let readAhead, readAhead.storePath == path, readAhead.names != names {
            let ahead = Dictionary(zip(readAhead.names, readAhead.reads), uniquingKeysWith: { first, _ in first })
            let unread = names.filter { ahead[$0] == nil }
            let now = Dictionary(zip(unread, self.readAhead(type, from: unread).run().reads), uniquingKeysWith: { first, _ in first })
            reads = names.map { name in
                if let found = ahead[name] { return found }
                return now[name] ?? nil
            }
        } else if let readAhead, readAhead.storePath == path {
            reads = readAhead.reads
        } else {
            reads = self.readAhead(type, from: names).run().reads
        }
        return zip(names, reads).map { name, read in
            guard let read, read.proof.map({ ledger.state(of: name)?.sha256 == $0.sha256 }) ?? true else {
                return Result { try load(type, from: name) }
            }
            if let proof = read.proof { proven[name] = (proof.stamp, proof.revision) }
            readRevisions[name] = proven[name]?.revision
            return .success(read.value as? T)
        }
    }

    /// ``loadEach(_:from:)``, throwing the first error.
    func loadMany<T: Decodable>(_ type: T.Type, from names: [String]) throws -> [T?] {
        try loadEach(type, from: names).map { try $0.get() }
    }

    /// A read of `names` planned here (a copy of the ledger), to be run on any thread.
    func readAhead<T: Decodable>(_ type: T.Type, from names: [String]) -> StoreReadAhead<T> {
        StoreReadAhead(storePath: path, documents: .names(names), type: MetatypeBox(T.self),
                       conditions: StoreSoundRead.Conditions(ledger: ledger, trustsBytes: !provesDocuments && access == .readOnly))
    }

    /// A read of every document in `folder`, planned here (a copy of the ledger); the folder is
    /// listed when it runs, on whichever thread runs it.
    func readAhead<T: Decodable>(_ type: T.Type, inFolder folder: String) -> StoreReadAhead<T> {
        StoreReadAhead(storePath: path, documents: .folder(folder), type: MetatypeBox(T.self),
                       conditions: StoreSoundRead.Conditions(ledger: ledger, trustsBytes: !provesDocuments && access == .readOnly))
    }
}

/// Documents to read, planned by a store on its thread (``Store/readAhead(_:from:)``) and read by
/// ``run()`` on any thread: it touches nothing of the store's, only the files and a copy of the
/// ledger as it stood when planned.
struct StoreReadAhead<T: Decodable>: @unchecked Sendable {  // values only: names, paths, a ledger copy
    /// What ``run()`` read, for ``Store/loadEach(_:from:readAhead:)`` on the store's thread.
    struct Reads: @unchecked Sendable {  // made on one thread, then handed back whole
        let storePath: String
        let names: [String]
        /// Each name's read where it was sound, else nil (to be read again on its own).
        let reads: [StoreSoundRead?]
    }

    /// Which documents: these, or every one a folder holds when the read runs.
    enum Documents {
        case names([String])
        case folder(String)
    }

    let storePath: String
    let documents: Documents
    fileprivate let type: MetatypeBox
    let conditions: StoreSoundRead.Conditions

    /// Reads, proves and decodes every document, over the cores.
    func run() -> Reads {
        let (names, targets) = resolve()
        let box = type, conditions = conditions
        let reads = ParallelMap.map(targets, context: StoreJSON.makeDecoder) { decoder, target in
            StoreSoundRead.read(target, as: box, decoder: decoder, conditions: conditions)
        }
        return Reads(storePath: storePath, names: names, reads: reads)
    }

    /// The documents' names (the folder listed now, if the plan names a folder) and their files.
    func resolve() -> (names: [String], targets: [StoreReadTarget?]) {
        let names: [String]
        switch documents {
        case .names(let given): names = given
        case .folder(let folder): names = StoreDocumentFiles.names(in: folder, below: storePath)
        }
        let storePath = storePath
        return (names, names.map { name in (try? StoreDocumentName(name)).map { StoreReadTarget(document: $0, path: StoreDocumentFiles.path(of: $0, below: storePath)) } })
    }

    /// One document read, proven and decoded, if it is sound (nil otherwise, or for no target).
    func read(_ target: StoreReadTarget?, decoder: JSONDecoder) -> StoreSoundRead? {
        StoreSoundRead.read(target, as: type, decoder: decoder, conditions: conditions)
    }
}

/// One document to read and the path of its file.
struct StoreReadTarget {
    let document: StoreDocumentName
    let path: String
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
struct StoreSoundRead: @unchecked Sendable {  // made on one thread, then handed back whole
    struct Conditions: @unchecked Sendable {  // a copy of the ledger, only read
        var ledger: StoreLedger
        /// A read-only store not proving documents (`check`'s second pass) takes them as read.
        var trustsBytes: Bool
    }

    /// What the ledger proved of the bytes read; nil where they were not proven (a draft, or
    /// `check`'s second pass taking them as read).
    struct Proof {
        var stamp: StoreFileStamp
        var revision: Int
        /// The SHA-256 of the bytes read, which the ledger recorded: the read is taken only
        /// while the store's ledger still records it.
        var sha256: String
    }

    var value: Any
    var proof: Proof?

    /// `target` read, if it is sound (nil otherwise, or for no target).
    fileprivate static func read(_ target: StoreReadTarget?, as type: MetatypeBox, decoder: JSONDecoder, conditions: Conditions) -> StoreSoundRead? {
        guard let target else { return nil }
        return StoreSoundRead(target.document, path: target.path, as: type, decoder: decoder, conditions: conditions)
    }

    private init?(_ document: StoreDocumentName, path: String, as type: MetatypeBox, decoder: JSONDecoder, conditions: Conditions) {
        guard let contents = (try? StoreFileIO.readFile(path)) ?? nil else { return nil }
        if document.isUnaudited || conditions.trustsBytes {
            proof = nil
        } else {
            let hash = StoreAuditLog.hash(contents.data)
            guard let state = conditions.ledger.state(of: document.name), state.sha256 == hash else { return nil }
            proof = Proof(stamp: contents.stamp, revision: state.revision, sha256: hash)
        }
        // Proven bytes are the bytes a commit wrote: a type with a fast reader reads them with its
        // own strict pass (StoreFastDecoder.swift), which costs less than the validator's. A
        // `_revision` member is passed over as any unknown member is (not for a dictionary, whose
        // keys it would join). Anything it gives up on goes the usual way below.
        if proof != nil, !type.stripsRevision, let fast = type.fast, let decoded = fast.fastDecode(contents.data, validated: false) {
            value = decoded
            return
        }
        guard case .success(let outline) = StoreJSONValidator.validate(contents.data) else { return nil }
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
