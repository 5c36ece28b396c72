import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// Crash recovery, daily backups and restore, duplicate ids, and the bench data generator.
final class RobustnessTests: StoreTestCase {
    // MARK: Recovery after a save cut short

    func testAStoreStoppedAfterItsEntryIsFinishedByTheNextOpening() throws {
        var store: Store? = try makeStore()
        struct Died: Error {}
        store?.afterCommitPointHook = { throw Died() }
        XCTAssertThrowsError(try store?.commit(actor: sam, action: "guest.add", summary: "Two documents") { transaction in
            try transaction.write(TestPeople(people: []), to: "people")
            try transaction.write(["signed": true], to: "signatures/a")
        })
        store = nil
        XCTAssertTrue(commitUnderWay())
        XCTAssertEqual(temporaryFiles().sorted(), [".people.json.tmp-commit-3", "signatures/.a.json.tmp-commit-3"])
        XCTAssertEqual(try Store.open(at: storeURL, access: .readOnly).check().filter { !$0.problem.contains("temporary") && $0.file != "audit.head" }.count, 2,
                       "until it is finished, the log says more than the files")

        let reopened = try Store.open(at: storeURL)
        defer { reopened.close() }
        XCTAssertEqual(reopened.lastRecovery?.finishedCommit, 3)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertFalse(commitUnderWay())
        XCTAssertEqual(try reopened.load(TestPeople.self, from: "people"), TestPeople(people: []))
        XCTAssertEqual(try reopened.load([String: Bool].self, from: "signatures/a"), ["signed": true])
        XCTAssertEqual(Store.check(at: storeURL), [])
    }

