import Foundation
import XCTest
@testable import ESafetyCore

/// Every byte accounted for: what someone at the shared OS account can do to the files (edit,
/// roll back, delete, swap, add, cut the log, delete or roll back audit.head) is named by
/// `check`, whatever the file times say, and refused by a store that reads it.
final class StoreIntegrityTests: StoreTestCase {
    /// A store with people at revision 3 (and its daily backup at revision 1), and notes.
    private func storeWithHistory() throws -> Store {
        let store = try makeStore()
        try store.save(TestPeople(people: [TestPeople.sample.people[0]]), to: "people", actor: sam, action: "x", recordID: nil, summary: "r2")
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "x", recordID: nil, summary: "r3")
        try store.save(["text": "hello"], to: "notes", actor: sam, action: "x", recordID: nil, summary: "notes")
        XCTAssertEqual(store.check(), [])
        return store
    }

    private func problem(_ file: String, _ problems: [StoreProblem]) -> String {
        problems.first { $0.file == file }?.problem ?? "no problem named for \(file) in \(problems)"
    }

    /// Keeps a file's modification time as it was, as a careful tamperer would.
    private func keepingTime(of relative: String, _ change: () throws -> Void) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: path(relative))
        try change()
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: path(relative))
    }

    func testAByteEditedWithItsTimeSetBackIsNamedAndRefused() throws {
        let store = try storeWithHistory()
        try keepingTime(of: "notes.json") {
            var data = try bytes("notes.json")
            let index = try XCTUnwrap(data.firstIndex(of: UInt8(ascii: "h")))
            data[index] = UInt8(ascii: "j")
            try put(data, at: "notes.json")
        }
        XCTAssertTrue(problem("notes.json", store.check()).hasPrefix("was changed outside esafety"), problem("notes.json", store.check()))
        let other = try Store.open(at: storeURL)
        guard case .tampered(file: "notes.json", let reason)? = storeError({ _ = try other.load([String: String].self, from: "notes") }) else {
            return XCTFail()
        }
        XCTAssertTrue(reason.contains("changed outside esafety"), reason)
        let before = try bytes("notes.json")
        guard case .tampered? = storeError({ try store.save(["text": "x"], to: "notes", actor: sam, action: "x", recordID: nil, summary: "x") }) else {
            return XCTFail("a save over it must be refused")
        }
        XCTAssertEqual(try bytes("notes.json"), before)
    }

    func testARollbackToAnOlderValidCopyIsNamedWithItsRevision() throws {
        let store = try storeWithHistory()
        let day = try XCTUnwrap(store.backupDays(of: "people").first)
        try FileManager.default.removeItem(atPath: path("people.json"))
        try FileManager.default.copyItem(atPath: path("backups/daily/\(day)/people.json"), toPath: path("people.json"))
        let found = problem("people.json", store.check())
        XCTAssertTrue(found.hasPrefix("was rolled back: it is revision 1 (from entry 2"), found)
        XCTAssertTrue(found.contains("revision 3"), found)
        guard case .tampered(_, let reason)? = storeError({ _ = try Store.open(at: storeURL).load(TestPeople.self, from: "people") }) else {
            return XCTFail()
        }
        XCTAssertTrue(reason.contains("is revision 1") && reason.contains("older copy"), reason)
    }

    func testADeletedDocumentIsNamedAndNotHealedByASave() throws {
        let store = try storeWithHistory()
        XCTAssertEqual(unlink(path("notes.json")), 0)
        XCTAssertTrue(problem("notes.json", store.check()).hasPrefix("has been deleted outside esafety"))
        guard case .tampered? = storeError({ _ = try Store.open(at: storeURL).load([String: String].self, from: "notes") }) else { return XCTFail() }
        guard case .tampered? = storeError({ try store.save(["text": "x"], to: "notes", actor: sam, action: "x", recordID: nil, summary: "x") }) else {
            return XCTFail()
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("notes.json")))
    }

    func testTwoDocumentsSwappedAreNamed() throws {
        let store = try storeWithHistory()
        XCTAssertEqual(rename(path("people.json"), path("swap")), 0)
        XCTAssertEqual(rename(path("notes.json"), path("people.json")), 0)
        XCTAssertEqual(rename(path("swap"), path("notes.json")), 0)
        let problems = store.check()
        XCTAssertTrue(problem("people.json", problems).hasPrefix("was swapped with notes.json"), "\(problems)")
        XCTAssertTrue(problem("notes.json", problems).hasPrefix("was swapped with people.json"), "\(problems)")
    }

    func testADocumentNoEntryAccountsForIsNamed() throws {
        let store = try storeWithHistory()
        try put(Data("{ \"people\" : [] }\n".utf8), at: "extra.json")
        chmod(path("extra.json"), 0o600)
        XCTAssertTrue(problem("extra.json", store.check()).hasPrefix("is not accounted for by any entry"), "\(store.check())")
        guard case .tampered? = storeError({ _ = try store.load(TestPeople.self, from: "extra") }) else { return XCTFail() }
    }

    func testALogWhoseTailWasCutIsNamedAndStopsCommitsUntilAcknowledged() throws {
        let store = try storeWithHistory()
        store.close()
        let lines = String(decoding: try bytes("audit.jsonl"), as: UTF8.self).split(separator: "\n")
        try put(Data((lines.dropLast(2).joined(separator: "\n") + "\n").utf8), at: "audit.jsonl")  // entries 4 and 5 gone
        let problems = Store.check(at: storeURL)
        XCTAssertTrue(problem("audit.jsonl", problems).contains("entries 4 to 5 were cut from its end"), "\(problems)")
        XCTAssertTrue(problem("people.json", problems).contains("newer than the audit log's last entry"), "\(problems)")
        XCTAssertTrue(problem("notes.json", problems).hasPrefix("is not accounted for"), "\(problems)")

        let reopened = try Store.open(at: storeURL)
        let error = storeError { try reopened.save(["a": 1], to: "other", actor: sam, action: "x", recordID: nil, summary: "x") }
        guard case .auditLogBroken(let found)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(found.first?.contains("cut from its end") ?? false, "\(found)")
        XCTAssertEqual(try reopened.unacknowledgedLogProblems().count, 1)
        XCTAssertEqual(storeError { try reopened.acknowledgeLogProblems(reason: " ", actor: sam) }, .acknowledgementNeedsReason)
        try reopened.acknowledgeLogProblems(reason: "The log was restored from Friday's copy", actor: sam)
        let last = try XCTUnwrap(reopened.auditEntries().last)
        XCTAssertEqual(last.sequence, 6, "the lost numbers 4 and 5 are never given out again")
        XCTAssertEqual(last.acknowledges, ["lost:4-5"])
        let report = StoreChecker.report(directory: storeURL.path)
        XCTAssertFalse(report.problems.contains { $0.file == "audit.jsonl" }, "\(report.problems)")
        XCTAssertEqual(report.acknowledged.map(\.key), ["lost:4-5"])
        // The documents the lost entries wrote are still named, until restored or accepted.
        try reopened.acceptDocument("people.json", reason: "Checked by hand against the paper records", actor: sam)
        try reopened.acceptDocument("notes", reason: "Checked by hand", actor: sam)
        XCTAssertEqual(reopened.check(), [])
        try reopened.save(["a": 1], to: "other", actor: sam, action: "x", recordID: nil, summary: "x")
    }

    func testAuditHeadDeletedOrRolledBackIsNamed() throws {
        let store = try storeWithHistory()
        let head = try bytes("audit.head")
        try store.save(["text": "later"], to: "notes", actor: sam, action: "x", recordID: nil, summary: "x")
        try put(head, at: "audit.head")
        XCTAssertTrue(problem("audit.head", store.check()).contains("put back to an older copy"), "\(store.check())")
        XCTAssertEqual(unlink(path("audit.head")), 0)
        XCTAssertTrue(problem("audit.head", store.check()).hasPrefix("audit.head is missing"), "\(store.check())")
    }

    func testADuplicateKeyIsRefusedNamingTheKeyAndTheLine() throws {
        let store = try storeWithHistory()
        let text = "{\n  \"_revision\" : 4,\n  \"text\" : \"a\",\n  \"text\" : \"b\"\n}\n"
        try put(Data(text.utf8), at: "notes.json")
        let error = storeError { _ = try Store.open(at: storeURL).load([String: String].self, from: "notes") }
        guard case .corrupt(file: "notes.json", let reason)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(reason, "line 4, column 3: the key \"text\" appears twice in one object (first on line 3); "
                       + "esafety will not guess which value is meant")
        XCTAssertTrue(store.check().contains { $0.file == "notes.json" && $0.problem == reason })
    }

    func testRestorePutsBackTheBackupAsANewRevisionAndTakesOnlyADay() throws {
        let store = try storeWithHistory()
        try put(Data("garbage".utf8), at: "people.json")
        let error = storeError { try store.restore("people.json", fromDay: "../../elsewhere", actor: sam) }
        guard case .readFailed(_, let reason)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(reason.contains("is not a day"), reason)
        let result = try store.restore("people.json", actor: sam)
        XCTAssertEqual(result.revision, 1)
        XCTAssertEqual(try store.load(TestPeople.self, from: "people"), TestPeople.sample)
        XCTAssertEqual(store.revision(of: "people"), 4)
        XCTAssertEqual(try bytes(try XCTUnwrap(result.keptAt)), Data("garbage".utf8))
        XCTAssertEqual(store.check().filter { !$0.file.hasPrefix("backups/") }, [])
    }

    /// The app's own look when it opens: cheap (stamps for files it proved before), and an edit
    /// with the time set back still changes the stamp (the status-change time), so it is named.
    func testTheOpeningProofNamesWhatCheckNamesAndUsesStampsForTheRest() throws {
        let store = try storeWithHistory()
        XCTAssertEqual(store.proveEveryDocument(), [])
        let cached = try String(contentsOfFile: path("cache/proofs"), encoding: .utf8)
        XCTAssertTrue(cached.contains(" people\n") && cached.contains(" notes\n"), cached)
        try keepingTime(of: "notes.json") {
            var data = try bytes("notes.json")
            data[try XCTUnwrap(data.firstIndex(of: UInt8(ascii: "h")))] = UInt8(ascii: "j")
            try put(data, at: "notes.json")
        }
        try put(Data("{ \"people\" : [] }\n".utf8), at: "extra.json")
        let reopened = try Store.open(at: storeURL)
        let problems = reopened.proveEveryDocument()
        XCTAssertEqual(problems.map(\.file), ["extra.json", "notes.json"], "\(problems)")
        XCTAssertTrue(problems[1].problem.contains("changed outside esafety"), problems[1].problem)
    }

    func testTheOpeningProofDoesNotTrustAForgedStampForARead() throws {
        let store = try storeWithHistory()
        _ = store.proveEveryDocument()
        try put(Data("{ \"_revision\" : 4, \"text\" : \"forged\" }\n".utf8), at: "notes.json")
        // Someone also rewrites the stamp cache to match the forged file.
        let stamp = try XCTUnwrap(try StoreFileStamp.of(path("notes.json")))
        var lines = try String(contentsOfFile: path("cache/proofs"), encoding: .utf8).split(separator: "\n").map(String.init)
        let state = try XCTUnwrap(store.ledger.state(of: "notes"))
        lines = lines.map { line in
            guard line.hasSuffix(" notes") else { return line }
            return "\(stamp.device) \(stamp.inode) \(stamp.size) \(stamp.modifiedSeconds) \(stamp.modifiedNanoseconds) "
                + "\(stamp.changedSeconds) \(stamp.changedNanoseconds) \(state.sha256!) notes"
        }
        try put(Data((lines.joined(separator: "\n") + "\n").utf8), at: "cache/proofs")
        let reopened = try Store.open(at: storeURL)
        XCTAssertEqual(reopened.proveEveryDocument(), [], "the forged cache hides it from the quick look…")
        guard case .tampered? = storeError({ _ = try reopened.load([String: String].self, from: "notes") }) else {
            return XCTFail("…but not from a read, which proves the bytes")
        }
        XCTAssertTrue(reopened.check().contains { $0.file == "notes.json" }, "…nor from check")
    }
}
