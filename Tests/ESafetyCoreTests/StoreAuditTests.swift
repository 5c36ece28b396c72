import Foundation
import XCTest
@testable import ESafetyCore

final class StoreAuditTests: StoreTestCase {
    func testEverySaveAppendsOneEntryWithActorActionAndSequence() throws {
        let fixed = Date(timeIntervalSince1970: 1_795_000_000.75)
        let store = try makeStore()
        store.now = { fixed }
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "person.remove", recordID: "p1",
                       summary: "Removed Zoë Ōkubo")
        try store.save(["x": 1], to: "incidents/2026", actor: .system, action: "incident.add", recordID: nil,
                       summary: "Recorded an incident")
        let entries = try store.auditEntries()
        XCTAssertEqual(entries.map(\.sequence), [1, 2, 3, 4])
        XCTAssertEqual(entries.map(\.action), ["store.create", "people.seed", "person.remove", "incident.add"])
        XCTAssertEqual(entries.map(\.document), ["-", "people", "people", "incidents/2026"])
        XCTAssertEqual(entries[2], AuditEntry(sequence: 3, at: Date(timeIntervalSince1970: 1_795_000_000),
                                              actor: sam, action: "person.remove", document: "people",
                                              recordID: "p1", summary: "Removed Zoë Ōkubo",
                                              previousHash: entries[2].previousHash,
                                              documents: [AuditDocumentChange(document: "people", revision: 2,
                                                                              sha256: StoreAuditLog.hash(try bytes("people.json")))]))
        XCTAssertEqual(entries[2].previousHash?.count, 64)
        XCTAssertEqual(entries[3].actor, .system)
        XCTAssertNil(entries[3].recordID)
    }

    func testLogIsOneCompactSortedLinePerEntry() throws {
        let store = try makeStore()
        store.now = { Date(timeIntervalSince1970: 1_795_000_000) }
        try store.save(["value": 1], to: "one", actor: sam, action: "a/b", recordID: "r", summary: "line\nbreak")
        let lines = String(decoding: try bytes("audit.jsonl"), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        let sha = StoreAuditLog.hash(try bytes("one.json"))
        XCTAssertEqual(String(lines[2]),
                       #"{"action":"a/b","actor":{"id":"staff-7","name":"Sam Patel"},"at":"2026-11-18T11:06:40Z","#
                       + #""document":"one","documents":[{"document":"one","revision":1,"sha256":"\#(sha)"}],"#
                       + #""previousHash":"\#(StoreAuditLog.hash(Data(lines[1].utf8)))","#
                       + #""recordID":"r","sequence":3,"summary":"line\nbreak"}"#)
    }

    func testSequenceContinuesAfterReopeningAndNothingIsRewritten() throws {
        let store = try makeStore()
        store.close()
        let before = try bytes("audit.jsonl")
        let reopened = try Store.open(at: storeURL)
        try reopened.save(["value": 1], to: "one", actor: sam, action: "x", recordID: nil, summary: "s")
        let after = try bytes("audit.jsonl")
        XCTAssertEqual(after.prefix(before.count), before, "earlier entries are untouched")
        XCTAssertEqual(try reopened.auditEntries().map(\.sequence), [1, 2, 3])
    }

    func testAStoreWhoseAuditLogIsMissingIsNotOpenedForWriting() throws {
        try makeStore().close()
        XCTAssertEqual(unlink(path("audit.jsonl")), 0)
        let error = storeError { _ = try Store.open(at: storeURL) }
        XCTAssertEqual(error, .missingAuditLog(directory: storeURL.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("audit.jsonl")), "no new history was started")
        XCTAssertEqual(storeError { _ = try Store.open(at: storeURL, access: .readOnly) }, .missingAuditLog(directory: storeURL.path),
                       "nothing in it could be proven")
        XCTAssertTrue(Store.check(at: storeURL).contains { $0.file == "audit.jsonl" && $0.problem.hasPrefix("missing") })
    }

    func testSequenceIsFoundFromTheEndOfALongLog() throws {
        let store = try makeStore()
        let filler = String(repeating: "x", count: 300)
        for index in 0..<400 {  // ~170 KB, and anchors of the ledger on the way
            try store.save(["count": index], to: "counter", actor: sam, action: "count", recordID: nil, summary: filler)
        }
        store.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("cache/ledger")))
        let reopened = try Store.open(at: storeURL)
        XCTAssertEqual(reopened.committedRevision(of: "counter"), 400)
        _ = try reopened.load([String: Int].self, from: "counter")
        try reopened.save(["count": 0], to: "counter", actor: sam, action: "count", recordID: nil, summary: "last")
        let entries = try reopened.auditEntries()
        XCTAssertEqual(entries.last?.sequence, 403)
        XCTAssertEqual(entries.map(\.sequence), Array(1...403))
    }
}

