import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The sealed incident index (`cache/incident-index.json`) on a real demo store: what it holds,
/// that the log takes summaries from it only while a file is as the index last saw it, and that
/// a missing, damaged or foreign index is rebuilt from the records.
final class IncidentIndexTests: DemoStoreTestCase {
    private static let indexFile = "cache/incident-index.json"
    private static let lead = "Tom Whitfield"
    private static let office = "Siobhán Byrne"

    // MARK: Helpers

    /// Signs a demo person in (every demo account has the same passphrase).
    private func signIn(_ fullName: String, in workspace: Workspace) throws -> Session {
        let person = try XCTUnwrap(workspace.directory.people.first { $0.fullName == fullName }, fullName)
        return try workspace.accounts().signIn(personID: person.id, passphrase: DemoData.passphrase)
    }

    /// Closes the store and opens it again with a person signed in, as the app does on its next
    /// start, and opens the incident log.
    @discardableResult
    private func reopen(as fullName: String = lead, access: StoreAccess = .readWrite) throws -> IncidentLog {
        workspace.store.close()
        workspace = try Workspace.open(at: storeURL, access: access, actor: sam)
        workspace.session = try signIn(fullName, in: workspace)
        return try workspace.incidents()
    }

    /// The index as saved in the store, opened with the signed-in lead's key (empty if there is
    /// none or it cannot be opened).
    private func savedIndex() throws -> IncidentIndex {
        let recordsKey = try XCTUnwrap(workspace.session?.recordsKey, "a lead is signed in")
        return IncidentIndex.load(from: workspace.store, key: IncidentIndex.key(from: recordsKey))
    }

    /// Seals and saves an index in the store with the signed-in lead's key.
    private func saveIndex(_ index: IncidentIndex) throws {
        let recordsKey = try XCTUnwrap(workspace.session?.recordsKey, "a lead is signed in")
        try index.save(to: workspace.store, key: IncidentIndex.key(from: recordsKey))
    }

    private var indexExists: Bool { FileManager.default.fileExists(atPath: path(Self.indexFile)) }

