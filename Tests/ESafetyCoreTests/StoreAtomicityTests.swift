import Foundation
import XCTest
@testable import ESafetyCore

final class StoreAtomicityTests: StoreTestCase {
    func testSaveThenLoadRoundTripsAndWritesReadableJSON() throws {
        let store = try makeStore()
        XCTAssertEqual(try store.load(TestPeople.self, from: "people"), TestPeople.sample)
        let text = String(decoding: try bytes("people.json"), as: UTF8.self)
        XCTAssertTrue(text.contains("\"born\" : \"2014-05-13T16:53:20Z\""), text)
        XCTAssertTrue(text.contains("\"name\" : \"Zoë Ōkubo\""), text)  // not \u-escaped
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertLessThan(text.range(of: "\"id\"")!.lowerBound, text.range(of: "\"name\"")!.lowerBound)  // sorted
        XCTAssertNil(try store.load(TestPeople.self, from: "nobody"))
    }

    func testShardedDocumentGoesInASubfolder() throws {
        let store = try makeStore()
        try store.save(["a/b": 1], to: "incidents/2026", actor: sam, action: "incident.add", recordID: "i1",
                       summary: "Recorded an incident")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("incidents/2026.json")))
        XCTAssertEqual(try store.load([String: Int].self, from: "incidents/2026"), ["a/b": 1])
        XCTAssertTrue(String(decoding: try bytes("incidents/2026.json"), as: UTF8.self).contains("\"a/b\""))
    }

    func testInvalidDocumentNamesAreRefused() throws {
        let store = try makeStore()
        for name in ["", "../escape", "a/b/c", ".hidden", "manifest", "backups/x", "sp ace", "a/"] {
            let error = storeError { try store.save(["a": 1], to: name, actor: sam, action: "x", recordID: nil, summary: "") }
            XCTAssertEqual(error, .invalidDocumentName(name), name)
        }
    }

    func testFailedEncodingLeavesOldFileByteForByteAndNoTemporaryFile() throws {
        let store = try makeStore()
        let before = try bytes("people.json")
        let entriesBefore = try store.auditEntries().count
        let error = storeError {
            try store.save(UnencodableDocument(), to: "people", actor: sam, action: "people.update",
                           recordID: nil, summary: "x")
        }
        guard case .encodingFailed(file: "people.json", _)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(error!.description.contains("Nothing was changed"))
        XCTAssertEqual(try bytes("people.json"), before)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertEqual(try store.auditEntries().count, entriesBefore, "no audit entry for a failed save")
    }

    func testDiskErrorJustBeforeRenameLeavesOldFileAndNoTemporaryFile() throws {
        let store = try makeStore()
        let before = try bytes("people.json")
        let auditBefore = try bytes("audit.jsonl")
        var reachedRename = false
        store.beforeCommitHook = {
            reachedRename = true
            XCTAssertEqual(self.temporaryFiles(), [".people.json.tmp-commit-3"], "temp file is beside the target")
            throw StoreIOFailure(operation: "write", path: "people.json", code: EIO)
        }
        var changed = TestPeople.sample
        changed.people.removeAll()
        let error = storeError {
            try store.save(changed, to: "people", actor: sam, action: "people.update", recordID: nil, summary: "x")
        }
        XCTAssertTrue(reachedRename)
        guard case .writeFailed(file: "people.json", _, nothingChanged: true)? = error else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertEqual(try bytes("people.json"), before)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertEqual(try store.load(TestPeople.self, from: "people"), TestPeople.sample)
        XCTAssertEqual(try bytes("audit.jsonl"), auditBefore, "no audit entry for a change that did not happen")
    }

    /// A real failing `write(2)`: the file-size limit makes the kernel refuse with EFBIG part-way.
    func testRealWriteFailureLeavesOldFileAndNoTemporaryFile() throws {
        let store = try makeStore()
        let before = try bytes("people.json")
        var big = TestPeople.sample
        big.people += (0..<200).map { TestPerson(id: "n\($0)", name: "Name \($0)", yearGroup: 1, born: nil) }

        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var saved = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
        var limited = saved
        limited.rlim_cur = rlim_t(before.count + 10)
        var thrown: Error?
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited), 0)
        do {
            try store.save(big, to: "people", actor: sam, action: "people.update", recordID: nil, summary: "x")
        } catch {
            thrown = error
        }
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
        signal(SIGXFSZ, previousHandler)

        guard case .writeFailed(file: "people.json", let reason, nothingChanged: true)? = thrown as? StoreError else {
            return XCTFail("\(String(describing: thrown))")
        }
        XCTAssertTrue(reason.contains("errno \(EFBIG)"), reason)
        XCTAssertEqual(try bytes("people.json"), before)
        XCTAssertEqual(temporaryFiles(), [])
    }

    /// The audit entry is the commit point: when it cannot be written whole (the file-size limit
    /// stops it part-way, as a full disk would), the bytes that were written are cut off again,
    /// nothing is committed, and a retry records the change once.
    func testAnEntryThatCannotBeWrittenWholeCommitsNothingAndARetryRecordsItOnce() throws {
        let store = try makeStore()
        _ = try store.load(TestPeople.self, from: "people")
        let people = try bytes("people.json")
        let audit = try bytes("audit.jsonl")
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var saved = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
        var limited = saved
        limited.rlim_cur = rlim_t(audit.count + 10)  // room for 10 bytes of the entry; the small document fits
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited), 0)
        var thrown: Error?
        do {
            try store.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Emptied")
        } catch {
            thrown = error
        }
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
        signal(SIGXFSZ, previousHandler)
        guard case .writeFailed(file: "audit.jsonl", _, nothingChanged: true)? = thrown as? StoreError else {
            return XCTFail("\(String(describing: thrown))")
        }
        XCTAssertEqual(try bytes("audit.jsonl"), audit, "the part of the entry that was written is gone again")
        XCTAssertEqual(try bytes("people.json"), people)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertFalse(commitUnderWay())
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Emptied")
        XCTAssertEqual(try store.auditEntries().filter { $0.summary == "Emptied" }.count, 1)
        XCTAssertEqual(store.check(), [])
    }

    /// What a crash mid-save leaves (a temporary file) does not hide the committed version.
    func testTemporaryFileLeftByACrashDoesNotAffectTheDocument() throws {
        let store = try makeStore()
        try put(Data("{ \"people\" : [ { \"id\" : \"half-writ".utf8), at: ".people.json.tmp-99999")
        XCTAssertEqual(try store.load(TestPeople.self, from: "people"), TestPeople.sample)
        XCTAssertTrue(store.check().contains { $0.file == ".people.json.tmp-99999" && $0.problem.contains("temporary") },
                      "\(store.check())")
        // Later saves work; the stray file is left for a person to look at (check keeps reporting it).
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil,
                       summary: "Removed everyone")
        XCTAssertEqual(try store.load(TestPeople.self, from: "people"), TestPeople(people: []))
        XCTAssertEqual(temporaryFiles(), [".people.json.tmp-99999"])
    }

    func testEachSaveReplacesTheFileWithANewInode() throws {
        // rename(2) of a new file, not rewriting in place: readers of the old inode see a whole file.
        let store = try makeStore()
        let before = try StoreFileIO.stamp(path("people.json"))
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil,
                       summary: "x")
        let after = try StoreFileIO.stamp(path("people.json"))
        XCTAssertNotEqual(before?.inode, after?.inode)
    }
}