    func testACacheCopyAKillLeftHalfWrittenIsNoProblemAndGoesOnceItsWriterHasGone() throws {
        try makeStore().close()
        let gone = "cache/.ledger.tmp-\(Int32.max)"  // no process has this id
        let alive = "cache/.incident-index.json.tmp-\(getpid())"  // another session writing its copy now
        try FileManager.default.createDirectory(atPath: path("cache"), withIntermediateDirectories: true)
        try put(Data("half a ledger".utf8), at: gone)
        try put(Data("half an index".utf8), at: alive)
        try put(Data("{}".utf8), at: ".people.json.tmp-\(Int32.max)")
        for file in [gone, alive, ".people.json.tmp-\(Int32.max)"] { XCTAssertEqual(chmod(path(file), 0o600), 0) }  // as esafety makes them
        XCTAssertEqual(Store.check(at: storeURL).map(\.file), [".people.json.tmp-\(Int32.max)"],
                       "a temporary beside a document is named; one in the derived cache is not")
        XCTAssertEqual(unlink(path(".people.json.tmp-\(Int32.max)")), 0)
        let reopened = try Store.open(at: storeURL)
        defer { reopened.close() }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path(gone)), "its writer has gone: removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path(alive)), "its writer is running: left alone")
        XCTAssertEqual(Store.check(at: storeURL), [])
    }

    func testNothingIsRemovedThroughACacheFolderReplacedByALink() throws {
        try makeStore().close()
        let elsewhere = root.appendingPathComponent("elsewhere").path
        XCTAssertEqual(mkdir(elsewhere, 0o700), 0)
        let planted = elsewhere + "/.notes.tmp-\(Int32.max)"
        try Data("not the store's".utf8).write(to: URL(fileURLWithPath: planted))
        try? FileManager.default.removeItem(atPath: path("cache"))
        XCTAssertEqual(symlink(elsewhere, path("cache")), 0)
        try Store.open(at: storeURL).close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: planted), "a read-write opening removed nothing through the link")
    }

    func testAStoreStoppedBeforeItsEntryIsUndoneByTheNextOpening() throws {
        try makeStore().close()
        // As if killed after writing the temporary files and the marker, before the entry.
        try put(Data("{\"half".utf8), at: ".people.json.tmp-commit-3")
        try put(try StoreJSON.makeLineEncoder().encode(CommitMarker(sequence: 3, documents: ["people"])), at: Store.commitMarkerName)
        let entries = try Store.open(at: storeURL, access: .readOnly).auditEntries().count
        let reopened = try Store.open(at: storeURL)
        defer { reopened.close() }
        XCTAssertEqual(reopened.lastRecovery?.undoneCommit, 3)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertEqual(try reopened.auditEntries().count, entries, "nothing is recorded: nothing happened")
        XCTAssertEqual(try reopened.load(TestPeople.self, from: "people"), TestPeople.sample)
        XCTAssertEqual(Store.check(at: storeURL), [])
    }

    func testAnEntryTornByACrashIsCutOffAndTheLogGoesOn() throws {
        try makeStore().close()
        let whole = try bytes("audit.jsonl")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path("audit.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"action":"person.ad"#.utf8))
        try handle.close()
        XCTAssertTrue(Store.check(at: storeURL).contains { $0.problem.contains("the last line is incomplete") })
        let reopened = try Store.open(at: storeURL)
        defer { reopened.close() }
        XCTAssertEqual(try bytes("audit.jsonl"), whole)
        _ = try reopened.load(TestPeople.self, from: "people")
        try reopened.save(TestPeople(people: []), to: "people", actor: sam, action: "x", recordID: nil, summary: "x")
        XCTAssertEqual(Store.check(at: storeURL), [])
    }

    /// One action, one commit: a kill after an incident's entry and before its files are in place
    /// leaves the incident and the governors' figures both right once the store is opened again;
    /// a kill before the entry leaves neither.
    func testAKillBetweenAnIncidentAndItsFiguresLeavesBothRightAfterReopening() throws {
        let workspace = try demoWorkspace()
        let log = try workspace.incidents()
        let figuresBefore = try log.governorFigures()
        struct Died: Error {}
        workspace.store.beforeCommitHook = { throw Died() }
        XCTAssertThrowsError(try log.submit(sampleReport(on: workspace.today)))
        workspace.store.beforeCommitHook = nil
        workspace.store.afterCommitPointHook = { throw Died() }
        XCTAssertThrowsError(try log.submit(sampleReport(on: workspace.today)))
        workspace.store.close()

        let reopened = try Workspace.open(at: storeURL, access: .readWrite, actor: sam)
        reopened.session = try reopened.accounts().signIn(personID: try XCTUnwrap(workspace.session?.personID), passphrase: DemoData.passphrase)
        let log2 = try reopened.incidents()
        XCTAssertEqual(log2.summaries.count, log.summaries.count + 1, "exactly one of the two submissions happened")
        let figures = try log2.governorFigures()
        XCTAssertEqual(figures.total, figuresBefore.total + 1, "and the figures count it")
        XCTAssertEqual(Store.check(at: storeURL), [])
    }

    func testAnEditOutsideEsafetyIsNotPassedOffAsASave() throws {
        try makeStore().close()
        var changed = TestPeople.sample
        changed.people.removeLast()
        try put(try StoreJSON.makeEncoder().encode(changed), at: "people.json")
        let reopened = try Store.open(at: storeURL)
        defer { reopened.close() }
        XCTAssertEqual(try reopened.auditEntries().last?.action, "people.seed", "nothing records the edit as a change")
        XCTAssertTrue(Store.check(at: storeURL).contains { $0.file == "people.json" && $0.problem.contains("changed outside esafety") })
    }

    func testOpeningASoundStoreRecordsNothing() throws {
        let store = try makeStore()
        try store.save(TestPeople.sample, to: "people", actor: sam, action: "person.add", recordID: nil, summary: "Added")
        let count = try store.auditEntries().count
        store.close()
        let reopened = try Store.open(at: storeURL)
        defer { reopened.close() }
        XCTAssertEqual(try reopened.auditEntries().count, count)
    }

    // MARK: Backups and restore

    func testTheFirstChangeOfTheDayKeepsTheDocumentAsItWasAndRestorePutsItBack() throws {
        let store = try makeStore()
        defer { store.close() }
        try store.save(TestPeople.sample, to: "roster", actor: sam, action: "person.add", recordID: nil, summary: "Added")
        XCTAssertEqual(store.backupDays(of: "roster"), [], "a new document has no earlier version to keep")
        let original = try bytes("roster.json")
        var changed = TestPeople.sample
        changed.people[0].name = "Changed once"
        try store.save(changed, to: "roster", actor: sam, action: "person.update", recordID: nil, summary: "Changed")
        changed.people[0].name = "Changed twice"
        try store.save(changed, to: "roster", actor: sam, action: "person.update", recordID: nil, summary: "Changed")
        let day = String(StoreJSON.string(from: Date()).prefix(10))
        XCTAssertEqual(store.backupDays(of: "roster.json"), [day])
        XCTAssertEqual(try bytes("backups/daily/\(day)/roster.json"), original, "the day's copy is the version before the day's first change")
        XCTAssertEqual(mode(path("backups/daily/\(day)/roster.json")) & 0o777, 0o600)

        try put(Data("{ broken".utf8), at: "roster.json")
        let result = try store.restore("roster.json", actor: sam)
        XCTAssertEqual(result.day, day)
        XCTAssertEqual(result.revision, 1)
        XCTAssertEqual(try store.load(TestPeople.self, from: "roster"), TestPeople.sample)
        XCTAssertEqual(store.revision(of: "roster"), 4)
        XCTAssertEqual(try bytes(try XCTUnwrap(result.keptAt)), Data("{ broken".utf8), "the damaged file is kept, not overwritten")
        XCTAssertEqual(try store.auditEntries().last?.action, "store.restore")
        XCTAssertEqual(Store.check(at: storeURL), [])
    }

    func testRestoreWithNoBackupChangesNothing() throws {
        let store = try makeStore()
        defer { store.close() }
        try put(Data("{ broken".utf8), at: "people.json")
        XCTAssertThrowsError(try store.restore("people", actor: sam))
        XCTAssertEqual(try bytes("people.json"), Data("{ broken".utf8))
    }

    // MARK: Duplicate ids

    func testDuplicateIdsAreRefusedNamingTheFile() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
        let incidents = try workspace.incidents().allRecords()
        let first = try XCTUnwrap(incidents.last?.id)
        // Committed as if by a faulty esafety (an outside copy is refused sooner, as tampering).
        try commitRaw(try bytes("incidents/\(first).json"), as: "incidents/2026-9999", in: workspace.store)
        let reopened = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        XCTAssertTrue(reopened.checkRecords().contains { $0.file == "incidents/2026-9999.json" }, "check finds it without signing in")
        reopened.session = try reopened.accounts().signIn(personID: "P0001", passphrase: DemoData.passphrase)
        XCTAssertThrowsError(try reopened.incidents(), "a lead's log reads the new file and refuses it") { error in
            XCTAssertEqual(error as? StoreError, .corrupt(file: "incidents/2026-9999.json", reason:
                "holds incident \(first), but its name says 2026-9999: two files for one incident id, or a copied file. "
                + "Restore it from backups/ (see esafety restore)"))
        }
        XCTAssertTrue(reopened.checkRecords().contains { $0.file == "incidents/2026-9999.json" })

        let roster = try String(contentsOfFile: path("aup/roster-pupils.json"), encoding: .utf8)
        try commitRaw(Data(roster.replacingOccurrences(of: "\"pupil-0002\"", with: "\"pupil-0001\"").utf8), as: "aup/roster-pupils",
                      in: workspace.store)
        let fresh = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        XCTAssertThrowsError(try fresh.aup.load()) { error in
            XCTAssertTrue("\(error)".contains("aup/roster-pupils.json") && "\(error)".contains("pupil-0001 appears more than once"), "\(error)")
        }
        let directory = try String(contentsOfFile: path("directory.json"), encoding: .utf8)
        try commitRaw(Data(directory.replacingOccurrences(of: "\"id\" : \"P0002\"", with: "\"id\" : \"P0001\"").utf8), as: "directory",
                      in: workspace.store)
        XCTAssertThrowsError(try Workspace.open(at: storeURL, access: .readOnly, actor: sam)) { error in
            XCTAssertTrue("\(error)".contains("directory.json") && "\(error)".contains("P0001 appears more than once"), "\(error)")
        }
    }

    // MARK: The bench data generator

    func testTheGeneratorWritesGenuineCheckedDataAndTheSameDataEachTime() throws {
        var counts = BenchDataGenerator.Counts(scale: 1)
        counts.pupils = 40; counts.staff = 6; counts.governors = 2; counts.guests = 2; counts.parents = 10
        counts.signatures = 300; counts.incidents = 25; counts.reviewRecords = 30
        let generator = BenchDataGenerator(scale: 1, counts: counts)
        let first = root.appendingPathComponent("one"), second = root.appendingPathComponent("two")
        try generator.generate(at: first).store.close()
        try generator.generate(at: second).store.close()
        XCTAssertEqual(Store.check(at: first), [])

        let workspace = try Workspace.open(at: first, access: .readOnly, actor: sam)
        workspace.now = { BenchDataGenerator.referenceNow }
        let head = try XCTUnwrap(workspace.directory.holders(of: Role.WellKnown.headTeacher).first)
        workspace.session = try workspace.accounts().signIn(personID: head.id, passphrase: DemoData.passphrase)
        try workspace.aup.load()
        XCTAssertEqual(workspace.aup.people.count, 60, "the generated roster replaces the demo one")
        let signatures = try workspace.aup.allSignatures().count
        XCTAssertTrue((300...400).contains(signatures), "300 generated beside the demo's few: \(signatures)")
        XCTAssertEqual(try workspace.incidents().allRecords().filter { $0.report.description.hasPrefix("Fictional bench incident") }.count, 25)
        XCTAssertEqual(workspace.checkRecords().map(\.problem), [])
        XCTAssertGreaterThanOrEqual(workspace.reviews.schedule.items.map(\.history.count).reduce(0, +), 30)

        // Fixed: every document is the same, byte for byte, apart from the log and the manifest's time.
        // Sealed incidents, transfers and subject access requests, and the key files are random by
        // design (fresh keys and nonces).
        let random: (String) -> Bool = { path in
            ["incidents/", "transfers/", "subject-access/"].contains { path.contains($0) }
                || ["users.json", "keys.json", "authority.json", "transfer-key.json"].contains { path.hasSuffix($0) }
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: first.path)
            .filter { $0.hasSuffix(".json") && $0 != "manifest.json" && !random($0) }
        XCTAssertGreaterThan(files.count, 30)
        for file in files {
            XCTAssertEqual(FileManager.default.contents(atPath: first.appendingPathComponent(file).path),
                           FileManager.default.contents(atPath: second.appendingPathComponent(file).path), file)
        }
    }
}

