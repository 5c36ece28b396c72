import Foundation
import XCTest
@testable import ESafetyCore

/// The whole-store reads spread over the cores (issue 19) say exactly what the one-at-a-time
/// reads say: the same values, the same errors for damaged, tampered and missing files, the same
/// ledger from its anchored copy as from the whole log, the same verdict on every signature.
final class WholeStoreReadTests: StoreTestCase {
    func testParallelMapKeepsOrderAboveAndBelowItsThreshold() {
        for count in [0, 1, ParallelMap.threshold - 1, ParallelMap.threshold, 10_000] {
            let numbers = Array(0..<count)
            XCTAssertEqual(ParallelMap.map(numbers) { $0 * 3 }, numbers.map { $0 * 3 }, "\(count) elements")
        }
    }

    func testLoadEachGivesWhatLoadGivesForEveryKindOfFile() throws {
        let store = try makeStore()
        var names: [String] = []
        for index in 0..<80 {  // above the threshold, so read over the cores
            let name = String(format: "cases/c%03d", index)
            try store.save(["value": index], to: name, actor: sam, action: "test", recordID: nil, summary: name)
            names.append(name)
        }
        try Data("{\"value\": 1, ".utf8).write(to: URL(fileURLWithPath: path("cases/c001.json")))              // damaged
        try Data("{\"_revision\": 1, \"value\": 1, \"value\": 2}".utf8).write(to: URL(fileURLWithPath: path("cases/c002.json")))  // a key twice
        var edited = try String(contentsOfFile: path("cases/c003.json"), encoding: .utf8)
        edited = edited.replacingOccurrences(of: "3", with: "4")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path("cases/c003.json")))                        // bytes edited
        try FileManager.default.removeItem(atPath: path("cases/c004.json"))                                    // deleted outside esafety
        names.append("cases/never-written")
        let many = store.loadEach([String: Int].self, from: names)
        XCTAssertEqual(many.count, names.count)
        for (name, read) in zip(names, many) {
            let single = Result { try store.load([String: Int].self, from: name) }
            switch (read, single) {
            case let (.success(a), .success(b)): XCTAssertEqual(a, b, name)
            case let (.failure(a), .failure(b)): XCTAssertEqual(String(describing: a), String(describing: b), name)
            default: XCTFail("\(name): loadEach \(read), load \(single)")
            }
        }
        XCTAssertEqual(try many[10].get(), ["value": 10])
        for broken in 1...4 { XCTAssertThrowsError(try many[broken].get(), names[broken]) }
        XCTAssertNil(try many.last?.get() ?? nil)
        XCTAssertEqual(store.revision(of: names[10]), store.committedRevision(of: names[10]), "what it read is remembered")
    }

    /// A type with a fast reader, as the store's incidents, directory and signatures have.
    private struct Case: Codable, Equatable, StoreFastDecodable {
        var value: Int
        var note: String
    }

    /// Proven files of a type with a fast reader skip the validator (the reader's own strict pass
    /// stands in): still the same values and errors as `load`, for bytes a commit wrote that the
    /// reader gives up on (an escaped surrogate alone) as for ordinary ones. Bytes the validator
    /// refuses are never proven: a commit refuses them (a key twice, here).
    func testProvenFilesOfAFastTypeReadAsLoadReadsThem() throws {
        let store = try makeStore()
        var names: [String] = []
        for index in 0..<70 {
            let name = String(format: "fast/c%03d", index)
            try store.save(Case(value: index, note: "Zoë \(index)"), to: name, actor: sam, action: "test", recordID: nil, summary: name)
            names.append(name)
        }
        try store.commit(actor: sam, action: "test") {
            try $0.writeRaw(Data(#"{"value": 1, "note": "\ud83d"}"#.utf8), to: StoreDocumentName("fast/lone"))
        }
        names.append("fast/lone")
        for twice in [#"{"value": 1, "note": "a", "value": 2}"#, #"{"value": 1, "note": "a", "extra": {"k": 1, "k": 2}}"#] {
            XCTAssertThrowsError(try store.commit(actor: sam, action: "test") {
                try $0.writeRaw(Data(twice.utf8), to: StoreDocumentName("fast/twice"))
            }, twice)
        }
        let many = store.loadEach(Case.self, from: names)
        for (name, read) in zip(names, many) {
            let single = Result { try store.load(Case.self, from: name) }
            switch (read, single) {
            case let (.success(a), .success(b)): XCTAssertEqual(a, b, name)
            case let (.failure(a), .failure(b)): XCTAssertEqual(String(describing: a), String(describing: b), name)
            default: XCTFail("\(name): loadEach \(read), load \(single)")
            }
        }
        XCTAssertEqual(try many[5].get(), Case(value: 5, note: "Zoë 5"))
        XCTAssertNil(StoreFastDecoder.decode(Case.self, from: try Data(contentsOf: URL(fileURLWithPath: path("fast/lone.json")))),
                     "the fast reader gives the lone surrogate up, so the usual way reads it")
    }

    func testTheAnchoredLedgerIsTheLedgerOfTheWholeLog() throws {
        let store = try makeStore()
        for index in 0..<600 {  // two anchors and a tail
            let name = index % 3 == 0 ? "one" : String(format: "folder%d/doc%03d", index % 2, index)
            try store.save(["index": index], to: name, actor: sam, action: "test", recordID: nil, summary: "\(index)")
        }
        store.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("cache/ledger")))
        let reopened = try Store.open(at: storeURL, access: .readOnly)
        defer { reopened.close() }
        let whole = try StoreDocumentProof.History(directory: storeURL.path).ledger
        XCTAssertEqual(reopened.ledger, whole)
        for folder in ["folder0", "folder1", ""] {
            XCTAssertEqual(Set(reopened.ledger.names(in: folder)), Set(whole.names(in: folder)), folder)
        }
        XCTAssertTrue(whole.names(in: "").contains("one"))
        XCTAssertFalse(whole.names(in: "").contains { $0.contains("/") }, "the top folder's names are its own")
        XCTAssertEqual(whole.names(in: "folder0").count + whole.names(in: "folder1").count, 400)
    }
}

