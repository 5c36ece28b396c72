import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// A person record, standing in for the domain models in these tests.
struct TestPerson: Codable, Equatable {
    var id: String
    var name: String
    var yearGroup: Int
    var born: Date?
}

/// A document of people, as the app might store it.
struct TestPeople: Codable, Equatable {
    var people: [TestPerson]

    static let sample = TestPeople(people: [
        TestPerson(id: "p1", name: "Zoë Ōkubo", yearGroup: 4, born: Date(timeIntervalSince1970: 1_400_000_000)),
        TestPerson(id: "p2", name: "李 Wei", yearGroup: 6, born: nil),
    ])
}

/// A value whose encoding always fails, to test that a failed save changes nothing.
struct UnencodableDocument: Encodable {
    struct Refused: Error {}
    func encode(to encoder: any Encoder) throws { throw Refused() }
}

/// Base class for store tests: a fresh temporary folder per test, removed afterwards.
class StoreTestCase: XCTestCase {
    /// A fresh folder for this test; the store goes in `root/store`.
    var root: URL!
    let sam = AuditActor(id: "staff-7", name: "Sam Patel")

    var storeURL: URL { root.appendingPathComponent("store").standardizedFileURL }

    override func setUpWithError() throws {
        try super.setUpWithError()
        setenv("ESAFETY_SCRYPT_COST_LOG2", "10", 1)  // quick accounts in tests; real ones use 2^15
        var template = Array((NSTemporaryDirectory() + "/esafety-store-tests-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw StoreIOFailure(operation: "mkdtemp", path: NSTemporaryDirectory(), code: errno) }
        root = URL(fileURLWithPath: String(cString: made), isDirectory: true).standardizedFileURL
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
        try super.tearDownWithError()
    }

    /// The path of a file relative to the store folder.
    func path(_ relative: String) -> String { storeURL.appendingPathComponent(relative).path }

    /// The exact bytes of a file in the store.
    func bytes(_ relative: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(relative))) }

    /// Writes raw bytes into the store folder, as a person or another program might.
    func put(_ data: Data, at relative: String) throws {
        try data.write(to: URL(fileURLWithPath: path(relative)))
    }

    /// Permission bits of a file or folder (0o777 part).
    func mode(_ absolutePath: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(lstat(absolutePath, &info), 0, "stat \(absolutePath)")
        return info.st_mode & 0o777
    }

    /// Every file whose name marks it as a temporary file, anywhere in the store.
    func temporaryFiles() -> [String] {
        let walker = FileManager.default.enumerator(atPath: storeURL.path)
        var found: [String] = []
        while let name = walker?.nextObject() as? String {
            if (name as NSString).lastPathComponent.contains(".tmp-") { found.append(name) }
        }
        return found
    }

    /// Creates a store holding `TestPeople.sample` in "people".
    func makeStore() throws -> Store {
        try Store.create(at: storeURL) { store in
            try store.save(TestPeople.sample, to: "people", actor: .system, action: "people.seed",
                           recordID: nil, summary: "Added the sample people")
        }
    }

    /// Commits raw bytes as a document, as a school's own esafety would have written them (for
    /// tests of unusual but valid files: an outside edit would be refused as tampering).
    func commitRaw(_ data: Data, as name: String, in store: Store) throws {
        try store.commit(actor: .system, action: "test.raw", summary: "Wrote \(name) for a test") { transaction in
            transaction.overwritesUnproven = true
            try transaction.writeRaw(data, to: StoreDocumentName(name))
        }
    }

    /// True while `.commit` names a commit (a crash left one half done).
    func commitUnderWay() -> Bool {
        guard let data = FileManager.default.contents(atPath: path(Store.commitMarkerName)) else { return false }
        return data.contains { $0 != 0x20 && $0 != 0x0A }
    }

    /// The office's report of bullying of a fictional pupil (Zoë Ōkubo), made today, and an
    /// allegation against `subject` where one is named.
    func officeReport(_ description: String, on day: CivilDate, allegationAgainst subject: Person? = nil) -> IncidentReport {
        var report = IncidentReport()
        report.occurredOn = day
        report.reporterName = "Siobhán Byrne"
        report.reporterRole = "School business manager"
        report.location = .inSchool
        report.involved = [InvolvedParty(kind: .child, name: "Zoë Ōkubo")]
        if let subject {
            report.involved.append(InvolvedParty(kind: .staff, name: subject.fullName, personID: subject.id))
            report.allegationAgainstStaff = true
        }
        report.typeIDs = ["bullying"]
        report.description = description
        report.access = .deliberate
        return report
    }

    /// A complete fictional incident report, as the office would submit it.
    func sampleReport(on day: CivilDate, description: String = "A fictional incident for a test.") -> IncidentReport {
        var report = IncidentReport()
        report.occurredOn = day
        report.reporterName = "Test Reporter"
        report.reporterRole = "Office"
        report.location = .inSchool
        report.involved = [InvolvedParty(kind: .child, name: "A fictional child")]
        report.typeIDs = ["bullying"]
        report.riskAreaIDs = ["conduct"]
        report.description = description
        report.access = .deliberate
        report.materialUseIDs = ["transmitted"]
        report.childActions = [ActionTaken(itemID: "reported-head", by: "Test Reporter", on: day)]
        return report
    }

    /// A new store with its head teacher (the administrator, signed in), e-safety lead and
    /// office staff, each given an account whose passphrase is "passphrase " + their id, and any
    /// `others` (full name, role) given accounts too. Returns the people by full name.
    func schoolWithAccounts(others: [(String, String)] = []) throws -> (Workspace, [String: Person]) {
        let workspace = try Workspace.create(at: storeURL, actor: sam)
        var people: [String: Person] = [:]
        let roles = [("Amira Haddad", Role.WellKnown.headTeacher), ("Tom Whitfield", Role.WellKnown.esafetyLead),
                     ("Siobhán Byrne", "")] + others
        for (name, role) in roles {
            let person = try workspace.addPerson(fullName: name)
            if !role.isEmpty { try workspace.assign(personID: person.id, to: role) }
            people[name] = person
        }
        let head = try XCTUnwrap(people["Amira Haddad"])
        _ = try workspace.setUp(administrator: head.id, passphrase: "passphrase \(head.id)")
        for (name, _) in roles.dropFirst() {
            let person = try XCTUnwrap(people[name])
            try workspace.addUser(personID: person.id, passphrase: "passphrase \(person.id)", isAdministrator: false)
        }
        return (workspace, people)
    }

    /// Signs `person` in with the passphrase `schoolWithAccounts` gave them.
    func signIn(_ person: Person, to workspace: Workspace) throws -> Session {
        try workspace.accounts().signIn(personID: person.id, passphrase: "passphrase \(person.id)")
    }

    /// A demo store with its head teacher signed in.
    func demoWorkspace(at url: URL? = nil, now: Date = Date(timeIntervalSince1970: 1_795_600_000)) throws -> Workspace {
        let workspace = try Workspace.create(at: url ?? storeURL, actor: sam, demo: true, now: { now })
        let head = try XCTUnwrap(workspace.directory.holders(of: Role.WellKnown.headTeacher).first)
        workspace.session = try workspace.accounts().signIn(personID: head.id, passphrase: DemoData.passphrase)
        return workspace
    }

    /// Runs `body`, which must throw a StoreError, and returns it.
    func storeError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> StoreError? {
        do {
            try body()
            XCTFail("expected a StoreError, but nothing was thrown", file: file, line: line)
        } catch let error as StoreError {
            return error
        } catch {
            XCTFail("expected a StoreError, got \(error)", file: file, line: line)
        }
        return nil
    }
}