/// The fast reader of signature files gives exactly what `JSONDecoder` gives, and steps aside
/// (nil) for anything unusual, so the store's usual messages still name bad files.
final class SignatureShardFastDecoderTests: StoreTestCase {
    private let witness = AuditActor(id: "os:sam", name: "Sam at the terminal")

    private func shard() -> SignatureShardDocument {
        SignatureShardDocument(signatures: [
            AUPSignature(personID: "pupil-0007", kind: .pupil, versionID: "pupil-2026-09-01-75b005a2", signedOn: CivilDate(year: 2026, month: 9, day: 3)!,
                         recordedAt: Date(timeIntervalSince1970: 1_788_000_000), method: .classList, witness: witness),
            AUPSignature(personID: "guest-0107", kind: .staff, versionID: "staff-2026", signedOn: CivilDate(year: 2026, month: 11, day: 2)!,
                         recordedAt: Date(timeIntervalSince1970: 1_790_000_000), method: .terminal,
                         witness: AuditActor(id: "os:zoë", name: "Zoë Ōkubo 李"), lapsesAfter: CivilDate(year: 2026, month: 11, day: 6)!),
        ])
    }

    func testReadsWhatTheEncoderWritesExactlyAsJSONDecoderDoes() throws {
        let data = try StoreJSON.makeEncoder().encode(shard())
        let fast = try XCTUnwrap(SignatureShardFastDecoder.decode(data))
        let slow = try StoreJSON.makeDecoder().decode(SignatureShardDocument.self, from: data)
        XCTAssertEqual(fast.signatures, slow.signatures)
        XCTAssertEqual(fast.signatures, shard().signatures)
    }