/// The audit log's hash chain makes a changed entry visible to `check()`.
final class StoreAuditChainTests: StoreTestCase {
    private func storeWithEntries(_ count: Int) throws -> Store {
        let store = try Store.create(at: storeURL) { _ in }
        for index in 1...count {
            try store.save(TestPeople.sample, to: "people", actor: sam, action: "people.save", recordID: nil, summary: "Save \(index)")
        }
        return store
    }

    func testEveryEntryCarriesTheHashOfTheLineBefore() throws {
        let store = try storeWithEntries(3)
        let entries = try store.auditEntries()
        XCTAssertEqual(entries.count, 4)
        XCTAssertTrue(entries.allSatisfy { $0.previousHash?.count == 64 })
        XCTAssertEqual(entries[0].previousHash, StoreAuditLog.hash(Data()), "the first entry chains from nothing")
        XCTAssertTrue(store.check().isEmpty, "\(store.check())")
    }

    func testEditingOneByteOfAnEntryIsCaughtAndNamed() throws {
        let store = try storeWithEntries(4)
        store.close()
        var text = try String(contentsOfFile: path("audit.jsonl"), encoding: .utf8)
        let target = try XCTUnwrap(text.range(of: "Save 2"))
        text.replaceSubrange(target, with: "Save 9")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path("audit.jsonl")))
        let problems = Store.check(at: storeURL)
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertEqual(problems.first?.file, "audit.jsonl")
        XCTAssertTrue(problems.first?.problem.hasPrefix("entry 3 (line 3) was changed after it was written") ?? false, "\(problems)")
    }

    func testEditingTheLastEntryIsCaughtByTheHead() throws {
        let store = try storeWithEntries(2)
        store.close()
        var text = try String(contentsOfFile: path("audit.jsonl"), encoding: .utf8)
        let target = try XCTUnwrap(text.range(of: "Save 2"))
        text.replaceSubrange(target, with: "Save 7")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path("audit.jsonl")))
        let problems = Store.check(at: storeURL)
        XCTAssertTrue(problems.contains { $0.problem.hasPrefix("entry 3 (line 3) was changed after it was written: audit.head") }, "\(problems)")
    }

    func testTheHeadIsWrittenAsJSONEncoderWritesIt() throws {
        try FileManager.default.createDirectory(at: storeURL, withIntermediateDirectories: true)
        let head = StoreAuditHead(sequence: 1234, hash: StoreAuditLog.hash(Data("a line".utf8)))
        try head.write(directory: storeURL.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path(StoreAuditHead.fileName))), try encoder.encode(head) + Data([0x0A]))
        XCTAssertEqual(StoreAuditHead.read(directory: storeURL.path), head)
    }

    func testAHeadLeftBehindByACrashIsAcceptedAndBroughtUpToDate() throws {
        let store = try storeWithEntries(3)
        store.close()
        let lines = try String(contentsOfFile: path("audit.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
        // As if esafety was killed after writing entry 4 but before its head (its marker still there).
        try StoreAuditHead(sequence: 3, hash: StoreAuditLog.hash(Data(lines[2].utf8))).write(directory: storeURL.path)
        XCTAssertTrue(Store.check(at: storeURL).contains { $0.problem.contains("put back to an older copy") },
                      "without a commit marker, a head behind the log is not a crash")
        try put(try StoreJSON.makeLineEncoder().encode(CommitMarker(sequence: 4, documents: ["people"])), at: Store.commitMarkerName)
        chmod(path(Store.commitMarkerName), 0o600)
        XCTAssertEqual(Store.check(at: storeURL).filter { !$0.problem.contains("temporary") }, [],
                       "a head one behind the entry its marker names is a crash")
        try Store.open(at: storeURL).close()
        XCTAssertEqual(StoreAuditHead.read(directory: storeURL.path)?.sequence, 4, "the next opening brings the head up to date")
        XCTAssertEqual(Store.check(at: storeURL), [])
    }
}