/// Signatures proven from the line as written: the same verdicts as encoding each entry again,
/// and a line whose signature member is moved, doubled or changed is refused.
final class AuditLineSignatureTests: StoreTestCase {
    func testEveryEntryOfASignedStoreVerifiesFromItsLineAndATamperedLineDoesNot() throws {
        let (workspace, _) = try schoolWithAccounts()
        let entries = try workspace.store.auditEntriesWithLines()
        let accounts = try workspace.accounts()
        var one = AuditSignatureVerifier(authority: accounts.authority, revisionBefore: 0)
        var all = AuditSignatureVerifier(authority: accounts.authority, revisionBefore: 0)
        XCTAssertEqual(all.verifyAll(entries), entries.compactMap { one.verify($0.entry) })
        XCTAssertEqual(workspace.checkSignatures(of: workspace.store.checkReport()), [])

        let signed = try XCTUnwrap(entries.last { $0.entry.signature != nil })
        let line = try XCTUnwrap(signed.line)
        let unsigned = try XCTUnwrap(AuditSignatureVerifier.unsignedBytes(ofLine: line))
        var entry = signed.entry
        entry.signature = nil
        XCTAssertEqual(unsigned, try StoreJSON.makeLineEncoder().encode(entry), "the line less its signature is what was signed")
        XCTAssertNil(AuditSignatureVerifier.unsignedBytes(ofLine: unsigned))

        var changed = signed.entry
        changed.summary += " (edited)"
        var text = String(decoding: line, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"summary\":\"", with: "\"summary\":\"x")
        var verifier = AuditSignatureVerifier(authority: accounts.authority, revisionBefore: 0)
        let verdicts = verifier.verifyAll(entries.map { $0.entry.sequence == signed.entry.sequence ? (changed, Data(text.utf8)) : $0 })
        XCTAssertTrue(verdicts.contains { $0.contains("entry \(signed.entry.sequence)'s signature is not") }, "\(verdicts)")
    }
}

/// The entries a session reads when it opens are proven over the cores: one not signed as
/// esafety signs them breaks the log, and only that one.
final class OpeningTailProofTests: StoreTestCase {
    func testAnUnsignedEntryReadAtOpeningBreaksTheLogAtThatEntry() throws {
        let (workspace, _) = try schoolWithAccounts()
        for index in 0..<(ParallelMap.threshold + 8) {  // enough signed entries to be proven over the cores
            try workspace.store.recordEvent(actor: workspace.actor, action: "test.event", recordID: nil, summary: "Event \(index)")
        }
        workspace.store.close()
        let bare = try Store.open(at: storeURL)  // no signer: as a hand-made program would write
        try commitRaw(Data("{}".utf8), as: "notes/unsigned", in: bare)
        let unsigned = bare.ledger.lastSequence
        bare.close()

        let reopened = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        defer { reopened.store.close() }
        XCTAssertGreaterThan(reopened.store.openingTail.count, ParallelMap.threshold)
        _ = try reopened.accounts()
        XCTAssertEqual(reopened.store.ledger.problems.map(\.key), ["unsigned:\(unsigned)"])
        XCTAssertTrue(reopened.store.ledger.problems.first?.description.contains("is not signed") == true)
    }

    /// Entries another session writes are proven over the lines read (the signature over its
    /// line): signed ones pass, a line whose signature was moved onto other words does not.
    func testEntriesAnotherSessionWritesAreProvenOverTheirLines() throws {
        let (workspace, _) = try schoolWithAccounts()
        let watcher = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        defer { watcher.store.close() }
        _ = try watcher.accounts()
        try workspace.store.recordEvent(actor: workspace.actor, action: "test.event", recordID: nil, summary: "Signed by its writer")
        XCTAssertEqual(try watcher.store.catchUp().count, 1)
        XCTAssertEqual(watcher.store.ledger.problems.map(\.key), [], "a signed entry read from another session passes")

        // The same signature on a line that says something else, as a forger would try.
        let lines = try String(decoding: bytes("audit.jsonl"), as: UTF8.self).split(separator: "\n")
        let last = try XCTUnwrap(lines.last)
        let forged = last.replacingOccurrences(of: "Signed by its writer", with: "Signed by someone else")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path("audit.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((forged + "\n").utf8))
        try handle.close()
        _ = try? watcher.store.catchUp()
        XCTAssertTrue(watcher.store.ledger.problems.contains { $0.description.contains("signature is not") }, "\(watcher.store.ledger.problems)")
    }
}