    func testReadsAFileAsTheStoreWritesItWithItsRevision() throws {
        let store = try makeStore()
        defer { store.close() }
        try store.save(shard(), to: "shard", actor: witness, action: "test.shard", recordID: nil, summary: "A shard for a test")
        let written = try bytes("shard.json")
        XCTAssertTrue(String(decoding: written, as: UTF8.self).contains("\"_revision\" : 1"))
        XCTAssertEqual(SignatureShardFastDecoder.decode(written)?.signatures, shard().signatures, "the fast path takes the store's own files")
        let text = String(decoding: written, as: UTF8.self)
        for odd in [text.replacingOccurrences(of: "\"_revision\" : 1", with: "\"_revision\" : \"1\""),
                    text.replacingOccurrences(of: "\"_revision\" : 1", with: "\"_revision\" : 01"),
                    text.replacingOccurrences(of: "\"_revision\" : 1,", with: "\"_revision\" : 1, \"_revision\" : 2,")] {
            XCTAssertNil(SignatureShardFastDecoder.decode(Data(odd.utf8)), odd)
        }
    }

    func testReadsEscapesExactlyAsJSONDecoderDoes() throws {
        let text = String(decoding: try StoreJSON.makeEncoder().encode(shard()), as: UTF8.self)
        let escaped = Data(text.replacingOccurrences(of: "pupil-0007", with: "pupil-\\u0030007")
            .replacingOccurrences(of: "Zoë", with: "Zo\\u00EB")
            .replacingOccurrences(of: "\"os:sam\"", with: "\"os:sam\\/\\\"\\\\\\ud83d\\ude00\"").utf8)
        let fast = try XCTUnwrap(SignatureShardFastDecoder.decode(escaped))
        XCTAssertEqual(fast.signatures, try StoreJSON.makeDecoder().decode(SignatureShardDocument.self, from: escaped).signatures)
        XCTAssertEqual(fast.signatures.first?.personID, "pupil-0007")
        XCTAssertEqual(fast.signatures.first?.witness.id, "os:sam/\"\\😀")
        XCTAssertEqual(fast.signatures.last?.witness.name, "Zoë Ōkubo 李")
    }