    /// Sets a file's modification time, as `touch -d` would (its status-change time moves too).
    private func touch(_ relative: String, to date: Date = Date(timeIntervalSince1970: 1_000_000_000)) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path(relative))
    }

    /// A complete report a member of staff might submit.
    private func report(description: String, involving names: [String]) -> IncidentReport {
        var report = IncidentReport()
        report.occurredOn = workspace.today
        report.reporterName = Self.office
        report.reporterRole = "School business manager"
        report.location = .inSchool
        report.involved = names.map { InvolvedParty(kind: .child, name: $0) }
        report.typeIDs = ["bullying", "other"]
        report.otherType = "Messages on a shared tablet"
        report.description = description
        report.access = .deliberate
        return report
    }

    /// Submits a report as the office account (which cannot read incidents), then signs nobody in.
    private func submitAsOffice(_ report: IncidentReport) throws -> IncidentRecord {
        workspace.session = try signIn(Self.office, in: workspace)
        let log = try workspace.incidents()
        XCTAssertNil(workspace.session?.recordsKey, "the office does not hold the records key")
        return try log.submit(report)
    }

    // MARK: What the index holds

    func testALeadsFirstOpeningSavesASealedIndexWithoutDescriptionsOrNames() throws {
        let unique = UUID().uuidString
        let description = "Description-\(unique): a pupil forwarded a screenshot"
        let name = "Quillon Ashgrove-\(unique.prefix(8))"
        let record = try submitAsOffice(report(description: description, involving: [name, "Zoë Ōkubo"]))

        let log = try reopen()
        XCTAssertEqual(log.summaries.count, 4)
        XCTAssertTrue(indexExists, "a lead's opening on a read-write store saves the index")
        let data = try bytes(Self.indexFile)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], "the index file is a JSON object")
        XCTAssertEqual(Set(json.keys), ["format", "sealedIndex"])
        XCTAssertEqual(json["format"] as? Int, IncidentIndex.format)
        XCTAssertNotNil(json["sealedIndex"] as? String, "the sealed entries, as base64")
        for secret in [description, unique, name, "Zoë Ōkubo", "Messages on a shared tablet", "Meet both families",
                       "Contact from an unknown adult in a game"] {
            XCTAssertNil(data.range(of: Data(secret.utf8)), "the index holds \(secret) in plain text")
        }
        let index = try savedIndex()
        XCTAssertEqual(Set(index.entries.keys), log.allIDs, "an entry for every incident")
        XCTAssertEqual(index.entries[record.id]?.summary.involved.map(\.name), [name, "Zoë Ōkubo"], "the names are inside the seal")
        XCTAssertTrue(workspace.store.check().isEmpty, "the cache is not a document missing from the audit log: \(workspace.store.check())")
    }

    // MARK: Using the index, and not trusting it

    func testReopeningAnUnchangedStoreGivesTheSummariesOfAFreshBuildWithoutRewritingTheIndex() throws {
        let built = try reopen().summaries
        XCTAssertEqual(built.count, 3)
        let saved = try bytes(Self.indexFile)

        XCTAssertEqual(try reopen().summaries, built)
        XCTAssertEqual(try bytes(Self.indexFile), saved, "nothing changed, so nothing was read again and the index was not resealed")

        try FileManager.default.removeItem(atPath: path("cache"))
        let rebuilt = try reopen()
        XCTAssertEqual(rebuilt.summaries, built, "summaries from the index are those read from the records")
        XCTAssertEqual(rebuilt.summaries, try rebuilt.allRecords().map(IncidentSummary.init))
        XCTAssertTrue(indexExists, "rebuilt")
    }

    func testSummariesComeFromTheIndexWhileAFileKeepsItsStampAndFromTheFileOnceItIsTouched() throws {
        let oldest = try XCTUnwrap(reopen().summaries.last)
        XCTAssertEqual(oldest.walkCount, 0)
        // Only a test holding the key can do this: change the summary in the index, keep the stamp.
        var index = try savedIndex()
        index.entries[oldest.id]?.summary.walkCount = 42
        try saveIndex(index)

        XCTAssertEqual(try reopen().summary(oldest.id)?.walkCount, 42, "taken from the index: the file was not read")

        try touch("incidents/\(oldest.id).json")
        let log = try reopen()
        XCTAssertEqual(log.summary(oldest.id), oldest, "the file's stamp changed, so it was read again")
        XCTAssertEqual(try savedIndex().entries[oldest.id]?.summary, oldest, "and the index brought up to date")
    }

    func testAFileRewrittenOutsideEsafetyIsReadAgainEvenWithAnIndexEntry() throws {
        let id = try XCTUnwrap(reopen().summaries.first?.id)
        XCTAssertNotNil(try savedIndex().entries[id], "the index has an entry for it")
        try put(Data("{ \"sealed\": garbage".utf8), at: "incidents/\(id).json")

        XCTAssertThrowsError(try reopen()) { error in
            guard case StoreError.corrupt(let file, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "incidents/\(id).json")
        }
    }

    func testADamagedOrForeignIndexIsIgnoredAndRebuilt() throws {
        let built = try reopen().summaries
        let good = try bytes(Self.indexFile)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: good) as? [String: Any])
        let sealed = try XCTUnwrap(Data(base64Encoded: XCTUnwrap(json["sealedIndex"] as? String)))
        func withSeal(_ seal: Data, format: Int = IncidentIndex.format) throws -> Data {
            try JSONSerialization.data(withJSONObject: ["format": format, "sealedIndex": seal.base64EncodedString()])
        }

        let other = root.appendingPathComponent("other")
        let otherWorkspace = try Workspace.create(at: other, actor: sam, demo: true)
        otherWorkspace.session = try signIn(Self.lead, in: otherWorkspace)
        XCTAssertEqual(try otherWorkspace.incidents().summaries.count, 3)
        otherWorkspace.store.close()
        let foreign = try Data(contentsOf: other.appendingPathComponent(Self.indexFile))

        let damaged: [(what: String, data: Data)] = [
            ("garbage", Data("not an index".utf8)),
            ("truncated JSON", good.prefix(good.count / 2)),
            ("a truncated seal", try withSeal(sealed.prefix(sealed.count - 20))),
            ("a flipped byte in the seal", try withSeal(sealed.enumerated().reduce(into: Data()) { $0.append($1.offset == 30 ? ~$1.element : $1.element) })),
            ("an unknown format", try withSeal(sealed, format: IncidentIndex.format + 1)),
            ("another store's key", foreign),
        ]
        for (what, data) in damaged {
            try put(data, at: Self.indexFile)
            let log = try reopen()
            XCTAssertEqual(log.summaries, built, "\(what): every incident is still listed")
            let rewritten = try bytes(Self.indexFile)
            XCTAssertNotEqual(rewritten, data, "\(what): the index was rewritten")
            XCTAssertEqual(Set(try savedIndex().entries.keys), Set(built.map(\.id)), "\(what): and opens with this store's key")
        }
    }

    // MARK: Changes

    func testAnIncidentFromSomeoneWithoutTheRecordsKeyIsListedOnTheLeadsNextOpening() throws {
        var submitted = report(description: "Pupils shared a login", involving: ["Zoë Ōkubo", "李 Wei"])
        submitted.involved.append(InvolvedParty(kind: .other, name: "A visitor"))
        let record = try submitAsOffice(submitted)
        XCTAssertFalse(indexExists, "the office cannot read or write the index")

        let log = try reopen()
        let summary = try XCTUnwrap(log.summary(record.id), "listed on the next opening")
        XCTAssertEqual(summary.status, .open)
        XCTAssertEqual(summary.typeIDs, ["bullying", "other"])
        XCTAssertEqual(summary.otherType, "Messages on a shared tablet")
        XCTAssertEqual(summary.involved, submitted.involved)
        XCTAssertEqual(summary.followUps, [])
        XCTAssertEqual(summary.occurredOn, submitted.occurredOn)
        let opened = try XCTUnwrap(log.record(record.id))
        XCTAssertEqual(summary, IncidentSummary(opened), "the summary matches the record")
        XCTAssertEqual(try savedIndex().entries[record.id]?.summary, summary)

        XCTAssertEqual(try reopen().summary(record.id), summary, "and the same from the index next time")
    }

    func testALeadsChangesShowAtOnceAndAfterReopening() throws {
        let log = try reopen()
        let id = try XCTUnwrap(log.openIncidents.first?.id)
        let due = try XCTUnwrap(workspace.today.adding(days: 7))
        let action = try log.addFollowUp(to: id, what: "Talk to the class", owner: nil, ownerName: "Zoë Ōkubo", due: due)
        try log.completeFollowUp(action.id, of: id, on: workspace.today)
        try log.close(id, outcome: "Class spoken to")

        let changed = try XCTUnwrap(log.summary(id))
        XCTAssertEqual(changed.status, .closed, "at once")
        XCTAssertEqual(changed.followUps.last?.what, "Talk to the class")
        XCTAssertEqual(changed.followUps.last?.doneOn, workspace.today)
        XCTAssertTrue(try workspace.incidents() === log && !log.openIncidents.contains { $0.id == id })

        let reopened = try reopen()
        XCTAssertEqual(reopened.summary(id), changed, "after reopening")
        XCTAssertEqual(reopened.summary(id), reopened.record(id).map(IncidentSummary.init))
        XCTAssertEqual(try savedIndex().entries[id]?.summary, changed, "the index was brought up to date")
        XCTAssertEqual(try reopen().summary(id), changed, "and is used from there")
    }

    func testDeletingAnIncidentFileDropsItFromTheSummariesAndTheIndex() throws {
        let ids = try reopen().summaries.map(\.id)
        let gone = try XCTUnwrap(ids.first)
        try FileManager.default.removeItem(atPath: path("incidents/\(gone).json"))

        let log = try reopen()
        XCTAssertEqual(log.summaries.map(\.id), Array(ids.dropFirst()))
        XCTAssertFalse(log.allIDs.contains(gone))
        XCTAssertEqual(log.unreadableCount, 0)
        XCTAssertEqual(Set(try savedIndex().entries.keys), Set(ids.dropFirst()), "the saved index drops it too")
    }

    // MARK: Read-only

    func testAReadOnlyWorkspaceNeverWritesTheIndex() throws {
        try? FileManager.default.removeItem(atPath: path("cache"))
        let log = try reopen(access: .readOnly)
        XCTAssertEqual(log.summaries.count, 3, "a lead reads every incident from the files")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("cache")), "no cache folder on a read-only store")

        // With an index that is out of date, a read-only opening reads the changed file and leaves the index alone.
        let built = try reopen().summaries
        let saved = try bytes(Self.indexFile)
        try touch("incidents/\(try XCTUnwrap(built.first).id).json")
        XCTAssertEqual(try reopen(access: .readOnly).summaries, built)
        XCTAssertEqual(try bytes(Self.indexFile), saved)
    }

    // MARK: The codec

    func testTheCodecRoundTripsEveryField() throws {
        let entries = try Self.codecSamples()
        let data = IncidentIndexCodec.encode(entries)
        XCTAssertEqual(IncidentIndexCodec.decode(data), entries)
        XCTAssertEqual(IncidentIndexCodec.decode(IncidentIndexCodec.encode([])), [])
    }

    func testTheCodecRefusesTruncatedOrTrailingBytesAndUnknownValues() throws {
        let entries = try Self.codecSamples()
        let data = IncidentIndexCodec.encode(entries)
        for cut in [0, 1, 7, 8, 9, data.count / 2, data.count - 8, data.count - 1] {
            XCTAssertNil(IncidentIndexCodec.decode(data.prefix(cut)), "cut to \(cut) of \(data.count) bytes")
        }
        XCTAssertNil(IncidentIndexCodec.decode(data + [0]), "a trailing byte")
        XCTAssertNil(IncidentIndexCodec.decode(data + Data(count: 8)), "trailing bytes")

        let one = IncidentIndexCodec.encode([entries[1]])
        XCTAssertNotNil(IncidentIndexCodec.decode(one))
        XCTAssertNil(IncidentIndexCodec.decode(Self.replacing("noFurtherAction", with: "noFurtherActio!", in: one)), "an unknown status")
        XCTAssertNil(IncidentIndexCodec.decode(Self.replacing("staff", with: "staf!", in: one)), "an unknown kind of person involved")
        var invalidUTF8 = one
        invalidUTF8[try XCTUnwrap(one.range(of: Data("staff".utf8))).lowerBound] = 0xFF
        XCTAssertNil(IncidentIndexCodec.decode(invalidUTF8), "a string that is not UTF-8")
        var hugeCount = one
        hugeCount.replaceSubrange(0..<8, with: withUnsafeBytes(of: Int64(1_000_000).littleEndian) { Data($0) })
        XCTAssertNil(IncidentIndexCodec.decode(hugeCount), "more entries than the bytes could hold")
        var negativeCount = one
        negativeCount.replaceSubrange(0..<8, with: withUnsafeBytes(of: Int64(-1).littleEndian) { Data($0) })
        XCTAssertNil(IncidentIndexCodec.decode(negativeCount), "a negative count")
    }

    func testTheIndexFileIsWrittenAsTheStoresEncoderWritesIt() throws {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 3, 64, 1_000] {
            let seal = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }) + Data([0xFB, 0xFF, 0xFE])  // "+", "/"
            let file = IncidentIndex.SealedFile(format: IncidentIndex.format, sealedIndex: seal)
            XCTAssertEqual(file.fastEncoded(), try StoreJSON.makeEncoder().encode(file), "\(length) bytes")
        }
    }

    /// `data` with the one occurrence of `text` replaced by `replacement` (of the same length).
    private static func replacing(_ text: String, with replacement: String, in data: Data) -> Data {
        var copy = data
        guard let range = data.range(of: Data(text.utf8)) else { XCTFail("\(text) not in the data"); return data }
        XCTAssertNil(data[range.upperBound...].range(of: Data(text.utf8)), "\(text) occurs once")
        copy.replaceSubrange(range, with: Data(replacement.utf8))
        return copy
    }

    /// Entries with every optional set, every optional unset, non-ASCII names, follow-ups done and
    /// not, and extreme numbers (a date before 1970, the largest inode).
    private static func codecSamples() throws -> [IncidentIndex.Entry] {
        let due = try XCTUnwrap(CivilDate(year: 2026, month: 12, day: 1))
        var done = FollowUpAction(id: 1, what: "Speak to Zoë's parents", ownerPersonID: "P0001", ownerName: "Amira Haddad", due: due)
        done.doneOn = CivilDate(year: 2026, month: 11, day: 30)
        done.doneBy = "李 Wei"
        let notDone = FollowUpAction(id: 2, what: "Check the filter", ownerPersonID: nil, ownerName: "Zoë Ōkubo", due: due)
        let everything = IncidentSummary(
            id: "2026-0001", recordedAt: Date(timeIntervalSince1970: 1_795_600_800), status: .closed,
            occurredOn: CivilDate(year: 2026, month: 11, day: 20), typeIDs: ["bullying", "other"], otherType: "Ein Spiel – ゲーム",
            involved: [InvolvedParty(kind: .child, name: "Zoë Ōkubo", personID: "R0042"), InvolvedParty(kind: .staff, name: "李", personID: "P0007"),
                       InvolvedParty(kind: .other, name: "Someone unknown")],
            allegationAgainstStaff: true, followUps: [done, notDone], walkCount: 3,
            recordedBy: AuditActor(id: "person:P0003", name: "Siobhán Byrne – 李"))
        let nothing = IncidentSummary(
            id: "1969-0002", recordedAt: Date(timeIntervalSince1970: -86_400.5), status: .noFurtherAction, occurredOn: nil, typeIDs: [],
            otherType: "", involved: [InvolvedParty(kind: .staff, name: "")], allegationAgainstStaff: nil, followUps: [], walkCount: 0,
            recordedBy: AuditActor(id: "", name: ""))
        var no = nothing
        no.id = "2026-0003"
        no.status = .open
        no.recordedAt = Date(timeIntervalSince1970: 0)
        no.allegationAgainstStaff = false
        no.involved = []
        return [
            IncidentIndex.Entry(summary: everything, stamp: StoreFileStamp(device: UInt64.max, inode: UInt64.max, size: Int64.max,
                                                                           modifiedSeconds: 1_795_600_800, modifiedNanoseconds: 123_456_789,
                                                                           changedSeconds: Int64.max, changedNanoseconds: 987_654_321)),
            IncidentIndex.Entry(summary: nothing, stamp: StoreFileStamp(device: 0, inode: 0, size: 0, modifiedSeconds: -1, modifiedNanoseconds: 0,
                                                                        changedSeconds: Int64.min, changedNanoseconds: 0)),
            IncidentIndex.Entry(summary: no, stamp: StoreFileStamp(device: 2_049, inode: 12_345, size: 2_048, modifiedSeconds: 0,
                                                                   modifiedNanoseconds: 1, changedSeconds: 1, changedNanoseconds: 0)),
        ]
    }
}
