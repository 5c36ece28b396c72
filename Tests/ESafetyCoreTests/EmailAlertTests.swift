import CivilTime
@testable import ESafetyCore
import Foundation
import XCTest

/// The e-mail alert end to end: a real SMTP receiver (Python's aiosmtpd, started here on
/// loopback) receives the message for a new incident, with no details of it; a relay that is
/// not there is recorded for the dashboards and the incident is still saved.
final class EmailAlertTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        setenv("ESAFETY_SCRYPT_COST_LOG2", "10", 1)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("esafety-alert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        addTeardownBlock { [root] in try? FileManager.default.removeItem(at: root!) }
    }

    private static let receiver = """
    import asyncio, sys
    from aiosmtpd.smtp import SMTP
    class Handler:
        async def handle_DATA(self, server, session, envelope):
            sys.stdout.write("ENVELOPE %s -> %s\\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos)))
            sys.stdout.write(envelope.content.decode("utf-8", "replace").replace("\\r\\n", "\\n") + "\\n.END\\n")
            sys.stdout.flush()
            return "250 OK"
    async def main():
        server = await asyncio.get_running_loop().create_server(lambda: SMTP(Handler()), "127.0.0.1", 0)
        print("PORT", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.sleep(120)
    asyncio.run(main())
    """

    private func report(_ workspace: Workspace) -> IncidentReport {
        var report = IncidentReport()
        report.occurredOn = workspace.today
        report.reporterName = "Siobhán Byrne"
        report.reporterRole = "Office manager"
        report.location = .inSchool
        report.involved = [InvolvedParty(kind: .child, name: "Zoë Ōkubo")]
        report.typeIDs = ["gambling"]
        report.description = "Secret description text"
        report.access = .accidental
        return report
    }

    func testTheAlertReachesARealSMTPReceiverWithNoDetails() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import aiosmtpd"]
        probe.standardError = FileHandle.nullDevice
        try? probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            throw XCTSkip("python3 with aiosmtpd is not installed (pip install aiosmtpd; .ci/run installs it)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", "-c", Self.receiver]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var received = ""
        func readUntil(_ marker: String) {
            while !received.contains(marker) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                received += String(decoding: chunk, as: UTF8.self)
            }
        }
        readUntil("\n")
        let port = try XCTUnwrap(received.split(separator: "\n").first.flatMap { Int($0.split(separator: " ").last ?? "") }, received)

        let admin = try Workspace.create(at: root.appendingPathComponent("store"), actor: AuditActor(id: "test", name: "Test"), demo: true)
        var settings = AlertSettings()
        settings.enabled = true
        settings.transport = .smtp
        settings.smtpPort = port
        settings.addresses = ["lead@hollybrook.example", "head@hollybrook.example"]
        settings.from = "esafety@hollybrook.example"
        try admin.updateAlertSettings(settings)  // the demo's head teacher is the administrator
        let office = try XCTUnwrap(admin.directory.people.first { $0.fullName == "Siobhán Byrne" })
        admin.session = try admin.accounts().signIn(personID: office.id, passphrase: DemoData.passphrase)
        let record = try admin.incidents().submit(report(admin))
        XCTAssertNil(admin.sendNewIncidentAlert(for: record))
        readUntil(".END")
        XCTAssertTrue(received.contains("ENVELOPE esafety@hollybrook.example -> lead@hollybrook.example,head@hollybrook.example"), received)
        XCTAssertTrue(received.contains("A new e-safety incident (\(record.id)) was recorded at "), received)
        XCTAssertTrue(received.contains("Sign in to esafety to read it."))
        for secret in ["Zoë", "Secret description", "gambling", "Siobhán"] {
            XCTAssertFalse(received.contains(secret), "the alert gives away \(secret): \(received)")
        }
    }

    func testAFailedSendIsRecordedAndTheIncidentIsStillSaved() throws {
        let workspace = try Workspace.create(at: root.appendingPathComponent("store"), actor: AuditActor(id: "test", name: "Test"), demo: true)
        var settings = AlertSettings()
        settings.enabled = true
        settings.transport = .smtp
        settings.smtpPort = 9  // discard: nothing listens on loopback here
        settings.addresses = ["lead@hollybrook.example"]
        try workspace.updateAlertSettings(settings)
        let office = try XCTUnwrap(workspace.directory.people.first { $0.fullName == "Siobhán Byrne" })
        workspace.session = try workspace.accounts().signIn(personID: office.id, passphrase: DemoData.passphrase)
        let record = try workspace.incidents().submit(report(workspace))
        let problem = try XCTUnwrap(workspace.sendNewIncidentAlert(for: record))
        XCTAssertTrue(problem.contains("cannot connect"), problem)
        XCTAssertTrue(try workspace.incidents().allIDs.contains(record.id), "the save stands")
        XCTAssertEqual(try workspace.attention.failedAlerts().first?.incidentID, record.id)
        XCTAssertThrowsError(try workspace.updateAlertSettings(settings), "office staff may not change the settings")
    }
}