    func testStepsAsideForAnythingUnusual() throws {
        let text = String(decoding: try StoreJSON.makeEncoder().encode(shard()), as: UTF8.self)
        let unusual = [
            text.replacingOccurrences(of: "pupil-0007", with: "pupil-\\ud800"),         // a lone surrogate
            text.replacingOccurrences(of: "\"method\"", with: "\"note\" : \"x\", \"method\""),  // an unknown key
            text.replacingOccurrences(of: "\"2026-09-03\"", with: "\"2026-02-30\""),      // no such day
            text.replacingOccurrences(of: "\"class\"", with: "5"),                        // a wrong type
            String(text.prefix(text.count / 2)),                                          // truncated
            text + "x",                                                                   // something after it
            text.replacingOccurrences(of: "pupil-0007", with: "pupil-\\x007"),          // no such escape
        ]
        for variant in unusual {
            XCTAssertNil(SignatureShardFastDecoder.decode(Data(variant.utf8)), variant)
        }
        var invalid = Data(text.utf8)
        invalid[invalid.firstRange(of: Data("Zo".utf8))!.upperBound] = 0xFF
        XCTAssertNil(SignatureShardFastDecoder.decode(invalid))
        // An escaped text is read by either path alike.
        let store = try makeStore()
        defer { store.close() }
        let escaped = Data(text.replacingOccurrences(of: "pupil-0007", with: "pupil-\\u0030007").utf8)
        try commitRaw(escaped, as: "shard", in: store)
        XCTAssertEqual(try store.load(SignatureShardDocument.self, from: "shard")?.signatures, shard().signatures)
        // The wrong type is refused with the usual message naming the file and the field.
        try commitRaw(Data(unusual[3].utf8), as: "shard", in: store)
        let error = storeError { _ = try store.load(SignatureShardDocument.self, from: "shard") }
        guard case .corrupt(let file, let reason)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(file, "shard.json")
        XCTAssertTrue(reason.contains("method"), reason)
    }
}
